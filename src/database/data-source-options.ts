import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    applicationName: 'nguon',
    // Fail fast when PostgreSQL is away: a connection attempt (or a wait for a free pooled one) gives up
    // after 5 s instead of pg's default of forever; TCP keepalive notices a server host that vanished
    // without closing its sockets. The errors become 503s in the global filter (database-errors.ts).
    extra: { max: 20, connectionTimeoutMillis: 5000, keepAlive: true, keepAliveInitialDelayMillis: 10_000 },
  };
}
