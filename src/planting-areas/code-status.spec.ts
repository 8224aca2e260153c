import { DomainException } from '../common/errors/domain.exception';
import { assertCodeTransition, CODE_TRANSITIONS, CodeStatus, statusOn } from './code-status';

describe('code status transitions', () => {
  const all = Object.values(CodeStatus);

  it('allows exactly the moves of the table', () => {
    const allowed = all.flatMap((from) => all.filter((to) => CODE_TRANSITIONS[from].includes(to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      [
        'pending→active',
        'pending→revoked',
        'active→suspended',
        'active→revoked',
        'active→expired',
        'suspended→active',
        'suspended→revoked',
        'suspended→expired',
      ].sort(),
    );
    for (const move of allowed) {
      const [from, to] = move.split('→') as CodeStatus[];
      expect(() => assertCodeTransition('VN-DTOR-0017', from, to)).not.toThrow();
    }
  });

  it('refuses a move out of a final status, naming both statuses', () => {
    try {
      assertCodeTransition('VN-DTOR-0017', CodeStatus.Revoked, CodeStatus.Active);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainException);
      const e = error as DomainException;
      expect(e.code).toBe('PLANTING_AREA_CODE_ILLEGAL_TRANSITION');
      expect(e.bilingualMessage.vi).toBe(
        'Không thể chuyển mã VN-DTOR-0017 từ "revoked" (đã thu hồi) sang "active" (đang hiệu lực): đây là trạng thái cuối, không chuyển tiếp được',
      );
      expect(e.bilingualMessage.en).toContain('from "revoked" (revoked) to "active" (active)');
    }
  });

  it('lists the allowed moves when refusing one', () => {
    expect(() => assertCodeTransition('X', CodeStatus.Pending, CodeStatus.Suspended)).toThrow(
      'Code X cannot move from "pending" (pending verification) to "suspended" (suspended): from this status it can only move to active, revoked',
    );
    expect(() => assertCodeTransition('X', CodeStatus.Active, CodeStatus.Active)).toThrow(DomainException);
  });
});

describe('statusOn', () => {
  const code = { issuedOn: '2024-03-01', validUntil: '2026-02-28' };

  it('is not_yet_issued before the issue date, whatever the timeline says', () => {
    expect(statusOn(code, null, '2024-02-29')).toBe('not_yet_issued');
    expect(statusOn(code, CodeStatus.Active, '2024-02-29')).toBe('not_yet_issued');
  });

  it('is pending from the issue date when no event has taken effect yet', () => {
    expect(statusOn(code, null, '2024-03-01')).toBe('pending');
  });

  it('follows the timeline until valid_until, inclusive', () => {
    expect(statusOn(code, CodeStatus.Active, '2026-02-28')).toBe('active');
    expect(statusOn(code, CodeStatus.Suspended, '2025-01-01')).toBe('suspended');
  });

  it('is expired the day after valid_until, unless revoked', () => {
    expect(statusOn(code, CodeStatus.Active, '2026-03-01')).toBe('expired');
    expect(statusOn(code, CodeStatus.Pending, '2026-03-01')).toBe('expired');
    expect(statusOn(code, CodeStatus.Revoked, '2026-03-01')).toBe('revoked');
  });

  it('never expires without valid_until', () => {
    expect(statusOn({ issuedOn: '2020-01-01', validUntil: null }, CodeStatus.Active, '2099-12-31')).toBe('active');
  });
});
