import { isDateOnly } from './date-only';
import { addDays, daysBetween, todayInVietnam } from './vn-date';

describe('isDateOnly', () => {
  it('accepts real dates written YYYY-MM-DD', () => {
    expect(isDateOnly('2025-03-15')).toBe(true);
    expect(isDateOnly('2024-02-29')).toBe(true);
  });

  it('refuses impossible dates, times and other spellings', () => {
    for (const value of ['2025-02-29', '2025-13-01', '2025-02-30', '2025-03-15T00:00:00Z', '15/03/2025', '20250315', '', 20250315, null]) {
      expect(isDateOnly(value)).toBe(false);
    }
  });
});

describe('todayInVietnam', () => {
  it('is the calendar day in UTC+7', () => {
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(todayInVietnam(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(todayInVietnam(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01');
  });
});

describe('addDays and daysBetween', () => {
  it('count calendar days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-12-25', '2026-01-04')).toBe(10);
  });
});
