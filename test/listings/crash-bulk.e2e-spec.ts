import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../src/jobs/job-queue';
import { RunningSandbox, startSandboxMarketplace } from '../../src/marketplaces/sandbox/sandbox.server';
import { sandboxAdmin } from '../marketplaces/marketplace-fixtures';
import { SANDBOX_ACCOUNTS } from '../marketplaces/sandbox-accounts';
import { bearer, TestApp } from '../utils/test-app';
import { makeWorld } from '../utils/world';
import { connectSandboxPostmart, makePublishableProducts } from './bulk-fixtures';

const ROOT = join(__dirname, '..', '..');
const COUNT = 300;
const KILL_AT = Math.round(COUNT / 3);
const WORK_STATES = ['queued', 'submitting', 'reconciling'];
// Short waits in the children, so 429 pauses, 5xx backoffs and review polls fit in the test's budget.
// The lease stays short (1.5 s, from crash-child) so the dead child's listings are free soon after.
const CHILD_SETTINGS = { backoffBaseMs: 100, backoffMaxMs: 400, pollDelaysMs: [0, 0, 0], defaultRetryAfterMs: 1_000, sweepIntervalMs: 2_000 };

async function until<T>(what: string | (() => string), probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

function startChild(t: TestApp): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/listings/ts-register.js'), join(ROOT, 'test/listings/crash-child.ts')], {
    cwd: ROOT,
    env: { ...process.env, CHILD_DATABASE_URL: t.databaseUrl, CHILD_DATA_DIR: t.config.dataDir, CHILD_SETTINGS: JSON.stringify(CHILD_SETTINGS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before ready: ${out}`)));
  });
  return { child, output: () => out, ready };
}

// The scenario: a bulk publish of 300 listings against a marketplace that misbehaves (429s,
// 5xx, creates that commit and never answer), the worker process killed with SIGKILL a third of the
// way through, a fresh process started. Afterwards every listing exists exactly once upstream and
// nothing is lost or stuck here.
describe('crash safety: kill -9 in the middle of a bulk publish', () => {
  let t: TestApp;
  let sandbox: RunningSandbox;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    sandbox = await startSandboxMarketplace({ host: '127.0.0.1', port: 0, rateLimit: { requestsPerSecond: 1_000 }, accounts: SANDBOX_ACCOUNTS, review: { afterReads: 1 } });
    t = await TestApp.start();
    await t.app.get(JobQueue).stopWorkers(); // only the children work
  }, 30_000);
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await t?.stop();
    await sandbox?.close();
  });

  it(`${COUNT} listings, faults on, SIGKILL after ~${KILL_AT} creates: each listing exists once, none stuck`, async () => {
    const started = Date.now();
    const phases: string[] = [];
    const phase = (name: string) => {
      phases.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)}s`);
      if (process.env.CRASH_BULK_DEBUG) console.log(phases.at(-1));
    };
    const w = await makeWorld(t);
    await connectSandboxPostmart(t, w.coopA.id, w.tokens.managerA, sandbox.url);
    const products = await makePublishableProducts(t, { admin: w.tokens.admin, manager: w.tokens.managerA }, w.coopA.id, COUNT);
    phase('products');

    // Faults on creates, placed by `skip` (matching creates let through first) so some land before
    // the kill and some after it. Rules are tried in order and each counts only the creates it sees.
    const admin = sandboxAdmin(sandbox.url);
    const create = { marketplace: 'postmart', route: 'create', account: 'pm-vu-ban' };
    for (const skip of [10, 40, 70, 130, 190, 250]) await admin.fault({ ...create, skip, times: 1, action: { kind: 'rate_limit', retryAfter: '1' } });
    for (const skip of [20, 110, 160]) await admin.fault({ ...create, skip, times: 2, action: { kind: 'server_error', status: 503 } });
    // Longer than the adapters' 5 s timeout: the living worker gives up and reconciles; the one
    // near KILL_AT is likely still hanging when the process dies (left in `submitting`).
    for (const skip of [50, KILL_AT - 8, 220]) await admin.fault({ ...create, skip, times: 1, action: { kind: 'commit_then_hang', hangMs: 20_000 } });

    const first = startChild(t);
    children.push(first.child);
    await first.ready;
    const bulk = await t
      .http()
      .post('/bulk-publish')
      .set(bearer(w.tokens.managerA))
      .send({ items: products.map((p) => ({ productId: p.id, marketplace: 'postmart', priceVnd: 85_000, stock: 40 })) });
    expect(bulk.status).toBe(202);
    phase('bulk accepted');

    await until(`${KILL_AT} listings on the sandbox (child: ${first.output()})`, async () => sandbox.state.listings.size >= KILL_AT, 40_000, 20);
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    const atKill = sandbox.state.listings.size;
    const [parent] = await t.app.get(DataSource).query(
      `SELECT b.expanded_at IS NOT NULL AS expanded, (SELECT count(*)::int FROM bulk_publish_item i WHERE i.bulk_id = b.id AND i.listing_id IS NOT NULL) AS linked
       FROM bulk_publish b WHERE b.id = $1`,
      [bulk.body.id],
    );
    phase(`killed (${atKill} upstream, ${parent.linked} items linked, parent job ${parent.expanded ? 'done' : 'mid-way'})`);

    const second = startChild(t);
    children.push(second.child);
    await second.ready;
    phase('second child ready');
    const db = t.app.get(DataSource);
    // Done when every bulk item has its listing and no listing still has create work to do.
    let last: unknown = null;
    await until(
      () => `the second child to finish: ${JSON.stringify(last)} (child: ${second.output()})`,
      async () => {
        last = await db.query(
          `SELECT 'item:' || state AS k, count(*)::int AS n FROM bulk_publish_item GROUP BY 1
           UNION ALL SELECT 'listing:' || status, count(*)::int FROM listing GROUP BY 1
           UNION ALL SELECT 'job:' || name || ':' || state, count(*)::int FROM pgboss.job GROUP BY 1`,
        );
        const [row] = await db.query(
          `SELECT (SELECT count(*)::int FROM bulk_publish_item WHERE bulk_id = $1 AND listing_id IS NOT NULL) AS linked,
                  (SELECT count(*)::int FROM listing WHERE status = ANY($2)) AS working`,
          [bulk.body.id, WORK_STATES],
        );
        return row.linked === COUNT && row.working === 0;
      },
      40_000,
      250,
    );
    phase('settled');

    // Upstream: exactly COUNT listings, each seller SKU once.
    const upstream = [...sandbox.state.listings.values()];
    const perSku = new Map<string, number>();
    for (const l of upstream) perSku.set(l.sellerSku, (perSku.get(l.sellerSku) ?? 0) + 1);
    expect(upstream).toHaveLength(COUNT);
    expect([...perSku.values()].every((n) => n === 1)).toBe(true);

    // Here: COUNT listings, all live or in review, each linked to the upstream listing of its SKU.
    const ours: { seller_sku: string; status: string; external_id: string }[] = await db.query(`SELECT seller_sku, status, external_id FROM listing`);
    expect(ours).toHaveLength(COUNT);
    expect(ours.filter((l) => !['live', 'pending_review'].includes(l.status))).toEqual([]);
    const bySku = new Map(upstream.map((l) => [l.sellerSku, String(l.id)]));
    expect(ours.filter((l) => bySku.get(l.seller_sku) !== l.external_id)).toEqual([]);

    // The request log has no SKU, only a hash of each body; a re-create of the same listing sends the
    // same draft, so the same hash. Creates that committed are the 201s and the hangs (persisted,
    // never answered); none may repeat a body, and none may have been refused as a duplicate (409),
    // which would mean a blind re-create that only the marketplace's SKU key stopped.
    const creates = sandbox.state.requests.filter((r) => r.route === 'create' && r.account !== null);
    const hangIds = new Set(sandbox.state.faults.filter((f) => f.action.kind === 'commit_then_hang').map((f) => f.id));
    const hangs = creates.filter((r) => r.faultId !== null && hangIds.has(r.faultId));
    const committed = creates.filter((r) => r.status === 201 || (r.faultId !== null && hangIds.has(r.faultId)));
    expect(committed).toHaveLength(COUNT);
    expect(new Set(committed.map((r) => r.bodyHash)).size).toBe(COUNT);
    expect(creates.filter((r) => r.status === 409)).toEqual([]);

    const count = (p: (r: (typeof creates)[number]) => boolean) => creates.filter(p).length;
    const lookups = sandbox.state.requests.filter((r) => r.route === 'lookup').length;
    console.log(
      `crash-bulk: creates sent ${creates.length}, 429s ${count((r) => r.status === 429)}, 5xx ${count((r) => (r.status ?? 0) >= 500)}, ` +
        `hangs ${hangs.length}, lookups ${lookups}, killed at ${atKill} upstream, listings ${upstream.length} upstream / ${ours.length} ours, ` +
        `duplicates 0, ${ours.filter((l) => l.status === 'live').length} live + ${ours.filter((l) => l.status === 'pending_review').length} in review; ${phases.join(', ')}`,
    );
  }, 90_000);
});
