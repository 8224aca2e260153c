import { CellValue, Workbook } from 'exceljs';
import fc from 'fast-check';
import { AdminUnitsService } from '../../src/admin-units/admin-units.service';
import type { Commune } from '../../src/admin-units/admin-units.data';
import { DomainException } from '../../src/common/errors/domain.exception';
import { checkBoundary } from '../../src/planting-areas/boundary-geometry';
import { CreatePlantingAreaDto } from '../../src/planting-areas/dto/create-planting-area.dto';
import { AddressCells } from '../../src/onboarding/address-cells';
import { CellInput, ColumnSpec, readCell, toNumber } from '../../src/onboarding/kinds/column-spec';
import { COOPERATIVE_COLUMNS } from '../../src/onboarding/kinds/cooperative-columns';
import { CROP_TYPE_CHOICES, PLANTING_AREA_COLUMNS, STANDARD_CHOICES } from '../../src/onboarding/kinds/planting-area-columns';
import { PRODUCT_COLUMNS, UNIT_CHOICES } from '../../src/onboarding/kinds/product-columns';
import { dataRows, mapHeader, parseRow, resolveAddress, validateRow } from '../../src/onboarding/row-reader';
import { RowProblems } from '../../src/onboarding/row-problems';
import { parseDelimited, toCsv } from '../../src/onboarding/spreadsheet/csv';
import { cellInput, readSheet } from '../../src/onboarding/spreadsheet/sheet-reader';
import { csvTemplate, exampleRow } from '../../src/onboarding/spreadsheet/template-writer';
import { unicodeChar, unicodeText } from './oracles';

// Spreadsheet uploads: cells as exceljs hands them over, numbers as officers type them, CSV as Excel
// writes it, and whole planting-area rows through the same steps as PlantingAreasImporter.check.

const units = new AdminUnitsService();
const addressCells = new AddressCells(units);
const columns = PLANTING_AREA_COLUMNS;
const column = (field: string) => columns.find((c) => c.field === field)!;

const vietnameseWord = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ'), minLength: 2, maxLength: 8 });
const phrase = fc.array(vietnameseWord, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

describe('numbers typed into cells (property)', () => {
  it('reads a decimal written with a point or a Vietnamese comma and grouped with spaces', () => {
    const typed = fc
      .tuple(fc.boolean(), fc.integer({ min: 0, max: 999_999_999 }), fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 4 })), fc.constantFrom('.', ','), fc.constantFrom('', ' ', '\u00a0', '\u202f'))
      .map(([negative, whole, fraction, mark, group]) => {
        const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, group);
        const sign = negative ? '-' : '';
        return { text: `${sign}${grouped}${fraction === null ? '' : mark + fraction}`, value: Number(`${sign}${whole}${fraction === null ? '' : '.' + fraction}`) };
      });
    fc.assert(
      fc.property(typed, fc.constantFrom('', ' ', '  '), ({ text, value }, pad) => {
        expect(toNumber(pad + text + pad)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('returns either the cell as typed or a number that is not NaN, and never guesses "1.200,5"', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789.,-+ e'), maxLength: 12 }));
    fc.assert(
      fc.property(fc.oneof(text, fc.double({ noNaN: true })), (cell) => {
        const result = toNumber(cell);
        if (typeof cell === 'number') return expect(result).toBe(cell);
        if (typeof result === 'number') {
          expect(Number.isNaN(result)).toBe(false);
          expect(cell.replace(/[\s\u00a0\u202f]/g, '')).toMatch(/^[-+]?\d+([.,]\d+)?$/);
        } else {
          expect(result).toBe(cell);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('readCell never throws, whatever the column kind and the cell', () => {
    const kinds = [
      { type: 'text' },
      { type: 'text', fromNumber: (n: number) => `0${n}` },
      { type: 'decimal' },
      { type: 'integer' },
      { type: 'choice', choices: STANDARD_CHOICES },
      { type: 'choice', choices: UNIT_CHOICES },
      { type: 'list' },
      { type: 'json' },
      { type: 'province' },
      { type: 'commune' },
    ] as const;
    const cell: fc.Arbitrary<CellInput> = fc.oneof(fc.string(), unicodeText(), fc.json(), fc.double({ noNaN: true, noDefaultInfinity: true }), phrase);
    fc.assert(
      fc.property(fc.constantFrom(...kinds), cell, (kind, value) => {
        const result = readCell(kind, value);
        if (kind.type === 'list') {
          expect(Array.isArray(result)).toBe(true);
          for (const item of result as string[]) expect(item === item.trim() && item !== '' && !/[;\n\r]/.test(item)).toBe(true);
        }
        if (kind.type === 'choice') {
          const values = kind.choices.map((c) => c.value);
          expect(values.includes(result as string) || result === String(value).trim()).toBe(true);
        }
        if (kind.type === 'text') expect(typeof result).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});

// What exceljs can hand over for a cell, and what a person sees in it.
type Sample = { value: CellValue; numFmt?: string; sees: CellInput | undefined };
const visibleText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
const midnight = fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));
const excelError = fc.constantFrom('#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!');
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0));
const sample: fc.Arbitrary<Sample> = fc.oneof(
  visibleText.map((s) => ({ value: s, sees: s })),
  fc.constantFrom('', ' ', '  \t').map((s) => ({ value: s, sees: undefined })),
  finite.map((n) => ({ value: n, sees: n })),
  fc.boolean().map((b) => ({ value: b, sees: String(b) })),
  midnight.map((d) => ({ value: d, sees: d.toISOString().slice(0, 10) })),
  fc.array(visibleText, { minLength: 1, maxLength: 3 }).map((parts) => ({ value: { richText: parts.map((text) => ({ text })) }, sees: parts.join('') })),
  fc.tuple(visibleText, fc.webUrl()).map(([text, hyperlink]) => ({ value: { text, hyperlink }, sees: text })),
  fc.oneof(finite, visibleText).map((result) => ({ value: { formula: '1+1', result }, sees: result })),
  excelError.map((error) => ({ value: { error } as CellValue, sees: error })),
  // A date format on a number past 9999-12-31 (serial 2 958 465): Excel shows #####.
  fc.double({ min: 2_958_466, max: 1e300, noNaN: true }).map((n) => ({ value: n, numFmt: 'yyyy-mm-dd', sees: '#####' })),
);

describe('cells of an uploaded XLSX (property)', () => {
  it('cellInput never throws, and gives undefined, a finite number or visible text', () => {
    const odd = fc.oneof(
      fc.constantFrom(NaN, Infinity, -Infinity, null, undefined, new Date(NaN), new Date(8.64e15), new Date(-8.64e15)),
      fc.date({ noInvalidDate: false }),
      fc.double(),
    );
    fc.assert(
      fc.property(fc.oneof(sample.map((s) => s.value), odd), (value) => {
        const seen = cellInput(value as CellValue);
        if (seen === undefined) return;
        if (typeof seen === 'number') expect(Number.isFinite(seen)).toBe(true);
        else expect(seen.trim()).not.toBe('');
      }),
      { numRuns: 1000 },
    );
  });

  it('readSheet reads back what a workbook holds, cell by cell, as a person sees it', async () => {
    const grid = fc.array(fc.array(fc.option(sample, { nil: null, freq: 4 }), { maxLength: 5 }), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(grid, fc.constantFrom('Dữ liệu', 'Sheet1'), async (rows, sheetName) => {
        const workbook = new Workbook();
        const sheet = workbook.addWorksheet(sheetName);
        rows.forEach((cells, r) =>
          cells.forEach((s, c) => {
            if (!s) return;
            const cell = sheet.getCell(r + 1, c + 1);
            cell.value = s.value;
            if (s.numFmt) cell.numFmt = s.numFmt;
          }),
        );
        const table = await readSheet(Buffer.from(await workbook.xlsx.writeBuffer()));
        const expected = rows
          .map((cells, r) => {
            const last = cells.reduce((at, s, c) => (s ? c : at), -1);
            return { row: r + 1, cells: cells.slice(0, last + 1).map((s) => s?.sees) };
          })
          .filter((line) => line.cells.some((c) => c !== undefined));
        expect(table).toEqual({ format: 'xlsx', lines: expected });
      }),
      { numRuns: 25 }, // each run writes and reads a workbook with exceljs
    );
  });
});

describe('CSV as Excel writes it (property)', () => {
  // The separator is guessed from the header row, as the one it uses most outside quotes; the templates'
  // headers contain neither separator, so header cells here do not either (a header such as "a,b,c;d"
  // written with ";" is read with "," — see the report of this suite).
  const cellText = fc.string({ unit: fc.oneof(fc.constantFrom(',', ';', '"', '\n', '\r', '\r\n', ' ', '\uFEFF'), unicodeChar), maxLength: 10 });
  const headerText = cellText.filter((s) => !/[,;]/.test(s));

  it('reads back what toCsv wrote, with either separator', () => {
    const table = fc
      .integer({ min: 2, max: 5 }) // a one-column header has no separator to tell ";" files apart
      .chain((width) =>
        fc.tuple(
          fc.array(headerText, { minLength: width, maxLength: width }),
          fc.array(fc.array(cellText, { minLength: 1, maxLength: 6 }), { maxLength: 4 }),
        ),
      )
      .map(([header, body]) => [header, ...body]);
    fc.assert(
      fc.property(table, fc.constantFrom(',' as const, ';' as const), (rows, separator) => {
        expect(parseDelimited(toCsv(rows, separator).toString('utf8'))).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('every template reads back through readSheet with either separator', async () => {
    for (const cols of [COOPERATIVE_COLUMNS, PLANTING_AREA_COLUMNS, PRODUCT_COLUMNS] as ColumnSpec[][]) {
      for (const separator of [',', ';'] as const) {
        const { lines } = await readSheet(csvTemplate(cols, separator));
        expect(lines[0].cells).toEqual(cols.map((c) => c.header));
        expect(lines[1].cells).toEqual(exampleRow(cols).map((v) => (v.trim() === '' ? undefined : v)));
      }
    }
  });
});

// Communes whose official name is unique in their province (so that the name alone identifies them).
const communes = units.listProvinces().flatMap((p) => {
  const all = units.listCommunes(p.code);
  const count = new Map<string, number>();
  for (const c of all) count.set(c.name.toLowerCase(), (count.get(c.name.toLowerCase()) ?? 0) + 1);
  return all.map((c) => ({ commune: c, uniqueName: count.get(c.name.toLowerCase()) === 1 }));
});

async function runRow(cells: Map<ColumnSpec, CellInput | undefined>) {
  const header = mapHeader(columns, { row: 1, cells: columns.map((c) => c.header) });
  const [input] = dataRows([{ row: 9, cells: columns.map((c) => cells.get(c)) }], header);
  const problems = new RowProblems();
  if (!input) return { problems, parsed: null, dto: null, address: null };
  const parsed = parseRow(addressCells, columns, input, problems);
  const dto = await validateRow(CreatePlantingAreaDto, parsed, problems);
  const address = resolveAddress(units, input.row, dto.address, problems);
  if (dto.boundary && !problems.hasField(9, 'boundary')) {
    const checked = checkBoundary(dto.boundary);
    if (!checked.ok) for (const p of checked.problems) problems.add(9, p.field, p.message);
  }
  return { problems, parsed, dto, address };
}

const choiceTyped = (choices: { value: string; label: string; aliases?: string[] }[]) =>
  fc.constantFrom(...choices).chain((c) =>
    fc.constantFrom(c.label, c.value, ...(c.aliases ?? []), c.label.toUpperCase(), c.label.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).map((typed) => ({ typed, value: c.value })),
  );

const validRow = fc.record({
  name: phrase.map((s) => `Vùng ${s}`),
  crop: phrase,
  area: fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 9999 })).filter(([w, f]) => w + f > 0).chain(([whole, frac]) => {
    const value = Number(`${whole}.${String(frac).padStart(4, '0')}`);
    const text = `${whole}${frac ? ',' + String(frac).padStart(4, '0').replace(/0+$/, '') : ''}`;
    return fc.constantFrom<CellInput>(value, text, text.replace(',', '.')).map((typed) => ({ typed, value }));
  }),
  households: fc.integer({ min: 1, max: 1_000_000 }).chain((n) => fc.constantFrom<CellInput>(n, String(n), ` ${n} `).map((typed) => ({ typed, value: n }))),
  place: fc.constantFrom(...communes).chain(({ commune, uniqueName }) => {
    const province = units.getProvinceOrThrow(commune.provinceCode);
    const provinceTyped = fc.constantFrom<CellInput>(province.code, String(province.code), `${province.code} - ${province.name}`, province.name);
    const communeTyped = fc.constantFrom<CellInput>(commune.code, String(commune.code).padStart(5, '0'), `${String(commune.code).padStart(5, '0')} - ${commune.name}`, ...(uniqueName ? [commune.name, commune.name.toLowerCase()] : []));
    return fc.tuple(fc.option(provinceTyped, { nil: undefined }), communeTyped).map(([p, c]) => ({ commune: commune as Commune, provinceTyped: typeof c === 'string' && !/^\d/.test(c) ? String(province.code) : p, communeTyped: c }));
  }),
  standard: fc.option(choiceTyped(STANDARD_CHOICES), { nil: undefined }),
  cropType: fc.option(choiceTyped(CROP_TYPE_CHOICES), { nil: undefined }),
});

describe('planting-area rows of an upload (property)', () => {
  it('a valid row, however its cells are typed, passes every check and gives the single-create body', async () => {
    await fc.assert(
      fc.asyncProperty(validRow, async (row) => {
        const cells = new Map<ColumnSpec, CellInput | undefined>([
          [column('name'), row.name],
          [column('crop'), row.crop],
          [column('declaredAreaHa'), row.area.typed],
          [column('householdCount'), row.households.typed],
          [column('address.provinceCode'), row.place.provinceTyped],
          [column('address.communeCode'), row.place.communeTyped],
          [column('standard'), row.standard?.typed],
          [column('cropType'), row.cropType?.typed],
        ]);
        const { problems, parsed, address } = await runRow(cells);
        expect(problems.toErrors(columns, 'en')).toEqual([]);
        expect(parsed?.body).toEqual({
          name: row.name,
          crop: row.crop,
          declaredAreaHa: row.area.value,
          householdCount: row.households.value,
          address: { ...(row.place.provinceTyped !== undefined && { provinceCode: row.place.commune.provinceCode }), communeCode: row.place.commune.code },
          ...(row.standard && { standard: row.standard.value }),
          ...(row.cropType && { cropType: row.cropType.value }),
        });
        expect(address).toEqual({ provinceCode: row.place.commune.provinceCode, communeCode: row.place.commune.code, street: null, convertedFrom: null });
      }),
      { numRuns: 200 },
    );
  });

  it('any cells at all: never an exception, and every problem is on row 9 under a column of the file', async () => {
    const anyCell: fc.Arbitrary<CellInput | undefined> = fc.oneof(
      fc.constant(undefined),
      fc.string(),
      unicodeText(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -5, max: 200_000 }),
      phrase,
      fc.json({ maxDepth: 4 }),
      fc.constantFrom('31 - Hải Phòng', 'truong tan', '11065', '1.200,5', '2,5', 'VD: mẫu', '{"type":"Polygon","coordinates":[[[106,21],[106.01,21],[106.01,21.01],[106,21]]]}', '#####', '#N/A'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(anyCell, { minLength: columns.length, maxLength: columns.length }), async (values) => {
        const { problems } = await runRow(new Map(columns.map((c, i) => [c, values[i]])));
        for (const error of problems.toErrors(columns, 'vi')) {
          expect(error.row).toBe(9);
          expect(error.column).not.toBeNull();
          expect(error.message.trim()).not.toBe('');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a header row without a required column is refused with a DomainException naming it, whatever else it holds', () => {
    fc.assert(
      fc.property(fc.subarray(columns), fc.array(fc.string().map((s) => `Ghi chú ${s}`), { maxLength: 3 }), (kept, extra) => {
        const missing = columns.filter((c) => c.required && !kept.includes(c));
        const header = { row: 1, cells: [...kept.map((c) => c.header), ...extra] };
        if (!missing.length) return expect(() => mapHeader(columns, header)).not.toThrow();
        try {
          mapHeader(columns, header);
          throw new Error('accepted');
        } catch (e) {
          expect(e).toBeInstanceOf(DomainException);
          expect((e as DomainException).details?.map((d) => d.field)).toEqual(missing.map((c) => c.field));
        }
      }),
      { numRuns: 300 },
    );
  });
});
