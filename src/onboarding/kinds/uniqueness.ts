import type { Bilingual } from '../../common/i18n/messages';
import type { RowProblems } from '../row-problems';

export interface KeyedRow {
  row: number;
  /** The normalised value that must be unique (stored form). */
  key: string;
}

/**
 * A value that must be unique on the platform (a tax code, a GTIN) may be taken already, or appear
 * twice in the file; the later row is the one reported, pointing at the first.
 */
export function flagDuplicates(
  problems: RowProblems,
  field: string,
  rows: KeyedRow[],
  taken: ReadonlySet<string>,
  messages: { taken: (key: string) => Bilingual; label: Bilingual },
): void {
  const firstRow = new Map<string, number>();
  for (const { row, key } of rows) {
    const first = firstRow.get(key);
    if (taken.has(key)) problems.add(row, field, messages.taken(key));
    else if (first !== undefined) {
      problems.add(row, field, {
        vi: `${messages.label.vi} ${key} trùng với dòng ${first} của tệp`,
        en: `${messages.label.en} ${key} repeats row ${first} of the file`,
      });
    } else firstRow.set(key, row);
  }
}
