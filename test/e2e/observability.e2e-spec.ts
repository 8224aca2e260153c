import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { ScanLogWriter } from '../../src/resolver/scan-log.writer';
import { ListingsKit, freshSetup } from '../listings/listings-kit';
import { tinyPng } from '../utils/images';
import { makeClosedBatch } from '../utils/registry';
import { bearer, TEST_ADMIN, TestApp } from '../utils/test-app';
import { makeWorld, World } from '../utils/world';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

/** The value of one Prometheus sample, e.g. sample(text, 'nguon_scans_total', { result: 'ok' }); 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return 0;
}

describe('observability: Prometheus metrics and request logs', () => {
  let t: TestApp;
  let w: World;
  const logLines: Record<string, unknown>[] = [];
  const GTIN = '08934588012228';

  beforeAll(async () => {
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
    });
    t = await TestApp.start({ LOG_LEVEL: 'info', METRICS_TOKEN }, undefined, { logStream });
    w = await makeWorld(t);
  });
  afterAll(async () => t?.stop());

  const scrape = async () => {
    const res = await t.http().get('/metrics').set(bearer(METRICS_TOKEN));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text;
  };

  it('asks for METRICS_TOKEN when one is configured', async () => {
    const anonymous = await t.http().get('/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toContain('METRICS_TOKEN');
    expect((await t.http().get('/metrics').set(bearer('metrics-token-0123456789abcdeX'))).status).toBe(401);
  });

  it('times requests by route template and counts unmatched paths under one label', async () => {
    const before = await scrape();
    const route = { method: 'GET', route: '/cooperatives/{id}', status: '200' };
    for (let i = 0; i < 3; i++) await t.http().get(`/cooperatives/${w.coopA.id}`).set(bearer(w.tokens.managerA)).expect(200);
    await t.http().get('/no/such/path/12345').expect(404);
    await t.http().get('/no/such/path/67890').expect(404);
    const after = await scrape();
    const count = (text: string, labels: Record<string, string>) => sample(text, 'nguon_http_request_duration_seconds_count', labels);
    expect(count(after, route) - count(before, route)).toBe(3);
    expect(sample(after, 'nguon_http_request_duration_seconds_sum', route)).toBeGreaterThan(0);
    expect(count(after, { route: '(unmatched)', status: '404' }) - count(before, { route: '(unmatched)', status: '404' })).toBe(2);
    expect(after).not.toContain('/no/such/path');
    // Process metrics come along (memory, event loop lag), prefixed like ours.
    expect(after).toMatch(/^nguon_process_resident_memory_bytes \d+/m);
  });

  it('counts stamps issued and scans by result', async () => {
    const made = await makeClosedBatch(t, { admin: w.tokens.admin, manager: w.tokens.managerA }, w.coopA.id, { gtin: GTIN, image: tinyPng() });
    const batch = made.batch as unknown as { id: string; lotCode: string };
    const before = await scrape();
    const issuance = (await t.http().post(`/batches/${batch.id}/stamps`).set(bearer(w.tokens.managerA)).send({ count: 25 }).expect(201)).body;
    await t.http().post(`/stamp-issuances/${issuance.id}/activate`).set(bearer(w.tokens.managerA)).send({}).expect(200);
    const [{ serial }] = await t.app.get(DataSource).query(`SELECT serial FROM stamp WHERE issuance_id = $1 ORDER BY seq LIMIT 1`, [issuance.id]);
    const lot = encodeURIComponent(batch.lotCode);
    await t.http().get(`/01/${GTIN}/10/${lot}/21/${serial}`).set('accept', 'application/json').expect(200);
    await t.http().get(`/01/${GTIN}/10/${lot}/21/${serial}`).set('accept', 'application/json').expect(200);
    await t.http().get(`/01/${GTIN}/10/${lot}/21/ZZZZZZZZZZZZZ`).set('accept', 'application/json').expect(404);
    await t.app.get(ScanLogWriter).flush();
    const after = await scrape();
    expect(sample(after, 'nguon_stamps_issued_total') - sample(before, 'nguon_stamps_issued_total')).toBe(25);
    expect(sample(after, 'nguon_scans_total', { result: 'ok' }) - sample(before, 'nguon_scans_total', { result: 'ok' })).toBe(2);
    expect(sample(after, 'nguon_scans_total', { result: 'unknown_serial' }) - sample(before, 'nguon_scans_total', { result: 'unknown_serial' })).toBe(1);
  });

  it('logs one line per request with its request id, and no client address, query string or secrets', async () => {
    logLines.length = 0;
    const requestId = 'trace-0123456789';
    await t.http().get(`/cooperatives/${w.coopA.id}?lang=en&phone=0912345678`).set(bearer(w.tokens.managerA)).set('x-request-id', requestId).expect(200);
    await t.http().post('/auth/login').send({ login: TEST_ADMIN.email, password: 'wrong-password-xyz' }).expect(401);
    // Errors are logged by the exception filter too: with the path, not the query.
    await t.http().get('/cooperatives/00000000-0000-4000-8000-000000000000?phone=0912345678').set(bearer(w.tokens.managerA)).expect(404);
    await new Promise((resolve) => setImmediate(resolve));
    const line = logLines.find((l) => l.reqId === requestId);
    expect(line).toMatchObject({ msg: 'request', method: 'GET', route: '/cooperatives/:id', path: `/cooperatives/${w.coopA.id}`, status: 200 });
    expect(typeof line?.ms).toBe('number');
    const all = JSON.stringify(logLines);
    expect(all).not.toContain('0912345678');
    expect(all).not.toContain('wrong-password-xyz');
    expect(all).not.toContain(w.tokens.managerA);
    expect(all).not.toMatch(/127\.0\.0\.1|::ffff|remoteAddress/);
    // Every line written while serving a request carries that request's id.
    expect(logLines.filter((l) => l.msg === 'request').every((l) => typeof l.reqId === 'string')).toBe(true);
  });
});

describe('observability: marketplace queue depth and failures', () => {
  let k: ListingsKit;
  beforeAll(async () => {
    k = await ListingsKit.start();
  });
  afterAll(async () => k?.stop());

  it('reports listings per marketplace and status, jobs per queue, and failed calls by class', async () => {
    const s = await freshSetup(k);
    const { product } = await s.product();
    k.postmart.fail('create', { kind: 'transient' });
    // The retry stays a minute away, so the listing is still reconciling when scraped.
    Object.assign(k.settings, { backoffBaseMs: 60_000, backoffMaxMs: 60_000 });
    const listing = (await k.publish(k.w.tokens.admin, s.account.id, product.id)).body;
    const scrape = async () => (await k.http().get('/metrics').expect(200)).text;
    const queued = await scrape();
    expect(sample(queued, 'nguon_listings', { marketplace: 'postmart', status: 'queued' })).toBe(1);
    expect(sample(queued, 'nguon_job_queue_jobs', { queue: 'listing-process', state: 'created' })).toBeGreaterThanOrEqual(1);
    await k.drain();
    expect((await k.listing(listing.id)).status).toBe('reconciling');
    const failed = await scrape();
    expect(sample(failed, 'nguon_marketplace_call_failures_total', { marketplace: 'postmart', operation: 'create', kind: 'transient' })).toBe(1);
    expect(sample(failed, 'nguon_listings', { marketplace: 'postmart', status: 'reconciling' })).toBe(1);
    expect(sample(failed, 'nguon_listings', { marketplace: 'postmart', status: 'queued' })).toBe(0);
  });
});
