import { parseBulkSheet } from './bulk-sheet';
import { sellerSkuFor, longSellerSkuFor } from './seller-sku';

const table = (...rows: (string | number | undefined)[][]) => ({ format: 'csv' as const, lines: rows.map((cells, i) => ({ row: i + 1, cells })) });

describe('bulk publish sheet', () => {
  it('finds columns by header in any order and reads Vietnamese number formats', () => {
    const { items, problems } = parseBulkSheet(
      table(['Tồn kho', 'GIÁ BÁN (VNĐ)*', 'san', 'Sản phẩm (ID hoặc GTIN)'], [12, '1.250.000', 'Voso', '8934588012228'], ['0', 85000, 'postmart', '5B7C2C1E-2D4A-4F59-9D6B-0E8C0B7A1A11']),
    );
    expect(problems).toEqual([]);
    expect(items).toEqual([
      { sourceRow: 2, product: { gtin: '08934588012228' }, marketplace: 'voso', priceVnd: 1_250_000, stock: 12 },
      { sourceRow: 3, product: { id: '5b7c2c1e-2d4a-4f59-9d6b-0e8c0b7a1a11' }, marketplace: 'postmart', priceVnd: 85_000, stock: 0 },
    ]);
  });

  it('reports every bad cell at once, with its row and column', () => {
    const { items, problems } = parseBulkSheet(table(['san pham', 'san', 'gia', 'ton kho'], ['abc', 'shopee', '85,5', '-1'], ['8934588012228', 'voso', '', '3']));
    expect(items).toEqual([]);
    expect(problems.map((p) => p.field)).toEqual([
      'row 2: Sản phẩm (ID hoặc GTIN)',
      'row 2: Sàn',
      'row 2: Giá bán (VNĐ)',
      'row 2: Tồn kho',
      'row 3: Giá bán (VNĐ)',
    ]);
  });

  it('names missing columns', () => {
    expect(parseBulkSheet(table(['Sản phẩm', 'Giá'])).problems.map((p) => p.field)).toEqual(['Sàn', 'Tồn kho']);
  });
});

describe('seller SKU', () => {
  it('is short ASCII, stable for a product and account, with a long form for prefix collisions', () => {
    const p = '5b7c2c1e-2d4a-4f59-9d6b-0e8c0b7a1a11';
    const a = 'a1b2c3d4-0000-4000-8000-000000000000';
    expect(sellerSkuFor(p, a)).toBe('NGN-5B7C2C1E2D-A1B2C3');
    expect(sellerSkuFor(p, a)).toBe(sellerSkuFor(p, a));
    expect(longSellerSkuFor(p, a)).toBe('NGN-5B7C2C1E2D4A4F599D6B0E8C0B7A1A11-A1B2C3');
    expect(longSellerSkuFor(p, a).length).toBeLessThanOrEqual(50);
  });
});
