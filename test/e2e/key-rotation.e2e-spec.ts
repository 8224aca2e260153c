import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createCipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { resealSecrets } from '../../src/cli/secret-reseal';
import { SecretKeyUnavailableError } from '../../src/common/crypto/secret-box';
import { loadConfig } from '../../src/config/load-config';
import { JobQueue } from '../../src/jobs/job-queue';
import { MarketplaceAccountsService } from '../../src/listings/marketplace-accounts.service';
import { PIN_PURPOSE, StampsService } from '../../src/stamps/stamps.service';
import { newGtin } from '../listings/listings-kit';
import { tinyPng } from '../utils/images';
import { makeClosedBatch } from '../utils/registry';
import { bearer, TestApp } from '../utils/test-app';
import { dropTestDatabase } from '../utils/test-db';
import { makeWorld, World } from '../utils/world';

// Rotating DATA_ENCRYPTION_KEY on a live database: K1 → (K2, previous K1) → re-seal → K2 alone.
const K1 = randomBytes(32);
const K2 = randomBytes(32);
const K3 = randomBytes(32);
const b64 = (k: Buffer) => k.toString('base64');
const idOf = (k: Buffer) => createHash('sha256').update(k).digest('hex').slice(0, 8);
const PASSWORD = 'Bí-mật-Postmart-123';

/** A value as sealed before key ids existed (bare base64), i.e. what a deployment has on upgrading. */
function legacySeal(master: Buffer, purpose: string, plaintext: string): string {
  const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `nguon:enc:${purpose}`, 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

interface Stamp {
  serial: string;
  pin: string;
}

describe('DATA_ENCRYPTION_KEY rotation', () => {
  let t: TestApp;
  let w: World;
  let app: NestFastifyApplication;
  let accountId: string;
  let printedIssuanceId: string;
  let unprintedIssuanceId: string;
  let printed: Stamp[];
  let unprinted: Stamp[];
  let hashesBefore: Map<string, string>;
  let listedProductId: string;

  /** The same database and data folder as the first app, with other keys. */
  async function restart(keys: { current: Buffer; previous?: Buffer[] }) {
    await app.close();
    const config = loadConfig({
      DATABASE_URL: t.databaseUrl,
      TOKEN_SECRET: 'test-token-secret-that-is-long-enough-0123456789',
      DATA_ENCRYPTION_KEY: b64(keys.current),
      ...(keys.previous && { DATA_ENCRYPTION_KEYS_PREVIOUS: keys.previous.map(b64).join(',') }),
      DATA_DIR: t.config.dataDir,
      PUBLIC_BASE_URL: 'https://nguon.test',
      LOG_LEVEL: 'silent',
    });
    app = await createApp(config);
  }

  const http = () => request(app.getHttpServer());
  const db = () => app.get(DataSource);
  const verifyPin = async (s: Stamp) =>
    (await http().post(`/s/${s.serial}`).set('accept', 'application/json').type('form').send({ pin: s.pin })).body.pinCheck?.result;
  const credentials = async () => {
    const accounts = app.get(MarketplaceAccountsService);
    return accounts.credentialsOf((await accounts.findById(accountId))!);
  };
  const stampsOf = async (issuanceId: string): Promise<Stamp[]> => {
    const csv = (await http().get(`/stamp-issuances/${issuanceId}/stamps.csv`).set(bearer(w.tokens.managerA)).expect(200)).text;
    return csv.trim().split(/\r?\n/).slice(1).map((line) => {
      const [serial, , pin] = line.split(',');
      return { serial, pin };
    });
  };
  const issue = async (batchId: string, count: number) => {
    const res = await http().post(`/batches/${batchId}/stamps`).set(bearer(w.tokens.managerA)).send({ count, withPin: true }).expect(201);
    await http().post(`/stamp-issuances/${res.body.id}/activate`).set(bearer(w.tokens.managerA)).send({}).expect(200);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await TestApp.start({ DATA_ENCRYPTION_KEY: b64(K1) });
    app = t.app;
    w = await makeWorld(t);
    const account = await http()
      .post(`/cooperatives/${w.coopA.id}/marketplace-accounts`)
      .set(bearer(w.tokens.managerA))
      .send({ marketplace: 'postmart', mode: 'partner_api', credentials: { baseUrl: 'http://127.0.0.1:9/api', username: 'htx-hai-phong-01', password: PASSWORD } })
      .expect(201);
    accountId = account.body.id;
    const { batch } = await makeClosedBatch(t, { admin: w.tokens.admin, manager: w.tokens.managerA }, w.coopA.id, { gtin: null, image: tinyPng() });
    listedProductId = ((await makeClosedBatch(t, { admin: w.tokens.admin, manager: w.tokens.managerA }, w.coopA.id, { gtin: newGtin(), image: tinyPng() })).product as { id: string }).id;
    printedIssuanceId = await issue(batch.id, 5);
    unprintedIssuanceId = await issue(batch.id, 6);
    printed = await stampsOf(printedIssuanceId);
    unprinted = await stampsOf(unprintedIssuanceId);
    await http().post(`/stamp-issuances/${printedIssuanceId}/printed`).set(bearer(w.tokens.managerA)).expect(200);
    // Half the unprinted PINs as a deployment from before key ids has them.
    for (const s of unprinted.slice(0, 3)) {
      await db().query(`UPDATE stamp SET pin_sealed = $2 WHERE serial = $1`, [s.serial, legacySeal(K1, PIN_PURPOSE, s.pin)]);
    }
    const rows: { serial: string; pin_hash: string }[] = await db().query(`SELECT serial, pin_hash FROM stamp WHERE issuance_id = ANY($1)`, [[printedIssuanceId, unprintedIssuanceId]]);
    hashesBefore = new Map(rows.map((r) => [r.serial, r.pin_hash]));
  });

  afterAll(async () => {
    await app?.close();
    if (t) {
      await dropTestDatabase(t.databaseUrl);
      rmSync(t.config.dataDir, { recursive: true, force: true });
    }
  });

  it('with K1: seals as v1.<id of K1>, and PINs verify', async () => {
    const [row] = await db().query(`SELECT credentials_sealed FROM marketplace_account WHERE id = $1`, [accountId]);
    expect(row.credentials_sealed.startsWith(`v1.${idOf(K1)}.`)).toBe(true);
    expect(row.credentials_sealed).not.toContain(PASSWORD);
    expect((await credentials()).password).toBe(PASSWORD);
    expect(await verifyPin(printed[0])).toBe('verified');
    expect(await verifyPin(unprinted[0])).toBe('verified');
    expect(await verifyPin({ serial: printed[1].serial, pin: '00000000' })).toBe('wrong');
  });

  it('with K2 and K1 listed as previous: everything sealed or hashed with K1 still works', async () => {
    await restart({ current: K2, previous: [K1] });
    expect((await credentials()).password).toBe(PASSWORD);
    expect((await http().get(`/marketplace-accounts/${accountId}`).set(bearer(w.tokens.managerA)).expect(200)).body).toMatchObject({ hasPassword: true });
    expect(await verifyPin(printed[1])).toBe('verified');
    expect(await verifyPin(unprinted[1])).toBe('verified');
    expect(await verifyPin(unprinted[4])).toBe('verified');
    expect(await verifyPin(printed[0])).toBe('already_verified');
    expect(await verifyPin({ serial: printed[2].serial, pin: '00000000' })).toBe('wrong');
    // The print file still opens the unprinted PINs, legacy and v1 alike.
    expect(await stampsOf(unprintedIssuanceId)).toEqual(unprinted);
  });

  it('re-seals credentials and unprinted PINs with K2, re-hashes their PINs, and counts the printed ones it cannot', async () => {
    const report = await resealSecrets(app);
    expect(report).toEqual({
      keyId: idOf(K2),
      previousKeyIds: [idOf(K1)],
      credentials: 1,
      pins: 6,
      pinHashes: 6,
      alreadyCurrent: 0,
      printedPinHashesStillOnOldKey: 5,
      notOpenable: 0,
      missingKeyIds: [],
    });
    const [account] = await db().query(`SELECT credentials_sealed FROM marketplace_account WHERE id = $1`, [accountId]);
    expect(account.credentials_sealed.startsWith(`v1.${idOf(K2)}.`)).toBe(true);
    const rows: { serial: string; pin_sealed: string | null; pin_hash: string; issuance_id: string }[] = await db().query(
      `SELECT serial, pin_sealed, pin_hash, issuance_id FROM stamp WHERE issuance_id = ANY($1)`,
      [[printedIssuanceId, unprintedIssuanceId]],
    );
    for (const r of rows) {
      if (r.issuance_id === unprintedIssuanceId) {
        expect(r.pin_sealed!.startsWith(`v1.${idOf(K2)}.`)).toBe(true);
        expect(r.pin_hash).not.toBe(hashesBefore.get(r.serial));
      } else {
        expect(r.pin_sealed).toBeNull();
        expect(r.pin_hash).toBe(hashesBefore.get(r.serial));
      }
      expect(r.pin_hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(await stampsOf(unprintedIssuanceId)).toEqual(unprinted);
    // Again: nothing left to do.
    expect(await resealSecrets(app)).toMatchObject({ credentials: 0, pins: 0, pinHashes: 0, alreadyCurrent: 7, printedPinHashesStillOnOldKey: 5, notOpenable: 0 });
    expect(await verifyPin(printed[2])).toBe('verified');
    expect(await verifyPin(unprinted[2])).toBe('verified');
  });

  it('with K2 alone: credentials open and unprinted PINs verify; PINs printed under K1 no longer do', async () => {
    await restart({ current: K2 });
    expect((await credentials()).password).toBe(PASSWORD);
    expect(await verifyPin(unprinted[3])).toBe('verified');
    expect(await verifyPin(unprinted[5])).toBe('verified');
    // The honest limit: their PIN is only on paper, their hash is under K1 (the report counted them).
    expect(await verifyPin(printed[3])).toBe('wrong');
    expect(await stampsOf(unprintedIssuanceId)).toEqual(unprinted);
    expect(await resealSecrets(app)).toMatchObject({ credentials: 0, pins: 0, alreadyCurrent: 7, notOpenable: 0 });
  });

  it('with a key that never sealed anything: a clear error naming the missing key, and the re-seal leaves the values alone', async () => {
    await restart({ current: K3 });
    const error = await credentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretKeyUnavailableError);
    expect((error as SecretKeyUnavailableError).keyId).toBe(idOf(K2));
    expect((error as Error).message).toContain('DATA_ENCRYPTION_KEYS_PREVIOUS');
    expect(await resealSecrets(app)).toMatchObject({ keyId: idOf(K3), credentials: 0, pins: 0, alreadyCurrent: 0, notOpenable: 7, missingKeyIds: [idOf(K2)] });
    // A listing job on that account does not retry in vain: the account asks for its credentials again.
    await http().post('/listings').set(bearer(w.tokens.managerA)).send({ accountId, productId: listedProductId, priceVnd: 85_000, stock: 40 }).expect(201);
    await app.get(JobQueue).drain();
    const paused = (await http().get(`/marketplace-accounts/${accountId}`).set(bearer(w.tokens.managerA)).expect(200)).body;
    expect(paused).toMatchObject({ status: 'needs_reauth', statusReason: 'Không giải mã được thông tin đăng nhập đã lưu (khóa mã hóa đã đổi); cần nhập lại' });
    await db().query(`UPDATE marketplace_account SET status = 'active', status_reason = NULL WHERE id = $1`, [accountId]);
    const [account] = await db().query(`SELECT credentials_sealed FROM marketplace_account WHERE id = $1`, [accountId]);
    expect(account.credentials_sealed.startsWith(`v1.${idOf(K2)}.`)).toBe(true);
    // The application keeps serving: K2 listed again, all is well.
    await restart({ current: K3, previous: [K2] });
    expect((await credentials()).password).toBe(PASSWORD);
    // In chunks of 2 stamps: each chunk its own transaction, the next one starting after the last id.
    expect(await app.get(StampsService).resealPins(2)).toEqual({ pins: 6, pinHashes: 6, alreadyCurrent: 0, printedPinHashesStillOnOldKey: 5, notOpenable: 0, missingKeyIds: [] });
    expect(await resealSecrets(app)).toMatchObject({ keyId: idOf(K3), credentials: 1, pins: 0, alreadyCurrent: 6, notOpenable: 0 });
    expect(await stampsOf(unprintedIssuanceId)).toEqual(unprinted);
  });
});
