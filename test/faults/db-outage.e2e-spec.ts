import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ScanLogWriter } from '../../src/resolver/scan-log.writer';
import { ScanResult } from '../../src/stamps/scan-event.entity';
import { bearer, TestApp } from '../utils/test-app';
import { TcpProxy } from './tcp-proxy';

// The fast half of "restart PostgreSQL under load" (the long half, with a real restart and load, is
// bench/faults/pg-restart.ts): the application reaches its database through a TCP relay that the test
// cuts (connections dropped, new ones refused: a stopped server) and restores.
describe('faults: PostgreSQL goes away and comes back', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let admin: string;

  beforeAll(async () => {
    proxy = await TcpProxy.start();
    t = await TestApp.start({}, (config) => {
      config.database.url = proxy.route(config.database.url);
    });
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await proxy?.restore().catch(() => undefined);
    await t?.stop();
    await proxy?.cut();
  });

  const createCooperative = (lang = 'vi') =>
    t
      .http()
      .post('/cooperatives')
      .set(bearer(admin))
      .set('accept-language', lang)
      .send({ name: `HTX Sự cố ${randomBytes(3).toString('hex')}`, address: { communeCode: 11065 } });
  const timed = async <T>(request: PromiseLike<T>): Promise<T & { ms: number }> => {
    const started = Date.now();
    const res = await request;
    return Object.assign(res as object, { ms: Date.now() - started }) as T & { ms: number };
  };

  it('while it is away: live 200, ready 503, requests a fast 503 in the caller’s language; once back: ready, writes work, nothing lost', async () => {
    const before = await createCooperative();
    expect(before.status).toBe(201);

    await proxy.cut();
    const live = await timed(t.http().get('/health/live'));
    expect(live.status).toBe(200);
    const ready = await timed(t.http().get('/health/ready'));
    expect(ready.status).toBe(503);
    expect(ready.body.code).toBe('SERVICE_UNAVAILABLE');

    const vi = await timed(createCooperative('vi'));
    const en = await timed(createCooperative('en'));
    const read = await timed(t.http().get('/cooperatives').set(bearer(admin)));
    for (const res of [vi, en, read]) {
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.any(String), requestId: expect.any(String) });
      expect(res.headers['retry-after']).toBe('5');
    }
    expect(vi.body.message).toBe('Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau ít giây');
    expect(en.body.message).toBe('The database is temporarily unavailable, please try again in a few seconds');
    // Fail fast: a refused connection is answered at once, not after the pool's connect timeout.
    for (const res of [live, ready, vi, en, read]) expect(res.ms).toBeLessThan(2_000);

    await proxy.restore();
    const deadline = Date.now() + 15_000;
    while ((await t.http().get('/health/ready')).status !== 200) {
      if (Date.now() > deadline) throw new Error('not ready again within 15 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const after = await createCooperative();
    expect(after.status).toBe(201);
    for (const id of [before.body.id, after.body.id]) expect((await t.http().get(`/cooperatives/${id}`).set(bearer(admin))).status).toBe(200);
  });

  it('keeps scan history through the outage and still answers /metrics (database gauges empty meanwhile)', async () => {
    const writer = t.app.get(ScanLogWriter);
    const serial = `OUTAGE${randomBytes(4).toString('hex').toUpperCase()}`;
    await proxy.cut();
    writer.add({ stampId: null, batchId: null, cooperativeId: null, serial, scannedAt: new Date(), ipHash: 'h', userAgent: null, provinceCode: null, result: ScanResult.UnknownSerial });
    await writer.flush();
    const metrics = await t.http().get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('nguon_scans_total{result="unknown_serial"}');
    // The gauges read from the database failed and are empty; the scrape itself did not fail.
    expect(metrics.text).toContain('# HELP nguon_listings');
    expect(metrics.text).not.toMatch(/^nguon_job_queue_jobs\{/m);
    await proxy.restore();
    await writer.flush();
    const rows: unknown[] = await t.app.get(DataSource).query('SELECT 1 FROM scan_event WHERE serial = $1', [serial]);
    expect(rows).toHaveLength(1);
  });
});
