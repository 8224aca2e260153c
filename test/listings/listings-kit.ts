import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { gs1CheckDigit } from '../../src/common/validation/gs1-check-digit';
import { JobQueue } from '../../src/jobs/job-queue';
import { AdapterLookup } from '../../src/listings/adapter-lookup';
import { ListingJobSettings } from '../../src/listings/listing-job-settings';
import { ListingProcessor } from '../../src/listings/listing-processor';
import { tinyPng } from '../utils/images';
import { daysAgo, makeClosedBatch } from '../utils/registry';
import { bearer, TestApp } from '../utils/test-app';
import { makeCooperative, makeWorld, World } from '../utils/world';
import { FAKE_PASSWORD, FakeMarketplaceAdapter } from './fake-marketplace.adapter';

/** A random valid GTIN-13 (Vietnam prefix 893), unique enough for one test database. */
export function newGtin(): string {
  const body = `893${String(randomBytes(4).readUInt32BE() % 1_000_000_000).padStart(9, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/**
 * The real app on its own database, with fake marketplaces in place of the real adapters, background
 * workers stopped (jobs run only through drain(), so every test sees each step), and short waits.
 */
export class ListingsKit {
  readonly postmart = new FakeMarketplaceAdapter('postmart');
  readonly voso = new FakeMarketplaceAdapter('voso');
  t!: TestApp;
  w!: World;

  static async start(): Promise<ListingsKit> {
    const kit = new ListingsKit();
    kit.t = await TestApp.start();
    await kit.jobs.stopWorkers();
    kit.t.app.get(AdapterLookup).use('postmart', kit.postmart);
    kit.t.app.get(AdapterLookup).use('voso', kit.voso);
    Object.assign(kit.settings, { minRequestIntervalMs: 0, backoffBaseMs: 40, backoffMaxMs: 200, pollDelaysMs: [0, 0, 0] });
    kit.w = await makeWorld(kit.t);
    return kit;
  }

  get jobs() {
    return this.t.app.get(JobQueue);
  }
  get settings() {
    return this.t.app.get(ListingJobSettings);
  }
  get processor() {
    return this.t.app.get(ListingProcessor);
  }
  get db() {
    return this.t.app.get(DataSource);
  }

  http() {
    return this.t.http();
  }

  drain() {
    return this.jobs.drain();
  }

  /** Waits for the scheduled (backoff, Retry-After) jobs to come due, then drains. */
  async drainAfter(ms: number) {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.drain();
  }

  async account(token: string, cooperativeId: string, body: Record<string, unknown> = {}) {
    const res = await this.http()
      .post(`/cooperatives/${cooperativeId}/marketplace-accounts`)
      .set(bearer(token))
      .send({ marketplace: 'postmart', mode: 'partner_api', credentials: { baseUrl: 'http://127.0.0.1:9/api', username: 'htx-hai-phong-01', password: FAKE_PASSWORD }, ...body });
    if (res.status !== 201) throw new Error(`create account: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; [k: string]: unknown };
  }

  /** A product ready for a marketplace: GTIN, an image, a sealed batch. */
  async product(cooperativeId = this.w.coopA.id, token = this.w.tokens.managerA) {
    return makeClosedBatch(this.t, { admin: this.w.tokens.admin, manager: token }, cooperativeId, { gtin: newGtin(), image: tinyPng() });
  }

  async publish(token: string, accountId: string, productId: string, offer = { priceVnd: 85_000, stock: 40 }) {
    return this.http().post('/listings').set(bearer(token)).send({ accountId, productId, ...offer });
  }

  async listing(id: string, token = this.w.tokens.admin) {
    const res = await this.http().get(`/listings/${id}`).set(bearer(token));
    if (res.status !== 200) throw new Error(`get listing: ${res.status}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read deep response fields freely
    return res.body as Record<string, any>;
  }

  /** Status changes of a listing in order, as the audit log recorded them. */
  async history(listingId: string): Promise<string[]> {
    const rows: { after: { status: string } }[] = await this.db.query(
      `SELECT after FROM audit_entry WHERE entity_type = 'listing' AND entity_id = $1 AND action IN ('status_changed', 'published', 'republished', 'recall_unlist', 'manual_ack', 'unlist_requested') ORDER BY id`,
      [listingId],
    );
    return rows.map((r) => r.after.status);
  }

  stop() {
    return this.t?.stop();
  }
}

/** Another sealed lot of an existing product (same area and season). */
export async function addClosedBatch(k: ListingsKit, fixture: { product: { id: string }; area: { id: string }; season: { id: string } }, token = k.w.tokens.managerA) {
  const created = await k.http().post('/batches').set(bearer(token)).send({
    productId: fixture.product.id,
    plantingAreaId: fixture.area.id,
    seasonId: fixture.season.id,
    lotCode: `L-${randomBytes(3).toString('hex')}`,
    harvestDateFrom: daysAgo(1),
    quantity: 100,
    unit: 'KGM',
  });
  if (created.status !== 201) throw new Error(`create batch: ${created.status} ${JSON.stringify(created.body)}`);
  const closed = await k.http().post(`/batches/${created.body.id}/close`).set(bearer(token));
  if (closed.status >= 300) throw new Error(`close batch: ${closed.status} ${JSON.stringify(closed.body)}`);
  return created.body as { id: string; lotCode: string };
}

/** A fresh cooperative in Hải Phòng (officer "in" covers it) with an account, so tests do not share lanes. */
export async function freshSetup(k: ListingsKit, body: Record<string, unknown> = {}) {
  const coop = await makeCooperative(k.t, k.w.tokens.admin, { address: { communeCode: 11065 } });
  const account = await k.account(k.w.tokens.admin, coop.id, body);
  const product = () => k.product(coop.id, k.w.tokens.admin);
  return { coop, account, product };
}
