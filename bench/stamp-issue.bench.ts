// Benchmark: time to issue 100,000 stamps for one batch (one request's work: random serials, one
// transaction, bulk INSERT … SELECT unnest). Target: ≤ 5 s.
//
//   npm run bench            (all benchmarks)
//   node dist/bench/bench/stamp-issue.bench.js
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { StampsService } from '../src/stamps/stamps.service';
import { demoAdminAndBatch, runBench, startBenchApp } from './bench-app';

const COUNT = Number(process.env.STAMPS ?? 100_000);
const TARGET_SECONDS = 5;

async function main(): Promise<void> {
  const bench = await startBenchApp();
  try {
    const db = bench.app.get(DataSource);
    const { admin, batchId } = await demoAdminAndBatch(bench);
    const stamps = bench.app.get(StampsService);
    const results: number[] = [];
    for (const withPin of [false, true]) {
      const started = performance.now();
      const issued = await stamps.issue(admin, batchId, { count: COUNT, withPin });
      const seconds = (performance.now() - started) / 1000;
      results.push(seconds);
      console.log(`issue ${issued.count.toLocaleString('en')} stamps${withPin ? ' with PINs' : ''}: ${seconds.toFixed(2)} s (${((seconds * 1e6) / COUNT).toFixed(1)} µs per stamp)`);
    }
    const [{ n }] = await db.query(`SELECT count(DISTINCT serial)::int AS n FROM stamp`);
    console.log(`distinct serials in the table: ${n.toLocaleString('en')}`);
    console.log(`target ≤ ${TARGET_SECONDS} s: ${results.every((s) => s <= TARGET_SECONDS) ? 'met' : 'MISSED'}`);
  } finally {
    await bench.stop();
  }
}

runBench(main);
