import { checkCodeDates, checkEffectiveFrom, checkSeasonDates } from './date-rules';

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('checkSeasonDates', () => {
  it('accepts start ≤ harvest from ≤ harvest to, same days included', () => {
    expect(checkSeasonDates({ startDate: '2025-01-10', expectedHarvestFrom: '2025-05-20', expectedHarvestTo: '2025-06-30' })).toEqual([]);
    expect(checkSeasonDates({ startDate: '2025-01-10', expectedHarvestFrom: '2025-01-10', expectedHarvestTo: '2025-01-10' })).toEqual([]);
  });

  it('names each field out of order, with both dates', () => {
    const problems = checkSeasonDates({ startDate: '2025-03-01', expectedHarvestFrom: '2025-02-01', expectedHarvestTo: '2025-01-15' });
    expect(fields(problems)).toEqual(['expectedHarvestFrom', 'expectedHarvestTo']);
    expect(problems[0].message).toEqual({
      vi: 'expectedHarvestFrom (2025-02-01) không được trước ngày bắt đầu vụ startDate (2025-03-01)',
      en: "expectedHarvestFrom (2025-02-01) cannot be before the season's startDate (2025-03-01)",
    });
  });
});

describe('checkCodeDates', () => {
  it('refuses a future issue date and a validity that ends before it starts', () => {
    expect(fields(checkCodeDates({ issuedOn: '2025-06-02', validUntil: null }, '2025-06-01'))).toEqual(['issuedOn']);
    expect(fields(checkCodeDates({ issuedOn: '2025-01-01', validUntil: '2025-01-01' }, '2025-06-01'))).toEqual(['validUntil']);
    expect(checkCodeDates({ issuedOn: '2025-01-01', validUntil: '2025-01-02' }, '2025-06-01')).toEqual([]);
    expect(checkCodeDates({ issuedOn: '2025-06-01' }, '2025-06-01')).toEqual([]);
  });
});

describe('checkEffectiveFrom', () => {
  const code = { issuedOn: '2024-01-01', currentSince: '2024-06-01' };

  it('accepts today and any day since the current status began', () => {
    expect(checkEffectiveFrom('2025-06-01', code, '2025-06-01')).toEqual([]);
    expect(checkEffectiveFrom('2024-06-01', code, '2025-06-01')).toEqual([]);
  });

  it('refuses the future, days before issue and days before the current status', () => {
    expect((checkEffectiveFrom('2025-06-02', code, '2025-06-01')[0].message as { vi: string }).vi).toContain('không được ở tương lai');
    expect((checkEffectiveFrom('2023-12-31', code, '2025-06-01')[0].message as { vi: string }).vi).toContain('trước ngày cấp mã (2024-01-01)');
    expect((checkEffectiveFrom('2024-05-31', code, '2025-06-01')[0].message as { en: string }).en).toContain('the timeline only moves forward');
  });
});
