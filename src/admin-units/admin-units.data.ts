import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../common/project-root';

export interface Province {
  code: number;
  name: string;
  divisionType: string;
}
export interface Commune {
  code: number;
  name: string;
  divisionType: string;
  provinceCode: number;
}
/** A row of the official old-to-new table: an old commune (or part of it) became part of `newCommuneCode`. */
export interface CommuneConversion {
  oldCode: number;
  oldName: string;
  oldDistrict: string;
  oldProvince: string;
  newCode: number;
  note: string;
}

export interface AdminUnitsData {
  provinces: Province[];
  communes: Commune[];
  conversions: CommuneConversion[];
}

// Official units in force since 1 July 2025 and the official conversion table, shipped with the code
// (copied from shared/data/vn-admin-2025, see data/README.md). Loaded once; a few MB in memory.
export function loadAdminUnits(dir = join(findProjectRoot(__dirname), 'src', 'admin-units', 'data')): AdminUnitsData {
  const raw = JSON.parse(readFileSync(join(dir, 'divisions-2025-07.json'), 'utf8')) as RawProvince[];
  const provinces = raw.map((p) => ({ code: p.code, name: p.name.normalize('NFC'), divisionType: p.division_type }));
  const communes = raw.flatMap((p) =>
    p.wards.map((w) => ({ code: w.code, name: w.name.normalize('NFC'), divisionType: w.division_type, provinceCode: p.code })),
  );
  const csv = readFileSync(join(dir, 'old-to-new-communes-2025-07.csv'), 'utf8');
  return { provinces, communes, conversions: parseConversions(csv) };
}

interface RawProvince {
  code: number;
  name: string;
  division_type: string;
  wards: { code: number; name: string; division_type: string }[];
}

// Columns: new province, new commune name, new code, old commune name, old code, note, old district, old province.
// Two title rows and one heading row per province precede the data.
function parseConversions(csv: string): CommuneConversion[] {
  return parseCsv(csv)
    .filter((cells) => /^\d{5}$/.test(cells[2] ?? '') && /^\d{5}$/.test(cells[4] ?? ''))
    .map((c) => ({
      newCode: Number(c[2]),
      oldName: c[3].normalize('NFC').trim(),
      oldCode: Number(c[4]),
      note: c[5].normalize('NFC').trim(),
      oldDistrict: stripCode(c[6]),
      oldProvince: stripCode(c[7]),
    }));
}

const stripCode = (s: string) => s.replace(/\s*\(\d+\)\s*$/, '').normalize('NFC').trim();

/** RFC 4180 CSV: quoted cells may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      cell += ch;
    }
  }
  if (cell || row.length) endRow();
  return rows;
}
