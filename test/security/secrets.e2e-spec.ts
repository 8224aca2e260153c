import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../src/jobs/job-queue';
import { ListingJobSettings } from '../../src/listings/listing-job-settings';
import { RunningSandbox, startSandboxMarketplace } from '../../src/marketplaces/sandbox/sandbox.server';
import { tinyPng } from '../utils/images';
import { makeClosedBatch } from '../utils/registry';
import { TEST_PASSWORD, TestApp } from '../utils/test-app';
import { makeWorld, World } from '../utils/world';
import { cheapPasswordHashing, client, hex, newGtin, ok, Res, Send } from './helpers';

// Marketplace credentials, user passwords and their hashes, login and API tokens, and stamp PINs
// never come back in a response, never sit in the database in plain text, and never reach the log,
// even at LOG_LEVEL=trace. The real Postmart/Voso adapters talk to the sandbox marketplace over HTTP,
// so whatever the adapters and jobs log is in the captured stream too.

describe('secrets stay secret', () => {
  let t: TestApp;
  let w: World;
  let send: Send;
  let db: DataSource;
  let sandbox: RunningSandbox;
  const logs: string[] = [];
  /** Every response this test received, for the final search. */
  const responses: Res[] = [];

  // Distinctive values, so a substring search cannot match anything by chance.
  const pm = { username: `htx-pm-${hex()}`, password: `Mk-Postmart-${hex(6)}`, customerCode: `KH-${hex()}` };
  const vs = { username: `htx-vs-${hex()}`, password: `Mk-Voso-${hex(6)}` };
  const wrongPassword = `Mk-Sai-${hex(6)}`;
  const newUserPassword = `mat-khau-moi-${hex(6)}`;
  const marketSecrets = [pm.username, pm.password, pm.customerCode, vs.username, vs.password, wrongPassword];
  const tokens: string[] = [];
  let pins: string[] = [];

  const call: Send = async (method, url, options) => {
    const res = await send(method, url, options);
    responses.push(res);
    return res;
  };
  const drain = () => t.app.get(JobQueue).drain();

  beforeAll(async () => {
    sandbox = await startSandboxMarketplace({
      host: '127.0.0.1',
      port: 0,
      rateLimit: { requestsPerSecond: 1_000 },
      accounts: [
        { marketplace: 'postmart', username: pm.username, password: pm.password, customerCode: pm.customerCode, accountId: 'pm-bi-mat' },
        { marketplace: 'voso', username: vs.username, password: vs.password, accountId: 'vs-bi-mat' },
      ],
      review: { afterReads: 1 },
    });
    t = await TestApp.start({ LOG_LEVEL: 'trace' }, undefined, { logStream: { write: (line: string) => void logs.push(line) } });
    cheapPasswordHashing(t.app);
    await t.app.get(JobQueue).stopWorkers();
    Object.assign(t.app.get(ListingJobSettings), { minRequestIntervalMs: 0, backoffBaseMs: 40, backoffMaxMs: 200, pollDelaysMs: [0, 0, 0] });
    send = client(t.app);
    db = t.app.get(DataSource);
    w = await makeWorld(t);
    tokens.push(...Object.values(w.tokens));
  }, 90_000);
  afterAll(async () => {
    await t?.stop();
    await sandbox?.close();
  });

  it('marketplace credentials: accepted, used on the wire, and never shown', async () => {
    const { managerA } = w.tokens;
    const coop = w.coopA.id;
    // A malformed request that carries a password: the validation error must not echo it.
    const bad = await call('POST', `/cooperatives/${coop}/marketplace-accounts`, {
      token: managerA,
      json: { marketplace: 'postmart', mode: 'partner_api', credentials: { baseUrl: 'không phải URL', username: pm.username, password: pm.password } },
    });
    expect(bad.status).toBe(400);
    const postmart = await ok(
      call('POST', `/cooperatives/${coop}/marketplace-accounts`, { token: managerA, json: { marketplace: 'postmart', mode: 'partner_api', credentials: { baseUrl: `${sandbox.url}/postmart`, ...pm } } }),
      'postmart account',
    );
    expect(postmart).toMatchObject({ hasPassword: true, username: expect.stringContaining('•••') });
    // Voso first with a wrong password: the marketplace refuses it, the account waits for new credentials.
    const voso = await ok(
      call('POST', `/cooperatives/${coop}/marketplace-accounts`, {
        token: managerA,
        json: { marketplace: 'voso', mode: 'partner_api', credentials: { baseUrl: `${sandbox.url}/voso`, username: vs.username, password: wrongPassword } },
      }),
      'voso account',
    );
    const fixture = await makeClosedBatch(t, { admin: w.tokens.admin, manager: managerA }, coop, { gtin: newGtin(), image: tinyPng() });
    const onPostmart = await ok(call('POST', '/listings', { token: managerA, json: { accountId: postmart.id, productId: fixture.product.id, priceVnd: 85_000, stock: 40 } }), 'publish');
    const onVoso = await ok(call('POST', '/listings', { token: managerA, json: { accountId: voso.id, productId: fixture.product.id, priceVnd: 85_000, stock: 40 } }), 'publish');
    await drain();
    expect((await ok(call('GET', `/marketplace-accounts/${voso.id}`, { token: managerA }), 'voso')).status).toBe('needs_reauth');
    await ok(call('PATCH', `/marketplace-accounts/${voso.id}`, { token: managerA, json: { credentials: { baseUrl: `${sandbox.url}/voso`, ...vs } } }), 'new credentials');
    await drain();
    await drain();
    for (const id of [onPostmart.id, onVoso.id]) {
      expect(['live', 'pending_review']).toContain((await ok(call('GET', `/listings/${id}`, { token: managerA }), 'listing')).status);
    }

    // A bulk publish of a second product to both, with its progress and its Excel report.
    const second = await makeClosedBatch(t, { admin: w.tokens.admin, manager: managerA }, coop, { gtin: newGtin(), image: tinyPng() });
    const bulk = await ok(
      call('POST', '/bulk-publish', {
        token: w.tokens.officerIn,
        json: { items: ['postmart', 'voso'].map((marketplace) => ({ productId: second.product.id, marketplace, priceVnd: 120_000, stock: 7 })) },
      }),
      'bulk',
    );
    await drain();
    await drain();
    const progress = await ok(call('GET', `/bulk-publish/${bulk.id}`, { token: w.tokens.officerIn }), 'progress');
    expect(progress.items).toHaveLength(2);
    const report = await call('GET', `/bulk-publish/${bulk.id}/report.xlsx`, { token: w.tokens.officerIn });
    expect(report.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.raw as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value)))));
    expect(cells.join('\n')).toContain(second.product.nameVi as string);
    responses.push({ ...report, text: cells.join('\n') });

    // Every read of accounts, listings and their history, by everyone who may read them.
    for (const token of [w.tokens.admin, w.tokens.officerIn, managerA, w.tokens.staffA]) {
      await ok(call('GET', `/cooperatives/${coop}/marketplace-accounts`, { token }), 'accounts');
      for (const id of [postmart.id, voso.id]) {
        await ok(call('GET', `/marketplace-accounts/${id}`, { token }), 'account');
        await ok(call('GET', `/audit/marketplace_account/${id}`, { token }), 'account audit');
      }
      await ok(call('GET', '/listings?pageSize=100', { token }), 'listings');
      for (const id of [onPostmart.id, onVoso.id]) {
        await ok(call('GET', `/listings/${id}`, { token }), 'listing');
        await ok(call('GET', `/audit/listing/${id}`, { token }), 'listing audit');
      }
    }
    // The responses above are the ones that could carry them.
    const seen = responses.map((r) => r.text).join('\n');
    expect(seen).toContain(postmart.id);
    expect(seen).toContain(pm.username.slice(0, 2) + '•••');
    for (const secret of marketSecrets) expect(seen).not.toContain(secret);
    // ...and the sandbox really received them (so the search above looked for the right strings).
    expect(sandbox.state.listings.size).toBeGreaterThan(0);
  });

  it('user passwords and hashes: never in a response', async () => {
    const user = await ok(
      call('POST', '/users', { token: w.tokens.managerA, json: { email: `bi-mat.${hex()}@test.vn`, fullName: 'Người Giữ Bí Mật', password: TEST_PASSWORD, role: 'cooperative_staff' } }),
      'user',
    );
    const session = await ok(call('POST', '/auth/login', { json: { login: user.email, password: TEST_PASSWORD } }), 'login');
    tokens.push(session.accessToken);
    const changed = await ok(call('POST', '/auth/password', { token: session.accessToken, json: { currentPassword: TEST_PASSWORD, newPassword: newUserPassword } }), 'change');
    tokens.push(changed.accessToken);
    const apiToken = await ok(call('POST', '/auth/api-tokens', { token: changed.accessToken, json: { name: 'Bí mật' } }), 'API token');
    tokens.push(apiToken.token);
    await ok(call('GET', '/auth/me', { token: apiToken.token }), 'me');
    await ok(call('GET', '/auth/api-tokens', { token: changed.accessToken }), 'tokens');
    for (const token of [w.tokens.admin, w.tokens.officerIn, w.tokens.managerA, w.tokens.staffA]) {
      await ok(call('GET', '/users?pageSize=100', { token }), 'users');
      await ok(call('GET', `/users/${user.id}`, { token }), 'user');
      await ok(call('GET', '/auth/me', { token }), 'me');
    }
    await ok(call('PATCH', `/users/${user.id}`, { token: w.tokens.managerA, json: { fullName: 'Người Đổi Tên' } }), 'rename');
    const hashes: string[] = (await db.query(`SELECT password_hash FROM app_user`)).map((r: { password_hash: string }) => r.password_hash);
    expect(hashes.length).toBeGreaterThan(7);
    const seen = responses.map((r) => r.text).join('\n');
    expect(seen).toContain(user.id);
    for (const secret of [...hashes, ...hashes.map((h) => h.split('$').at(-1)!), TEST_PASSWORD, newUserPassword]) expect(seen).not.toContain(secret);
    expect(seen).not.toMatch(/scrypt\$|passwordHash|password_hash|tokenHash|token_hash/);
    // The API token is shown once, when created, and never again.
    expect(responses.filter((r) => r.text.includes(apiToken.token))).toHaveLength(1);
  });

  it('stamp PINs: given out in the print file only, and not logged when a consumer checks one', async () => {
    const fixture = await makeClosedBatch(t, { admin: w.tokens.admin, manager: w.tokens.managerA }, w.coopA.id, { gtin: newGtin(), image: tinyPng() });
    const issuance = await ok(call('POST', `/batches/${fixture.batch.id}/stamps`, { token: w.tokens.managerA, json: { count: 3, withPin: true } }), 'issue');
    await ok(call('POST', `/stamp-issuances/${issuance.id}/activate`, { token: w.tokens.managerA, json: {} }), 'activate');
    const printFile = await send('GET', `/stamp-issuances/${issuance.id}/stamps.csv`, { token: w.tokens.managerA });
    expect(printFile.status).toBe(200);
    const rows = printFile.text.trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
    pins = rows.map((r) => r.find((c) => /^\d{8}$/.test(c.replace(/"/g, '')))!.replace(/"/g, ''));
    expect(pins).toHaveLength(3);
    const serial = rows[0].find((c) => /^[0-9A-Z]{13}$/.test(c))!;
    const verified = await call('POST', `/s/${serial}`, { json: { pin: pins[0] }, headers: { accept: 'application/json' } });
    expect(verified.status).toBe(200);
    expect(verified.body.pinCheck).toMatchObject({ result: 'verified' });
    await ok(call('GET', `/stamp-issuances/${issuance.id}`, { token: w.tokens.managerA }), 'issuance');
    const seen = responses.map((r) => r.text).join('\n');
    for (const pin of pins) expect(seen).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${pin}(?![0-9A-Za-z])`));
  });

  it('nothing secret is stored in plain text, in any text or JSON column of any table', async () => {
    const columns: { schema: string; table: string; column: string }[] = await db.query(
      `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
         AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`,
    );
    expect(columns.map((c) => `${c.table}.${c.column}`)).toEqual(expect.arrayContaining(['marketplace_account.credentials_sealed', 'audit_entry.after', 'app_user.password_hash']));
    // The credentials, the users' passwords (old and new), and every login and API token handed out.
    const secrets = [...marketSecrets, TEST_PASSWORD, newUserPassword, ...tokens];
    const found: string[] = [];
    for (const { schema, table, column } of columns) {
      const rows: { hit: string }[] = await db.query(
        `SELECT s AS hit FROM unnest($1::text[]) AS s WHERE EXISTS (SELECT 1 FROM "${schema}"."${table}" WHERE position(s IN "${column}"::text) > 0)`,
        [secrets],
      );
      for (const { hit } of rows) found.push(`${schema}.${table}.${column}: ${hit.slice(0, 12)}…`);
    }
    expect(found).toEqual([]);
    // The search works: the sealed credentials exist, and a known plain value is found where it is.
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM marketplace_account WHERE credentials_sealed IS NOT NULL`);
    expect(n).toBe(2);
    const [{ m }] = await db.query(`SELECT count(*)::int AS m FROM app_user WHERE position($1 IN email::text) > 0`, [w.users.staffA.email]);
    expect(m).toBe(1);
  });

  it('nothing secret reaches the log, even at trace level', async () => {
    const text = logs.join('');
    // The log was captured: every request left a line with its id, and the listing jobs logged too.
    expect(logs.length).toBeGreaterThan(100);
    for (const res of responses.slice(-5)) expect(text).toContain(String(res.headers['x-request-id']));
    // Debug lines are there too (the Nest start-up chatter), so the level really is below info.
    expect(text).toMatch(/"level":20/);
    const secrets = [...marketSecrets, TEST_PASSWORD, newUserPassword, ...tokens];
    // On failure this shows the offending lines.
    expect(logs.filter((line) => secrets.some((s) => line.includes(s))).map((line) => line.slice(0, 600))).toEqual([]);
    // Uploads were among the logged requests: their multipart options (request headers included) are
    // logged at trace level, with the bearer token blanked out.
    expect(text).toContain('"authorization":"[redacted]"');
    for (const pin of pins) expect(text).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${pin}(?![0-9A-Za-z])`));
    expect(text).not.toMatch(/scrypt\$/);
  });
});
