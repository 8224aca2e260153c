import { CellValue, Workbook } from 'exceljs';
import { DomainException } from '../../common/errors/domain.exception';
import type { CellInput } from '../kinds/column-spec';
import { OnboardingErrorCode } from '../onboarding-error-code';
import { decodeUtf8, parseDelimited } from './csv';

export type SheetFormat = 'xlsx' | 'csv';

/** A non-empty row: its number as the officer sees it (1 = header), cells from column A (blank: undefined). */
export interface SheetLine {
  row: number;
  cells: (CellInput | undefined)[];
}

export interface SheetTable {
  format: SheetFormat;
  lines: SheetLine[];
}

export const DATA_SHEET = 'Dữ liệu';

// The file name and content type a browser sends say little (a CSV saved by Excel may arrive as
// application/vnd.ms-excel), so the format is read from the bytes: XLSX is a ZIP archive.
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function readSheet(bytes: Buffer): Promise<SheetTable> {
  if (startsWith(bytes, ZIP)) return { format: 'xlsx', lines: await readXlsx(bytes) };
  if (startsWith(bytes, OLE2)) {
    throw unreadable(
      'Tệp Excel 97–2003 (.xls) không được hỗ trợ; hãy mở tệp và lưu lại dạng .xlsx (Excel Workbook) hoặc CSV UTF-8',
      'Excel 97–2003 files (.xls) are not supported; open the file and save it as .xlsx (Excel Workbook) or CSV UTF-8',
    );
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    throw unreadable(
      'Tệp không phải .xlsx, cũng không phải CSV mã hóa UTF-8; trong Excel hãy chọn “Lưu thành” → “CSV UTF-8 (Comma delimited)” hoặc “Excel Workbook (.xlsx)”',
      'The file is neither .xlsx nor UTF-8 CSV; in Excel choose “Save as” → “CSV UTF-8 (Comma delimited)” or “Excel Workbook (.xlsx)”',
    );
  }
  return { format: 'csv', lines: csvLines(text) };
}

function csvLines(text: string): SheetLine[] {
  // Rows are numbered as Excel shows the file: one per record, even when a quoted cell spans lines.
  return parseDelimited(text)
    .map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c.trim() === '' ? undefined : c)) }))
    .filter((line) => line.cells.some((c) => c !== undefined));
}

async function readXlsx(bytes: Buffer): Promise<SheetLine[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable('Không đọc được tệp .xlsx (tệp hỏng hoặc không phải bảng tính Excel)', 'Cannot read the .xlsx file (damaged, or not an Excel workbook)');
  }
  // The template's data sheet; a workbook made some other way is read from its first sheet.
  const sheet = workbook.getWorksheet(DATA_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw unreadable('Tệp .xlsx không có trang tính nào', 'The .xlsx file has no worksheet');
  const lines: SheetLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (CellInput | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellInput(cell.value);
    });
    const filled = Array.from(cells, (c) => c);
    if (filled.some((c) => c !== undefined)) lines.push({ row: rowNumber, cells: filled });
  });
  return lines;
}

/** What a person sees in a cell: the result of a formula, the text of a link or of rich text. */
export function cellInput(value: CellValue): CellInput | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    // Excel shows ##### for a date it cannot display (a date format on a number past 9999-12-31, which
    // exceljs reads as an Invalid Date or a six-digit year); so do we, rather than fail the whole upload.
    const iso = Number.isNaN(value.getTime()) ? '' : value.toISOString();
    return /^\d{4}-/.test(iso) ? iso.slice(0, 10) : '#####';
  }
  if ('richText' in value) return cellInput(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return cellInput(value.text as CellValue);
  if ('result' in value) return cellInput(value.result as CellValue);
  if ('error' in value) return value.error;
  return undefined;
}

const unreadable = (vi: string, en: string) =>
  new DomainException(OnboardingErrorCode.FILE_UNREADABLE, { vi, en }, [{ field: 'file', message: { vi, en } }]);
