import { addDays, daysBetween, todayInVietnam } from '../../common/time/vn-date';
import { badgeOf, validUntilOf, dateProblems, effectiveStatus, groupProblems, levelProblem, scoreProblem } from './ocop-rules';

describe('scoreProblem', () => {
  it.each([
    [5, 90],
    [5, 100],
    [4, 70],
    [4, 89.99],
    [3, 50],
    [3, 69.99],
    [2, 30],
    [2, 49.5],
    [1, 0],
    [1, 29.99],
  ])('accepts %d stars with %d points', (stars, score) => {
    expect(scoreProblem(stars, score)).toBeNull();
  });

  it.each([
    [5, 89.99, 'từ 90 đến 100', '90 to 100'],
    [4, 90, 'từ 70 đến dưới 90', '70 to under 90'],
    [4, 69.5, 'từ 70 đến dưới 90', '70 to under 90'],
    [3, 70, 'từ 50 đến dưới 70', '50 to under 70'],
    [3, 49, 'từ 50 đến dưới 70', '50 to under 70'],
    [2, 50, 'từ 30 đến dưới 50', '30 to under 50'],
    [1, 30, 'từ 0 đến dưới 30', '0 to under 30'],
  ])('refuses %d stars with %d points, naming the range', (stars, score, vi, en) => {
    expect(scoreProblem(stars, score)).toEqual({
      field: 'score',
      vi: `score: sản phẩm ${stars} sao phải có điểm ${vi} (nhận được ${score})`,
      en: `score: a ${stars}-star product needs a score of ${en} (got ${score})`,
    });
  });
});

describe('levelProblem', () => {
  it('wants central for 5 stars and 5 stars for central', () => {
    expect(levelProblem(5, 'central', '2024-01-10')).toBeNull();
    expect(levelProblem(5, 'province', '2024-01-10')?.en).toBe('recognisingLevel: 5-star products are recognised at central level, use central');
    expect(levelProblem(4, 'central', '2024-01-10')?.field).toBe('recognisingLevel');
  });

  it('allows the district level only for decisions before 2025-07-01 and up to 3 stars', () => {
    expect(levelProblem(3, 'district', '2025-06-30')).toBeNull();
    expect(levelProblem(2, 'district', '2023-05-01')).toBeNull();
    expect(levelProblem(3, 'district', '2025-07-01')?.vi).toContain('từ ngày 01/07/2025 không còn cấp huyện');
    expect(levelProblem(4, 'district', '2024-01-01')?.en).toContain('up to 3 stars');
  });

  it('lets the province recognise 1–4 stars before and after the reform', () => {
    for (const stars of [1, 2, 3, 4]) {
      expect(levelProblem(stars, 'province', '2024-01-01')).toBeNull();
      expect(levelProblem(stars, 'province', '2025-09-01')).toBeNull();
    }
  });
});

describe('dateProblems', () => {
  const today = '2025-11-20';
  it('accepts decision ≤ issue ≤ today, including all on the same day', () => {
    expect(dateProblems('2024-03-01', '2024-03-15', today)).toEqual([]);
    expect(dateProblems(today, today, today)).toEqual([]);
  });

  it('names issuedOn when it is before the decision or in the future', () => {
    expect(dateProblems('2024-03-15', '2024-03-01', today)).toEqual([
      expect.objectContaining({ field: 'issuedOn', vi: 'issuedOn: ngày cấp (2024-03-01) không được trước ngày quyết định (2024-03-15)' }),
    ]);
    expect(dateProblems('2025-11-01', '2025-11-21', today)).toEqual([
      expect.objectContaining({ field: 'issuedOn', en: 'issuedOn: the issue date (2025-11-21) cannot be after today (2025-11-20)' }),
    ]);
  });

  it('names decisionDate when the decision is in the future', () => {
    expect(dateProblems('2025-12-01', '2025-12-01', today).map((p) => p.field)).toEqual(['decisionDate', 'issuedOn']);
  });
});

describe('validUntilOf', () => {
  it.each([
    ['2024-03-01', '2027-03-01'],
    ['2024-02-29', '2027-02-28'], // no 29 February in 2027: the month's last day
    ['2025-02-28', '2028-02-28'], // not moved to the leap day
    ['2023-08-31', '2026-08-31'],
    ['2022-12-31', '2025-12-31'],
    ['2023-01-01', '2026-01-01'],
  ])('a certificate issued on %s is valid until %s', (issuedOn, validUntil) => {
    expect(validUntilOf(issuedOn)).toBe(validUntil);
  });

  it('clamps months of other lengths too', () => {
    expect(validUntilOf('2024-01-31', 1)).toBe('2024-02-29');
    expect(validUntilOf('2024-03-31', 1)).toBe('2024-04-30');
    expect(validUntilOf('2024-11-30', 2)).toBe('2025-01-30');
  });
});

describe('effectiveStatus and badgeOf', () => {
  it('derives expired after the last valid day, keeps revoked', () => {
    expect(effectiveStatus('valid', '2027-02-28', '2027-02-28')).toBe('valid');
    expect(effectiveStatus('valid', '2027-02-28', '2027-03-01')).toBe('expired');
    expect(effectiveStatus('revoked', '2030-01-01', '2025-01-01')).toBe('revoked');
    expect(effectiveStatus('expired', '2030-01-01', '2025-01-01')).toBe('expired');
  });

  it('shows a badge only for valid 3–5 star certificates', () => {
    expect(badgeOf(4, 'valid')).toEqual({ stars: 4, label: 'OCOP 4 sao' });
    expect(badgeOf(2, 'valid')).toBeNull();
    expect(badgeOf(1, 'valid')).toBeNull();
    expect(badgeOf(5, 'expired')).toBeNull();
    expect(badgeOf(3, 'revoked')).toBeNull();
  });
});

describe('dates in Vietnam', () => {
  it('uses the Vietnamese calendar day (UTC+7)', () => {
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(todayInVietnam(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });

  it('adds and counts days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('groupProblems', () => {
  const rows = [
    { code: '1', level: 'group', parentCode: null, nameVi: 'Thực phẩm', nameEn: 'Food' },
    { code: '2', level: 'group', parentCode: null, nameVi: 'Đồ uống', nameEn: 'Beverages' },
    { code: '1.1', level: 'subgroup', parentCode: '1', nameVi: 'Thực phẩm tươi sống', nameEn: 'Fresh food' },
    { code: '1.1.a', level: 'product_set', parentCode: '1.1', nameVi: 'Rau, củ, quả, hạt tươi', nameEn: 'Fresh vegetables' },
  ] as const;
  const refs = new Map(rows.map((r) => [r.code, r]));

  it('accepts a group alone, or with a subgroup or product set inside it', () => {
    expect(groupProblems(refs, '1')).toEqual([]);
    expect(groupProblems(refs, '1', '1.1')).toEqual([]);
    expect(groupProblems(refs, '1', '1.1.a')).toEqual([]);
  });

  it('refuses unknown groups, a subgroup given as group, and a subgroup of another group', () => {
    expect(groupProblems(refs, '9')[0].vi).toBe('groupCode: không có nhóm sản phẩm OCOP mã "9" (các nhóm: 1, 2; xem GET /ocop/reference-groups)');
    expect(groupProblems(refs, '1.1')[0].field).toBe('groupCode');
    expect(groupProblems(refs, '1', '1.9')[0].field).toBe('subgroupCode');
    expect(groupProblems(refs, '1', '2')[0].field).toBe('subgroupCode');
    expect(groupProblems(refs, '2', '1.1.a')[0].en).toBe('subgroupCode: subgroup "1.1.a" (Fresh vegetables) is not in group "2" (Beverages)');
  });
});
