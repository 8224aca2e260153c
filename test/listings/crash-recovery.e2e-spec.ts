import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../src/jobs/job-queue';
import { ListingProcessor } from '../../src/listings/listing-processor';
import { RunningSandbox, startSandboxMarketplace } from '../../src/marketplaces/sandbox/sandbox.server';
import { sandboxAdmin } from '../marketplaces/marketplace-fixtures';
import { SANDBOX_ACCOUNTS } from '../marketplaces/sandbox-accounts';
import { tinyPng } from '../utils/images';
import { makeClosedBatch } from '../utils/registry';
import { bearer, TestApp } from '../utils/test-app';
import { makeWorld } from '../utils/world';
import { newGtin } from './listings-kit';

const ROOT = join(__dirname, '..', '..');

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// kill -9 of a worker process in the middle of a create that the marketplace committed: after the
// restart nothing is lost (the listing goes live) and nothing is duplicated (one listing upstream).
describe('crash safety: kill -9 during a marketplace call', () => {
  let t: TestApp;
  let sandbox: RunningSandbox;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    sandbox = await startSandboxMarketplace({ host: '127.0.0.1', port: 0, rateLimit: { requestsPerSecond: 1_000 }, accounts: SANDBOX_ACCOUNTS, review: { afterReads: 1 } });
    t = await TestApp.start();
    await t.app.get(JobQueue).stopWorkers(); // only the child works until it is killed
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await t?.stop();
    await sandbox?.close();
  });

  it('recovers a listing left in submitting: reconciled by seller SKU, live, created once', async () => {
    const w = await makeWorld(t);
    const account = await t.http().post(`/cooperatives/${w.coopA.id}/marketplace-accounts`).set(bearer(w.tokens.managerA)).send({
      marketplace: 'postmart',
      mode: 'partner_api',
      credentials: { baseUrl: `${sandbox.url}/postmart`, username: 'htx-vu-ban', password: 'mat-khau-pm', customerCode: 'C0042' },
    });
    const { product } = await makeClosedBatch(t, { admin: w.tokens.admin, manager: w.tokens.managerA }, w.coopA.id, { gtin: newGtin(), image: tinyPng() });
    await sandboxAdmin(sandbox.url).fault({ marketplace: 'postmart', route: 'create', account: 'pm-vu-ban', times: 1, action: { kind: 'commit_then_hang', hangMs: 60_000 } });
    child = spawn(process.execPath, ['-r', join(ROOT, 'test/listings/ts-register.js'), join(ROOT, 'test/listings/crash-child.ts')], {
      cwd: ROOT,
      env: { ...process.env, CHILD_DATABASE_URL: t.databaseUrl, CHILD_DATA_DIR: t.config.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    // Published once the child runs with its short lease, so the child's workers pick the job up.
    await until(`the child to start (stderr: ${stderr})`, async () => stdout.includes('ready'));
    const listing = (await t.http().post('/listings').set(bearer(w.tokens.managerA)).send({ accountId: account.body.id, productId: product.id, priceVnd: 85_000, stock: 40 })).body;
    const db = t.app.get(DataSource);
    const onSandbox = () => [...sandbox.state.listings.values()].filter((l) => l.sellerSku === listing.sellerSku);
    // The child picks the job up, commits `submitting`, and the marketplace commits and hangs.
    await until(`the child to submit (stderr: ${stderr})`, async () => {
      const [row] = await db.query(`SELECT status FROM listing WHERE id = $1`, [listing.id]);
      return row.status === 'submitting' && onSandbox().length === 1;
    });
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    child = null;

    await new Promise((resolve) => setTimeout(resolve, 1_600)); // the dead worker's lease runs out
    const recovered = await t.app.get(ListingProcessor).recover();
    expect(recovered.reconciling).toBe(1);
    await t.app.get(JobQueue).drain();
    const after = (await t.http().get(`/listings/${listing.id}`).set(bearer(w.tokens.managerA))).body;
    expect(['live', 'pending_review']).toContain(after.status);
    expect(after.externalId).toBe(String(onSandbox()[0].id));
    expect(onSandbox()).toHaveLength(1);
    const history: { status: string }[] = await db.query(`SELECT after->>'status' AS status FROM audit_entry WHERE entity_id = $1 AND action = 'status_changed' ORDER BY id`, [listing.id]);
    expect(history.map((h) => h.status).slice(0, 2)).toEqual(['submitting', 'reconciling']);
  }, 60_000);
});
