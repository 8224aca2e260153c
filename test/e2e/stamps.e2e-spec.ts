import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { getLayout, labelPositions } from '../../src/stamps/rendering/stamp-layouts';
import { epcisErrors } from '../epcis/epcis-schema';
import { decodeQr, readPng } from '../rendering/qr-decode';
import { tinyPng } from '../utils/images';
import { makeClosedBatch } from '../utils/registry';
import { bearer, TestApp } from '../utils/test-app';
import { makeWorld, World } from '../utils/world';
const { DigitalLink } = require('digital-link.js');

const HAS_PDFTOPPM = spawnSync('pdftoppm', ['-v']).error === undefined;

describe('stamps: issuance, activation, print files', () => {
  let t: TestApp;
  let w: World;
  let tokens: { admin: string; manager: string };
  const dir = mkdtempSync(join(tmpdir(), 'nguon-stamps-'));

  beforeAll(async () => {
    t = await TestApp.start();
    w = await makeWorld(t);
    tokens = { admin: w.tokens.admin, manager: w.tokens.managerA };
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.stop();
  });

  const db = () => t.app.get(DataSource);

  it('issues unguessable serials as GS1 Digital Link URIs, with a lot like A&B+1 encoded', async () => {
    const { batch } = await makeClosedBatch(t, tokens, w.coopA.id, { gtin: '8934588012228', lotCode: 'A&B+1', image: tinyPng() });
    const issued = await t.http().post(`/batches/${batch.id}/stamps`).set(bearer(w.tokens.managerA)).send({ count: 1000 });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ count: 1000, withPin: false, statusCounts: { issued: 1000 } });
    const rows: { seq: number; serial: string }[] = await db().query(`SELECT seq, serial FROM stamp WHERE issuance_id = $1 ORDER BY seq`, [issued.body.id]);
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r.serial)).size).toBe(1000);
    for (const r of rows) expect(r.serial).toMatch(/^[0-9A-HJKMNP-TV-Z]{13}$/);
    // Not sequential: neighbouring labels share no long prefix.
    const shared = rows.slice(1).filter((r, i) => r.serial.slice(0, 4) === rows[i].serial.slice(0, 4)).length;
    expect(shared).toBeLessThan(5);
    const csv = await t.http().get(`/stamp-issuances/${issued.body.id}/stamps.csv`).set(bearer(w.tokens.managerA)).responseType('blob');
    expect([...(csv.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (csv.body as Buffer).toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('serial,url'); // trim() also drops the BOM checked above
    expect(lines).toHaveLength(1001);
    const url = lines[1].split(',')[1];
    expect(url).toBe(`https://nguon.test/01/08934588012228/10/A%26B%2B1/21/${rows[0].serial}`);
    const dl = DigitalLink(url);
    expect(dl.isValid()).toBe(true);
    expect(decodeURIComponent(dl.getKeyQualifier('10'))).toBe('A&B+1');
  });

  it('keeps PINs hashed, gives them out only in the print file, and erases them once printed', async () => {
    const { batch } = await makeClosedBatch(t, tokens, w.coopA.id, { gtin: null, image: tinyPng() });
    const issued = (await t.http().post(`/batches/${batch.id}/stamps`).set(bearer(w.tokens.managerA)).send({ count: 5, withPin: true })).body;
    const csv = (await t.http().get(`/stamp-issuances/${issued.id}/stamps.csv`).set(bearer(w.tokens.managerA))).text;
    const [, first] = csv.trim().split(/\r?\n/);
    const [serial, url, pin] = first.split(',');
    expect(url).toBe(`https://nguon.test/s/${serial}`);
    expect(pin).toMatch(/^\d{8}$/);
    const [row] = await db().query(`SELECT pin_hash, pin_sealed FROM stamp WHERE serial = $1`, [serial]);
    expect(row.pin_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(pin);
    const printed = await t.http().post(`/stamp-issuances/${issued.id}/printed`).set(bearer(w.tokens.managerA));
    expect(printed.body.printedAt).toEqual(expect.any(String));
    expect((await db().query(`SELECT count(*)::int AS n FROM stamp WHERE issuance_id = $1 AND pin_sealed IS NOT NULL`, [issued.id]))[0].n).toBe(0);
    const again = await t.http().get(`/stamp-issuances/${issued.id}/stamps.csv`).set(bearer(w.tokens.managerA));
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('STAMP_PINS_ERASED');
  });

  it('issues only for closed batches and activates only products with an image', async () => {
    const { batch, product } = await makeClosedBatch(t, tokens, w.coopA.id);
    const issued = (await t.http().post(`/batches/${batch.id}/stamps`).set(bearer(w.tokens.managerA)).send({ count: 10 })).body;
    const noImage = await t.http().post(`/stamp-issuances/${issued.id}/activate`).set(bearer(w.tokens.managerA)).send({});
    expect(noImage.status).toBe(422);
    expect(noImage.body.message).toContain('chưa có ảnh');
    await t.http().post(`/products/${product.id}/images`).set(bearer(w.tokens.managerA)).attach('file', tinyPng(), 'p.png').expect(201);
    const part = await t.http().post(`/stamp-issuances/${issued.id}/activate`).set(bearer(w.tokens.managerA)).send({ fromSeq: 1, toSeq: 4 });
    expect(part.body).toEqual({ changed: 4, statusCounts: { activated: 4, issued: 6 } });
    // The activation is the stamps' commissioning in the batch's EPCIS export, which stays schema-valid.
    const epcis = (await t.http().get(`/batches/${batch.id}/epcis`).set(bearer(w.tokens.managerA))).body;
    expect(epcisErrors(epcis)).toEqual([]);
    const commissioning = epcis.epcisBody.eventList.find((e: { epcList?: string[] }) => e.epcList);
    expect(commissioning).toMatchObject({ action: 'ADD', bizStep: 'commissioning' });
    expect(commissioning.epcList).toHaveLength(4);
    const voided = await t.http().post(`/stamp-issuances/${issued.id}/void`).set(bearer(w.tokens.managerA)).send({ fromSeq: 3, toSeq: 6, reason: 'Cuộn tem bị ướt' });
    expect(voided.body).toEqual({ changed: 4, statusCounts: { activated: 2, voided: 4, issued: 4 } });
    const nothing = await t.http().post(`/stamp-issuances/${issued.id}/activate`).set(bearer(w.tokens.managerA)).send({ fromSeq: 3, toSeq: 6 });
    expect(nothing.status).toBe(409);
    const range = await t.http().post(`/stamp-issuances/${issued.id}/activate`).set(bearer(w.tokens.managerA)).send({ fromSeq: 8, toSeq: 11 });
    expect(range.status).toBe(400);
    const open = (await t.http().post('/batches').set(bearer(w.tokens.managerA)).send({
      productId: product.id, plantingAreaId: batch.plantingAreaId, seasonId: batch.seasonId, lotCode: 'OPEN-1', harvestDateFrom: batch.harvestDateFrom, quantity: 1, unit: 'KGM',
    })).body;
    const refused = await t.http().post(`/batches/${open.id}/stamps`).set(bearer(w.tokens.managerA)).send({ count: 10 });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('STAMP_BATCH_NOT_CLOSED');
    const tooMany = await t.http().post(`/batches/${batch.id}/stamps`).set(bearer(w.tokens.managerA)).send({ count: 100_001 });
    expect(tooMany.body.details[0].field).toBe('count');
  });

  it('flips every stamp of a recalled batch in the recall itself', async () => {
    const { batch } = await makeClosedBatch(t, tokens, w.coopA.id, { image: tinyPng() });
    const issued = (await t.http().post(`/batches/${batch.id}/stamps`).set(bearer(w.tokens.managerA)).send({ count: 50 })).body;
    await t.http().post(`/stamp-issuances/${issued.id}/activate`).set(bearer(w.tokens.managerA)).send({ toSeq: 40 }).expect(200);
    await t.http().post(`/stamp-issuances/${issued.id}/void`).set(bearer(w.tokens.managerA)).send({ fromSeq: 41, toSeq: 45, reason: 'In lỗi' }).expect(200);
    await t.http().post(`/batches/${batch.id}/recall`).set(bearer(w.tokens.managerA)).send({ reason: 'Phát hiện dư lượng thuốc vượt ngưỡng' }).expect(200);
    const counts = (await t.http().get(`/stamp-issuances/${issued.id}`).set(bearer(w.tokens.managerA))).body.statusCounts;
    expect(counts).toEqual({ recalled: 45, voided: 5 });
    const [one] = await db().query(`SELECT status_reason FROM stamp WHERE issuance_id = $1 AND status = 'recalled' LIMIT 1`, [issued.id]);
    expect(one.status_reason).toBe('Phát hiện dư lượng thuốc vượt ngưỡng');
  });

  it('renders a stamp PNG whose QR decodes to its URL, and a vector PDF sheet', async () => {
    const { batch } = await makeClosedBatch(t, tokens, w.coopA.id, { gtin: '08936001001017', image: tinyPng() });
    const issued = (await t.http().post(`/batches/${batch.id}/stamps`).set(bearer(w.tokens.managerA)).send({ count: 70 })).body;
    const [first] = await db().query(`SELECT serial FROM stamp WHERE issuance_id = $1 AND seq = 1`, [issued.id]);
    const png = await t.http().get(`/stamps/${first.serial}/image.png`).set(bearer(w.tokens.managerA)).buffer(true);
    expect(png.headers['content-type']).toBe('image/png');
    const expected = `https://nguon.test/01/08936001001017/10/${encodeURIComponent(batch.lotCode as string)}/21/${first.serial}`;
    expect(decodeQr(readPng(png.body))).toBe(expected);
    expect((await t.http().get(`/stamps/${first.serial}/image.png`).set(bearer(w.tokens.managerB))).status).toBe(404);
    const pdf = await t.http().get(`/stamp-issuances/${issued.id}/print.pdf?layout=a4-65`).set(bearer(w.tokens.managerA)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const body = pdf.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
    if (!HAS_PDFTOPPM) return;
    writeFileSync(join(dir, 'sheet.pdf'), body);
    const run = spawnSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', join(dir, 'sheet.pdf'), join(dir, 'sheet')]);
    expect(run.status).toBe(0);
    const page = readPng(readFileSync(join(dir, 'sheet.png')));
    const pos = labelPositions(getLayout('a4-65'))[0];
    const px = 150 / 72;
    expect(decodeQr(page, { x: pos.x * px, y: pos.y * px, width: pos.width * px, height: pos.height * px })).toBe(expected);
    const bad = await t.http().get(`/stamp-issuances/${issued.id}/print.pdf?layout=a3-999`).set(bearer(w.tokens.managerA));
    expect(bad.body.details[0].field).toBe('layout');
  });

  it('keeps issuances within scope: staff and other cooperatives cannot issue or download', async () => {
    const { batch } = await makeClosedBatch(t, tokens, w.coopA.id, { image: tinyPng() });
    expect((await t.http().post(`/batches/${batch.id}/stamps`).set(bearer(w.tokens.staffA)).send({ count: 1 })).status).toBe(403);
    expect((await t.http().post(`/batches/${batch.id}/stamps`).set(bearer(w.tokens.managerB)).send({ count: 1 })).status).toBe(404);
    const issued = (await t.http().post(`/batches/${batch.id}/stamps`).set(bearer(w.tokens.officerIn)).send({ count: 3 })).body;
    expect((await t.http().get(`/stamp-issuances/${issued.id}/stamps.csv`).set(bearer(w.tokens.managerB))).status).toBe(404);
    expect((await t.http().get(`/stamp-issuances/${issued.id}/stamps.csv`).set(bearer(w.tokens.staffA))).status).toBe(403);
    expect((await t.http().get(`/stamp-issuances/${issued.id}`).set(bearer(w.tokens.staffA))).status).toBe(200);
  });
});
