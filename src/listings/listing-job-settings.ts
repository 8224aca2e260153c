import { Injectable } from '@nestjs/common';

// Timing of listing jobs. Hard-coded defaults for now (not yet in src/config); an injectable object so
// tests can shorten waits on the running app instead of sleeping for minutes.
@Injectable()
export class ListingJobSettings {
  /** Spacing between two requests on the same account, across every process (the in-database lane). */
  minRequestIntervalMs = 250;
  /** A lane slot further away than this is not waited for in the worker: the job is rescheduled. */
  maxInlineWaitMs = 2_000;
  /** Exponential backoff with jitter for transient errors: base × 2^(attempt−1), capped. */
  backoffBaseMs = 5_000;
  backoffMaxMs = 15 * 60_000;
  /** Transient failures of one operation before the listing is marked failed (operator retry). */
  maxAttempts = 6;
  /** Pause when a marketplace says "slow down" without a usable Retry-After. */
  defaultRetryAfterMs = 30_000;
  /** How long a worker owns a listing while it talks to the marketplace (longer than any HTTP timeout). */
  leaseMs = 120_000;
  /** A job that finds its listing leased by another worker comes back after this. */
  leaseBusyRetryMs = 1_000;
  /** Review polling after a pending_review answer: about 2, 8, 20 and 60 minutes, then hourly. */
  pollDelaysMs = [2 * 60_000, 8 * 60_000, 20 * 60_000, 60 * 60_000];
  /** Recovery sweep (listings left in submitting by a dead process, lost nudges, bulks a dead process was expanding). */
  sweepIntervalMs = 60_000;
}

/** "Equal jitter": half the delay fixed, half random, so retries of many listings spread out. */
export function backoffDelayMs(settings: Pick<ListingJobSettings, 'backoffBaseMs' | 'backoffMaxMs'>, attempt: number, random = Math.random): number {
  const capped = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(capped / 2 + (capped / 2) * random());
}
