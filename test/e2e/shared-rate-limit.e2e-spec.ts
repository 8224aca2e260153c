import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { SharedRateWindow } from '../../src/resolver/shared-rate-window';
import { TestApp } from '../utils/test-app';

// Two replicas on one database: the public pages' per-minute budget is province-wide, not per process.
describe('public rate limit shared by replicas', () => {
  let t: TestApp;
  let peer: NestFastifyApplication;
  const LIMIT = 10;

  beforeAll(async () => {
    t = await TestApp.start({ PUBLIC_RATE_LIMIT_PER_MINUTE: String(LIMIT), LOG_LEVEL: 'warn' });
    peer = await t.peer();
  });
  afterAll(async () => {
    await peer?.close();
    await t?.stop();
  });

  const scan = (app: NestFastifyApplication, ip: string) =>
    app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/s/ABCDEFGHJKMNP', remoteAddress: ip, headers: { accept: 'application/json' } });
  // Each process syncs once a second on its own; here by hand. The process that synced first learns the
  // other's hits at its next round, so a scraper is refused everywhere within two rounds.
  const syncBoth = async () => {
    for (const app of [t.app, peer, t.app]) await app.get(SharedRateWindow).sync();
  };

  it('blocks a client once its hits on all replicas together reach the limit, and only that client', async () => {
    // Budgets are per clock minute: keep the whole test inside one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const scraper = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await scan(t.app, scraper)).statusCode, (await scan(peer, scraper)).statusCode);
    // Each process has seen 6 of the 10 allowed: on its own, neither would refuse.
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    await syncBoth();
    for (const app of [t.app, peer]) {
      const refused = await scan(app, scraper);
      expect(refused.statusCode).toBe(429);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(JSON.parse(refused.body).message).toMatch(/^Quá nhiều lượt tra cứu, vui lòng thử lại sau \d+ giây$/);
    }
    expect((await scan(peer, '198.51.100.4')).statusCode).toBe(404);
  });

  it('stores hashed client addresses only', async () => {
    await syncBoth();
    const rows: { client_hash: string; hits: number }[] = await t.app.get(DataSource).query('SELECT client_hash, hits FROM public_rate_window');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113\.7|198\.51\.100\.4/);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.client_hash))).toBe(true);
    expect(Math.max(...rows.map((r) => r.hits))).toBe(2 * 6);
  });
});
