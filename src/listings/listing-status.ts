import { DomainException } from '../common/errors/domain.exception';
import { ListingErrorCode } from './listing-error-code';

export enum ListingStatus {
  Draft = 'draft',
  Queued = 'queued',
  Submitting = 'submitting',
  /** A create got no answer: we look the seller SKU up before anything else (never a blind re-create). */
  Reconciling = 'reconciling',
  /** Assisted accounts: an officer lists it by hand in the seller centre, then records the URL. */
  AwaitingManualAction = 'awaiting_manual_action',
  PendingReview = 'pending_review',
  Live = 'live',
  Rejected = 'rejected',
  Failed = 'failed',
  UnlistRequested = 'unlist_requested',
  Unlisted = 'unlisted',
}

export const LISTING_STATUS_VI: Record<ListingStatus, string> = {
  draft: 'nháp',
  queued: 'đang chờ gửi',
  submitting: 'đang gửi lên sàn',
  reconciling: 'đang đối soát với sàn',
  awaiting_manual_action: 'chờ cán bộ đăng thủ công',
  pending_review: 'sàn đang duyệt',
  live: 'đang bán',
  rejected: 'bị sàn từ chối',
  failed: 'lỗi, cần thử lại',
  unlist_requested: 'đang gỡ khỏi sàn',
  unlisted: 'đã gỡ khỏi sàn',
};

// The only moves a listing can make (shared/docs/marketplaces.md §C, the subset we implement). Every
// status change, by a user or by a job, is checked against this table.
export const LISTING_TRANSITIONS: Record<ListingStatus, readonly ListingStatus[]> = {
  draft: [ListingStatus.Queued, ListingStatus.Unlisted],
  // → rejected: the registry changed after queueing and the draft no longer passes the local checks.
  queued: [ListingStatus.Submitting, ListingStatus.AwaitingManualAction, ListingStatus.Rejected, ListingStatus.Unlisted],
  // → queued: rate limited, transient error or paused account, retried later with the same SKU.
  submitting: [
    ListingStatus.Live,
    ListingStatus.PendingReview,
    ListingStatus.Rejected,
    ListingStatus.Failed,
    ListingStatus.Reconciling,
    ListingStatus.Queued,
    ListingStatus.Unlisted,
  ],
  // Found by seller SKU → its state there; not found → queued (create again, same SKU).
  reconciling: [ListingStatus.Live, ListingStatus.PendingReview, ListingStatus.Rejected, ListingStatus.Unlisted, ListingStatus.Queued, ListingStatus.Failed],
  awaiting_manual_action: [ListingStatus.PendingReview, ListingStatus.Live, ListingStatus.Unlisted],
  pending_review: [ListingStatus.Live, ListingStatus.Rejected, ListingStatus.UnlistRequested, ListingStatus.Unlisted],
  live: [ListingStatus.UnlistRequested, ListingStatus.Unlisted],
  rejected: [ListingStatus.Draft, ListingStatus.Queued],
  failed: [ListingStatus.Queued, ListingStatus.Unlisted],
  unlist_requested: [ListingStatus.Unlisted, ListingStatus.Failed],
  unlisted: [ListingStatus.Queued],
};

export function canTransition(from: ListingStatus, to: ListingStatus): boolean {
  return LISTING_TRANSITIONS[from].includes(to);
}

export function assertListingTransition(from: ListingStatus, to: ListingStatus): void {
  if (!canTransition(from, to)) throw illegalListingTransition(from, to);
}

export function illegalListingTransition(from: ListingStatus, to: ListingStatus): DomainException {
  return new DomainException(ListingErrorCode.ILLEGAL_TRANSITION, {
    vi: `Không thể chuyển tin đăng từ trạng thái "${LISTING_STATUS_VI[from]}" sang "${LISTING_STATUS_VI[to]}"`,
    en: `A listing cannot go from ${from} to ${to}`,
  });
}

/** States in which a job still has something to do (used by recovery after a restart). */
export const LISTING_WORK_STATES: readonly ListingStatus[] = [
  ListingStatus.Queued,
  ListingStatus.Submitting,
  ListingStatus.Reconciling,
  ListingStatus.PendingReview,
  ListingStatus.UnlistRequested,
];
