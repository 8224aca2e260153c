// One Nguồn replica for the scale-out test, in a process of its own: what src/main.ts does with an
// external DATABASE_URL (createApp, which migrates under the advisory lock; FirstRunService; listen),
// on a free port. Run with `node -r test/listings/ts-register.js`. It talks to the parent test on
// stdout, one JSON object per line after "@@ " (pipes are written synchronously, so a line written
// before a marketplace call reaches the parent even if the process is killed during that call).
//
// Environment: REPLICA_NAME, REPLICA_ENV (JSON: the service's own environment variables, as a
// deployment would set them), REPLICA_SETTINGS (JSON for ListingJobSettings). The code is loaded
// first ("loaded"); the app starts when a line arrives on stdin, so the parent can start two replicas
// at the same moment whatever each spent compiling.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { FirstRunService } from '../../src/bootstrap/first-run.service';
import { loadConfig } from '../../src/config/load-config';
import { AdapterLookup } from '../../src/listings/adapter-lookup';
import { BulkPublishService } from '../../src/listings/bulk-publish.service';
import { ListingJobSettings } from '../../src/listings/listing-job-settings';
import { ListingProcessor } from '../../src/listings/listing-processor';
import type { MarketplaceAdapter } from '../../src/marketplaces/marketplace-adapter';

const report = (event: Record<string, unknown>) => process.stdout.write(`@@ ${JSON.stringify({ replica: process.env.REPLICA_NAME, t: Date.now(), ...event })}\n`);

// createApp calls migrateDatabase through the module's exports; wrapping that export records what
// this process's own boot-time call applied (and when), and changes nothing else.
const migrate = require('../../src/database/migrate') as typeof import('../../src/database/migrate');
const migration: { applied?: string[]; startedAt?: number; endedAt?: number } = {};
const migrateDatabase = migrate.migrateDatabase;
migrate.migrateDatabase = async (url: string) => {
  migration.startedAt = Date.now();
  migration.applied = await migrateDatabase(url);
  migration.endedAt = Date.now();
  report({ event: 'migrated', ...migration });
  return migration.applied;
};

/** The real adapter, reporting each marketplace call (with the seller SKU or id) just before it is sent. */
function reporting(adapter: MarketplaceAdapter): MarketplaceAdapter {
  const ops: Record<string, (args: unknown[]) => unknown> = {
    login: () => null,
    create: (args) => (args[2] as { sellerSku: string }).sellerSku,
    findBySellerSku: (args) => args[2],
    getStatus: (args) => args[2],
    setStockAndPrice: () => null,
    update: (args) => args[2],
    unlist: (args) => args[2],
  };
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !(prop in ops) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        report({ event: 'call', op: prop, key: ops[prop](args) });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function start(): Promise<NestFastifyApplication> {
  const config = loadConfig(JSON.parse(process.env.REPLICA_ENV!));
  const app = await createApp(config);
  const firstRun = await app.get(FirstRunService).run();
  // Shorter waits than production (a lease of seconds instead of two minutes, a sweep every second or
  // two instead of every minute), so a takeover fits in the test's budget. The sweeps were armed at
  // bootstrap with the defaults: stop and re-arm them (their own lifecycle hooks) with the new interval.
  Object.assign(app.get(ListingJobSettings), JSON.parse(process.env.REPLICA_SETTINGS ?? '{}'));
  for (const sweeping of [app.get(ListingProcessor), app.get(BulkPublishService)]) {
    sweeping.beforeApplicationShutdown();
    await sweeping.onApplicationBootstrap();
  }
  const lookup = app.get(AdapterLookup);
  lookup.use('postmart', reporting(lookup.get('postmart')));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  report({
    event: 'ready',
    port: typeof address === 'object' && address ? address.port : null,
    // What this process writes into listing.lease_owner while it holds a listing.
    leaseOwner: app.get(ListingProcessor)['workerId'],
    firstRun,
  });
  return app;
}

report({ event: 'loaded' });
process.stdin.once('data', () => {
  start().catch((error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  });
});
