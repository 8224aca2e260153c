import { createServer } from 'node:net';
import type { ErrorClass, MarketplaceAdapter, MarketplaceCredentials, TokenSet } from '../../src/marketplaces/marketplace-adapter';
import { RunningSandbox, startSandboxMarketplace } from '../../src/marketplaces/sandbox/sandbox.server';
import { listingDraft, SandboxAdmin, sandboxAdmin } from './marketplace-fixtures';
import { ADAPTER_CASES, SANDBOX_ACCOUNTS } from './sandbox-accounts';

// Each adapter against the sandbox marketplace over real HTTP on loopback: the happy path, then every
// fault rule the sandbox offers, checked through classifyError as the publishing jobs will see them.

const TOKEN_TTL_SEC = 600;

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let sandbox: RunningSandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  sandbox = await startSandboxMarketplace({ host: '127.0.0.1', port: 0, tokenTtlSec: TOKEN_TTL_SEC, rateLimit: { requestsPerSecond: 1_000 }, accounts: SANDBOX_ACCOUNTS });
  admin = sandboxAdmin(sandbox.url);
});
afterAll(() => sandbox.close());
beforeEach(() => admin.post('/reset'));

describe.each(ADAPTER_CASES)('$name adapter over the sandbox', (c) => {
  let adapter: MarketplaceAdapter;
  let creds: MarketplaceCredentials;
  let token: TokenSet;
  const classified = async (promise: Promise<unknown>): Promise<ErrorClass> => adapter.classifyError(await caught(promise));
  const listingsInSandbox = () => [...sandbox.state.listings.values()].filter((l) => l.marketplace === c.name);

  beforeEach(async () => {
    adapter = c.make();
    creds = c.credentials(sandbox.url);
    token = await adapter.login(creds);
  });

  describe('login and tokens', () => {
    it('logs in with the shop credentials and reports when the token expires', () => {
      expect(token.token).toMatch(/^(pm|vs)_/);
      const ttl = token.expiresAt.getTime() - Date.now();
      expect(ttl).toBeGreaterThan((TOKEN_TTL_SEC - 5) * 1_000);
      expect(ttl).toBeLessThanOrEqual(TOKEN_TTL_SEC * 1_000 + 1_000);
    });

    it('wrong credentials are credentials_rejected', async () => {
      expect(await classified(adapter.login({ ...creds, password: 'sai-mat-khau' }))).toEqual({ kind: 'credentials_rejected' });
    });

    it('an expired token is auth_expired, and logging in again works', async () => {
      await admin.post('/clock', { advanceMs: (TOKEN_TTL_SEC + 1) * 1_000 });
      expect(await classified(adapter.findBySellerSku(creds, token, 'KHONG-CO'))).toEqual({ kind: 'auth_expired' });
      const fresh = await adapter.login(creds);
      await expect(adapter.findBySellerSku(creds, fresh, 'KHONG-CO')).resolves.toBeNull();
    });

    it('revoked tokens are auth_expired; revoked credentials then make the re-login credentials_rejected', async () => {
      await admin.post(`/accounts/${c.accountId}/revoke`, {});
      expect(await classified(adapter.findBySellerSku(creds, token, 'X'))).toEqual({ kind: 'auth_expired' });
      const again = await adapter.login(creds);
      await expect(adapter.findBySellerSku(creds, again, 'X')).resolves.toBeNull();

      await admin.post(`/accounts/${c.accountId}/revoke`, { credentials: true });
      expect(await classified(adapter.findBySellerSku(creds, again, 'X'))).toEqual({ kind: 'auth_expired' });
      expect(await classified(adapter.login(creds))).toEqual({ kind: 'credentials_rejected' });
    });

    it('a token_revoked fault rule revokes the session mid-flight', async () => {
      await admin.fault({ marketplace: c.name, route: 'lookup', account: c.accountId, times: 1, action: { kind: 'token_revoked' } });
      expect(await classified(adapter.findBySellerSku(creds, token, 'X'))).toEqual({ kind: 'auth_expired' });
      expect(await classified(adapter.findBySellerSku(creds, token, 'X'))).toEqual({ kind: 'auth_expired' });
      await expect(adapter.findBySellerSku(creds, await adapter.login(creds), 'X')).resolves.toBeNull();
    });
  });

  describe('listings', () => {
    it('create → pending_review, then live after one status read; the URL parses back to the id', async () => {
      const draft = listingDraft();
      const created = await adapter.create(creds, token, draft);
      expect(created.kind).toBe('accepted');
      if (created.kind === 'rejected') throw new Error('unexpected');
      expect(created.listing).toMatchObject({ state: 'pending_review', reason: null });
      expect(adapter.parseListingUrl(created.listing.externalUrl!)).toBe(created.listing.externalId);

      const status = await adapter.getStatus(creds, token, created.listing.externalId);
      expect(status).toMatchObject({ externalId: created.listing.externalId, state: 'live', reason: null });
      const stored = listingsInSandbox()[0];
      expect(stored.title).toBe('Bưởi Diễn Vũ Bản – HTX Vũ Bản – quả 1,2 kg');
      expect(stored.description).toContain('Chứng nhận OCOP: 4 sao');
      expect(stored.description).toContain(draft.traceabilityUrl);
    });

    it('a second create with the same seller SKU is `duplicate` carrying the existing listing; one listing exists', async () => {
      const draft = listingDraft();
      const first = await adapter.create(creds, token, draft);
      const second = await adapter.create(creds, token, { ...draft, priceVnd: 99_000 });
      expect(second.kind).toBe('duplicate');
      if (first.kind === 'rejected' || second.kind === 'rejected') throw new Error('unexpected');
      expect(second.listing.externalId).toBe(first.listing.externalId);
      expect(listingsInSandbox()).toHaveLength(1);
      expect(listingsInSandbox()[0].price).toBe(65_000);
    });

    it('finds a listing by seller SKU, and null for an unknown SKU', async () => {
      const draft = listingDraft();
      const created = await adapter.create(creds, token, draft);
      if (created.kind === 'rejected') throw new Error('unexpected');
      await expect(adapter.findBySellerSku(creds, token, draft.sellerSku)).resolves.toMatchObject({ externalId: created.listing.externalId, state: 'pending_review' });
      await expect(adapter.findBySellerSku(creds, token, 'KHONG-TON-TAI')).resolves.toBeNull();
    });

    it('updates content; a rejected listing goes back to review', async () => {
      await admin.patch('/config', { review: { rejections: [{ sellerSkuPrefix: 'REJ-', reason: 'Ảnh sản phẩm bị mờ' }] } });
      const draft = listingDraft({ sellerSku: 'REJ-0001' });
      const created = await adapter.create(creds, token, draft);
      if (created.kind === 'rejected') throw new Error('unexpected');
      const id = created.listing.externalId;
      await expect(adapter.getStatus(creds, token, id)).resolves.toMatchObject({ state: 'rejected', reason: 'Ảnh sản phẩm bị mờ' });

      const updated = await adapter.update(creds, token, id, { ...draft, title: 'Bưởi Diễn Vũ Bản loại 1', priceVnd: 70_000 });
      expect(updated).toMatchObject({ externalId: id, state: 'pending_review' });
      expect(listingsInSandbox()[0]).toMatchObject({ title: 'Bưởi Diễn Vũ Bản loại 1 – HTX Vũ Bản – quả 1,2 kg', price: 70_000, sellerSku: 'REJ-0001' });
    });

    it('review can also be decided by time (sandbox clock)', async () => {
      await admin.patch('/config', { review: { afterReads: null, afterMs: 60_000 } });
      const created = await adapter.create(creds, token, listingDraft());
      if (created.kind === 'rejected') throw new Error('unexpected');
      await expect(adapter.getStatus(creds, token, created.listing.externalId)).resolves.toMatchObject({ state: 'pending_review' });
      await admin.post('/clock', { advanceMs: 60_001 });
      await expect(adapter.getStatus(creds, token, created.listing.externalId)).resolves.toMatchObject({ state: 'live' });
    });

    it('batch stock/price reports per item: ok, unknown id, invalid stock', async () => {
      const a = await adapter.create(creds, token, listingDraft());
      const b = await adapter.create(creds, token, listingDraft());
      if (a.kind === 'rejected' || b.kind === 'rejected') throw new Error('unexpected');
      const results = await adapter.setStockAndPrice(creds, token, [
        { externalId: a.listing.externalId, stock: 5, priceVnd: 72_000 },
        { externalId: '999999', stock: 1 },
        { externalId: b.listing.externalId, stock: -1 },
      ]);
      expect(results).toEqual([
        { externalId: a.listing.externalId, ok: true },
        { externalId: '999999', ok: false, reason: expect.stringMatching(/^NOT_FOUND: /) },
        { externalId: b.listing.externalId, ok: false, reason: expect.stringMatching(/^INVALID_STOCK: /) },
      ]);
      const [storedA, storedB] = listingsInSandbox();
      expect(storedA).toMatchObject({ stock: 5, price: 72_000 });
      expect(storedB).toMatchObject({ stock: 300, price: 65_000 });
    });

    it('splits stock/price updates into calls of at most 50 items', async () => {
      const created = await adapter.create(creds, token, listingDraft());
      if (created.kind === 'rejected') throw new Error('unexpected');
      const items = Array.from({ length: 120 }, (_, i) => ({ externalId: created.listing.externalId, stock: i }));
      const results = await adapter.setStockAndPrice(creds, token, items);
      expect(results).toHaveLength(120);
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await admin.requests(`?marketplace=${c.name}&route=stock_price`)).toHaveLength(3);
      expect(listingsInSandbox()[0].stock).toBe(119);
    });

    it('unlists', async () => {
      const created = await adapter.create(creds, token, listingDraft());
      if (created.kind === 'rejected') throw new Error('unexpected');
      await expect(adapter.unlist(creds, token, created.listing.externalId)).resolves.toMatchObject({ state: 'unlisted' });
      expect(listingsInSandbox()[0].state).toBe('unlisted');
    });

    it('the marketplace’s own validation comes back as `rejected` with draft field paths', async () => {
      // Bypasses validate() on purpose: the marketplace must catch it too.
      const result = await adapter.create(creds, token, listingDraft({ priceVnd: 500, imageUrls: [], stock: 1.5 }));
      expect(result.kind).toBe('rejected');
      if (result.kind !== 'rejected') throw new Error('unexpected');
      expect(result.fieldErrors.map((f) => f.field).sort()).toEqual(['imageUrls', 'priceVnd', 'stock']);
      expect(listingsInSandbox()).toHaveLength(0);
    });

    it('getStatus of an unknown id is not_found', async () => {
      expect(await classified(adapter.getStatus(creds, token, '424242'))).toEqual({ kind: 'not_found' });
    });
  });

  describe('fault rules', () => {
    it('429 with Retry-After in seconds → rate_limited with that many ms', async () => {
      await admin.fault({ marketplace: c.name, route: 'create', times: 1, action: { kind: 'rate_limit', retryAfter: '7' } });
      expect(await classified(adapter.create(creds, token, listingDraft()))).toEqual({ kind: 'rate_limited', retryAfterMs: 7_000 });
    });

    it('429 with Retry-After as an HTTP date → rate_limited until that date', async () => {
      const at = new Date(Date.now() + 5_000).toUTCString();
      await admin.fault({ marketplace: c.name, route: 'lookup', times: 1, action: { kind: 'rate_limit', retryAfter: at } });
      const result = await classified(adapter.findBySellerSku(creds, token, 'X'));
      expect(result.kind).toBe('rate_limited');
      const ms = (result as { retryAfterMs: number }).retryAfterMs;
      expect(ms).toBeGreaterThan(3_000);
      expect(ms).toBeLessThanOrEqual(5_000);
    });

    it('5xx twice then success: transient, transient, answer', async () => {
      const created = await adapter.create(creds, token, listingDraft());
      if (created.kind === 'rejected') throw new Error('unexpected');
      await admin.fault({ marketplace: c.name, route: 'get', times: 2, action: { kind: 'server_error', status: 503 } });
      expect(await classified(adapter.getStatus(creds, token, created.listing.externalId))).toEqual({ kind: 'transient' });
      expect(await classified(adapter.getStatus(creds, token, created.listing.externalId))).toEqual({ kind: 'transient' });
      await expect(adapter.getStatus(creds, token, created.listing.externalId)).resolves.toMatchObject({ state: 'live' });
      expect((await admin.requests(`?marketplace=${c.name}&route=get`)).map((r) => r.status)).toEqual([503, 503, 200]);
    });

    it('a delay beyond the client timeout → timeout_ambiguous, and nothing is committed', async () => {
      const impatient = c.make(300);
      await admin.fault({ marketplace: c.name, route: 'create', times: 1, action: { kind: 'delay', delayMs: 800 } });
      expect(await classified(impatient.create(creds, token, listingDraft()))).toEqual({ kind: 'timeout_ambiguous' });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(listingsInSandbox()).toHaveLength(0);
      expect((await admin.requests(`?marketplace=${c.name}&route=create`))[0]).toMatchObject({ status: null, faultId: expect.any(String) });
    });

    it('commit-then-hang → timeout_ambiguous, then findBySellerSku finds the committed listing', async () => {
      const impatient = c.make(300);
      const draft = listingDraft();
      await admin.fault({ marketplace: c.name, route: 'create', times: 1, action: { kind: 'commit_then_hang', hangMs: 5_000 } });
      expect(await classified(impatient.create(creds, token, draft))).toEqual({ kind: 'timeout_ambiguous' });
      const found = await adapter.findBySellerSku(creds, token, draft.sellerSku);
      expect(found).toMatchObject({ state: 'pending_review' });
      expect(listingsInSandbox()).toHaveLength(1);
      // Reconciling by SKU, then a careless retry, still leaves one listing.
      await expect(adapter.create(creds, token, draft)).resolves.toMatchObject({ kind: 'duplicate', listing: { externalId: found!.externalId } });
      expect(listingsInSandbox()).toHaveLength(1);
    });

    it('validation errors with field paths: `rejected` on create, `validation` elsewhere', async () => {
      const fieldErrors = [
        { field: c.wireField.categoryName, code: 'CATEGORY_NOT_ALLOWED', message: 'Danh mục không cho phép' },
        { field: 'attributes.origin', code: 'REQUIRED', message: 'Thiếu xuất xứ' },
      ];
      await admin.fault({ marketplace: c.name, route: 'create', times: 1, action: { kind: 'validation', fieldErrors } });
      await expect(adapter.create(creds, token, listingDraft())).resolves.toEqual({
        kind: 'rejected',
        fieldErrors: [
          { field: 'categoryName', code: 'CATEGORY_NOT_ALLOWED', message: 'Danh mục không cho phép' },
          { field: 'attributes.origin', code: 'REQUIRED', message: 'Thiếu xuất xứ' },
        ],
      });
      await admin.fault({ marketplace: c.name, route: 'update', times: 1, action: { kind: 'validation', fieldErrors: [{ field: `${c.wireField.price}`, code: 'INVALID_PRICE', message: 'Giá không hợp lệ' }] } });
      expect(await classified(adapter.update(creds, token, '1', listingDraft()))).toEqual({
        kind: 'validation',
        fieldErrors: [{ field: 'priceVnd', code: 'INVALID_PRICE', message: 'Giá không hợp lệ' }],
      });
    });

    it('a business block → business_blocked with the marketplace’s reason', async () => {
      await admin.fault({ marketplace: c.name, route: 'create', times: 1, action: { kind: 'business_blocked', code: 'SHOP_ON_HOLIDAY', message: 'Gian hàng đang tạm nghỉ' } });
      expect(await classified(adapter.create(creds, token, listingDraft()))).toEqual({ kind: 'business_blocked', reason: 'Gian hàng đang tạm nghỉ' });
    });

    it('connection refused → transient (nothing was sent)', async () => {
      const closed = { ...creds, baseUrl: `http://127.0.0.1:${await refusedPort()}/${c.name}` };
      expect(await classified(adapter.login(closed))).toEqual({ kind: 'transient' });
    });

    it('a fault rule scoped to another account does not fire', async () => {
      await admin.fault({ marketplace: c.name, route: 'lookup', account: 'someone-else', action: { kind: 'server_error' } });
      await expect(adapter.findBySellerSku(creds, token, 'X')).resolves.toBeNull();
    });
  });
});
