import { Workbook } from 'exceljs';
import { listingDraft } from '../../../../test/marketplaces/marketplace-fixtures';
import { VosoAdapter } from './voso.adapter';
import { toVosoPayload } from './voso.mapper';

describe('VosoAdapter (no network)', () => {
  const adapter = new VosoAdapter();

  it('validate() limits the displayed title to 120 characters (Postmart allows 150)', () => {
    const extra = ' – HTX Vũ Bản – quả 1,2 kg'.length;
    expect(adapter.validate(listingDraft({ title: 'B'.repeat(120 - extra) }))).toEqual([]);
    const issues = adapter.validate(listingDraft({ title: 'B'.repeat(121 - extra) }));
    expect(issues).toEqual([{ field: 'title', message: { vi: 'Tên hiển thị (kèm tên HTX và quy cách) dài 121 ký tự, tối đa 120', en: 'Displayed title (with cooperative and pack) is 121 characters, at most 120' } }]);
  });

  it('validate() lists every missing field', () => {
    const issues = adapter.validate(listingDraft({ title: '', descriptionText: '', categoryName: '', priceVnd: 0, imageUrls: [], traceabilityUrl: '' }));
    expect(issues.map((i) => i.field)).toEqual(['title', 'descriptionText', 'categoryName', 'priceVnd', 'imageUrls', 'traceabilityUrl']);
  });

  it('does not repeat the cooperative or pack when the title already names them', () => {
    expect(toVosoPayload(listingDraft({ title: 'Bưởi Diễn – htx vũ bản – quả 1,2 kg' })).PRODUCT_NAME).toBe('Bưởi Diễn – htx vũ bản – quả 1,2 kg');
    expect(toVosoPayload(listingDraft({ title: 'Bưởi Diễn Vũ Bản quả 1,2 kg' })).PRODUCT_NAME).toBe('Bưởi Diễn Vũ Bản quả 1,2 kg – HTX Vũ Bản');
  });

  it('parseListingUrl() reads `<slug>-p<id>` (our documented assumption), provincial subdomains included', () => {
    expect(adapter.parseListingUrl('https://voso.vn/buoi-dien-vu-ban-htx-vu-ban-qua-1-2-kg-p100001')).toBe('100001');
    expect(adapter.parseListingUrl('https://namdinh.voso.vn/na-chi-lang-p77/?ref=zalo')).toBe('77');
    expect(adapter.parseListingUrl('https://voso.vn/p42')).toBe('42');
    expect(adapter.parseListingUrl('https://mc.voso.vn/san-pham-p42')).toBeNull();
    expect(adapter.parseListingUrl('https://voso.vn/buoi-dien')).toBeNull();
    expect(adapter.parseListingUrl('https://postmart.vn/p/x-43160.html')).toBeNull();
  });

  it('exportAssisted() uses Voso’s headers and carries OCOP and the traceability link', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await adapter.exportAssisted([listingDraft({ ocopStars: 5 })])) as never);
    const sheet = workbook.getWorksheet('Sản phẩm')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain('Tên sản phẩm (tối đa 120 ký tự)');
    expect(headers).toContain('Cân nặng (gram)');
    const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header) + 1).value;
    expect(cell('Sao OCOP')).toBe('OCOP 5 sao');
    expect(cell('Link truy xuất nguồn gốc')).toBe('https://nguon.example.vn/o/VB-2026-0001');
    expect(cell('Giá bán (VNĐ)')).toBe(65_000);
  });
});
