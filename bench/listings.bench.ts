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
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../src/bootstrap/demo-data';
import { gs1CheckDigit } from '../src/common/validation/gs1-check-digit';
import { addDays, todayInVietnam } from '../src/common/time/vn-date';
import { ListingJobSettings } from '../src/listings/listing-job-settings';
import { startSandboxMarketplace } from '../src/marketplaces/sandbox/sandbox.server';
import { runBench, startBenchApp } from './bench-app';

const LISTINGS = Number(process.env.LISTINGS ?? 1_000);
const ACCOUNTS = Number(process.env.ACCOUNTS ?? 10);
const RPS = 10;
/** The app's per-account spacing (ListingJobSettings.minRequestIntervalMs); 250 ms = 4 req/s by default. */
const SPACING_MS = process.env.SPACING_MS ? Number(process.env.SPACING_MS) : null;
const TARGET_RATIO = 1.2;
// startBenchApp seeds the demo world; its admin signs in with the demo password.
const ADMIN = { login: 'admin@nguon.demo', password: DEMO_PASSWORD };
// A 1×1 PNG is enough: the image pipeline only needs a decodable file.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC', 'base64');

const daysAgo = (n: number) => addDays(todayInVietnam(), -n);
const gtin = (i: number) => {
  const body = `893${String(100_000_000 + i).padStart(9, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};

async function pool(n: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, concurrency) }, async () => {
    while (next < n) await work(next++);
  }));
}

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
    const coops: { id: string; areaId: string; seasonId: string }[] = [];
    for (let a = 0; a < ACCOUNTS; a++) {
      const coop = await ok(http().post('/cooperatives').set(auth).send({ name: `HTX Đo tải ${a}`, address: { communeCode: 11065 } }), 'cooperative');
      await ok(
        http().post(`/cooperatives/${coop.id}/marketplace-accounts`).set(auth).send({
          marketplace: 'postmart',
          mode: 'partner_api',
          credentials: { baseUrl: `${sandbox.url}/postmart`, username: `bench-${a}`, password: 'bench-password', customerCode: `C${a}` },
        }),
        'account',
      );
      const area = await ok(
        http().post(`/cooperatives/${coop.id}/planting-areas`).set(auth).send({ name: `Cánh đồng ${a}`, crop: 'Bắp cải', declaredAreaHa: 2.5, householdCount: 12, address: { communeCode: 11065 }, standard: 'VietGAP' }),
        'area',
      );
      const season = await ok(
        http().post(`/planting-areas/${area.id}/seasons`).set(auth).send({ name: 'Vụ đông', startDate: daysAgo(120), expectedHarvestFrom: daysAgo(30), expectedHarvestTo: addDays(todayInVietnam(), 30), expectedYieldKg: 1000, targetMarket: 'Nội địa' }),
        'season',
      );
      const code = await ok(http().post(`/planting-areas/${area.id}/codes`).set(auth).send({ code: `VN-HPOR-${1000 + a}`, scope: 'domestic', issuer: 'Chi cục TT&BVTV Hải Phòng', issuedOn: daysAgo(365) }), 'code');
      await ok(http().post(`/planting-areas/${area.id}/codes/${code.id}/status`).set(auth).send({ status: 'active', reason: 'Đã kiểm tra', effectiveFrom: daysAgo(365) }), 'activate code');
      coops.push({ id: coop.id, areaId: area.id, seasonId: season.id });
    }
    const productIds: string[] = new Array(LISTINGS);
    await pool(LISTINGS, 16, async (i) => {
      // Round-robin over the cooperatives, so the bulk's order interleaves the accounts.
      const c = coops[i % ACCOUNTS];
      const product = await ok(
        http().post(`/cooperatives/${c.id}/products`).set(auth).send({ nameVi: `Bắp cải ${i}`, category: 'Rau củ', unitOfSale: 'túi', netContent: 1, netContentUnit: 'KGM', gtin: gtin(i) }),
        'product',
      );
      await ok(http().post(`/products/${product.id}/images`).set(auth).attach('file', PNG, 'p.png'), 'image');
      const batch = await ok(
        http().post('/batches').set(auth).send({ productId: product.id, plantingAreaId: c.areaId, seasonId: c.seasonId, lotCode: `L-${randomBytes(4).toString('hex')}`, harvestDateFrom: daysAgo(2), quantity: 500, unit: 'KGM' }),
        'batch',
      );
      await ok(http().post(`/batches/${batch.id}/close`).set(auth), 'close');
      productIds[i] = product.id;
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
