import { DomainException } from '../common/errors/domain.exception';
import type { Bilingual } from '../common/i18n/messages';
import { PlantingAreaErrorCode } from './planting-area-error-code';

export enum CodeStatus {
  Pending = 'pending',
  Active = 'active',
  Suspended = 'suspended',
  Revoked = 'revoked',
  Expired = 'expired',
}

/** A code's status on a date; 'not_yet_issued' before its issue date. */
export type CodeStatusOn = `${CodeStatus}` | 'not_yet_issued';

// The one transition table. A code starts pending (declared by the cooperative) and becomes active only
// once an admin or officer has checked it against the issuing decision; revoked and expired are final
// (a renewed code is a new code with its own decision).
export const CODE_TRANSITIONS: Record<CodeStatus, readonly CodeStatus[]> = {
  [CodeStatus.Pending]: [CodeStatus.Active, CodeStatus.Revoked],
  [CodeStatus.Active]: [CodeStatus.Suspended, CodeStatus.Revoked, CodeStatus.Expired],
  [CodeStatus.Suspended]: [CodeStatus.Active, CodeStatus.Revoked, CodeStatus.Expired],
  [CodeStatus.Revoked]: [],
  [CodeStatus.Expired]: [],
};

export const CODE_STATUS_LABELS: Record<CodeStatus, Bilingual> = {
  [CodeStatus.Pending]: { vi: 'chờ xác minh', en: 'pending verification' },
  [CodeStatus.Active]: { vi: 'đang hiệu lực', en: 'active' },
  [CodeStatus.Suspended]: { vi: 'tạm dừng', en: 'suspended' },
  [CodeStatus.Revoked]: { vi: 'đã thu hồi', en: 'revoked' },
  [CodeStatus.Expired]: { vi: 'hết hiệu lực', en: 'expired' },
};

export function assertCodeTransition(code: string, from: CodeStatus, to: CodeStatus): void {
  const allowed = CODE_TRANSITIONS[from];
  if (allowed.includes(to)) return;
  const label = (s: CodeStatus, lang: keyof Bilingual) => `"${s}" (${CODE_STATUS_LABELS[s][lang]})`;
  const next = {
    vi: allowed.length
      ? `từ trạng thái này chỉ chuyển được sang ${allowed.join(', ')}`
      : 'đây là trạng thái cuối, không chuyển tiếp được',
    en: allowed.length ? `from this status it can only move to ${allowed.join(', ')}` : 'this is a final status',
  };
  throw new DomainException(PlantingAreaErrorCode.CODE_ILLEGAL_TRANSITION, {
    vi: `Không thể chuyển mã ${code} từ ${label(from, 'vi')} sang ${label(to, 'vi')}: ${next.vi}`,
    en: `Code ${code} cannot move from ${label(from, 'en')} to ${label(to, 'en')}: ${next.en}`,
  });
}

/**
 * The status a code had on `date` (YYYY-MM-DD), given the status of its latest timeline event that took
 * effect on or before that date (null when none had). Past `validUntil` a code counts as expired unless
 * it had been revoked, which says more about it.
 */
export function statusOn(
  code: { issuedOn: string; validUntil: string | null },
  timelineStatus: CodeStatus | null,
  date: string,
): CodeStatusOn {
  if (date < code.issuedOn) return 'not_yet_issued';
  const status = timelineStatus ?? CodeStatus.Pending;
  if (code.validUntil !== null && code.validUntil < date && status !== CodeStatus.Revoked) return CodeStatus.Expired;
  return status;
}
