import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { StoredAddress } from '../admin-units/address';
import { AdminUnitsService, fold } from '../admin-units/admin-units.service';
import type { AddressInputDto } from '../admin-units/dto/address-input.dto';
import { DomainException } from '../common/errors/domain.exception';
import { validationExceptionFactory } from '../common/validation/validation-exception.factory';
import type { AddressCells } from './address-cells';
import { CellInput, ColumnSpec, readCell } from './kinds/column-spec';
import { OnboardingErrorCode } from './onboarding-error-code';
import type { RowProblems } from './row-problems';
import { ERRORS_HEADER } from './spreadsheet/annotated-workbook';
import type { SheetLine } from './spreadsheet/sheet-reader';
import { EXAMPLE_MARK } from './spreadsheet/template-writer';

/** The non-blank cells of one data row, by column. */
export interface RowCells {
  row: number;
  cells: Map<ColumnSpec, CellInput>;
}

export interface HeaderMap {
  index: Map<ColumnSpec, number>;
  /** Headers we do not know: their cells are not read (reported, so a typo in a header is noticed). The
   * "Lỗi" column of an annotated file is left out silently. */
  ignored: string[];
}

const REQUIRED = { vi: 'Bắt buộc: ô này không được để trống', en: 'Required: this cell cannot be blank' };
const headerKey = (s: string) => fold(s).replace(/\*/g, '').replace(/\s+/g, ' ').trim();

/**
 * Columns are found by header, not position: officers reorder columns and delete optional ones. A header
 * matches accent- and case-insensitively, "*" or not, and the DTO field name works too.
 */
export function mapHeader(columns: ColumnSpec[], header: SheetLine): HeaderMap {
  const index = new Map<ColumnSpec, number>();
  const ignored: string[] = [];
  header.cells.forEach((cell, i) => {
    if (cell === undefined || String(cell).trim() === ERRORS_HEADER) return;
    const key = headerKey(String(cell));
    const column = columns.find((c) => !index.has(c) && (headerKey(c.header) === key || headerKey(c.field) === key));
    if (column) index.set(column, i);
    else ignored.push(String(cell));
  });
  const missing = columns.filter((c) => c.required && !index.has(c));
  if (missing.length) {
    const names = missing.map((c) => `“${c.header}”`).join(', ');
    throw new DomainException(
      OnboardingErrorCode.MISSING_COLUMNS,
      {
        vi: `Dòng 1 của tệp thiếu cột bắt buộc: ${names}. Hãy dùng tệp mẫu, giữ nguyên dòng tiêu đề`,
        en: `Row 1 of the file lacks required columns: ${names}. Use the template and keep its header row`,
      },
      missing.map((c) => ({ field: c.field, message: { vi: `Thiếu cột “${c.header}”`, en: `Column “${c.header}” is missing` } })),
    );
  }
  return { index, ignored };
}

/** Data rows after the header, without the template's example row ("VD: …" in the first cell). */
export function dataRows(lines: SheetLine[], header: HeaderMap): RowCells[] {
  return lines
    .filter((line) => !(typeof line.cells[0] === 'string' && line.cells[0].trim().toUpperCase().startsWith(EXAMPLE_MARK)))
    .map((line) => {
      const cells = new Map<ColumnSpec, CellInput>();
      for (const [column, i] of header.index) {
        const value = line.cells[i];
        if (value !== undefined && !(typeof value === 'string' && value.trim() === '')) cells.set(column, value);
      }
      return { row: line.row, cells };
    })
    .filter((r) => r.cells.size > 0);
}

export interface ParsedRow {
  row: number;
  /** What the single-create endpoint would receive as its JSON body. */
  body: Record<string, unknown>;
  /** Cells of columns outside the DTO (which cooperative the row belongs to). */
  refs: Record<string, CellInput>;
}

export function parseRow(address: AddressCells, columns: ColumnSpec[], input: RowCells, problems: RowProblems): ParsedRow {
  const { row, cells } = input;
  const hasAddress = columns.some((c) => c.field.startsWith('address.'));
  const body: Record<string, unknown> = hasAddress ? { address: {} } : {};
  const refs: Record<string, CellInput> = {};
  for (const column of columns) if (column.required && !cells.has(column)) problems.add(row, column.field, REQUIRED);
  let provinceCode: number | undefined;
  let provinceFailed = false;
  for (const [column, value] of cells) {
    if (column.outsideDto) refs[column.field] = readCell(column.cell, value) as CellInput;
    else if (column.cell.type === 'province') {
      const province = address.province(value);
      if (province.ok) setPath(body, column.field, (provinceCode = province.code));
      else {
        provinceFailed = true;
        problems.add(row, column.field, province.message);
      }
    } else if (column.cell.type !== 'commune') setPath(body, column.field, readCell(column.cell, value));
  }
  // After the province: a commune given by name is looked up within it.
  for (const [column, value] of cells) {
    if (column.cell.type !== 'commune') continue;
    const named = !/^\d/.test(String(value).trim());
    if (named && provinceFailed) continue; // the province cell already carries the error
    const commune = address.commune(value, provinceCode);
    if (commune.ok) setPath(body, column.field, commune.code);
    else problems.add(row, column.field, commune.message);
  }
  return { row, body, refs };
}

/**
 * The DTO of the single-create endpoint, checked by its own decorators. Failures become row problems;
 * the DTO is returned either way, so the checks of the parts that passed (the address…) still run.
 */
export async function validateRow<T extends object>(dtoClass: ClassConstructor<T>, parsed: ParsedRow, problems: RowProblems): Promise<T> {
  const dto = plainToInstance(dtoClass, parsed.body);
  const errors = await validate(dto);
  if (!errors.length) return dto;
  const details = validationExceptionFactory(errors).details ?? [];
  // A cell already reported (blank but required, unknown commune…) needs no second message.
  const reported = details.filter((d) => problems.hasField(parsed.row, d.field)).map((d) => d.field);
  for (const d of details) if (!reported.includes(d.field)) problems.add(parsed.row, d.field, d.message);
  return dto;
}

/** AdminUnitsService.resolve, as for a single create; its field errors become row errors. */
export function resolveAddress(units: AdminUnitsService, row: number, address: AddressInputDto, problems: RowProblems): StoredAddress | null {
  if (problems.hasField(row, 'address')) return null;
  try {
    return units.resolve(address);
  } catch (error) {
    if (!(error instanceof DomainException) || !error.details?.length) throw error;
    for (const d of error.details) problems.add(row, d.field, d.message);
    return null;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}
