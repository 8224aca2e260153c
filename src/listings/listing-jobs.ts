import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueue, SqlRunner } from '../jobs/job-queue';
import { QueueName } from '../jobs/queue-name';
import { LISTING_WORK_STATES, ListingStatus } from './listing-status';

// Enqueueing listing jobs. The singleton key is the listing id: while one job for a listing waits, more
// nudges (three price changes in a row) collapse into it, and it reads the latest values when it runs.
@Injectable()
export class ListingJobs {
  constructor(
    private readonly queue: JobQueue,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  nudge(listingId: string, options: { inTransaction?: SqlRunner; startAfter?: Date; expedite?: boolean } = {}): Promise<string | null> {
    return this.queue.send(QueueName.Listing, { listingId }, { singletonKey: listingId, ...options });
  }

  /** Every listing of an account that still has work: after credentials are re-entered, or a restart. */
  async nudgeAccount(accountId: string): Promise<number> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM listing WHERE account_id = $1 AND (status = ANY($2) OR (status = $3 AND desired_version > acked_version))`,
      [accountId, LISTING_WORK_STATES, ListingStatus.Live],
    );
    for (const r of rows) await this.nudge(r.id);
    return rows.length;
  }
}
