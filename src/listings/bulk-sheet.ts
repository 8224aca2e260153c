import { fold } from '../admin-units/admin-units.service';
import type { FieldProblem } from '../common/errors/domain.exception';
import { MARKETPLACE_CODES, MarketplaceCode } from '../marketplaces/marketplace-adapter';
import type { SheetTable } from '../onboarding/spreadsheet/sheet-reader';
import { MAX_PRICE_VND, MAX_STOCK } from './dto/publish-listing.dto';

// The upload for bulk publishing: one row per product × marketplace. Columns are found by header
// (accents, case and "*" ignored), so officers may reorder them or use the English names.
export const BULK_COLUMNS = {
  product: { header: 'Sản phẩm (ID hoặc GTIN)', aliases: ['san pham', 'ma san pham', 'id san pham', 'gtin', 'productid', 'product'] },
  marketplace: { header: 'Sàn', aliases: ['san', 'san tmdt', 'san thuong mai dien tu', 'marketplace'] },
  price: { header: 'Giá bán (VNĐ)', aliases: ['gia', 'gia ban', 'gia vnd', 'gia ban vnd', 'pricevnd', 'price'] },
  stock: { header: 'Tồn kho', aliases: ['ton kho', 'so luong', 'so luong ton', 'stock'] },
} as const;
type Column = keyof typeof BULK_COLUMNS;

export interface SheetItem {
  sourceRow: number;
  /** A product id (UUID) or a GTIN (8–14 digits, zero-padded to 14). */
  product: { id: string } | { gtin: string };
  marketplace: MarketplaceCode;
  priceVnd: number;
  stock: number;
}

const key = (s: string) => fold(s).replace(/[*()]/g, ' ').replace(/\s+/g, ' ').trim();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const problem = (row: number, column: Column, vi: string, en: string): FieldProblem => ({
  field: `row ${row}: ${BULK_COLUMNS[column].header}`,
  message: { vi: `Dòng ${row}, cột “${BULK_COLUMNS[column].header}”: ${vi}`, en: `Row ${row}, column “${BULK_COLUMNS[column].header}”: ${en}` },
});

/** Every row's problems at once, so the officer fixes the file in one pass. */
export function parseBulkSheet(table: SheetTable): { items: SheetItem[]; problems: FieldProblem[] } {
  const [header, ...rows] = table.lines;
  const index = new Map<Column, number>();
  header?.cells.forEach((cell, i) => {
    const k = cell === undefined ? '' : key(String(cell));
    for (const column of Object.keys(BULK_COLUMNS) as Column[]) {
      if (!index.has(column) && (key(BULK_COLUMNS[column].header) === k || (BULK_COLUMNS[column].aliases as readonly string[]).includes(k))) index.set(column, i);
    }
  });
  const missing = (Object.keys(BULK_COLUMNS) as Column[]).filter((c) => !index.has(c));
  if (missing.length) {
    return {
      items: [],
      problems: missing.map((c) => ({
        field: BULK_COLUMNS[c].header,
        message: { vi: `Dòng 1 thiếu cột “${BULK_COLUMNS[c].header}”`, en: `Row 1 lacks the column “${BULK_COLUMNS[c].header}”` },
      })),
    };
  }
  const items: SheetItem[] = [];
  const problems: FieldProblem[] = [];
  for (const line of rows) {
    const cell = (c: Column) => {
      const v = line.cells[index.get(c)!];
      return v === undefined ? '' : String(v).trim();
    };
    const before = problems.length;
    const productCell = cell('product');
    const digits = productCell.replace(/\s/g, '');
    const product = UUID.test(productCell) ? { id: productCell.toLowerCase() } : /^\d{8,14}$/.test(digits) ? { gtin: digits.padStart(14, '0') } : null;
    if (!product) problems.push(problem(line.row, 'product', 'cần ID sản phẩm (UUID) hoặc mã GTIN 8–14 chữ số', 'needs a product id (UUID) or an 8–14 digit GTIN'));
    const marketplace = key(cell('marketplace')) as MarketplaceCode;
    if (!MARKETPLACE_CODES.includes(marketplace)) problems.push(problem(line.row, 'marketplace', `phải là một trong ${MARKETPLACE_CODES.join(', ')}`, `must be one of ${MARKETPLACE_CODES.join(', ')}`));
    const priceVnd = wholeNumber(cell('price'));
    if (priceVnd === null || priceVnd < 1 || priceVnd > MAX_PRICE_VND) problems.push(problem(line.row, 'price', 'cần số nguyên VNĐ lớn hơn 0 (ví dụ 85000 hoặc 85.000)', 'needs a whole VND amount above 0 (e.g. 85000 or 85.000)'));
    const stock = wholeNumber(cell('stock'));
    if (stock === null || stock < 0 || stock > MAX_STOCK) problems.push(problem(line.row, 'stock', 'cần số nguyên từ 0 trở lên', 'needs a whole number, 0 or more'));
    if (problems.length === before) items.push({ sourceRow: line.row, product: product!, marketplace, priceVnd: priceVnd!, stock: stock! });
  }
  if (!rows.length) problems.push({ field: 'file', message: { vi: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề', en: 'The file has no data rows below the header' } });
  return { items, problems };
}

// "85.000", "85 000", "85,000" and 85000 are the same price to a Vietnamese reader; decimals are not.
function wholeNumber(text: string): number | null {
  const compact = text.replace(/[\s.,](?=\d{3}(\D|$))/g, '').replace(/\s*(đ|vnđ|vnd)$/i, '');
  return /^\d{1,12}$/.test(compact) ? Number(compact) : null;
}
