// Shared by the benchmarks: a throw-away embedded PostgreSQL and the real application on it, seeded
// with the demo data (the same world `npm start` shows).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import type { AuthUser } from '../src/auth/auth-user';
import { toAuthUser } from '../src/auth/token.service';
import { FirstRunService } from '../src/bootstrap/first-run.service';
import { AppConfig } from '../src/config/app-config';
import { loadConfig } from '../src/config/load-config';
import { EmbeddedDatabase } from '../src/database/embedded-database';
import { HarvestBatchesService } from '../src/harvest-batches/harvest-batches.service';
import { User } from '../src/users/user.entity';

export interface BenchApp {
  app: NestFastifyApplication;
  config: AppConfig;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startBenchApp(env: Record<string, string> = {}): Promise<BenchApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nguon-bench-'));
  chmodSync(dataDir, 0o755);
  const pgPort = await freePort();
  const password = 'bench';
  const db = new EmbeddedDatabase({ dataDir, port: pgPort, password, database: 'nguon' });
  await db.start();
  const config = loadConfig({
    DATABASE_URL: `postgres://postgres:${password}@127.0.0.1:${pgPort}/nguon`,
    TOKEN_SECRET: 'bench-token-secret-that-is-long-enough-0123456789',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PUBLIC_BASE_URL: 'http://127.0.0.1:3999',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  });
  config.demoData = true; // demo world on this throw-away database
  const app = await createApp(config);
  await app.get(FirstRunService).run();
  return {
    app,
    config,
    stop: async () => {
      await app.close();
      // Let in-flight scan-log writes finish before the server goes away under them.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo admin, and the first of the demo's closed batches, to act on in a benchmark. */
export async function demoAdminAndBatch(bench: BenchApp): Promise<{ admin: AuthUser; batchId: string }> {
  const admin = toAuthUser(await bench.app.get(DataSource).getRepository(User).findOneByOrFail({ email: 'admin@nguon.demo' }));
  const batch = (await bench.app.get(HarvestBatchesService).list(admin, { page: 1, pageSize: 1 } as never)).items[0];
  return { admin, batchId: batch.id };
}

/** Runs a benchmark's main and exits with its outcome (benchmarks leave timers and pools behind). */
export function runBench(main: () => Promise<void>): void {
  void main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
