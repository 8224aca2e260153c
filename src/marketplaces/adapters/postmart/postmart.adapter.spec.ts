import { Workbook } from 'exceljs';
import { listingDraft } from '../../../../test/marketplaces/marketplace-fixtures';
import { PostmartAdapter } from './postmart.adapter';

describe('PostmartAdapter (no network)', () => {
  const adapter = new PostmartAdapter();

  it('validate() accepts a complete draft', () => {
    expect(adapter.validate(listingDraft())).toEqual([]);
  });

  it('validate() lists every problem at once, in both languages', () => {
    const issues = adapter.validate(
      listingDraft({
        sellerSku: 'bưởi 01',
        title: '',
        descriptionText: ' ',
        categoryName: '',
        priceVnd: 999.5,
        stock: -1,
        saleUnit: '',
        weightGrams: 0,
        imageUrls: [],
        traceabilityUrl: '',
        cooperativeName: '',
        provinceName: '',
        ocopStars: 2,
        certifications: [''],
      }),
    );
    expect(issues.map((i) => i.field)).toEqual([
      'sellerSku',
      'title',
      'descriptionText',
      'categoryName',
      'priceVnd',
      'stock',
      'saleUnit',
      'weightGrams',
      'imageUrls',
      'traceabilityUrl',
      'cooperativeName',
      'provinceName',
      'ocopStars',
      'certifications[0]',
    ]);
    for (const issue of issues) {
      expect(issue.message.vi).toBeTruthy();
      expect(issue.message.en).toBeTruthy();
    }
    expect(issues.find((i) => i.field === 'priceVnd')?.message.vi).toBe('Giá bán phải là số nguyên VND, tối thiểu 1.000 đ');
  });

  it('validate() checks each image URL and the traceability link format', () => {
    const issues = adapter.validate(listingDraft({ imageUrls: ['https://ok.vn/a.jpg', 'anh.jpg'], traceabilityUrl: 'nguon.vn/o/1' }));
    expect(issues.map((i) => i.field)).toEqual(['imageUrls[1]', 'traceabilityUrl']);
  });

  it('validate() limits the displayed title (name – cooperative – pack) to 150 characters', () => {
    const extra = ' – HTX Vũ Bản – quả 1,2 kg'.length;
    expect(adapter.validate(listingDraft({ title: 'B'.repeat(150 - extra) }))).toEqual([]);
    expect(adapter.validate(listingDraft({ title: 'B'.repeat(151 - extra) })).map((i) => i.field)).toEqual(['title']);
  });

  it('parseListingUrl() reads the id at the end of a product URL', () => {
    expect(adapter.parseListingUrl('https://postmart.vn/p/tao-dai-muong-la-htx-hung-thinh-hop-5kg-43160.html')).toBe('43160');
    expect(adapter.parseListingUrl('  https://www.postmart.vn/p/buoi-dien-12.html?utm_source=zalo#mo-ta ')).toBe('12');
    expect(adapter.parseListingUrl('https://postmart.vn/p/tao-dai-muong-la.html')).toBeNull();
    expect(adapter.parseListingUrl('https://voso.vn/buoi-dien-p43160')).toBeNull();
    expect(adapter.parseListingUrl('https://postmart.vn.evil.example/p/x-1.html')).toBeNull();
  });

  it('exportAssisted() writes one row per draft under Vietnamese headers', async () => {
    const drafts = [listingDraft({ sellerSku: 'HTXVB-BUOI-12' }), listingDraft({ ocopStars: null, certifications: [] })];
    const workbook = new Workbook();
    await workbook.xlsx.load((await adapter.exportAssisted(drafts)) as never);
    const sheet = workbook.getWorksheet('Sản phẩm')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'Mã SKU người bán',
      'Tên sản phẩm',
      'Danh mục',
      'Giá bán (VNĐ)',
      'Đơn vị tính',
      'Số lượng tồn kho',
      'Khối lượng (gram)',
      'Mô tả sản phẩm',
      'Xuất xứ',
      'Hạng OCOP',
      'Chứng nhận',
      'Link truy xuất nguồn gốc',
      'Link ảnh (mỗi dòng một ảnh)',
    ]);
    const row = Object.fromEntries(headers.map((h, i) => [h, sheet.getRow(2).getCell(i + 1).value]));
    expect(row).toMatchObject({
      'Mã SKU người bán': 'HTXVB-BUOI-12',
      'Tên sản phẩm': 'Bưởi Diễn Vũ Bản – HTX Vũ Bản – quả 1,2 kg',
      'Giá bán (VNĐ)': 65_000,
      'Đơn vị tính': 'quả 1,2 kg',
      'Số lượng tồn kho': 300,
      'Khối lượng (gram)': 1_300,
      'Xuất xứ': 'HTX Vũ Bản, Ninh Bình',
      'Hạng OCOP': 'OCOP 4 sao',
      'Chứng nhận': 'VietGAP',
      'Link truy xuất nguồn gốc': 'https://nguon.example.vn/o/VB-2026-0001',
      'Link ảnh (mỗi dòng một ảnh)': 'https://nguon.example.vn/media/buoi-dien-1.jpg\nhttps://nguon.example.vn/media/buoi-dien-2.jpg',
    });
    expect(row['Mô tả sản phẩm']).toContain('Chứng nhận OCOP: 4 sao');
    expect(row['Mô tả sản phẩm']).toContain('Truy xuất nguồn gốc: https://nguon.example.vn/o/VB-2026-0001');
    expect(sheet.getRow(3).getCell(10).value).toBeNull();
    expect(sheet.rowCount).toBe(3);
    expect(workbook.getWorksheet('Hướng dẫn')!.getRow(1).getCell(1).value).toBe('Đăng sản phẩm lên Postmart (chế độ hỗ trợ thủ công)');
  });
});
