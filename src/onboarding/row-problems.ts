import type { Bilingual, Lang } from '../common/i18n/messages';
import { pick } from '../common/i18n/messages';
import type { ColumnSpec } from './kinds/column-spec';

export interface RowProblem {
  row: number;
  field: string;
  message: string | Bilingual;
}

/** A problem as the officer reads it: the row and column of the file, in their language. */
export interface RowError {
  row: number;
  column: string | null;
  field: string;
  message: string;
}

// Every problem of every row, collected rather than thrown: the officer fixes the whole file in one go.
export class RowProblems {
  private readonly problems: RowProblem[] = [];
  private readonly keys = new Set<string>();
  // By row, so that the checks of a 5,000-row file ask about their own row without scanning every problem.
  private readonly byRow = new Map<number, RowProblem[]>();

  add(row: number, field: string, message: string | Bilingual): void {
    // class-validator reports one message per failed constraint; several constraints of a DTO field
    // share a message (e.g. declaredAreaHa), which the officer needs to read once.
    const key = `${row}\u0000${field}\u0000${typeof message === 'string' ? message : message.vi}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    const problem = { row, field, message };
    this.problems.push(problem);
    this.byRow.set(row, [...(this.byRow.get(row) ?? []), problem]);
  }

  hasRow(row: number): boolean {
    return this.byRow.has(row);
  }

  /** Whether the row already has a problem on this field or below it ("address" covers "address.street"). */
  hasField(row: number, field: string): boolean {
    return (this.byRow.get(row) ?? []).some((p) => p.field === field || p.field.startsWith(`${field}.`));
  }

  get rowCount(): number {
    return this.byRow.size;
  }

  /** Sorted by row, then by the column order of the template. */
  toErrors(columns: ColumnSpec[], lang: Lang): RowError[] {
    const order = (field: string) => {
      const column = columnFor(columns, field);
      return column ? columns.indexOf(column) : columns.length;
    };
    return [...this.problems]
      .sort((a, b) => a.row - b.row || order(a.field) - order(b.field))
      .map((p) => {
        const column = columnFor(columns, p.field);
        return { row: p.row, column: column?.header ?? null, field: p.field, message: localise(p.message, lang, p.field, columns) };
      });
  }
}

/** The column that holds a field: exact, or the column of a nested part ("boundary.coordinates[0]"). */
export function columnFor(columns: ColumnSpec[], field: string): ColumnSpec | undefined {
  return (
    columns.find((c) => c.field === field) ??
    columns.find((c) => field.startsWith(`${c.field}.`) || field.startsWith(`${c.field}[`)) ??
    columns.find((c) => c.field.startsWith(`${field}.`))
  );
}

const bare = (c: ColumnSpec) => `“${c.header.replace(/\*$/, '')}”`;

// DTO messages are written for API clients: "declaredAreaHa: the area (ha) must be…", "Give communeCode
// or oldCommuneCode". In a spreadsheet report the column is given beside the message, so the leading
// field name goes, and API names inside the text become the column headers the officer sees.
export function localise(message: string | Bilingual, lang: Lang, field: string, columns: ColumnSpec[]): string {
  let text = pick(message, lang);
  const last = field.split('.').pop()!;
  for (const prefix of [field, last]) {
    if (text.startsWith(`${prefix}: `)) {
      text = text.slice(prefix.length + 2);
      break;
    }
  }
  const own = columnFor(columns, field);
  if (own && (text.startsWith(`${field} `) || text.startsWith(`${last} `))) {
    text = bare(own) + text.slice(text.startsWith(`${field} `) ? field.length : last.length);
  }
  text = text.replace(/\b(?:[a-z]+\.)*[a-z]+[A-Z][A-Za-z]*\b/g, (name) => {
    const leaf = name.split('.').pop()!;
    const column = columns.find((c) => c.field === name || c.field.split('.').pop() === leaf);
    return column ? bare(column) : name;
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
