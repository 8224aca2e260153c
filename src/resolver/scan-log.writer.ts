import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../database/database-errors';
import { Metrics } from '../metrics/metrics';
import type { ScanResult } from '../stamps/scan-event.entity';

export interface ScanRecord {
  stampId: string | null;
  batchId: string | null;
  cooperativeId: string | null;
  serial: string;
  scannedAt: Date;
  ipHash: string;
  userAgent: string | null;
  provinceCode: number | null;
  result: ScanResult;
}

const FLUSH_EVERY_MS = 250;
const FLUSH_AT = 500;
const MAX_BUFFERED_DURING_OUTAGE = 50_000;
const RETRY_AFTER_OUTAGE_MS = 2_000;

// Scan logs are written in bulk, off the request path: the consumer waits for the page, not for an
// INSERT. The counters that drive warnings are updated synchronously on the stamp row itself; what is
// buffered here is history for statistics, flushed within 250 ms and on shutdown.
@Injectable()
export class ScanLogWriter implements OnApplicationShutdown {
  private readonly logger = new Logger('ScanLog');
  private buffer: ScanRecord[] = [];
  private timer?: NodeJS.Timeout;
  /** The insert under way: one at a time, so an outage cannot pile up inserts (and their rows). */
  private inFlight: Promise<void> | null = null;
  /** The last insert found the database unavailable: only the retry timer flushes until one succeeds. */
  private unavailable = false;
  private dropped = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly metrics: Metrics,
  ) {}

  add(record: ScanRecord): void {
    this.metrics.scanRecorded(record.result);
    // Memory stays bounded through a long outage: past the cap, history is given up (and counted).
    if (this.buffer.length >= MAX_BUFFERED_DURING_OUTAGE) {
      this.dropped++;
      return;
    }
    this.buffer.push(record);
    if (this.buffer.length >= FLUSH_AT && !this.inFlight && !this.unavailable) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inFlight) await this.inFlight;
    const batch = this.buffer;
    this.buffer = [];
    if (!batch.length) return;
    this.inFlight = this.insert(batch).finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
    // Database gone at shutdown: what is still buffered is lost with the process; no retry after close.
    clearTimeout(this.timer);
  }

  private async insert(rows: ScanRecord[]): Promise<void> {
    try {
      await this.db.query(
        `INSERT INTO scan_event (stamp_id, batch_id, cooperative_id, serial, scanned_at, ip_hash, user_agent, province_code, result)
         SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::int[], $9::text[])`,
        [
          rows.map((r) => r.stampId),
          rows.map((r) => r.batchId),
          rows.map((r) => r.cooperativeId),
          rows.map((r) => r.serial),
          rows.map((r) => r.scannedAt),
          rows.map((r) => r.ipHash),
          rows.map((r) => r.userAgent),
          rows.map((r) => r.provinceCode),
          rows.map((r) => r.result),
        ],
      );
      if (this.unavailable || this.dropped) {
        this.logger.log(`scan log written again${this.dropped ? `; ${this.dropped} scan events were not kept during the outage` : ''}`);
      }
      this.unavailable = false;
      this.dropped = 0;
    } catch (error) {
      // PostgreSQL restarting: keep the history (bounded, see add) and try again shortly. Scan counts
      // and warnings live on the stamp row and are not affected either way.
      if (isDatabaseUnavailable(error)) {
        this.unavailable = true;
        const kept = rows.concat(this.buffer);
        const over = Math.max(0, kept.length - MAX_BUFFERED_DURING_OUTAGE);
        this.dropped += over;
        this.buffer = kept.slice(over);
        this.timer ??= setTimeout(() => void this.flush(), RETRY_AFTER_OUTAGE_MS);
        return;
      }
      this.logger.error(`Could not write ${rows.length} scan events: ${(error as Error).message}`);
    }
  }
}
