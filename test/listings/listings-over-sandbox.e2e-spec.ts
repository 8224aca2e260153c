import { RunningSandbox, startSandboxMarketplace } from '../../src/marketplaces/sandbox/sandbox.server';
import { JobQueue } from '../../src/jobs/job-queue';
import { ListingJobSettings } from '../../src/listings/listing-job-settings';
import { sandboxAdmin, SandboxAdmin } from '../marketplaces/marketplace-fixtures';
import { SANDBOX_ACCOUNTS } from '../marketplaces/sandbox-accounts';
import { tinyPng } from '../utils/images';
import { makeClosedBatch } from '../utils/registry';
import { bearer, TestApp } from '../utils/test-app';
import { makeWorld, World } from '../utils/world';
import { newGtin } from './listings-kit';

// The real Postmart and Voso adapters (MarketplacesModule) against the sandbox marketplace over HTTP
// on loopback: what the fake adapter tests show, checked once end to end on the wire.
describe('listings over the sandbox marketplace', () => {
  let t: TestApp;
  let w: World;
  let sandbox: RunningSandbox;
  let admin: SandboxAdmin;
  const accounts: Record<'postmart' | 'voso', string> = { postmart: '', voso: '' };

  beforeAll(async () => {
    sandbox = await startSandboxMarketplace({ host: '127.0.0.1', port: 0, rateLimit: { requestsPerSecond: 1_000 }, accounts: SANDBOX_ACCOUNTS, review: { afterReads: 1 } });
    admin = sandboxAdmin(sandbox.url);
    t = await TestApp.start();
    await t.app.get(JobQueue).stopWorkers();
    Object.assign(t.app.get(ListingJobSettings), { minRequestIntervalMs: 0, backoffBaseMs: 40, backoffMaxMs: 200, pollDelaysMs: [0, 0, 0] });
    w = await makeWorld(t);
    const credentials = {
      postmart: { baseUrl: `${sandbox.url}/postmart`, username: 'htx-vu-ban', password: 'mat-khau-pm', customerCode: 'C0042' },
      voso: { baseUrl: `${sandbox.url}/voso`, username: 'htx-vu-ban', password: 'mat-khau-vs' },
    };
    for (const marketplace of ['postmart', 'voso'] as const) {
      const res = await t.http().post(`/cooperatives/${w.coopA.id}/marketplace-accounts`).set(bearer(w.tokens.managerA)).send({ marketplace, mode: 'partner_api', credentials: credentials[marketplace] });
      expect(res.status).toBe(201);
      accounts[marketplace] = res.body.id;
    }
  });
  afterAll(async () => {
    await t?.stop();
    await sandbox?.close();
  });
  beforeEach(() => admin.post('/reset'));

  const drain = () => t.app.get(JobQueue).drain();
  const product = () => makeClosedBatch(t, { admin: w.tokens.admin, manager: w.tokens.managerA }, w.coopA.id, { gtin: newGtin(), image: tinyPng() });
  const publish = (marketplace: 'postmart' | 'voso', productId: string) =>
    t.http().post('/listings').set(bearer(w.tokens.managerA)).send({ accountId: accounts[marketplace], productId, priceVnd: 85_000, stock: 40 });
  const listing = async (id: string) => (await t.http().get(`/listings/${id}`).set(bearer(w.tokens.managerA))).body;
  const onSandbox = (sku: string) => [...sandbox.state.listings.values()].filter((l) => l.sellerSku === sku);

  it.each(['postmart', 'voso'] as const)('%s: publishes, syncs a price change and unlists on recall, over HTTP', async (marketplace) => {
    const fixture = await product();
    const created = await publish(marketplace, fixture.product.id);
    expect(created.status).toBe(201);
    await drain();
    const live = await listing(created.body.id);
    expect(['live', 'pending_review']).toContain(live.status);
    expect(onSandbox(live.sellerSku)).toHaveLength(1);
    expect(onSandbox(live.sellerSku)[0].traceabilityUrl).toBe(`https://nguon.test/01/${fixture.product.gtin}/10/${fixture.batch.lotCode}`);

    if (live.status === 'live') {
      await t.http().patch(`/listings/${live.id}`).set(bearer(w.tokens.managerA)).send({ priceVnd: 99_000 });
      await drain();
      expect((await listing(live.id)).offer).toMatchObject({ ackedPriceVnd: 99_000, inSync: true });
      expect(onSandbox(live.sellerSku)[0].price).toBe(99_000);
    }

    await t.http().post(`/batches/${fixture.batch.id}/recall`).set(bearer(w.tokens.managerA)).send({ reason: 'Kiểm tra phát hiện dư lượng' });
    await drain();
    expect((await listing(live.id)).status).toBe('unlisted');
    expect(onSandbox(live.sellerSku)[0].state).toBe('unlisted');
  });

  it('a 429 with Retry-After pauses the lane, then the listing goes live', async () => {
    const fixture = await product();
    await admin.fault({ marketplace: 'postmart', route: 'create', times: 1, action: { kind: 'rate_limit', retryAfter: '1' } });
    const created = await publish('postmart', fixture.product.id);
    await drain();
    expect(await listing(created.body.id)).toMatchObject({ status: 'queued', attempts: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await drain();
    expect(['live', 'pending_review']).toContain((await listing(created.body.id)).status);
    expect(onSandbox(created.body.sellerSku)).toHaveLength(1);
  });

  it('a create that commits and then hangs is reconciled by seller SKU: exactly one listing on the marketplace', async () => {
    const fixture = await product();
    await admin.fault({ marketplace: 'voso', route: 'create', account: 'vs-vu-ban', times: 1, action: { kind: 'commit_then_hang', hangMs: 10_000 } });
    const created = await publish('voso', fixture.product.id);
    await drain();
    const l = await listing(created.body.id);
    expect(['live', 'pending_review']).toContain(l.status);
    expect(onSandbox(l.sellerSku)).toHaveLength(1);
    // Requests refused at the door (a token from before the sandbox reset) create nothing; count the rest.
    const creates = (await admin.requests()).filter((r) => r.marketplace === 'voso' && r.route === 'create' && r.account !== null);
    expect(creates).toHaveLength(1);
    expect(creates[0].faultId).not.toBeNull();
    const lookups = (await admin.requests()).filter((r) => r.marketplace === 'voso' && r.route === 'lookup');
    expect(lookups.length).toBeGreaterThanOrEqual(1);
  }, 30_000);
});
