import { OriginFactsService } from '../../src/resolver/origin-facts.service';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ListingDraftBuilder } from '../../src/listings/listing-draft.builder';
import { bearer } from '../utils/test-app';
import { makeClosedBatch } from '../utils/registry';
import { FAKE_PASSWORD } from '../listings/fake-marketplace.adapter';
import { addClosedBatch, freshSetup, ListingsKit, newGtin } from '../listings/listings-kit';

// Listings against a deterministic in-memory marketplace (test/listings/fake-marketplace.adapter.ts).
// Background workers are stopped: jobs run only in k.drain(), so each test sees every step.
describe('marketplace accounts, listings and bulk publishing', () => {
  let k: ListingsKit;
  const db = () => k.t.app.get(DataSource);

  beforeAll(async () => {
    k = await ListingsKit.start();
  });
  afterAll(async () => {
    await k?.stop();
  });
  beforeEach(() => {
    k.postmart.reset();
    k.voso.reset();
  });

  describe('accounts', () => {
    it('seals credentials, never returns or audits them, and scopes who may manage the account', async () => {
      const { tokens, coopA } = k.w;
      const created = await k.account(tokens.managerA, coopA.id, {
        marketplace: 'voso',
        credentials: { baseUrl: 'https://partner.voso.test/', username: 'htx-a-voso', password: 'Bí-mật-123', customerCode: 'C01' },
      });
      expect(created).toMatchObject({ marketplace: 'voso', mode: 'partner_api', status: 'active', username: 'ht•••so', hasPassword: true, baseUrl: 'https://partner.voso.test' });
      expect(JSON.stringify(created)).not.toMatch(/Bí-mật|htx-a-voso|C01/);
      const [row] = await db().query(`SELECT * FROM marketplace_account WHERE id = $1`, [created.id]);
      expect(JSON.stringify(row)).not.toMatch(/Bí-mật|htx-a-voso/);
      const audit = await db().query(`SELECT before, after FROM audit_entry WHERE entity_id = $1`, [created.id]);
      expect(JSON.stringify(audit)).not.toMatch(/Bí-mật|htx-a-voso|ht•••so/);

      expect((await k.http().post(`/cooperatives/${coopA.id}/marketplace-accounts`).set(bearer(tokens.officerIn)).send({ marketplace: 'voso', mode: 'assisted' })).status).toBe(409);
      expect((await k.http().get(`/marketplace-accounts/${created.id}`).set(bearer(tokens.officerOut))).status).toBe(404);
      expect((await k.http().get(`/marketplace-accounts/${created.id}`).set(bearer(tokens.managerB))).status).toBe(404);
      expect((await k.http().patch(`/marketplace-accounts/${created.id}`).set(bearer(tokens.staffA)).send({ status: 'disabled' })).status).toBe(403);
      expect((await k.http().post(`/cooperatives/${coopA.id}/marketplace-accounts`).set(bearer(tokens.staffA)).send({ marketplace: 'postmart', mode: 'assisted' })).status).toBe(403);
      const list = await k.http().get(`/cooperatives/${coopA.id}/marketplace-accounts`).set(bearer(tokens.officerIn));
      expect(list.status).toBe(200);
      expect(list.body.map((a: { id: string }) => a.id)).toContain(created.id);
      const noCredentials = await k.http().post(`/cooperatives/${k.w.coopB.id}/marketplace-accounts`).set(bearer(tokens.admin)).send({ marketplace: 'postmart', mode: 'partner_api' });
      expect(noCredentials.status).toBe(400);
      expect(noCredentials.body.code).toBe('LISTING_ACCOUNT_CREDENTIALS_REQUIRED');
    });
  });

  describe('publishing one product', () => {
    let accountId: string;
    beforeAll(async () => {
      accountId = (await k.account(k.w.tokens.managerA, k.w.coopA.id)).id;
    });

    it('draft → queued → submitting → live, with the text built from the registry and the lot’s Digital Link', async () => {
      const { product, batch } = await k.product();
      const res = await k.publish(k.w.tokens.managerA, accountId, product.id);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'queued', marketplace: 'postmart', offer: { priceVnd: 85_000, stock: 40, inSync: false } });
      expect(res.body.sellerSku).toMatch(/^NGN-[0-9A-F]{10}-[0-9A-F]{6}$/);
      expect(k.postmart.count('create')).toBe(0); // nothing is sent inside the request
      await k.drain();
      const live = await k.listing(res.body.id);
      expect(live).toMatchObject({ status: 'live', externalId: expect.any(String), offer: { inSync: true, ackedPriceVnd: 85_000, ackedStock: 40 } });
      expect(await k.history(res.body.id)).toEqual(['queued', 'submitting', 'live']);
      const draft = [...k.postmart.listings.values()][0].draft;
      expect(draft.traceabilityUrl).toBe(`https://nguon.test/01/${product.gtin}/10/${batch.lotCode}`);
      expect(draft.descriptionText).toContain('Nhà sản xuất: HTX A Hải Phòng');
      expect(draft.descriptionText).toMatch(/mã số vùng trồng VN-HPOR-\d+/);
      expect(draft).toMatchObject({ provinceName: 'Thành phố Hải Phòng', priceVnd: 85_000, stock: 40, ocopStars: null, weightGrams: 1000 });
      expect(draft.imageUrls[0]).toMatch(/^https:\/\/nguon\.test\/products\//);
      // Once live, the consumer's origin page links to it (after the 30 s facts cache, here a fresh one).
      k.t.app.get(OriginFactsService).forget(batch.id);
      const page = await k.http().get(`/01/${product.gtin}/10/${encodeURIComponent(String(batch.lotCode))}`).set('accept', 'application/json');
      expect(page.body.marketplaceLinks).toEqual([{ name: 'Postmart', url: live.externalUrl }]);
    });

    it('lists every missing field before anything is queued (422), and queues nothing', async () => {
      const noImage = await makeClosedBatch(k.t, { admin: k.w.tokens.admin, manager: k.w.tokens.managerA }, k.w.coopA.id, { gtin: null });
      const res = await k.publish(k.w.tokens.managerA, accountId, noImage.product.id);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('LISTING_DRAFT_INVALID');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['gtin', 'imageUrls', 'traceabilityUrl']);
      const unsealed = await k.http().post(`/cooperatives/${k.w.coopA.id}/products`).set(bearer(k.w.tokens.managerA)).send({ nameVi: 'Nấm rơm', category: 'Rau củ', unitOfSale: 'hộp', netContent: 0.5, netContentUnit: 'KGM' });
      const noBatch = await k.publish(k.w.tokens.managerA, accountId, unsealed.body.id);
      expect(noBatch.status).toBe(422);
      expect(noBatch.body.details.map((d: { field: string }) => d.field)).toContain('batch');
      const rows = await db().query(`SELECT id FROM listing WHERE product_id = ANY($1)`, [[noImage.product.id, unsealed.body.id]]);
      expect(rows).toHaveLength(0);
      expect(await k.jobs.pending()).toHaveLength(0);
    });

    it('scopes publishing: staff 403, officer outside the province 404, another cooperative’s account 422', async () => {
      const { product } = await k.product();
      expect((await k.publish(k.w.tokens.staffA, accountId, product.id)).status).toBe(403);
      expect((await k.publish(k.w.tokens.officerOut, accountId, product.id)).status).toBe(404);
      const other = await k.account(k.w.tokens.managerB, k.w.coopB.id);
      const mismatch = await k.publish(k.w.tokens.admin, other.id, product.id);
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.code).toBe('LISTING_ACCOUNT_MISMATCH');
      expect((await k.http().get(`/listings?productId=${product.id}`).set(bearer(k.w.tokens.officerOut))).body.total).toBe(0);
    });

    it('is idempotent: a resubmission and two officers publishing at once give one listing and one create', async () => {
      const { product } = await k.product();
      const [a, b] = await Promise.all([k.publish(k.w.tokens.officerIn, accountId, product.id), k.publish(k.w.tokens.managerA, accountId, product.id)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      const again = await k.publish(k.w.tokens.managerA, accountId, product.id);
      expect(again.body.id).toBe(a.body.id);
      await k.drain();
      const again2 = await k.publish(k.w.tokens.officerIn, accountId, product.id);
      expect(again2.body).toMatchObject({ id: a.body.id, status: 'live' });
      await k.drain();
      expect(await db().query(`SELECT id FROM listing WHERE product_id = $1`, [product.id])).toHaveLength(1);
      expect(k.postmart.count('create')).toBe(1);
      expect(k.postmart.count('sync')).toBe(0); // same offer: nothing to sync
    });
  });

  describe('jobs: retries, rate limits, credentials', () => {
    it('pauses the account’s lane on 429 for Retry-After, without counting a failure', async () => {
      const s = await freshSetup(k);
      const one = await s.product();
      const two = await s.product();
      k.postmart.fail('create', { kind: 'rate_limited', retryAfterMs: 700 });
      const l1 = (await k.publish(k.w.tokens.admin, s.account.id, one.product.id)).body;
      const before = Date.now();
      await k.drain();
      expect(await k.listing(l1.id)).toMatchObject({ status: 'queued', attempts: 0 });
      const [acc] = await db().query(`SELECT paused_until FROM marketplace_account WHERE id = $1`, [s.account.id]);
      expect(new Date(acc.paused_until).getTime()).toBeGreaterThanOrEqual(before + 600);
      expect((await k.http().get(`/marketplace-accounts/${s.account.id}`).set(bearer(k.w.tokens.admin))).body.pausedUntil).not.toBeNull();
      // Another listing of the same account waits in the lane: no call while paused.
      const l2 = (await k.publish(k.w.tokens.admin, s.account.id, two.product.id)).body;
      await k.drain();
      expect(k.postmart.count('create')).toBe(1);
      const waiting = (await k.jobs.pending()).filter((j) => j.data.listingId === l1.id || j.data.listingId === l2.id);
      expect(waiting).toHaveLength(2);
      for (const j of waiting) expect(new Date(j.startAfter).getTime()).toBeGreaterThanOrEqual(new Date(acc.paused_until).getTime() - 5);
      await k.drainAfter(800);
      expect((await k.listing(l1.id)).status).toBe('live');
      expect((await k.listing(l2.id)).status).toBe('live');
      expect(await k.history(l1.id)).toEqual(['queued', 'submitting', 'queued', 'submitting', 'live']);
    });

    it('spaces requests on one account through the in-database lane, even from concurrent jobs', async () => {
      const s = await freshSetup(k);
      const fixtures = [await s.product(), await s.product(), await s.product()];
      for (const f of fixtures) await k.publish(k.w.tokens.admin, s.account.id, f.product.id);
      k.settings.minRequestIntervalMs = 200;
      try {
        await k.drain();
      } finally {
        k.settings.minRequestIntervalMs = 0;
      }
      const times = k.postmart.calls.filter((c) => c.op === 'create').map((c) => c.at!);
      expect(times).toHaveLength(3);
      times.sort((a, b) => a - b);
      // The lane reserves slots 200 ms apart in the database; the adapter stamps calls a little after
      // their slot, so a loaded machine can shave a few tens of ms off a gap. Unspaced, the three
      // concurrent jobs would call within a few ms of each other.
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(140);
    });

    it('marketplace validation errors → rejected with the field errors, never retried', async () => {
      const s = await freshSetup(k);
      const { product } = await s.product();
      k.postmart.fail('create', { kind: 'validation', fieldErrors: [{ field: 'category_id', code: 'error_less_required_attribute', message: 'Thiếu thuộc tính bắt buộc' }] });
      const l = (await k.publish(k.w.tokens.admin, s.account.id, product.id)).body;
      await k.drain();
      await k.drainAfter(100);
      expect(await k.listing(l.id)).toMatchObject({ status: 'rejected', errors: [{ field: 'category_id', code: 'error_less_required_attribute', source: 'marketplace' }] });
      expect(k.postmart.count('create')).toBe(1);
      expect((await k.jobs.pending()).filter((j) => j.data.listingId === l.id)).toHaveLength(0);
      // An operator retry after fixing things goes through the same SKU.
      const retried = await k.http().post(`/listings/${l.id}/retry`).set(bearer(k.w.tokens.officerIn));
      expect(retried.body).toMatchObject({ status: 'queued', sellerSku: l.sellerSku });
      await k.drain();
      expect((await k.listing(l.id)).status).toBe('live');
    });

    it('transient errors back off with jitter, look the SKU up before creating again, and fail after the last attempt', async () => {
      const s = await freshSetup(k);
      const { product } = await s.product();
      k.postmart.fail('create', { kind: 'transient' });
      // A back-off long enough (0.5–1 s) that a slow machine's drain cannot reach the retry by itself.
      Object.assign(k.settings, { backoffBaseMs: 1_000, backoffMaxMs: 1_000 });
      const l = (await k.publish(k.w.tokens.admin, s.account.id, product.id)).body;
      const beforeAttempt = Date.now();
      await k.drain();
      const waiting = await k.listing(l.id);
      expect(waiting).toMatchObject({ status: 'reconciling', attempts: 1 });
      // Backed off: the next attempt is scheduled after the failed one (not "now", which a slow
      // machine may already have passed when this line runs).
      expect(new Date(waiting.nextAttemptAt).getTime()).toBeGreaterThan(beforeAttempt);
      Object.assign(k.settings, { backoffBaseMs: 40, backoffMaxMs: 200 });
      await k.drainAfter(1_100);
      expect(await k.listing(l.id)).toMatchObject({ status: 'live', attempts: 0 });
      expect(await k.history(l.id)).toEqual(['queued', 'submitting', 'reconciling', 'queued', 'submitting', 'live']);
      expect(k.postmart.calls.filter((c) => c.op !== 'login').map((c) => c.op)).toEqual(['create', 'find', 'create']);

      k.settings.maxAttempts = 3;
      try {
        const other = await s.product();
        k.postmart.fail('create', { kind: 'transient' }).fail('find', { kind: 'transient' }, { kind: 'transient' });
        const f = (await k.publish(k.w.tokens.admin, s.account.id, other.product.id)).body;
        for (let i = 0; i < 4; i++) await k.drainAfter(250);
        expect(await k.listing(f.id)).toMatchObject({ status: 'failed', attempts: 3 });
      } finally {
        k.settings.maxAttempts = 6;
      }
    });

    it('a timed-out create is reconciled by seller SKU, never re-created', async () => {
      const s = await freshSetup(k);
      const { product } = await s.product();
      k.postmart.fail('create', 'commit-then-timeout');
      const l = (await k.publish(k.w.tokens.admin, s.account.id, product.id)).body;
      await k.drain();
      expect(await k.listing(l.id)).toMatchObject({ status: 'live', externalId: [...k.postmart.listings.values()][0].externalId });
      expect(await k.history(l.id)).toEqual(['queued', 'submitting', 'reconciling', 'live']);
      expect(k.postmart.count('create')).toBe(1);
      expect(k.postmart.listings.size).toBe(1);
      // Found but not acknowledged: price and stock are synced to be sure.
      expect(k.postmart.count('sync')).toBe(1);
    });

    it('pauses (not fails) on refused credentials, and resumes when they are re-entered', async () => {
      const s = await freshSetup(k);
      const one = await s.product();
      const two = await s.product();
      k.postmart.password = 'mat-khau-moi';
      const l1 = (await k.publish(k.w.tokens.admin, s.account.id, one.product.id)).body;
      const l2 = (await k.publish(k.w.tokens.admin, s.account.id, two.product.id)).body;
      await k.drain();
      expect((await k.http().get(`/marketplace-accounts/${s.account.id}`).set(bearer(k.w.tokens.officerIn))).body).toMatchObject({ status: 'needs_reauth' });
      expect(await k.listing(l1.id)).toMatchObject({ status: 'queued', attempts: 0 });
      expect(await k.listing(l2.id)).toMatchObject({ status: 'queued', attempts: 0 });
      const logins = k.postmart.count('login');
      await k.processor.recover();
      await k.drain();
      expect(k.postmart.count('login')).toBe(logins); // paused: nothing is tried
      const plainActive = await k.http().patch(`/marketplace-accounts/${s.account.id}`).set(bearer(k.w.tokens.officerIn)).send({ status: 'active' });
      expect(plainActive.status).toBe(400);
      const patched = await k.http().patch(`/marketplace-accounts/${s.account.id}`).set(bearer(k.w.tokens.officerIn)).send({
        credentials: { baseUrl: 'http://127.0.0.1:9/api', username: 'htx-hai-phong-01', password: 'mat-khau-moi' },
      });
      expect(patched.body).toMatchObject({ status: 'active', hasPassword: true });
      await k.drain();
      expect((await k.listing(l1.id)).status).toBe('live');
      expect((await k.listing(l2.id)).status).toBe('live');
    });

    it('auth_expired → logs in again once and retries', async () => {
      const s = await freshSetup(k);
      const { product } = await s.product();
      const l = (await k.publish(k.w.tokens.admin, s.account.id, product.id)).body;
      await k.drain();
      k.postmart.expireTokens();
      const logins = k.postmart.count('login');
      await k.http().patch(`/listings/${l.id}`).set(bearer(k.w.tokens.admin)).send({ stock: 7 });
      await k.drain();
      expect(k.postmart.count('login')).toBe(logins + 1);
      expect(await k.listing(l.id)).toMatchObject({ status: 'live', offer: { ackedStock: 7, inSync: true } });
      expect((await k.http().get(`/marketplace-accounts/${s.account.id}`).set(bearer(k.w.tokens.admin))).body.status).toBe('active');
    });
  });

  describe('price and stock', () => {
    it('coalesces three quick changes into one sync with the last value', async () => {
      const s = await freshSetup(k);
      const { product } = await s.product();
      const l = (await k.publish(k.w.tokens.admin, s.account.id, product.id)).body;
      await k.drain();
      for (const offer of [{ priceVnd: 90_000 }, { stock: 12 }, { priceVnd: 95_000, stock: 10 }]) {
        expect((await k.http().patch(`/listings/${l.id}`).set(bearer(k.w.tokens.officerIn)).send(offer)).status).toBe(200);
      }
      expect((await k.jobs.pending()).filter((j) => j.data.listingId === l.id)).toHaveLength(1);
      await k.drain();
      const syncs = k.postmart.calls.filter((c) => c.op === 'sync');
      expect(syncs).toHaveLength(1);
      expect(syncs[0].items).toEqual([{ externalId: expect.any(String), priceVnd: 95_000, stock: 10 }]);
      expect(await k.listing(l.id)).toMatchObject({ offer: { priceVnd: 95_000, stock: 10, version: 4, ackedVersion: 4, inSync: true } });
      const stored = [...k.postmart.listings.values()][0];
      expect([stored.priceVnd, stored.stock]).toEqual([95_000, 10]);
    });
  });

  describe('price and stock after a refused sync', () => {
    it('a refused sync waits an hour, but a new value is sent at once', async () => {
      const s = await freshSetup(k);
      const { product } = await s.product();
      const l = (await k.publish(k.w.tokens.admin, s.account.id, product.id)).body;
      await k.drain();
      k.postmart.fail('sync', { kind: 'business_blocked', reason: 'Sản phẩm đang chạy khuyến mãi' });
      await k.http().patch(`/listings/${l.id}`).set(bearer(k.w.tokens.admin)).send({ stock: 5 });
      await k.drain();
      const blocked = await k.listing(l.id);
      expect(blocked).toMatchObject({ status: 'live', offer: { inSync: false }, errors: [{ field: 'sync', source: 'marketplace' }] });
      expect(new Date(blocked.nextAttemptAt).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
      await k.http().patch(`/listings/${l.id}`).set(bearer(k.w.tokens.admin)).send({ stock: 4 });
      await k.drain();
      expect(await k.listing(l.id)).toMatchObject({ offer: { ackedStock: 4, inSync: true }, errors: [] });
      expect(k.postmart.calls.filter((c) => c.op === 'sync').map((c) => c.items![0].stock)).toEqual([5, 4]);
    });
  });

  describe('recall', () => {
    it('unlists the product everywhere when its last sealed lot is recalled, recording why; HTTP only after commit', async () => {
      const fixture = await k.product();
      const voso = await k.account(k.w.tokens.admin, k.w.coopA.id, { marketplace: 'voso' }).catch(async () => {
        const rows = await db().query(`SELECT id FROM marketplace_account WHERE cooperative_id = $1 AND marketplace = 'voso'`, [k.w.coopA.id]);
        return { id: rows[0].id as string };
      });
      await db().query(`UPDATE marketplace_account SET status = 'active', credentials_sealed = (SELECT credentials_sealed FROM marketplace_account WHERE cooperative_id = $1 AND marketplace = 'postmart'), base_url = 'http://127.0.0.1:9/api' WHERE id = $2`, [k.w.coopA.id, voso.id]);
      const postmartAccount = (await db().query(`SELECT id FROM marketplace_account WHERE cooperative_id = $1 AND marketplace = 'postmart'`, [k.w.coopA.id]))[0].id;
      const p = (await k.publish(k.w.tokens.managerA, postmartAccount, fixture.product.id)).body;
      const v = (await k.publish(k.w.tokens.managerA, voso.id, fixture.product.id)).body;
      await k.drain();
      expect((await k.listing(p.id)).status).toBe('live');
      expect((await k.listing(v.id)).status).toBe('live');

      const recalled = await k.http().post(`/batches/${fixture.batch.id}/recall`).set(bearer(k.w.tokens.managerA)).send({ reason: 'Dư lượng thuốc BVTV vượt ngưỡng' });
      expect(recalled.status).toBeLessThan(300);
      // Marked inside the recall's transaction; the marketplace has not been called yet.
      expect((await k.listing(p.id)).status).toBe('unlist_requested');
      expect(k.postmart.count('unlist') + k.voso.count('unlist')).toBe(0);
      await k.drain();
      for (const id of [p.id, v.id]) {
        expect(await k.listing(id)).toMatchObject({ status: 'unlisted', unlistReason: `Thu hồi lô ${fixture.batch.lotCode}: Dư lượng thuốc BVTV vượt ngưỡng` });
      }
      expect([k.postmart.count('unlist'), k.voso.count('unlist')]).toEqual([1, 1]);
      const audit = await db().query(`SELECT reason FROM audit_entry WHERE entity_id = $1 AND action = 'recall_unlist'`, [p.id]);
      expect(audit[0].reason).toContain('Dư lượng thuốc BVTV');
    });

    it('keeps the listing while another sealed lot of the product is still good', async () => {
      const s = await freshSetup(k);
      const fixture = await s.product();
      await addClosedBatch(k, fixture, k.w.tokens.admin);
      const l = (await k.publish(k.w.tokens.admin, s.account.id, fixture.product.id)).body;
      await k.drain();
      await k.http().post(`/batches/${fixture.batch.id}/recall`).set(bearer(k.w.tokens.admin)).send({ reason: 'Nhãn in sai ngày' });
      await k.drain();
      expect((await k.listing(l.id)).status).toBe('live');
      expect(k.postmart.count('unlist')).toBe(0);
    });
  });

  describe('assisted accounts', () => {
    it('queued → awaiting_manual_action → officer records the URL → live; unknown URLs are refused', async () => {
      const s = await freshSetup(k, { mode: 'assisted', credentials: undefined });
      expect(s.account).toMatchObject({ mode: 'assisted', hasPassword: false, username: null });
      const { product } = await s.product();
      const l = (await k.publish(k.w.tokens.officerIn, s.account.id, product.id)).body;
      await k.drain();
      expect((await k.listing(l.id)).status).toBe('awaiting_manual_action');
      expect(k.postmart.calls).toHaveLength(0);
      const exported = await k.http().get(`/marketplace-accounts/${s.account.id}/assisted-export.xlsx`).set(bearer(k.w.tokens.officerIn)).buffer(true);
      expect(exported.status).toBe(200);
      const bad = await k.http().post(`/listings/${l.id}/manual-ack`).set(bearer(k.w.tokens.officerIn)).send({ url: 'https://postmart.vn/gio-hang', status: 'live' });
      expect(bad.status).toBe(422);
      expect(bad.body.code).toBe('LISTING_URL_NOT_RECOGNISED');
      const ack = await k.http().post(`/listings/${l.id}/manual-ack`).set(bearer(k.w.tokens.officerIn)).send({ url: 'https://postmart.vn/p/bap-cai-vietgap-43160.html', status: 'pending_review' });
      expect(ack.body).toMatchObject({ status: 'pending_review', externalId: '43160', externalUrl: 'https://postmart.vn/p/bap-cai-vietgap-43160.html' });
      const live = await k.http().post(`/listings/${l.id}/manual-ack`).set(bearer(k.w.tokens.officerIn)).send({ externalId: '43160', status: 'live' });
      expect(live.body).toMatchObject({ status: 'live', offer: { inSync: true } });
      expect(await k.history(l.id)).toEqual(['queued', 'awaiting_manual_action', 'pending_review', 'live']);
    });
  });

  describe('crash safety', () => {
    it('a listing left in submitting by a dead process is reconciled on restart, not created twice', async () => {
      const s = await freshSetup(k);
      const { product } = await s.product();
      const l = (await k.publish(k.w.tokens.admin, s.account.id, product.id)).body;
      // What kill -9 during the create leaves behind: the row says submitting, the lease has run out,
      // and the marketplace did create the listing.
      await db().query(`UPDATE listing SET status = 'submitting', lease_owner = gen_random_uuid(), lease_until = now() - interval '1 second' WHERE id = $1`, [l.id]);
      await db().query(`DELETE FROM pgboss.job WHERE data->>'listingId' = $1`, [l.id]);
      const { draft } = await k.t.app.get(ListingDraftBuilder).build({ productId: product.id, sellerSku: l.sellerSku, priceVnd: 85_000, stock: 40 });
      await k.postmart.create({ baseUrl: '', username: '', password: FAKE_PASSWORD }, { token: 'x', expiresAt: new Date() }, draft);
      const recovered = await k.processor.recover();
      expect(recovered.reconciling).toBeGreaterThanOrEqual(1);
      expect((await k.listing(l.id)).status).toBe('reconciling');
      await k.drain();
      expect((await k.listing(l.id)).status).toBe('live');
      expect(k.postmart.count('create')).toBe(1);
      expect(k.postmart.listings.size).toBe(1);
    });
  });

  describe('bulk publishing', () => {
    it('202 with a job id; progress per state and per item; the XLSX report has Vietnamese headers; resubmitting duplicates nothing', async () => {
      const s = await freshSetup(k);
      const good1 = await s.product();
      const good2 = await s.product();
      const noImage = await makeClosedBatch(k.t, { admin: k.w.tokens.admin, manager: k.w.tokens.admin }, s.coop.id, { gtin: newGtin() });
      const items = [
        { productId: good1.product.id, marketplace: 'postmart', priceVnd: 85_000, stock: 10 },
        { productId: good2.product.id, marketplace: 'postmart', priceVnd: 120_000, stock: 5 },
        { productId: noImage.product.id, marketplace: 'postmart', priceVnd: 50_000, stock: 1 },
        { productId: good1.product.id, marketplace: 'voso', priceVnd: 85_000, stock: 10 },
      ];
      const res = await k.http().post('/bulk-publish').set(bearer(k.w.tokens.officerIn)).send({ items });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ id: expect.any(String), total: 4 });
      await k.drain();
      const progress = await k.http().get(`/bulk-publish/${res.body.id}`).set(bearer(k.w.tokens.officerIn));
      expect(progress.body).toMatchObject({ total: 4, done: true, counts: { live: 2, invalid: 2 } });
      expect(progress.body.items.map((i: { state: string }) => i.state)).toEqual(['live', 'live', 'invalid', 'invalid']);
      expect(progress.body.items[2].errors.map((e: { field: string }) => e.field)).toEqual(['imageUrls']);
      expect(progress.body.items[3].errors[0].field).toBe('marketplace');

      const report = await k.http().get(`/bulk-publish/${res.body.id}/report.xlsx`).set(bearer(k.w.tokens.officerIn)).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(report.body as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Kết quả đăng bán')!;
      expect(sheet.getRow(1).values).toEqual([undefined, 'STT', 'Dòng trong tệp', 'Sản phẩm', 'Mã sản phẩm', 'Sàn', 'Giá bán (VNĐ)', 'Tồn kho', 'Mã SKU', 'Trạng thái', 'Lý do / lỗi', 'Link trên sàn']);
      expect(sheet.rowCount).toBe(5);
      expect(sheet.getRow(2).getCell(9).value).toBe('đang bán');
      expect(sheet.getRow(4).getCell(9).value).toBe('không hợp lệ, chưa gửi');
      expect(String(sheet.getRow(4).getCell(10).value)).toContain('imageUrls');

      const again = await k.http().post('/bulk-publish').set(bearer(k.w.tokens.officerIn)).send({ items });
      await k.drain();
      const second = await k.http().get(`/bulk-publish/${again.body.id}`).set(bearer(k.w.tokens.officerIn));
      expect(second.body.items.map((i: { listingId: string | null }) => i.listingId)).toEqual(progress.body.items.map((i: { listingId: string | null }) => i.listingId));
      expect(k.postmart.count('create')).toBe(2);
      // Only the person who started it (and admins) follow it.
      expect((await k.http().get(`/bulk-publish/${res.body.id}`).set(bearer(k.w.tokens.officerOut))).status).toBe(404);
    });

    it('scopes bulk publishing: staff 403, products outside the officer’s provinces 404', async () => {
      const { product } = await k.product();
      const items = [{ productId: product.id, marketplace: 'postmart', priceVnd: 85_000, stock: 1 }];
      expect((await k.http().post('/bulk-publish').set(bearer(k.w.tokens.staffA)).send({ items })).status).toBe(403);
      const out = await k.http().post('/bulk-publish').set(bearer(k.w.tokens.officerOut)).send({ items });
      expect(out.status).toBe(404);
      expect(out.body.details[0].field).toBe('items[0].productId');
      expect((await k.http().post('/bulk-publish').set(bearer(k.w.tokens.managerB)).send({ items })).status).toBe(404);
    });

    it('accepts a CSV upload with GTINs and Vietnamese number formats, and refuses bad rows all at once', async () => {
      const s = await freshSetup(k);
      const a = await s.product();
      const csv = `Sản phẩm (ID hoặc GTIN),Sàn,Giá bán (VNĐ),Tồn kho\r\n${a.product.gtin},Postmart,"85.000",12\r\n`;
      const res = await k.http().post('/bulk-publish/upload').set(bearer(k.w.tokens.officerIn)).attach('file', Buffer.from(csv, 'utf8'), 'dang-ban.csv');
      expect(res.status).toBe(202);
      await k.drain();
      const progress = await k.http().get(`/bulk-publish/${res.body.id}`).set(bearer(k.w.tokens.officerIn));
      expect(progress.body.items[0]).toMatchObject({ sourceRow: 2, productId: a.product.id, priceVnd: 85_000, stock: 12, state: 'live' });

      const bad = `san pham;san;gia;ton kho\r\nkhong-phai-ma;shopee;85,5;-1\r\n`;
      const refused = await k.http().post('/bulk-publish/upload').set(bearer(k.w.tokens.officerIn)).attach('file', Buffer.from(bad, 'utf8'), 'sai.csv');
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('LISTING_BULK_ITEMS_INVALID');
      expect(refused.body.details).toHaveLength(4);
    });
  });
});
