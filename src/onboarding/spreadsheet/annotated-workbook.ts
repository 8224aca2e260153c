import { Workbook, Worksheet } from 'exceljs';
import type { RowError } from '../row-problems';
import { DATA_SHEET, SheetTable } from './sheet-reader';

/** Header of the column the annotated file adds; an upload ignores it, so the file can go round again. */
export const ERRORS_HEADER = 'Lỗi';
const BAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;
const RED = { argb: 'FF9C0006' };

/**
 * The uploaded rows with a "Lỗi" column saying what is wrong with each bad row, and its bad cells
 * highlighted with the message as a note: officers fix a file where they read it, in Excel. An XLSX
 * keeps its sheets and formatting; a CSV becomes a one-sheet workbook with the same row numbers.
 */
export async function annotatedWorkbook(original: Buffer, table: SheetTable, columnIndex: ReadonlyMap<string, number>, errors: RowError[]): Promise<Buffer> {
  const workbook = new Workbook();
  let sheet: Worksheet;
  if (table.format === 'xlsx') {
    await workbook.xlsx.load(original as unknown as ArrayBuffer);
    sheet = workbook.getWorksheet(DATA_SHEET) ?? workbook.worksheets[0];
  } else {
    sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const line of table.lines) sheet.getRow(line.row).values = line.cells;
    sheet.getRow(1).font = { bold: true };
  }
  const errorsColumn = errorsColumnOf(sheet);
  const header = sheet.getRow(1).getCell(errorsColumn);
  header.value = ERRORS_HEADER;
  header.font = { bold: true, color: RED };
  sheet.getColumn(errorsColumn).width = 70;
  const byRow = new Map<number, RowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  for (const [row, rowErrors] of byRow) {
    const cell = sheet.getRow(row).getCell(errorsColumn);
    cell.value = rowErrors.map((e) => `${e.column ?? e.field}: ${e.message}`).join('\n');
    cell.font = { color: RED };
    cell.alignment = { wrapText: true, vertical: 'top' };
    for (const e of rowErrors) {
      const index = e.column === null ? undefined : columnIndex.get(e.column);
      if (index === undefined) continue;
      const bad = sheet.getRow(row).getCell(index + 1);
      bad.fill = BAD_FILL;
      bad.note = e.message;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// A file annotated before and uploaded again already has the column: it is reused and cleared.
function errorsColumnOf(sheet: Worksheet): number {
  let existing: number | undefined;
  sheet.getRow(1).eachCell((cell, col) => {
    if (String(cell.value ?? '').trim() === ERRORS_HEADER) existing = col;
  });
  if (existing === undefined) return sheet.columnCount + 1;
  const column = existing;
  sheet.eachRow((row, n) => {
    if (n > 1) row.getCell(column).value = null;
  });
  return column;
}
