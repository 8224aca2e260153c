import type { MigrationInterface, QueryRunner } from 'typeorm';

// Scan-log retention: after SCAN_PERSONAL_DATA_DAYS the hashed client address and user agent are
// erased (the row stays for statistics); after SCAN_LOG_RETENTION_DAYS the row goes. Both sweeps
// select by age. The erasing one only looks at rows still holding personal data (the newest few
// months): a partial index, so each chunk does not walk years of rows already erased.
export class ScanRetention1763800000800 implements MigrationInterface {
  name = 'ScanRetention1763800000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scan_event ALTER COLUMN ip_hash DROP NOT NULL`);
    await q.query(`CREATE INDEX idx_scan_event_scanned_at ON scan_event (scanned_at)`);
    await q.query(`CREATE INDEX idx_scan_event_personal ON scan_event (scanned_at) WHERE ip_hash IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_scan_event_personal`);
    await q.query(`DROP INDEX idx_scan_event_scanned_at`);
    await q.query(`UPDATE scan_event SET ip_hash = '' WHERE ip_hash IS NULL`);
    await q.query(`ALTER TABLE scan_event ALTER COLUMN ip_hash SET NOT NULL`);
  }
}
