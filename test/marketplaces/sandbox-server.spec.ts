import { createHash } from 'node:crypto';
import { PostmartAdapter } from '../../src/marketplaces/adapters/postmart/postmart.adapter';
import { toPostmartPayload } from '../../src/marketplaces/adapters/postmart/postmart.mapper';
import { VosoAdapter } from '../../src/marketplaces/adapters/voso/voso.adapter';
import { RunningSandbox, startSandboxMarketplace } from '../../src/marketplaces/sandbox/sandbox.server';
import { listingDraft, SandboxAdmin, sandboxAdmin } from './marketplace-fixtures';
import { ADAPTER_CASES, SANDBOX_ACCOUNTS } from './sandbox-accounts';

// The sandbox's own guarantees, which the adapter suites rely on: rate limiting, the request log,
// reset, admin-managed accounts and the raw wire of each style.

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
const [pm, vs] = ADAPTER_CASES;

beforeAll(async () => {
  sandbox = await startSandboxMarketplace({ host: '127.0.0.1', rateLimit: { requestsPerSecond: 1_000 }, accounts: SANDBOX_ACCOUNTS });
  admin = sandboxAdmin(sandbox.url);
});
afterAll(() => sandbox.close());
beforeEach(() => admin.post('/reset'));

describe('per-account rate limit (token bucket)', () => {
  it('N requests within one second get 429 with Retry-After beyond the limit; other accounts are unaffected', async () => {
    const adapter = new PostmartAdapter({ timeoutMs: 5_000 });
    const creds = pm.credentials(sandbox.url);
    const token = await adapter.login(creds);
    const other = await new VosoAdapter({ timeoutMs: 5_000 }).login(vs.credentials(sandbox.url));
    await admin.patch('/config', { rateLimit: { requestsPerSecond: 5, burst: 5 } });

    const calls = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(`${sandbox.url}/postmart/customer-partner/products?sellerSku=X`, { headers: { token: token.token } }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after') })),
      ),
    );
    const log = (await admin.requests('?marketplace=postmart&route=lookup')).filter((r) => r.account === pm.accountId);
    expect(log).toHaveLength(12);
    expect(log[log.length - 1].atMs - log[0].atMs).toBeLessThan(1_000);
    const ok = log.filter((r) => r.status === 200).length;
    const limited = log.filter((r) => r.status === 429).length;
    // 5 from the full bucket, at most one more refilled while the burst was in flight.
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThanOrEqual(6);
    expect(limited).toBe(12 - ok);
    for (const call of calls.filter((c) => c.status === 429)) expect(Number(call.retryAfter)).toBeGreaterThanOrEqual(1);

    // The adapter sees the same thing as rate_limited. At 1 request/s, right after spending the token
    // (at 5/s a slow machine could refill one between the burst above and this call).
    await admin.patch('/config', { rateLimit: { requestsPerSecond: 1, burst: 1 } });
    const lookup = () => fetch(`${sandbox.url}/postmart/customer-partner/products?sellerSku=X`, { headers: { token: token.token } });
    await lookup();
    await lookup();
    const error = await adapter.findBySellerSku(creds, token, 'X').catch((e: unknown) => e);
    expect(adapter.classifyError(error)).toEqual({ kind: 'rate_limited', retryAfterMs: 1_000 });
    // Buckets are per account: the Voso shop is not slowed down by the Postmart one.
    const vsRes = await fetch(`${sandbox.url}/voso/v2/product/getBySku?sellerSku=X`, { headers: { Token: other.token } });
    expect(vsRes.status).toBe(200);
  });
});

describe('request log', () => {
  it('records method, path, route, account, body hash, time and status of every marketplace call', async () => {
    const adapter = new PostmartAdapter({ timeoutMs: 5_000 });
    const creds = pm.credentials(sandbox.url);
    const before = Date.now();
    const token = await adapter.login(creds);
    const draft = listingDraft();
    await adapter.create(creds, token, draft);
    await fetch(`${sandbox.url}/postmart/customer-partner/products/1`, { headers: { token: 'not-a-token' } });

    const log = await admin.requests();
    expect(log).toHaveLength(3);
    const [login, create, anonymous] = log;
    expect(login).toMatchObject({ seq: 1, method: 'POST', path: '/postmart/customer-partner/GetAccessToken', route: 'login', account: pm.accountId, status: 200, faultId: null });
    expect(create).toMatchObject({ seq: 2, method: 'POST', path: '/postmart/customer-partner/products', route: 'create', account: pm.accountId, status: 201 });
    expect(create.bodyHash).toBe(createHash('sha256').update(JSON.stringify(toPostmartPayload(draft))).digest('hex'));
    expect(Date.parse(create.at)).toBeGreaterThanOrEqual(before - 1);
    expect(anonymous).toMatchObject({ method: 'GET', route: 'get', account: null, bodyHash: null, status: 401 });
    expect(await admin.requests('?route=create')).toEqual([create]);
  });

  it('does not log admin calls', async () => {
    await admin.get('/state');
    expect(await admin.requests()).toEqual([]);
  });
});

describe('reset and admin accounts', () => {
  it('reset drops listings, tokens, fault rules and the log but keeps the configured accounts', async () => {
    const adapter = new VosoAdapter({ timeoutMs: 5_000 });
    const creds = vs.credentials(sandbox.url);
    const token = await adapter.login(creds);
    await adapter.create(creds, token, listingDraft());
    await admin.fault({ route: 'get', action: { kind: 'server_error' } });

    expect((await admin.post('/reset')).status).toBe(200);
    const state = await admin.get<{ listings: unknown[]; faults: unknown[]; accounts: { accountId: string; password?: string }[] }>('/state');
    expect(state.listings).toEqual([]);
    expect(state.faults).toEqual([]);
    expect(state.accounts.map((a) => a.accountId).sort()).toEqual(['pm-vu-ban', 'vs-vu-ban']);
    expect(state.accounts.every((a) => a.password === undefined)).toBe(true);
    expect(await admin.requests()).toEqual([]);
    expect(adapter.classifyError(await adapter.findBySellerSku(creds, token, 'X').catch((e: unknown) => e))).toEqual({ kind: 'auth_expired' });
  });

  it('accounts added through admin can log in; ids are deterministic after reset', async () => {
    const added = await admin.post('/accounts', { marketplace: 'postmart', username: 'htx-hung-thinh', password: 'mk', customerCode: 'C0099' });
    expect(added).toEqual({ status: 201, body: { accountId: 'postmart-htx-hung-thinh', marketplace: 'postmart', username: 'htx-hung-thinh' } });
    const adapter = new PostmartAdapter({ timeoutMs: 5_000 });
    const creds = { baseUrl: `${sandbox.url}/postmart`, username: 'htx-hung-thinh', password: 'mk', customerCode: 'C0099' };
    const token = await adapter.login(creds);
    const created = await adapter.create(creds, token, listingDraft());
    expect(created).toMatchObject({ kind: 'accepted', listing: { externalId: '43001' } });
    // The customer code is part of the credentials.
    expect(adapter.classifyError(await adapter.login({ ...creds, customerCode: 'C0000' }).catch((e: unknown) => e))).toEqual({ kind: 'credentials_rejected' });
    expect((await admin.post('/accounts', { marketplace: 'shopee', username: 'x', password: 'y' })).status).toBe(400);
  });

  it('refuses malformed fault rules', async () => {
    expect((await admin.post('/faults', { route: 'create', action: { kind: 'explode' } })).status).toBe(400);
    expect((await admin.post('/faults', { route: 'nowhere', action: { kind: 'server_error' } })).status).toBe(400);
  });
});

describe('wire details', () => {
  it('Postmart: stock/price batches over 50 items are a 422 on `items`', async () => {
    const token = await new PostmartAdapter().login(pm.credentials(sandbox.url));
    const res = await fetch(`${sandbox.url}/postmart/customer-partner/products/stock-price`, {
      method: 'POST',
      headers: { token: token.token, 'content-type': 'application/json' },
      body: JSON.stringify({ items: Array.from({ length: 51 }, (_, i) => ({ productId: i, stock: 1 })) }),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errorCode: 'VALIDATION_ERROR', errors: [{ field: 'items', code: 'TOO_MANY_ITEMS' }] });
  });

  it('Voso: login and failures use the {status, error, message, data} envelope; refusals come as HTTP 200', async () => {
    const login = await fetch(`${sandbox.url}/voso/v2/user/Login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ USERNAME: 'htx-vu-ban', PASSWORD: 'mat-khau-vs' }) });
    const body = (await login.json()) as { status: number; error: boolean; data: { token: string; expired: number; userId: string } };
    expect(body).toMatchObject({ status: 200, error: false, data: { userId: 'vs-vu-ban' } });
    expect(body.data.expired).toBeGreaterThan(Date.now());

    const bad = await fetch(`${sandbox.url}/voso/v2/user/Login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ USERNAME: 'htx-vu-ban', PASSWORD: 'sai' }) });
    expect(bad.status).toBe(200);
    expect(await bad.json()).toMatchObject({ status: 401, error: true, data: { errorCode: 'INVALID_CREDENTIALS' } });

    const expired = await fetch(`${sandbox.url}/voso/v2/product/detail?productId=1`, { headers: { Token: 'vs_khong-hop-le' } });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ status: 401, error: true, data: { errorCode: 'TOKEN_INVALID' } });
  });
});
