import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListingJobSettings } from './listing-job-settings';

export type LaneSlot = { kind: 'now'; waitMs: number } | { kind: 'later'; at: Date };

// Per-account rate limiting kept in the database, so every process sharing it respects the same lane:
// a minimum spacing between requests (next_slot_at) and a pause after a 429 (paused_until).
@Injectable()
export class AccountLane {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: ListingJobSettings,
  ) {}

  /**
   * Reserves the account's next request slot if it is close enough to wait for in the worker; a slot
   * further away is only reported (not reserved), so jobs that come back later do not push the lane
   * ever further out. The row lock serialises concurrent workers of every process.
   */
  async acquire(accountId: string): Promise<LaneSlot> {
    const rows: { paused_until: Date | null; next_slot_at: Date | null; slot: Date | null; now: Date }[] = await this.db.query(
      `WITH acc AS (SELECT id, paused_until, next_slot_at FROM marketplace_account WHERE id = $1 FOR UPDATE),
       reserved AS (
         UPDATE marketplace_account a
         SET next_slot_at = GREATEST(clock_timestamp(), COALESCE(acc.next_slot_at, clock_timestamp())) + $2 * interval '1 millisecond'
         FROM acc
         WHERE a.id = acc.id
           AND (acc.paused_until IS NULL OR acc.paused_until <= clock_timestamp())
           AND COALESCE(acc.next_slot_at, clock_timestamp()) <= clock_timestamp() + $3 * interval '1 millisecond'
         RETURNING a.next_slot_at - $2 * interval '1 millisecond' AS slot)
       SELECT acc.paused_until, acc.next_slot_at, reserved.slot, clock_timestamp() AS now FROM acc LEFT JOIN reserved ON true`,
      [accountId, this.settings.minRequestIntervalMs, this.settings.maxInlineWaitMs],
    );
    const row = rows[0];
    if (!row) return { kind: 'later', at: new Date(Date.now() + this.settings.defaultRetryAfterMs) };
    const now = new Date(row.now).getTime();
    if (row.paused_until && new Date(row.paused_until).getTime() > now) return { kind: 'later', at: new Date(row.paused_until) };
    if (!row.slot) return { kind: 'later', at: new Date(new Date(row.next_slot_at!).getTime() - this.settings.maxInlineWaitMs / 2) };
    return { kind: 'now', waitMs: Math.max(0, new Date(row.slot).getTime() - now) };
  }

  /** Retry-After: the whole account waits (every listing of it), and nothing counts as a failure. */
  async pause(accountId: string, retryAfterMs: number, reason: string): Promise<Date> {
    const ms = retryAfterMs > 0 ? retryAfterMs : this.settings.defaultRetryAfterMs;
    const rows: { paused_until: Date }[] = await this.db.query(
      `WITH p AS (
         UPDATE marketplace_account
         SET paused_until = GREATEST(COALESCE(paused_until, clock_timestamp()), clock_timestamp() + $2 * interval '1 millisecond'), pause_reason = $3
         WHERE id = $1 RETURNING paused_until)
       SELECT paused_until FROM p`,
      [accountId, ms, reason],
    );
    return new Date(rows[0].paused_until);
  }
}
