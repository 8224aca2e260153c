// Benchmark: bulk-publish 1,000 listings over 10 marketplace accounts while the sandbox marketplace
// limits each account to 10 requests/s, and compare the wall time with what the limit allows.
//
//   npx tsc -p bench/tsconfig.json && node dist/bench/bench/listings.bench.js
//   LISTINGS=200 ACCOUNTS=2 SPACING_MS=100 node dist/bench/bench/listings.bench.js
//
// Done = every listing live or pending_review, so a listing costs one create at best. Review: the
// sandbox decides on the first status read (afterReads 1); the app keeps its own first review poll
// (2 minutes), so status reads fall after the timed window. FAST_REVIEW=1 polls at once instead, and
// the reads then share each account's lane with the creates (a slower but busier run).
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../src/bootstrap/demo-data';
import { ListingJobSettings } from '../src/listings/listing-job-settings';
import { startSandboxMarketplace } from '../src/marketplaces/sandbox/sandbox.server';
import { runBench, startBenchApp } from './bench-app';
import { seedPublishableProducts } from './publishable-products';

const LISTINGS = Number(process.env.LISTINGS ?? 1_000);
const ACCOUNTS = Number(process.env.ACCOUNTS ?? 10);
const RPS = 10;
/** The app's per-account spacing (ListingJobSettings.minRequestIntervalMs); 250 ms = 4 req/s by default. */
const SPACING_MS = process.env.SPACING_MS ? Number(process.env.SPACING_MS) : null;
const TARGET_RATIO = 1.2;
// startBenchApp seeds the demo world; its admin signs in with the demo password.
const ADMIN = { login: 'admin@nguon.demo', password: DEMO_PASSWORD };


async function main(): Promise<void> {
  const sandbox = await startSandboxMarketplace({
    host: '127.0.0.1',
    port: 0,
    rateLimit: { requestsPerSecond: RPS, burst: RPS },
    review: { afterReads: 1 },
    accounts: Array.from({ length: ACCOUNTS }, (_, i) => ({ marketplace: 'postmart' as const, username: `bench-${i}`, password: 'bench-password', customerCode: `C${i}` })),
  });
  const bench = await startBenchApp({ LOG_LEVEL: 'error' });
  try {
    const settings = bench.app.get(ListingJobSettings);
    Object.assign(settings, { ...(process.env.FAST_REVIEW && { pollDelaysMs: [0, 60_000, 60_000] }), ...(SPACING_MS !== null && { minRequestIntervalMs: SPACING_MS }) });
    const http = () => request(bench.app.getHttpServer());
    const login = await http().post('/auth/login').send(ADMIN);
    if (login.status !== 200) throw new Error(`login: ${login.status}`);
    const auth = { authorization: `Bearer ${login.body.accessToken}` };
    const ok = async (req: request.Test, what: string) => {
      const res = await req;
      if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string };
    };

    // Setup (not timed): 10 cooperatives, each with a Postmart account on its own sandbox account, one
    // planting area with an active code and a season; 1,000 products with GTIN, image, closed batch.
    const setupStarted = performance.now();
    const productIds = await seedPublishableProducts(bench.app, login.body.accessToken, {
      accounts: ACCOUNTS,
      products: LISTINGS,
      sandboxUrl: sandbox.url,
      prefix: 'bench',
      gtinPrefix: '893',
      codeBase: 1000,
      concurrency: 16,
    });
    console.log(`setup: ${ACCOUNTS} accounts, ${LISTINGS} products in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
    const logBefore = sandbox.state.requests.length;

    // Timed: from the bulk request to the last listing live or in review (or given up on).
    const db = bench.app.get(DataSource);
    const started = performance.now();
    await ok(http().post('/bulk-publish').set(auth).send({ items: productIds.map((productId) => ({ productId, marketplace: 'postmart', priceVnd: 85_000, stock: 40 })) }), 'bulk');
    let counts: Record<string, number> = {};
    for (;;) {
      const rows: { status: string; n: number }[] = await db.query(`SELECT status, count(*)::int AS n FROM listing GROUP BY status`);
      counts = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      const settled = (counts.live ?? 0) + (counts.pending_review ?? 0) + (counts.rejected ?? 0) + (counts.failed ?? 0);
      if (settled >= LISTINGS) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (performance.now() - started) / 1000;

    const requests = sandbox.state.requests.slice(logBefore);
    const perSku = new Map<string, number>();
    for (const l of sandbox.state.listings.values()) perSku.set(l.sellerSku, (perSku.get(l.sellerSku) ?? 0) + 1);
    const duplicates = [...perSku.values()].filter((n) => n > 1).length;
    const byRoute: Record<string, number> = {};
    for (const r of requests) byRoute[r.route] = (byRoute[r.route] ?? 0) + 1;
    // The rate-limit bound: "done" is live or in review, which takes one create per listing at best,
    // at RPS per account with the accounts in parallel: 1,000 / (10 × 10) = 10 s. (The issue says 100 s,
    // which is 1,000 requests at 10 req/s on ONE account; both ratios are printed.)
    const bound = LISTINGS / (ACCOUNTS * RPS);
    const spacing = settings.minRequestIntervalMs;
    console.log(`listings: ${JSON.stringify(counts)}; upstream ${sandbox.state.listings.size}, duplicates (SKUs listed more than once) ${duplicates}`);
    console.log(`wall time ${seconds.toFixed(1)} s for ${LISTINGS} listings over ${ACCOUNTS} accounts at ${RPS} req/s each (app spacing ${spacing} ms = ${(1000 / Math.max(spacing, 1)).toFixed(0)} req/s per account)`);
    console.log(`bound ${bound.toFixed(1)} s → ratio ${(seconds / bound).toFixed(2)}; issue's stated bound 100 s → ratio ${(seconds / 100).toFixed(2)}`);
    console.log(`sandbox requests ${requests.length} (${(requests.length / LISTINGS).toFixed(2)} per listing): ${JSON.stringify(byRoute)}; 429s ${requests.filter((r) => r.status === 429).length}`);
    console.log(`target ≤ ${TARGET_RATIO} × bound, 0 duplicates: ${seconds <= TARGET_RATIO * bound && duplicates === 0 ? 'met' : 'MISSED'}`);
  } finally {
    await bench.stop();
    await sandbox.close();
  }
}

runBench(main);
