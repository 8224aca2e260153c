import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

// Arbitrary but fixed: every replica of Nguồn takes this lock before touching the schema, so replicas
// that start together run each migration exactly once.
const MIGRATION_LOCK_ID = 4_727_001;

/** Applies pending migrations under a PostgreSQL advisory lock; returns the names applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = await new DataSource({ ...dataSourceOptions(url), extra: { max: 2 } }).initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
