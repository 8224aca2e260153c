import { DataSource } from 'typeorm';
import { ScanLogRetention } from '../../src/resolver/scan-log-retention';
import { TestApp } from '../utils/test-app';

const DAY = 24 * 60 * 60_000;

describe('scan-log retention', () => {
  let t: TestApp;
  const db = () => t.app.get(DataSource);

  beforeAll(async () => {
    t = await TestApp.start({ SCAN_PERSONAL_DATA_DAYS: '30', SCAN_LOG_RETENTION_DAYS: '400' });
  });
  afterAll(async () => t?.stop());

  it('erases hashed addresses and user agents after SCAN_PERSONAL_DATA_DAYS and deletes rows after SCAN_LOG_RETENTION_DAYS', async () => {
    const now = Date.now();
    // 3 fresh, 4 between the two limits, 2 past retention; serial tells them apart.
    const ages = [1, 10, 29, 31, 100, 200, 399, 401, 1000];
    await db().query(
      `INSERT INTO scan_event (serial, scanned_at, ip_hash, user_agent, province_code, result)
       SELECT 'age-' || a, to_timestamp(($1::bigint - a * $2::bigint) / 1000.0), 'hash-' || a, 'Zalo/' || a, 31, 'unknown_serial'
       FROM unnest($3::int[]) AS a`,
      [now, DAY, ages],
    );
    const result = await t.app.get(ScanLogRetention).run(new Date(now));
    expect(result).toEqual({ anonymised: 4, deleted: 2 });
    const rows: { serial: string; ip_hash: string | null; user_agent: string | null; province_code: number }[] = await db().query(
      `SELECT serial, ip_hash, user_agent, province_code FROM scan_event WHERE serial LIKE 'age-%' ORDER BY scanned_at DESC`,
    );
    expect(rows.map((r) => r.serial)).toEqual(['age-1', 'age-10', 'age-29', 'age-31', 'age-100', 'age-200', 'age-399']);
    expect(rows.filter((r) => r.ip_hash === null && r.user_agent === null).map((r) => r.serial)).toEqual(['age-31', 'age-100', 'age-200', 'age-399']);
    expect(rows.every((r) => r.province_code === 31)).toBe(true);
    // Idempotent: a second run has nothing left to do.
    expect(await t.app.get(ScanLogRetention).run(new Date(now))).toEqual({ anonymised: 0, deleted: 0 });
  });

  it('is scheduled daily in Vietnam time, once however many processes start', async () => {
    const rows: { name: string; cron: string; timezone: string }[] = await db().query(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name = 'scan-log-retention'`);
    expect(rows).toEqual([{ name: 'scan-log-retention', cron: '30 2 * * *', timezone: 'Asia/Ho_Chi_Minh' }]);
  });
});
