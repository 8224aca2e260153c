import { randomBytes, randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SERIAL_LENGTH, isSerialShape } from '../../src/stamps/serial';
import { ScanLogWriter } from '../../src/resolver/scan-log.writer';
import { tinyPng } from '../utils/images';
import { makeClosedBatch } from '../utils/registry';
import { TestApp } from '../utils/test-app';
import { makeCooperative } from '../utils/world';
import { client, newGtin, ok, Res, Send } from './helpers';

// Serials are 13 characters of Crockford base32 (65 bits from a CSPRNG): guessing is hopeless, and the
// per-address limit on public pages stops a scraper long before luck could matter.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LIMIT = 60;

function randomSerial(): string {
  let s = '';
  for (let i = 0; i < SERIAL_LENGTH; i++) s += CROCKFORD[randomInt(32)];
  return s;
}

/** 10.x.y.z from a counter: a distinct client address per request. */
const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

describe('stamp enumeration: random serials never hit, and one address is rate-limited', () => {
  let t: TestApp;
  let send: Send;
  let db: DataSource;
  let gtin: string;
  let lot: string;
  let serials: string[];

  beforeAll(async () => {
    // Behind a proxy (TRUST_PROXY): the client address is the one in X-Forwarded-For. TRUST_PROXY=true
    // trusts every hop, so it is the left-most entry, which the client itself writes. That lets this test
    // pose as 10,000 addresses, and would let a real client do the same behind a load balancer.
    t = await TestApp.start({ TRUST_PROXY: 'true', PUBLIC_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    send = client(t.app);
    db = t.app.get(DataSource);
    const admin = await t.adminToken();
    const coop = await makeCooperative(t, admin, { name: 'HTX Tem Thật' });
    const { batch, product } = await makeClosedBatch(t, { admin, manager: admin }, coop.id, { gtin: newGtin(), image: tinyPng() });
    // As stored and printed in the Digital Link: GTIN-14.
    gtin = String(product.gtin);
    expect(gtin).toMatch(/^\d{14}$/);
    lot = String(batch.lotCode);
    const issuance = await ok(send('POST', `/batches/${batch.id}/stamps`, { token: admin, json: { count: 50 } }), 'issue');
    await ok(send('POST', `/stamp-issuances/${issuance.id}/activate`, { token: admin, json: {} }), 'activate');
    serials = ((await db.query(`SELECT serial FROM stamp WHERE issuance_id = $1`, [issuance.id])) as { serial: string }[]).map((r) => r.serial);
  }, 90_000);
  afterAll(async () => t?.stop());

  const page = (serial: string, from: string, json = false) =>
    send('GET', `/01/${gtin}/10/${encodeURIComponent(lot)}/21/${serial}`, { headers: { 'x-forwarded-for': from, ...(json && { accept: 'application/json' }) } });

  it('answers a real serial with the genuine page (the URL shape used below can hit)', async () => {
    const res = await page(serials[0], '192.0.2.1', true);
    expect(res.status).toBe(200);
    expect(res.body.verdict).toBe('genuine');
  });

  it('finds none of 10,000 random well-formed serials under the real GTIN and lot', async () => {
    const guesses = Array.from({ length: 10_000 }, randomSerial);
    expect(guesses.every(isSerialShape)).toBe(true);
    const statuses = new Map<number, number>();
    const hits: string[] = [];
    // 50 in flight at a time, each from its own address (as a botnet would): the per-address limit
    // never engages, so this measures the serial space alone. Nine in ten ask for JSON (the verdict is
    // read from it), one in ten gets the HTML page a phone shows.
    for (let i = 0; i < guesses.length; i += 50) {
      const batch = guesses.slice(i, i + 50);
      const answers: Res[] = await Promise.all(batch.map((s, j) => page(s, address(i + j + 1), (i + j) % 10 !== 0)));
      answers.forEach((res, j) => {
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const genuine = res.status === 200 || (res.body !== undefined && res.body.verdict !== 'unknown');
        if (genuine) hits.push(batch[j]);
      });
    }
    expect(hits).toEqual([]);
    // Every guess got the "unknown stamp" page (404); none was throttled, none failed.
    expect([...statuses]).toEqual([[404, 10_000]]);
    // No real stamp was counted as scanned by the guesses.
    const [{ scanned }] = await db.query(`SELECT count(*)::int AS scanned FROM stamp WHERE serial = ANY($1) AND scan_count > 0`, [serials.slice(1)]);
    expect(scanned).toBe(0);
    // Each guess is in the scan log as an unknown serial, for the counterfeit statistics.
    await t.app.get(ScanLogWriter).flush();
    const [{ unknown }] = await db.query(`SELECT count(*)::int AS unknown FROM scan_event WHERE result = 'unknown_serial'`);
    expect(unknown).toBeGreaterThanOrEqual(10_000);
  }, 120_000);

  /**
   * Requests from one address until the first 429. The bucket refills LIMIT per minute, so on a slow
   * machine a few more than LIMIT may pass: never more than what the elapsed time refilled.
   */
  async function exhaust(request: () => Promise<Res>): Promise<{ passed: Res[]; limited: Res; allowance: number }> {
    const started = Date.now();
    const passed: Res[] = [];
    for (;;) {
      const res = await request();
      if (res.status === 429) return { passed, limited: res, allowance: LIMIT + Math.ceil(((Date.now() - started) / 60_000) * LIMIT) + 1 };
      passed.push(res);
      if (passed.length > 3 * LIMIT) throw new Error(`no 429 after ${passed.length} requests`);
    }
  }

  it(`limits one address to ${LIMIT} public lookups a minute: 429 with Retry-After and a Vietnamese message`, async () => {
    const from = '203.0.113.9';
    const { passed, limited, allowance } = await exhaust(() => page(randomSerial(), from));
    expect(passed.length).toBeGreaterThanOrEqual(LIMIT);
    expect(passed.length).toBeLessThanOrEqual(allowance);
    expect(passed.filter((r) => r.status !== 404)).toEqual([]);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED', requestId: expect.any(String) });
    expect(limited.body.message).toMatch(/^Quá nhiều lượt tra cứu, vui lòng thử lại sau \d+ giây$/);
    // A real serial is no way around it, nor the short link, the batch page or the PIN form.
    expect((await page(serials[1], from)).status).toBe(429);
    expect((await send('GET', `/s/${serials[1]}`, { headers: { 'x-forwarded-for': from } })).status).toBe(429);
    expect((await send('GET', `/01/${gtin}/10/${encodeURIComponent(lot)}`, { headers: { 'x-forwarded-for': from } })).status).toBe(429);
    expect((await send('POST', `/s/${serials[1]}`, { headers: { 'x-forwarded-for': from }, json: { pin: '12345678' } })).status).toBe(429);
    // English on request.
    const en = await send('GET', `/s/${serials[1]}`, { headers: { 'x-forwarded-for': from, 'accept-language': 'en' } });
    expect(en.body.message).toMatch(/^Too many lookups, try again in \d+ seconds$/);
    // The limit is per address: another one still gets the genuine page.
    expect((await page(serials[1], '203.0.113.10', true)).body.verdict).toBe('genuine');
  });

  it('limits PIN guesses on one stamp from one address the same way', async () => {
    const from = '198.51.100.77';
    const guess = () => String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0');
    const { passed, allowance } = await exhaust(() => send('POST', `/s/${serials[2]}`, { headers: { 'x-forwarded-for': from }, json: { pin: guess() } }));
    expect(passed.length).toBeLessThanOrEqual(allowance);
    // Each guess was answered (the stamp has no PIN, so none can match) until the limit.
    expect(passed.every((r) => r.status === 200)).toBe(true);
    const [{ pin_verifications }] = await db.query(`SELECT pin_verifications FROM stamp WHERE serial = $1`, [serials[2]]);
    expect(pin_verifications).toBe(0);
  });
});
