import { AdminUnitsService } from '../admin-units/admin-units.service';
import { AddressCells } from './address-cells';

describe('AddressCells (shipped data)', () => {
  let cells: AddressCells;

  beforeAll(() => {
    cells = new AddressCells(new AdminUnitsService());
  });

  it('reads a province from its code, the drop-down label or its name', () => {
    expect(cells.province('31')).toEqual({ ok: true, code: 31 });
    expect(cells.province(31)).toEqual({ ok: true, code: 31 });
    expect(cells.province('31 - Thành phố Hải Phòng')).toEqual({ ok: true, code: 31 });
    expect(cells.province('Hải Phòng')).toEqual({ ok: true, code: 31 });
    expect(cells.province('tinh ninh binh')).toEqual({ ok: true, code: 37 });
    expect(cells.province('99')).toMatchObject({ ok: false, message: { vi: expect.stringContaining('Mã tỉnh 99 không có') } });
    expect(cells.province('Hải Dương')).toMatchObject({ ok: false, message: { en: expect.stringContaining('No province “Hải Dương”') } });
  });

  it('takes a commune code as it is (AdminUnitsService.resolve checks it later)', () => {
    expect(cells.commune('11065', undefined)).toEqual({ ok: true, code: 11065 });
    expect(cells.commune('08980', undefined)).toEqual({ ok: true, code: 8980 });
    expect(cells.commune('11065 - Xã Trường Tân', undefined)).toEqual({ ok: true, code: 11065 });
  });

  it('finds a commune by name within the province, with or without its type and accents', () => {
    for (const name of ['Xã Trường Tân', 'Trường Tân', 'xã trường tân', 'truong tan', 'Trường Tân'.normalize('NFD')]) {
      expect(cells.commune(name, 31)).toEqual({ ok: true, code: 11065 });
    }
    expect(cells.commune('Ba Đình', 1)).toEqual({ ok: true, code: expect.any(Number) });
  });

  it('prefers the exact accented name, and lists candidates when folding is ambiguous', () => {
    expect(cells.commune('Cẩm Giàng', 31)).toEqual({ ok: true, code: 10903 });
    expect(cells.commune('Cẩm Giang', 31)).toEqual({ ok: true, code: 10888 });
    const ambiguous = cells.commune('cam giang', 31);
    expect(ambiguous).toEqual({
      ok: false,
      message: {
        vi: 'Có nhiều xã/phường tên “cam giang” trong Thành phố Hải Phòng; ghi mã xã hoặc tên có dấu đầy đủ: 10888 Xã Cẩm Giang; 10903 Xã Cẩm Giàng',
        en: 'Several communes named “cam giang” in Thành phố Hải Phòng; give the commune code or the exact name with accents: 10888 Xã Cẩm Giang; 10903 Xã Cẩm Giàng',
      },
    });
  });

  it('suggests similar names for an unknown commune, and says when a name needs the province', () => {
    const partial = cells.commune('Trường', 31);
    expect(partial).toMatchObject({ ok: false, message: { vi: expect.stringContaining('gần giống: ') } });
    expect((partial as { message: { vi: string } }).message.vi).toContain('11065 Xã Trường Tân');
    expect(cells.commune('Xã Không Có Thật', 31)).toMatchObject({ ok: false, message: { vi: expect.stringContaining('xem trang “Xã, phường”') } });
    expect(cells.commune('Trường Tân', undefined)).toMatchObject({ ok: false, message: { vi: expect.stringContaining('cần ghi cột Mã tỉnh') } });
    // Not in another province.
    expect(cells.commune('Trường Tân', 1)).toMatchObject({ ok: false });
  });
});
