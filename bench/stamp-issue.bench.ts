// Benchmark: time to issue 100,000 stamps for one batch (one request's work: random serials, one
// transaction, bulk INSERT … SELECT unnest). Target: ≤ 5 s.
//
//   npm run bench            (all benchmarks)
//   node dist/bench/bench/stamp-issue.bench.js
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { toAuthUser } from '../src/auth/token.service';
import { HarvestBatchesService } from '../src/harvest-batches/harvest-batches.service';
import { StampsService } from '../src/stamps/stamps.service';
import { User } from '../src/users/user.entity';
import { startBenchApp } from './bench-app';

const COUNT = Number(process.env.STAMPS ?? 100_000);
const TARGET_SECONDS = 5;

async function main(): Promise<void> {
  const bench = await startBenchApp();
  try {
    const db = bench.app.get(DataSource);
    const admin = toAuthUser((await db.getRepository(User).findOneByOrFail({ email: 'admin@nguon.demo' }))!);
    const batch = (await bench.app.get(HarvestBatchesService).list(admin, { page: 1, pageSize: 1 } as never)).items[0];
    const stamps = bench.app.get(StampsService);
    const results: number[] = [];
    for (const withPin of [false, true]) {
      const started = performance.now();
      const issued = await stamps.issue(admin, batch.id, { count: COUNT, withPin });
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

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
