import fc from 'fast-check';
import { isDateOnly } from '../../src/common/time/date-only';
import { addDays, daysBetween, formatVnDate, todayInVietnam, vietnamDateOf } from '../../src/common/time/vn-date';

// Calendar dates: the proleptic Gregorian calendar written out by hand, and the IANA time zone database
// (through Intl) for the Vietnamese calendar day of an instant.

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/**
 * The oracle: a string YYYY-MM-DD naming a day that exists. Years 0000–0099 are refused: validator.js's
 * strict ISO 8601 check goes through Date, which reads them as 1900–1999 (no harvest or decision is dated
 * then, so the refusal is harmless and kept as observed behaviour).
 */
function isRealYmd(v: unknown): boolean {
  const match = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number);
  return y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/** A real date in years 1900–2200, as YYYY-MM-DD. */
const realDate = fc
  .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }))
  .chain(([y, m]) => fc.integer({ min: 1, max: daysIn(y, m) }).map((d) => ymd(y, m, d)));

// Vietnam has kept UTC+7 since 13 June 1975 (the South used UTC+8 before reunification).
const hoChiMinh = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });
const instant = fc.date({ min: new Date('1976-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });

describe('isDateOnly (property)', () => {
  it('accepts YYYY-MM-DD exactly when the Gregorian calendar has that day', () => {
    const candidate = fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));
    fc.assert(
      fc.property(fc.oneof(candidate, realDate.map((s) => s.split('-').map(Number) as [number, number, number])), ([y, m, d]) => {
        expect(isDateOnly(ymd(y, m, d))).toBe(isRealYmd(ymd(y, m, d)));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on other values, and accepts only the YYYY-MM-DD shape', () => {
    const value = fc.oneof(fc.anything(), fc.string(), realDate.map((d) => ` ${d}`), realDate.map((d) => `${d}T00:00:00Z`), realDate.map((d) => d.replace(/-/g, '')));
    fc.assert(
      fc.property(value, (v) => {
        expect(isDateOnly(v)).toBe(isRealYmd(v));
      }),
      { numRuns: 500 },
    );
  });
});

describe('Vietnamese calendar days (property)', () => {
  it('todayInVietnam is the date in Asia/Ho_Chi_Minh for any instant since 1976', () => {
    fc.assert(
      fc.property(instant, (at) => {
        expect(todayInVietnam(at)).toBe(hoChiMinh.format(at));
        expect(vietnamDateOf(at)).toBe(todayInVietnam(at));
      }),
      { numRuns: 500 },
    );
  });

  it('addDays and daysBetween are inverse, and stay real dates', () => {
    fc.assert(
      fc.property(realDate, fc.integer({ min: -40_000, max: 40_000 }), (date, n) => {
        const moved = addDays(date, n);
        fc.pre(/^\d{4}-/.test(moved)); // stays within years 0000–9999
        expect(isDateOnly(moved)).toBe(true);
        expect(daysBetween(date, moved)).toBe(n);
        expect(daysBetween(moved, date)).toBe(0 - n || 0); // no -0
        expect(addDays(moved, -n)).toBe(date);
      }),
      { numRuns: 500 },
    );
  });

  it('addDays by one steps through the calendar as written by hand', () => {
    fc.assert(
      fc.property(realDate, (date) => {
        const [y, m, d] = date.split('-').map(Number);
        const next = d < daysIn(y, m) ? ymd(y, m, d + 1) : m < 12 ? ymd(y, m + 1, 1) : ymd(y + 1, 1, 1);
        expect(addDays(date, 1)).toBe(next);
      }),
      { numRuns: 500 },
    );
  });

  it('formatVnDate writes DD/MM/YYYY and loses nothing', () => {
    fc.assert(
      fc.property(realDate, (date) => {
        const shown = formatVnDate(date);
        expect(shown).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
        const [d, m, y] = shown.split('/');
        expect(`${y}-${m}-${d}`).toBe(date);
      }),
      { numRuns: 200 },
    );
  });
});
