// Benchmark: the origin page, the hot path of the product. autocannon (10 s, 50 connections) against
// the real service, then against a bare baseline started in the same run: a minimal Fastify handler
// that does the same indexed PostgreSQL lookup (the scan UPDATE … RETURNING) and renders the same
// precompiled template. Targets: ratio service/baseline ≥ 0.7 and service p99 ≤ 25 ms.
//
//   npm run bench      or      node dist/bench/bench/origin-page.bench.js
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { OriginPageRenderer } from '../src/origin-pages/origin-page.renderer';
import { ResolverService, SCAN_STATEMENT } from '../src/resolver/resolver.service';
import { StampsService } from '../src/stamps/stamps.service';
import { demoAdminAndBatch, freePort, runBench, startBenchApp } from './bench-app';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const STAMPS = 2000;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

// The load runs in a child process: autocannon in the server's own process would steal its event loop.
async function load(url: string, paths: string[], duration = DURATION): Promise<Figures> {
  const file = join(tmpdir(), `nguon-bench-paths-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(paths));
  const child = spawn(process.execPath, [join(__dirname, 'load.js'), url, String(duration), String(CONNECTIONS), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  return JSON.parse(out) as Figures;
}

async function main(): Promise<void> {
  const bench = await startBenchApp();
  try {
    const db = bench.app.get(DataSource);
    const { admin, batchId } = await demoAdminAndBatch(bench);
    const stamps = bench.app.get(StampsService);
    const issued = await stamps.issue(admin, batchId, { count: STAMPS });
    await stamps.activate(admin, issued.id, {});
    const rows: { serial: string; gtin: string; lot_code: string }[] = await db.query(
      `SELECT s.serial, s.gtin, b.lot_code FROM stamp s JOIN harvest_batch b ON b.id = s.batch_id WHERE s.issuance_id = $1 ORDER BY s.seq`,
      [issued.id],
    );
    const paths = rows.map((r) => `/01/${r.gtin}/10/${encodeURIComponent(r.lot_code)}/21/${r.serial}`);

    const port = await freePort();
    await bench.app.listen({ port, host: '127.0.0.1' });
    // Warm-up: JIT, connection pool, the batch facts cache.
    await load(`http://127.0.0.1:${port}`, paths.slice(0, 50), 3);
    const service = await load(`http://127.0.0.1:${port}`, paths);

    if (process.env.ONLY === 'service') {
      console.log(`service only: ${service.rps.toFixed(0)} req/s, p50 ${service.p50} ms, p99 ${service.p99} ms`);
      return;
    }
    // Baseline: same database, same lookup statement, same template and view, nothing else.
    const view = await bench.app.get(ResolverService).scanStamp(rows[0].serial, { ip: '127.0.0.1', userAgent: null, provinceCode: null, lang: 'vi', alternateLanguageUrl: '/' });
    const renderer = new OriginPageRenderer();
    const pool = new Pool({ connectionString: bench.config.database.url, max: 20 });
    const baseline = Fastify();
    baseline.get('/01/:gtin/10/:lot/21/:serial', async (req, reply) => {
      const { serial } = req.params as { serial: string };
      const { rows: found } = await pool.query(SCAN_STATEMENT, [serial, null]);
      const html = renderer.render({ ...view, stamp: { ...view.stamp!, serial, scanCount: found[0]?.scan_count ?? 0 } });
      return reply.header('content-type', 'text/html; charset=utf-8').send(html);
    });
    const basePort = await freePort();
    await baseline.listen({ port: basePort, host: '127.0.0.1' });
    await load(`http://127.0.0.1:${basePort}`, paths.slice(0, 50), 3);
    const bare = await load(`http://127.0.0.1:${basePort}`, paths);
    await baseline.close();
    await pool.end();

    const line = (name: string, f: Figures) =>
      `${name.padEnd(10)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms   errors ${f.errors}, non-2xx ${f.non2xx}`;
    console.log(`origin page, autocannon ${DURATION} s × ${CONNECTIONS} connections, ${STAMPS} distinct stamps`);
    console.log(line('service', service));
    console.log(line('baseline', bare));
    const ratio = service.rps / bare.rps;
    console.log(`ratio service/baseline ${ratio.toFixed(2)} (target ≥ 0.7): ${ratio >= 0.7 ? 'met' : 'MISSED'}`);
    console.log(`service p99 ${service.p99} ms (target ≤ 25 ms): ${service.p99 <= 25 ? 'met' : 'MISSED'}`);
  } finally {
    await bench.stop();
  }
}

runBench(main);
