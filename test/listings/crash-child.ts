// A second Nguồn process for the kill -9 test: the real app with its background workers on the test
// database, nothing else. The parent test kills it with SIGKILL in the middle of a marketplace call.
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/load-config';
import { ListingJobSettings } from '../../src/listings/listing-job-settings';

async function main() {
  const config = loadConfig({
    DATABASE_URL: process.env.CHILD_DATABASE_URL!,
    TOKEN_SECRET: 'test-token-secret-that-is-long-enough-0123456789',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    DATA_DIR: process.env.CHILD_DATA_DIR!,
    PUBLIC_BASE_URL: 'https://nguon.test',
    LOG_LEVEL: 'silent',
  });
  const app = await createApp(config);
  // A short lease, so the parent does not wait two minutes for it to run out after the kill. The
  // parent publishes only after "ready", so no job is leased with the default first.
  // CHILD_SETTINGS (JSON) lets a test shorten more waits (backoff, review polling) the same way.
  Object.assign(app.get(ListingJobSettings), { leaseMs: 1_500, minRequestIntervalMs: 0 }, JSON.parse(process.env.CHILD_SETTINGS ?? '{}'));
  process.stdout.write('ready\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
