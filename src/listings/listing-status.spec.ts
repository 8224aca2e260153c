import { DomainException } from '../common/errors/domain.exception';
import { assertListingTransition, canTransition, LISTING_STATUS_VI, LISTING_TRANSITIONS, ListingStatus as S } from './listing-status';

describe('listing transition table', () => {
  it('allows exactly the moves of the state machine (marketplaces.md §C subset)', () => {
    const required: [S, S][] = [
      [S.Draft, S.Queued],
      [S.Queued, S.Submitting],
      [S.Submitting, S.Live],
      [S.Submitting, S.PendingReview],
      [S.Submitting, S.Rejected],
      [S.Submitting, S.Failed],
      [S.Submitting, S.Reconciling],
      [S.Submitting, S.Queued],
      [S.Reconciling, S.Live],
      [S.Reconciling, S.PendingReview],
      [S.Reconciling, S.Queued],
      [S.Queued, S.AwaitingManualAction],
      [S.AwaitingManualAction, S.PendingReview],
      [S.AwaitingManualAction, S.Live],
      [S.PendingReview, S.Live],
      [S.Live, S.UnlistRequested],
      [S.UnlistRequested, S.Unlisted],
      [S.Failed, S.Queued],
      [S.Rejected, S.Draft],
      [S.Unlisted, S.Queued],
    ];
    for (const [from, to] of required) expect([from, to, canTransition(from, to)]).toEqual([from, to, true]);
  });

  it('refuses shortcuts that would skip a committed step', () => {
    const illegal: [S, S][] = [
      [S.Draft, S.Submitting],
      [S.Queued, S.Live], // never live without a submission or an officer's acknowledgement
      [S.Reconciling, S.Submitting], // a lost create is looked up, never re-sent blindly
      [S.Live, S.Queued],
      [S.Live, S.Failed],
      [S.Unlisted, S.Live],
      [S.Rejected, S.Live],
      [S.AwaitingManualAction, S.Submitting],
    ];
    for (const [from, to] of illegal) {
      expect(canTransition(from, to)).toBe(false);
      expect(() => assertListingTransition(from, to)).toThrow(DomainException);
    }
  });

  it('names every status in Vietnamese and reaches every status from draft', () => {
    const all = Object.values(S);
    expect(Object.keys(LISTING_STATUS_VI).sort()).toEqual([...all].sort());
    const seen = new Set<S>([S.Draft]);
    const queue = [S.Draft];
    while (queue.length) {
      for (const next of LISTING_TRANSITIONS[queue.shift()!]) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    expect([...seen].sort()).toEqual([...all].sort());
  });
});
