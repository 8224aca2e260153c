import { DataSource } from 'typeorm';
import { AdvisoryLock } from './advisory-locks';
import { dataSourceOptions } from './data-source-options';

// Every replica of Nguồn takes this lock before touching the schema, so replicas that start together
// run each migration exactly once.

/** Applies pending migrations under a PostgreSQL advisory lock; returns the names applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = await new DataSource({ ...dataSourceOptions(url), extra: { max: 2 } }).initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [AdvisoryLock.Migrations]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [AdvisoryLock.Migrations]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
