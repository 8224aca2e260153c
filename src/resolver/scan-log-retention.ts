import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobQueue } from '../jobs/job-queue';
import { QueueName } from '../jobs/queue-name';

const DAY_MS = 24 * 60 * 60_000;
// Small enough that one statement holds its locks briefly while scans keep being inserted.
const CHUNK = 10_000;
// 02:30 Vietnam time, when almost nobody scans.
const DAILY = '30 2 * * *';

export interface RetentionResult {
  anonymised: number;
  deleted: number;
}

/**
 * The scan-log policy: a scan keeps its hashed client address and user agent (used to spot copied
 * stamps) for SCAN_PERSONAL_DATA_DAYS, then only what statistics need (when, where by province,
 * result); after SCAN_LOG_RETENTION_DAYS the row is deleted. Runs daily on the job queue.
 */
@Injectable()
export class ScanLogRetention implements OnModuleInit {
  private readonly logger = new Logger('ScanLogRetention');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.queue.register(QueueName.ScanLogRetention, async () => {
      const result = await this.run();
      this.logger.log(`scan log retention: ${result.anonymised} anonymised, ${result.deleted} deleted`);
    });
    await this.queue.schedule(QueueName.ScanLogRetention, DAILY, {});
  }

  async run(now = new Date()): Promise<RetentionResult> {
    const personalBefore = new Date(now.getTime() - this.config.scans.personalDataDays * DAY_MS);
    const deleteBefore = new Date(now.getTime() - this.config.scans.retentionDays * DAY_MS);
    const deleted = await this.inChunks(
      `DELETE FROM scan_event WHERE id IN (SELECT id FROM scan_event WHERE scanned_at < $1 LIMIT ${CHUNK})`,
      deleteBefore,
    );
    const anonymised = await this.inChunks(
      // ip_hash is set on every insert and erased together with user_agent: "still personal" is
      // ip_hash IS NOT NULL, which the partial index idx_scan_event_personal serves.
      `UPDATE scan_event SET ip_hash = NULL, user_agent = NULL
       WHERE id IN (SELECT id FROM scan_event WHERE scanned_at < $1 AND ip_hash IS NOT NULL LIMIT ${CHUNK})`,
      personalBefore,
    );
    return { anonymised, deleted };
  }

  private async inChunks(sql: string, before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      // TypeORM answers [rows, affected] for UPDATE/DELETE.
      const [, affected] = (await this.db.query(sql, [before])) as [unknown, number];
      total += affected;
      if (affected < CHUNK) return total;
    }
  }
}
