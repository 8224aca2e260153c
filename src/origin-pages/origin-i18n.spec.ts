import { ORIGIN_TEXTS } from './origin-i18n';
import { originWarning } from './origin-warnings';

describe('origin page texts', () => {
  const vi = ORIGIN_TEXTS.vi;
  const en = ORIGIN_TEXTS.en;

  it('writes dates dd/mm/yyyy in Vietnamese and "22 Nov 2026" in English', () => {
    expect(vi.date('2026-11-22')).toBe('22/11/2026');
    expect(en.date('2026-11-22')).toBe('22 Nov 2026');
    expect(en.date('2026-01-05')).toBe('5 Jan 2026');
  });

  it('shows instants in Asia/Ho_Chi_Minh, also across midnight UTC', () => {
    expect(vi.dateTime('2026-11-21T23:30:00Z')).toBe('06:30, 22/11/2026');
    expect(en.dateTime('2026-11-21T23:30:00Z')).toBe('22 Nov 2026, 06:30');
    expect(vi.dateTime('2026-11-22T06:30:00+07:00')).toBe('06:30, 22/11/2026');
    expect(vi.dateTimeInSentence('2026-11-23T01:15:00Z')).toBe('08:15 ngày 23/11/2026');
    expect(en.dateTimeInSentence('2026-11-23T01:15:00Z')).toBe('23 Nov 2026 at 08:15');
  });

  it('takes the Vietnamese calendar day of an instant given where a date is expected', () => {
    expect(vi.date('2026-11-21T18:00:00Z')).toBe('22/11/2026');
  });

  it('shows an unparseable value as sent instead of "Invalid Date"', () => {
    expect(vi.date('vụ đông 2026')).toBe('vụ đông 2026');
    expect(en.dateTime('soon')).toBe('soon');
  });

  it('has the same keys in both languages, every Vietnamese string in NFC', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k])).sort();
    expect(keys(en)).toEqual(keys(vi));
    const strings = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? strings(v) : []));
    for (const s of strings(vi)) expect(s).toBe(s.normalize('NFC'));
  });

  it('pluralises English counts', () => {
    expect(en.scanTimes(1)).toBe('1 time');
    expect(en.scanTimes(37)).toBe('37 times');
    expect(en.shelfLifeDays(1)).toBe('1 day');
    expect(vi.shelfLifeDays(7)).toBe('7 ngày');
  });

  describe('originWarning', () => {
    it('words a many-scans warning as the issue asks', () => {
      const w = originWarning('vi', { kind: 'scanned_many_times', scanCount: 37, firstScanAt: '2026-11-23T01:15:00Z', firstScanPlace: 'Hải Phòng' });
      expect(w.kind).toBe('scanned_many_times');
      expect(w.message).toMatch(/^Tem này đã được quét 37 lần, lần đầu lúc 08:15 ngày 23\/11\/2026 tại Hải Phòng\./);
      const enW = originWarning('en', { kind: 'scanned_many_times', scanCount: 37, firstScanAt: '2026-11-23T01:15:00Z' });
      expect(enW.message).toMatch(/^This stamp has been scanned 37 times, first on 23 Nov 2026 at 08:15\./);
    });

    it('words PIN reuse, far-apart scans and expiry', () => {
      expect(originWarning('vi', { kind: 'pin_reused', verifiedCount: 2, firstVerifiedAt: null }).message).toMatch(/^Mã PIN của tem này đã được xác thực 2 lần\./);
      expect(originWarning('en', { kind: 'far_apart_scans', places: ['Hải Phòng', 'Cần Thơ'], withinHours: 1 }).message).toContain(
        '(Hải Phòng, Cần Thơ) within 1 hour',
      );
      expect(originWarning('vi', { kind: 'expired_product', expiryDate: '2026-11-29' }).message).toBe('Sản phẩm đã hết hạn sử dụng từ ngày 29/11/2026.');
    });

    it('returns NFC even for a decomposed place name', () => {
      const w = originWarning('vi', { kind: 'scanned_many_times', scanCount: 5, firstScanAt: '2026-11-23T01:15:00Z', firstScanPlace: 'Cần Thơ'.normalize('NFD') });
      expect(w.message).toBe(w.message.normalize('NFC'));
      expect(w.message).toContain('Cần Thơ');
    });
  });
});
