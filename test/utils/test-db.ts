import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrateDatabase } from '../../src/database/migrate';

const TEMPLATE = 'nguon_test_template';

function adminUrl(): string {
  const url = process.env.NGUON_TEST_DATABASE_URL;
  if (!url) throw new Error('NGUON_TEST_DATABASE_URL is not set: run tests through jest (global setup starts PostgreSQL)');
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

let templateReady = false;

/**
 * A fresh, migrated database for one test file, cloned from a template that is migrated once per
 * worker (under a lock, since workers start together).
 */
export async function createTestDatabase(): Promise<string> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    if (!templateReady) {
      await admin.query('SELECT pg_advisory_lock(7001)');
      try {
        const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
        if (!exists.rowCount) await admin.query(`CREATE DATABASE ${TEMPLATE}`);
        await migrateDatabase(withDatabase(adminUrl(), TEMPLATE));
        templateReady = true;
      } finally {
        await admin.query('SELECT pg_advisory_unlock(7001)');
      }
    }
    const name = `nguon_test_${randomBytes(6).toString('hex')}`;
    // Cloning needs the template free of connections; concurrent clones are serialised by the lock.
    await admin.query('SELECT pg_advisory_lock(7001)');
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(7001)');
    }
    return withDatabase(adminUrl(), name);
  } finally {
    await admin.end();
  }
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** An empty database (no migrations), for tests of migrations themselves. */
export async function createEmptyDatabase(): Promise<string> {
  const name = `nguon_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl(), name);
}
