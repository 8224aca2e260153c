import type { FieldProblem } from '../common/errors/domain.exception';

// Order rules between the dates of a season, a code and a status change. Pure: each returns every
// problem at once (field + bilingual message), and the service throws them as one 400.

export function checkSeasonDates(s: { startDate: string; expectedHarvestFrom: string; expectedHarvestTo: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (s.expectedHarvestFrom < s.startDate) {
    problems.push(
      problem(
        'expectedHarvestFrom',
        `expectedHarvestFrom (${s.expectedHarvestFrom}) không được trước ngày bắt đầu vụ startDate (${s.startDate})`,
        `expectedHarvestFrom (${s.expectedHarvestFrom}) cannot be before the season's startDate (${s.startDate})`,
      ),
    );
  }
  if (s.expectedHarvestTo < s.expectedHarvestFrom) {
    problems.push(
      problem(
        'expectedHarvestTo',
        `expectedHarvestTo (${s.expectedHarvestTo}) không được trước expectedHarvestFrom (${s.expectedHarvestFrom})`,
        `expectedHarvestTo (${s.expectedHarvestTo}) cannot be before expectedHarvestFrom (${s.expectedHarvestFrom})`,
      ),
    );
  }
  return problems;
}

export function checkCodeDates(c: { issuedOn: string; validUntil?: string | null }, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.issuedOn > today) problems.push(notInFuture('issuedOn', c.issuedOn, today));
  if (c.validUntil && c.validUntil <= c.issuedOn) {
    problems.push(
      problem(
        'validUntil',
        `validUntil (${c.validUntil}) phải sau ngày cấp issuedOn (${c.issuedOn})`,
        `validUntil (${c.validUntil}) must be after issuedOn (${c.issuedOn})`,
      ),
    );
  }
  return problems;
}

/**
 * A status change takes effect on a day that is not in the future, not before the code was issued, and
 * not before the current status took effect: the timeline only grows forward, so what a code was on a
 * past harvest date cannot be rewritten after the fact.
 */
export function checkEffectiveFrom(
  effectiveFrom: string,
  code: { issuedOn: string; currentSince: string | null },
  today: string,
): FieldProblem[] {
  const field = 'effectiveFrom';
  if (effectiveFrom > today) return [notInFuture(field, effectiveFrom, today)];
  if (effectiveFrom < code.issuedOn) {
    return [
      problem(
        field,
        `effectiveFrom (${effectiveFrom}) không được trước ngày cấp mã (${code.issuedOn})`,
        `effectiveFrom (${effectiveFrom}) cannot be before the code was issued (${code.issuedOn})`,
      ),
    ];
  }
  if (code.currentSince && effectiveFrom < code.currentSince) {
    return [
      problem(
        field,
        `effectiveFrom (${effectiveFrom}) không được trước ngày trạng thái hiện tại có hiệu lực (${code.currentSince}); ` +
          'lịch sử trạng thái chỉ được ghi tiếp, không sửa lùi',
        `effectiveFrom (${effectiveFrom}) cannot be before the current status took effect (${code.currentSince}); ` +
          'the timeline only moves forward',
      ),
    ];
  }
  return [];
}

const problem = (field: string, vi: string, en: string): FieldProblem => ({ field, message: { vi, en } });

const notInFuture = (field: string, date: string, today: string) =>
  problem(field, `${field} (${date}) không được ở tương lai (hôm nay là ${today})`, `${field} (${date}) cannot be in the future (today is ${today})`);
