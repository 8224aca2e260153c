import type { MigrationInterface, QueryRunner } from 'typeorm';

// Scan-log retention: after SCAN_PERSONAL_DATA_DAYS the hashed client address and user agent are
// erased (the row stays for statistics); after SCAN_LOG_RETENTION_DAYS the row goes. Both sweeps
// select by age, hence the index.
export class ScanRetention1763800000800 implements MigrationInterface {
  name = 'ScanRetention1763800000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scan_event ALTER COLUMN ip_hash DROP NOT NULL`);
    await q.query(`CREATE INDEX idx_scan_event_scanned_at ON scan_event (scanned_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_scan_event_scanned_at`);
    await q.query(`UPDATE scan_event SET ip_hash = '' WHERE ip_hash IS NULL`);
    await q.query(`ALTER TABLE scan_event ALTER COLUMN ip_hash SET NOT NULL`);
  }
}
