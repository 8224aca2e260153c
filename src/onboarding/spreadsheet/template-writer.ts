import { DataValidation, Workbook, Worksheet } from 'exceljs';
import { formatCode } from '../../admin-units/admin-units.service';
import type { Commune, Province } from '../../admin-units/admin-units.data';
import type { Bilingual } from '../../common/i18n/messages';
import type { ColumnSpec } from '../kinds/column-spec';
import { CsvSeparator, toCsv } from './csv';
import { DATA_SHEET } from './sheet-reader';

/** A data row whose first cell starts with this is an example: the importer skips it. */
export const EXAMPLE_MARK = 'VD:';
export const GUIDE_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'Danh mục';
export const COMMUNES_SHEET = 'Xã, phường';

export interface TemplateContext {
  title: Bilingual;
  maxRows: number;
  provinces: Province[];
  communes: Commune[];
  /** General rules, listed under the column table of the guide. */
  notes: Bilingual[];
}

const provinceLabel = (p: Province) => `${p.code} - ${p.name}`;

/** Row 2 of a template: one example value per column, the first marked "VD:". */
export function exampleRow(columns: ColumnSpec[]): string[] {
  return columns.map((c, i) => (i === 0 ? `${EXAMPLE_MARK} ${c.example}` : String(c.example)));
}

export function csvTemplate(columns: ColumnSpec[], separator: CsvSeparator): Buffer {
  return toCsv([columns.map((c) => c.header), exampleRow(columns)], separator);
}

export async function xlsxTemplate(columns: ColumnSpec[], context: TemplateContext): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Nguồn';
  workbook.title = context.title.vi;
  addDataSheet(workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] }), columns, context);
  addGuideSheet(workbook.addWorksheet(GUIDE_SHEET), columns, context);
  addListsSheet(workbook.addWorksheet(LISTS_SHEET), context.provinces);
  addCommunesSheet(workbook.addWorksheet(COMMUNES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] }), context);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addDataSheet(sheet: Worksheet, columns: ColumnSpec[], context: TemplateContext): void {
  // Codes typed into a "General" cell lose their leading zeros (0801234560 → 801234560), so those
  // columns are formatted as text before anyone types.
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width, ...(c.textFormat && { style: { numFmt: '@' } }) }));
  const header = sheet.getRow(1);
  header.height = 36;
  header.eachCell((cell, col) => {
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
    cell.note = columns[col - 1].help.vi;
  });
  const example = sheet.addRow(exampleRow(columns).map((value, i) => (typeof columns[i].example === 'number' && i > 0 ? columns[i].example : value)));
  example.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  const lastRow = context.maxRows + 2;
  columns.forEach((c, i) => {
    if (!c.dropDown) return;
    const letter = sheet.getColumn(i + 1).letter;
    const formula =
      c.dropDown === 'provinces' ? `'${LISTS_SHEET}'!$A$2:$A$${context.provinces.length + 1}` : `"${c.dropDown.join(',')}"`;
    // A warning rather than a stop: "31" typed by hand is as good as "31 - Thành phố Hải Phòng".
    (sheet as WithRangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: 'Giá trị không có trong danh sách / not in the list',
    });
  });
}

// exceljs 4.4 accepts a range here (one <dataValidation sqref="E2:E5002"> instead of 5,000 cells), but
// its typings only declare per-cell validations.
type WithRangeValidations = Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } };

function addGuideSheet(sheet: Worksheet, columns: ColumnSpec[], context: TemplateContext): void {
  sheet.columns = [
    { header: 'Cột', width: 30 },
    { header: 'Bắt buộc', width: 10 },
    { header: 'Cách ghi', width: 70 },
    { header: 'Ví dụ', width: 26 },
    { header: 'Guidance (English)', width: 70 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of columns) {
    sheet.addRow([c.header, c.required ? 'Có' : 'Không', c.help.vi, String(c.example), `${c.required ? 'Required. ' : ''}${c.help.en}`]);
  }
  sheet.addRow([]);
  const notesTitle = sheet.addRow(['Lưu ý chung', '', context.title.vi, '', context.title.en]);
  notesTitle.font = { bold: true };
  for (const note of context.notes) sheet.addRow(['', '', note.vi, '', note.en]);
  sheet.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
}

function addListsSheet(sheet: Worksheet, provinces: Province[]): void {
  sheet.columns = [{ header: 'Tỉnh/thành phố từ 01/7/2025 (mã - tên)', width: 40 }];
  sheet.getRow(1).font = { bold: true };
  for (const p of provinces) sheet.addRow([provinceLabel(p)]);
}

function addCommunesSheet(sheet: Worksheet, context: TemplateContext): void {
  sheet.columns = [
    { header: 'Mã tỉnh', width: 10 },
    { header: 'Tỉnh/thành phố', width: 28 },
    { header: 'Mã xã/phường', width: 14, style: { numFmt: '@' } },
    { header: 'Xã/phường/đặc khu', width: 32 },
  ];
  sheet.getRow(1).font = { bold: true };
  const provinceNames = new Map(context.provinces.map((p) => [p.code, p.name]));
  for (const c of context.communes) sheet.addRow([c.provinceCode, provinceNames.get(c.provinceCode), formatCode(c.code), c.name]);
  // Officers filter by province to find a commune code.
  sheet.autoFilter = { from: 'A1', to: 'D1' };
}
