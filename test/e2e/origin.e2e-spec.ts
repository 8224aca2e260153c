import { DataSource } from 'typeorm';
import { ScanLogWriter } from '../../src/resolver/scan-log.writer';
import { tinyPng } from '../utils/images';
import { makeClosedBatch } from '../utils/registry';
import { bearer, TestApp } from '../utils/test-app';
import { makeWorld, World } from '../utils/world';

describe('public resolver and origin page', () => {
  let t: TestApp;
  let w: World;
  let batch: { id: string; lotCode: string };
  let serials: string[];
  let issuanceId: string;
  const GTIN = '08934588012228';

  beforeAll(async () => {
    t = await TestApp.start({ SCAN_WARN_AFTER: '3', GEO_PROVINCE_HEADER: 'x-province', SCAN_FAR_WINDOW_MINUTES: '120' });
    w = await makeWorld(t);
    const made = await makeClosedBatch(t, { admin: w.tokens.admin, manager: w.tokens.managerA }, w.coopA.id, { gtin: GTIN, lotCode: 'TMD&01', image: tinyPng() });
    batch = made.batch as unknown as { id: string; lotCode: string };
    issuanceId = (await t.http().post(`/batches/${batch.id}/stamps`).set(bearer(w.tokens.managerA)).send({ count: 20, withPin: true })).body.id;
    await t.http().post(`/stamp-issuances/${issuanceId}/activate`).set(bearer(w.tokens.managerA)).send({ toSeq: 15 }).expect(200);
    await t.http().post(`/stamp-issuances/${issuanceId}/void`).set(bearer(w.tokens.managerA)).send({ fromSeq: 16, toSeq: 18, reason: 'Tem rách' }).expect(200);
    serials = (await t.app.get(DataSource).query(`SELECT serial FROM stamp WHERE issuance_id = $1 ORDER BY seq`, [issuanceId])).map((r: { serial: string }) => r.serial);
  });
  afterAll(async () => t?.stop());

  const path = (serial: string, lot = 'TMD%2601', gtin = GTIN) => `/01/${gtin}/10/${lot}/21/${serial}`;
  const json = (url: string) => t.http().get(url).set('accept', 'application/json');

  it('shows a genuine stamp: producer, product, planting-area code, stages, and counts the scan', async () => {
    const res = await json(path(serials[0]));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      lang: 'vi',
      verdict: 'genuine',
      warnings: [],
      stamp: { serial: serials[0], scanCount: 1, pinRequired: true },
      product: { name: 'Bắp cải VietGAP', gtin: GTIN },
      producer: { name: 'HTX A Hải Phòng', address: 'Xã Trường Tân, Thành phố Hải Phòng' },
      batch: { lotCode: 'TMD&01', traceabilityCode: `https://nguon.test/01/${GTIN}/10/TMD%2601` },
      plantingArea: { code: expect.stringMatching(/^VN-HPOR-/) },
    });
    expect(res.body.stages.map((s: { step: string }) => s.step)).toEqual(['harvesting']);
    expect(res.body.stages[0]).toMatchObject({ productTracingCode: `https://nguon.test/01/${GTIN}/10/TMD%2601`, locationCode: res.body.plantingArea.code });
    expect((await json(path(serials[0]))).body.stamp.scanCount).toBe(2);
  });

  it('serves a small HTML page without scripts, in Vietnamese or English', async () => {
    const res = await t.http().get(path(serials[1]));
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(Buffer.byteLength(res.text)).toBeLessThan(30 * 1024);
    expect(res.text).not.toMatch(/<script/i);
    expect(res.text).toContain('HTX A Hải Phòng');
    expect(res.text).toContain('lang="vi"');
    const en = await t.http().get(`${path(serials[1])}?lang=en`);
    expect(en.text).toContain('lang="en"');
    const byHeader = await json(path(serials[1])).set('accept-language', 'en-GB,en;q=0.9');
    expect(byHeader.body.lang).toBe('en');
  });

  it('answers unknown, forged, not activated and voided stamps with their own status codes', async () => {
    const unknown = await t.http().get(path('0000000000000'));
    expect(unknown.status).toBe(404);
    expect(unknown.text).toMatch(/không phải tem chính hãng|không hợp lệ/i);
    const forged = await json(path(serials[2], 'OTHER-LOT'));
    expect(forged.status).toBe(404);
    expect(forged.body.verdict).toBe('unknown');
    const notActive = await json(path(serials[19]));
    expect(notActive.body.verdict).toBe('not_activated');
    const voided = await json(path(serials[16]));
    expect(voided.body.verdict).toBe('voided');
    expect(new Set([unknown.status, notActive.status, voided.status, 200]).size).toBe(4);
    expect((await json(`/s/${serials[3]}`)).body.verdict).toBe('genuine');
    expect((await t.http().get('/s/not-a-serial')).status).toBe(404);
  });

  it('warns when a stamp is scanned many times, and when scans come from far-apart provinces', async () => {
    for (let i = 0; i < 3; i++) await json(path(serials[4]));
    const fourth = await json(path(serials[4]));
    expect(fourth.body.warnings).toEqual([expect.objectContaining({ kind: 'scanned_many_times', message: expect.stringContaining('Tem này đã được quét 4 lần, lần đầu lúc') })]);
    await json(path(serials[5])).set('x-province', '31');
    const far = await json(path(serials[5])).set('x-province', '79');
    expect(far.body.warnings).toEqual([expect.objectContaining({ kind: 'far_apart_scans', message: expect.stringContaining('Thành phố Hải Phòng, Thành phố Hồ Chí Minh') })]);
  });

  it('verifies a scratch-off PIN once, and warns when it is verified again', async () => {
    const csv = (await t.http().get(`/stamp-issuances/${issuanceId}/stamps.csv`).set(bearer(w.tokens.managerA))).text;
    const [serial, , pin] = csv.trim().split(/\r?\n/)[7].split(',');
    const wrong = await t.http().post(path(serial)).set('accept', 'application/json').type('form').send({ pin: '00000000' });
    expect(wrong.body.pinCheck).toEqual({ result: 'wrong' });
    const ok = await t.http().post(path(serial)).set('accept', 'application/json').type('form').send({ pin });
    expect(ok.body.pinCheck).toEqual({ result: 'verified' });
    const again = await t.http().post(path(serial)).type('form').send({ pin });
    expect(again.text).toContain('đã được xác thực 2 lần');
  });

  it('pauses a stamp\'s PIN check after 5 wrong PINs in a row, whoever sends them', async () => {
    const csv = (await t.http().get(`/stamp-issuances/${issuanceId}/stamps.csv`).set(bearer(w.tokens.managerA))).text;
    const [serial, , pin] = csv.trim().split(/\r?\n/)[9].split(',');
    const check = (guess: string) => t.http().post(path(serial)).set('accept', 'application/json').type('form').send({ pin: guess });
    for (let i = 0; i < 4; i++) expect((await check(`1000000${i}`)).body.pinCheck).toEqual({ result: 'wrong' });
    // A right PIN in between starts the count again.
    expect((await check(pin)).body.pinCheck).toEqual({ result: 'verified' });
    for (let i = 0; i < 5; i++) expect((await check(`2000000${i}`)).body.pinCheck).toEqual({ result: 'wrong' });
    expect((await check(pin)).body.pinCheck).toEqual({ result: 'too_many_attempts' });
    const page = await t.http().post(path(serial)).type('form').send({ pin });
    expect(page.text).toContain('Bạn đã nhập sai quá nhiều lần');
    const [row] = await t.app.get(DataSource).query(`SELECT pin_verifications, extract(epoch FROM pin_locked_until - now()) AS seconds FROM stamp WHERE serial = $1`, [serial]);
    expect(row.pin_verifications).toBe(1);
    expect(Number(row.seconds)).toBeGreaterThan(14 * 60);
    // Fifteen minutes later (moved back here), the right PIN is accepted again.
    await t.app.get(DataSource).query(`UPDATE stamp SET pin_locked_until = now() - interval '1 second' WHERE serial = $1`, [serial]);
    expect((await check(pin)).body.pinCheck).toEqual({ result: 'already_verified' });
  });

  it('serves batch-level links with an ETag a CDN can revalidate', async () => {
    const res = await json(`/01/${GTIN}/10/TMD%2601`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ verdict: 'batch', stamp: null, batch: { lotCode: 'TMD&01' } });
    expect(res.headers['cache-control']).toContain('public');
    const again = await json(`/01/${GTIN}/10/TMD%2601`).set('if-none-match', res.headers.etag);
    expect(again.status).toBe(304);
    expect((await json(`/01/${GTIN}/10/NO-SUCH-LOT`)).status).toBe(404);
  });

  it('logs scans with a hashed address and reports statistics to the cooperative only', async () => {
    await t.app.get(ScanLogWriter).flush();
    const rows = await t.app.get(DataSource).query(`SELECT ip_hash, result, province_code FROM scan_event`);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r: { ip_hash: string }) => /^[0-9a-f]{64}$/.test(r.ip_hash) && !r.ip_hash.includes('127.0.0.1'))).toBe(true);
    expect(rows.map((r: { result: string }) => r.result)).toEqual(expect.arrayContaining(['ok', 'unknown_serial', 'not_activated', 'voided', 'suspicious']));
    const stats = await t.http().get('/scan-stats').set(bearer(w.tokens.managerA));
    expect(stats.body.totalScans).toBeGreaterThan(10);
    expect(stats.body.perBatch[0]).toMatchObject({ batchId: batch.id, lotCode: 'TMD&01' });
    expect(stats.body.suspicious.map((s: { serial: string }) => s.serial)).toContain(serials[4]);
    expect(stats.body.perProvince.map((p: { provinceName: string | null }) => p.provinceName)).toEqual(expect.arrayContaining(['Thành phố Hải Phòng']));
    const other = await t.http().get('/scan-stats').set(bearer(w.tokens.managerB));
    expect(other.body).toMatchObject({ totalScans: 0, perBatch: [], suspicious: [] });
  });

  it('shows a recall at the very next scan, with its reason', async () => {
    await t.http().post(`/batches/${batch.id}/recall`).set(bearer(w.tokens.managerA)).send({ reason: 'Phát hiện dư lượng nitrat vượt ngưỡng' }).expect(200);
    const res = await t.http().get(path(serials[0]));
    expect(res.text).toContain('Phát hiện dư lượng nitrat vượt ngưỡng');
    const view = (await json(path(serials[0]))).body;
    expect(view.verdict).toBe('recalled');
    expect(view.batch.recallReason).toBe('Phát hiện dư lượng nitrat vượt ngưỡng');
    expect((await json(`/01/${GTIN}/10/TMD%2601`)).body.verdict).toBe('recalled');
  });
});

describe('public rate limit', () => {
  it('stops an address enumerating serials, with Retry-After, while others still get through', async () => {
    const t = await TestApp.start({ PUBLIC_RATE_LIMIT_PER_MINUTE: '30', TRUST_PROXY: 'true' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        statuses.push((await t.http().get(`/s/${String(i).padStart(13, '0')}`).set('x-forwarded-for', '203.0.113.9')).status);
      }
      expect(statuses.filter((s) => s === 404)).toHaveLength(30);
      expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
      const limited = await t.http().get('/s/0000000000000').set('x-forwarded-for', '203.0.113.9');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await t.http().get('/s/0000000000000').set('x-forwarded-for', '198.51.100.7')).status).toBe(404);
    } finally {
      await t.stop();
    }
  });
});
