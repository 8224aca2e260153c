// Fault script: a marketplace storm (429s, 5xx, a create that commits and never answers) while the
// service is stopped in the middle of a bulk publish, once with SIGTERM and once with SIGKILL.
//
//   npx tsc -p bench/tsconfig.json && node dist/bench/bench/faults/sandbox-storm-restart.js
//   LISTINGS=300 ACCOUNTS=2 node dist/bench/bench/faults/sandbox-storm-restart.js
//
// The sandbox marketplace runs in this process (its state is read directly; the storm is configured
// through its /__admin API). The service runs as a child process (`node dist/bench/src/main.js`) on a
// PostgreSQL this script starts, with its default timings (lease 2 min, recovery sweep every minute).
// Setup (not timed): ACCOUNTS cooperatives, each with a Postmart account on its own sandbox account,
// LISTINGS publishable products. Then: bulk publish → SIGTERM after ~30 % of the creates, restart →
// SIGKILL after ~60 %, restart → wait until every listing is settled. Checks: each seller SKU exists
// exactly once upstream, none is missing, ours match theirs, no create was refused as a duplicate.
// Exit code 1 when a check fails.
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { TokenService } from '../../src/auth/token.service';
import { FirstRunService } from '../../src/bootstrap/first-run.service';
import { loadConfig } from '../../src/config/load-config';
import { startSandboxMarketplace } from '../../src/marketplaces/sandbox/sandbox.server';
import { User } from '../../src/users/user.entity';
import { runBench } from '../bench-app';
import { seedPublishableProducts } from '../publishable-products';
import { countBy, DATA_ENCRYPTION_KEY, seconds, send, ServiceProcess, sleep, startControlledPostgres, startService, TOKEN_SECRET, until, waitForReady } from './fault-kit';

const LISTINGS = Number(process.env.LISTINGS ?? 300);
const ACCOUNTS = Number(process.env.ACCOUNTS ?? 2);
const SETTLE_TIMEOUT_MS = Number(process.env.SETTLE_TIMEOUT_MS ?? 8 * 60_000);
const WORK_STATES = ['queued', 'submitting', 'reconciling'];

// Cooperatives, marketplace accounts and publishable products, written by the application in this
// process; returns the product ids and a login token of the first admin (valid for the child service).
async function setup(url: string, dataDir: string, sandboxUrl: string): Promise<{ productIds: string[]; token: string }> {
  const config = loadConfig({
    DATABASE_URL: url,
    TOKEN_SECRET,
    DATA_ENCRYPTION_KEY,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    ADMIN_EMAIL: 'admin@faults.test',
    ADMIN_PASSWORD: 'faults-admin-password',
    PUBLIC_BASE_URL: 'http://127.0.0.1:3999',
  });
  const app = await createApp(config);
  try {
    await app.get(FirstRunService).run();
    const admin = await app.get(DataSource).getRepository(User).findOneByOrFail({ email: 'admin@faults.test' });
    const token = await app.get(TokenService).signLogin(admin);
    const productIds = await seedPublishableProducts(app, token, {
      accounts: ACCOUNTS,
      products: LISTINGS,
      sandboxUrl,
      prefix: 'storm',
      gtinPrefix: '894',
      codeBase: 2000,
      concurrency: 8,
    });
    return { productIds, token };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const t = () => performance.now();
  const pg = await startControlledPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'nguon-faults-data-'));
  const sandbox = await startSandboxMarketplace({
    host: '127.0.0.1',
    port: 0,
    rateLimit: { requestsPerSecond: 10, burst: 10 },
    review: { afterReads: 1 },
    accounts: Array.from({ length: ACCOUNTS }, (_, a) => ({ marketplace: 'postmart' as const, username: `storm-${a}`, password: 'storm-password', customerCode: `C${a}` })),
  });
  const services: ServiceProcess[] = [];
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
    return ok ? 'ok' : 'FAILED';
  };
  try {
    const setupStarted = t();
    const { productIds, token } = await setup(pg.url, dataDir, sandbox.url);
    console.log(`setup: ${ACCOUNTS} cooperatives with a Postmart account each, ${LISTINGS} publishable products in ${seconds(t() - setupStarted)}`);

    // The storm, on creates (rules count the creates they see, after `skip`; tried in order):
    const creates = () => sandbox.state.requests.filter((r) => r.route === 'create' && r.account !== null);
    const third = Math.round(LISTINGS / 3);
    const rules = [
      // a 429 storm with Retry-After around the SIGTERM,
      { route: 'create', skip: third - 40, times: 60, action: { kind: 'rate_limit', retryAfter: '1' } },
      // a 5xx storm around the SIGKILL,
      { route: 'create', skip: 2 * third - 30, times: 40, action: { kind: 'server_error', status: 503 } },
      // and a create that commits upstream but never answers, just before the SIGKILL.
      { route: 'create', skip: 2 * third - 5, times: 1, action: { kind: 'commit_then_hang', hangMs: 20_000 } },
    ];
    for (const rule of rules) {
      const res = await fetch(`${sandbox.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ marketplace: 'postmart', ...rule }) });
      if (res.status !== 201) throw new Error(`fault rule refused: ${res.status} ${await res.text()}`);
    }

    const env = { DATABASE_URL: pg.url, DATA_DIR: dataDir };
    const start = async () => {
      const s = await startService(env);
      services.push(s);
      await waitForReady(s);
      return s;
    };
    const phases: string[] = [];
    const started = t();
    const phase = (what: string) => {
      phases.push(`${what} at ${seconds(t() - started)}`);
      console.log(`  ${phases.at(-1)}`);
    };
    const first = await start();
    const bulk = await send(first.url, 'POST', '/bulk-publish', {
      headers: { authorization: `Bearer ${token}` },
      body: { items: productIds.map((productId) => ({ productId, marketplace: 'postmart', priceVnd: 85_000, stock: 40 })) },
    });
    if (bulk.status !== 202) throw new Error(`bulk publish: ${bulk.status} ${bulk.body}`);
    const bulkId = (JSON.parse(bulk.body) as { id: string }).id;
    phase(`bulk publish of ${LISTINGS} accepted`);

    // SIGTERM in the middle of the 429 storm.
    await until('the first third of the creates', async () => creates().length >= third, 5 * 60_000, 50);
    const stopAsked = t();
    const stopSignal = async (s: ServiceProcess, signal: NodeJS.Signals) => {
      (s.child as ChildProcess).kill(signal);
      await Promise.race([s.exited, sleep(60_000)]);
      if (!s.exit) throw new Error(`the service did not stop within 60 s of ${signal}`);
    };
    await stopSignal(first, 'SIGTERM');
    const termMs = t() - stopAsked;
    phase(`SIGTERM (${creates().length} creates sent, ${sandbox.state.listings.size} upstream): exited in ${seconds(termMs)}, code ${first.exit!.code}, signal ${first.exit!.signal}`);
    const second = await start();
    phase('restarted');

    // SIGKILL in the 5xx storm, with the hanging create in flight if the timing falls so.
    await until('two thirds of the creates', async () => creates().length >= 2 * third, 5 * 60_000, 50);
    await stopSignal(second, 'SIGKILL');
    phase(`SIGKILL (${creates().length} creates sent, ${sandbox.state.listings.size} upstream)`);
    await start();
    const lastRestart = t();
    phase('restarted');

    // Settled: every bulk item has its listing and no listing still has create work to do.
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    let last: unknown = null;
    await until(
      'every listing to settle',
      async () => {
        const { rows } = await db.query(
          `SELECT (SELECT count(*)::int FROM bulk_publish_item WHERE bulk_id = $1 AND listing_id IS NOT NULL) AS linked,
                  (SELECT count(*)::int FROM listing WHERE status = ANY($2)) AS working`,
          [bulkId, WORK_STATES],
        );
        last = rows[0];
        return rows[0].linked === LISTINGS && rows[0].working === 0;
      },
      SETTLE_TIMEOUT_MS,
      500,
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(last)}`);
    });
    const settledAt = t();
    phase('settled');

    const upstream = [...sandbox.state.listings.values()];
    const perSku = countBy(upstream, (l) => l.sellerSku);
    const duplicates = Object.values(perSku).filter((n) => n > 1).length;
    const ours: { seller_sku: string; status: string; external_id: string }[] = (await db.query(`SELECT seller_sku, status, external_id FROM listing`)).rows;
    const bySku = new Map(upstream.map((l) => [l.sellerSku, String(l.id)]));
    const mismatched = ours.filter((l) => bySku.get(l.seller_sku) !== l.external_id).length;
    const missing = ours.filter((l) => !bySku.has(l.seller_sku)).length;
    const jobs: { state: string; n: number }[] = (await db.query(`SELECT state, count(*)::int AS n FROM pgboss.job GROUP BY 1`)).rows;
    await db.end();

    const all = sandbox.state.requests;
    const sent = creates();
    const hangIds = new Set(sandbox.state.faults.filter((f) => f.action.kind === 'commit_then_hang').map((f) => f.id));
    const committed = sent.filter((r) => r.status === 201 || (r.faultId !== null && hangIds.has(r.faultId)));
    const refusedAsDuplicate = sent.filter((r) => r.status === 409).length;
    console.log(`requests to the sandbox ${all.length}: ${JSON.stringify(countBy(all, (r) => r.route))}; by status ${JSON.stringify(countBy(all, (r) => String(r.status)))}`);
    console.log(
      `creates sent ${sent.length}: 429s ${sent.filter((r) => r.status === 429).length}, 5xx ${sent.filter((r) => (r.status ?? 0) >= 500).length}, ` +
        `hangs ${sent.filter((r) => r.faultId !== null && hangIds.has(r.faultId)).length}, committed ${committed.length} with ${new Set(committed.map((r) => r.bodyHash)).size} distinct bodies, refused as duplicate (409) ${refusedAsDuplicate}`,
    );
    console.log(
      `listings upstream ${upstream.length} / expected ${LISTINGS} ${check(upstream.length === LISTINGS, 'every listing exists upstream')}; ` +
        `duplicates (seller SKU listed more than once) ${duplicates} ${check(duplicates === 0 && refusedAsDuplicate === 0, 'no duplicate upstream')}`,
    );
    console.log(
      `ours ${ours.length}: ${JSON.stringify(countBy(ours, (l) => l.status))}; missing upstream ${missing}, external id mismatches ${mismatched} ` +
        check(ours.length === LISTINGS && missing === 0 && mismatched === 0 && ours.every((l) => ['live', 'pending_review'].includes(l.status)), 'ours match upstream, all live or in review'),
    );
    console.log(`pg-boss jobs by state: ${JSON.stringify(Object.fromEntries(jobs.map((j) => [j.state, j.n])))}`);
    console.log(
      `SIGTERM: exited in ${seconds(termMs)} with code ${first.exit!.code} ${check(first.exit!.code === 0, 'SIGTERM is a clean exit')}; ` +
        `time to settle: ${seconds(settledAt - started)} from the bulk request, ${seconds(settledAt - lastRestart)} after the restart that followed SIGKILL`,
    );
    console.log(`service logs (warn+): ${services.map((s, i) => `#${i + 1} ${JSON.stringify(s.logLevels())}`).join(', ')}`);
    console.log(`phases: ${phases.join(', ')}`);
  } finally {
    for (const s of services) if (!s.exit) s.child.kill('SIGTERM');
    await Promise.all(services.map((s) => Promise.race([s.exited, sleep(20_000)])));
    for (const s of services) if (!s.exit) s.child.kill('SIGKILL');
    await sandbox.close();
    await pg.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(failures.length ? `RESULT: FAILED — ${failures.join('; ')}` : 'RESULT: all checks passed');
  if (failures.length) throw new Error(`${failures.length} check(s) failed`);
}

runBench(main);
