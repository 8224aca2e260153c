import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import request from 'supertest';
import { MIGRATIONS } from '../../migrations';
import { RunningSandbox, startSandboxMarketplace } from '../../src/marketplaces/sandbox/sandbox.server';
import { connectSandboxPostmart, makePublishableProducts } from '../listings/bulk-fixtures';
import { sandboxAdmin } from '../marketplaces/marketplace-fixtures';
import { SANDBOX_ACCOUNTS } from '../marketplaces/sandbox-accounts';
import { bearer, TEST_ADMIN, TEST_PASSWORD, TestApp } from '../utils/test-app';
import { createEmptyDatabase, dropTestDatabase } from '../utils/test-db';
import { makeWorld } from '../utils/world';

// The issue: two service processes on one PostgreSQL, started at the same moment. Migrations run
// once (advisory lock), pg-boss jobs are shared without double work, and a bulk publish goes on to
// the end when a process is killed with SIGKILL while the other keeps running (not started after).

const ROOT = join(__dirname, '..', '..');
const COUNT = 200; // listings, in two bulk publishes of COUNT / 2
// Replica A is killed half-way through the bulk it expands, once at least this many listings are on the sandbox.
const MIN_UPSTREAM_AT_KILL = 20;
const WORK_STATES = ['queued', 'submitting', 'reconciling'];
const LISTING_WORKERS_PER_PROCESS = 4; // CONCURRENCY in src/jobs/job-queue.ts
// Production waits are minutes (lease 2 min, recovery sweep 1 min). Here: a lease longer than any one
// job (the adapters give up on a call after 5 s), a sweep every second, short backoffs and review polls.
const SETTINGS = { leaseMs: 8_000, sweepIntervalMs: 1_000, minRequestIntervalMs: 0, backoffBaseMs: 100, backoffMaxMs: 400, pollDelaysMs: [0, 0, 0], defaultRetryAfterMs: 1_000 };


interface ReadyEvent {
  port: number;
  leaseOwner: string;
  firstRun: string;
}
interface Migrated {
  applied: string[];
  startedAt: number;
  endedAt: number;
}
interface CallEvent {
  t: number;
  op: string;
  key: string | null;
}

/** One start of a replica: a child process running replica.ts. */
class Boot {
  readonly calls: CallEvent[] = [];
  readonly loaded: Promise<void>;
  readonly ready: Promise<ReadyEvent>;
  readonly exited: Promise<number | null>;
  migrated?: Migrated;
  info?: ReadyEvent;
  stderr = '';

  constructor(readonly child: ChildProcess) {
    let buffer = '';
    let onLoaded!: () => void;
    let onReady!: (e: ReadyEvent) => void;
    const loaded = new Promise<void>((resolve) => (onLoaded = resolve));
    const ready = new Promise<ReadyEvent>((resolve) => (onReady = resolve));
    child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith('@@ ')) continue;
        const e = JSON.parse(line.slice(3));
        if (e.event === 'loaded') onLoaded();
        else if (e.event === 'migrated') this.migrated = e;
        else if (e.event === 'call') this.calls.push(e);
        else if (e.event === 'ready') onReady((this.info = e));
      }
    });
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const early = this.exited.then((code) => Promise.reject(new Error(`exited (${code}) before it was ready: ${this.stderr}`)));
    early.catch(() => undefined);
    this.loaded = Promise.race([loaded, early]);
    this.ready = Promise.race([ready, early]);
  }

  go() {
    this.child.stdin!.write('go\n');
  }
}

/** A replica: its starts (normally one), its address once serving, its marketplace calls. */
class Replica {
  readonly boots: Boot[] = [];

  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
  ) {
    this.boots.push(this.spawn());
  }

  get boot(): Boot {
    return this.boots[this.boots.length - 1];
  }
  get info(): ReadyEvent {
    return this.boot.info!;
  }
  get url() {
    return `http://127.0.0.1:${this.info.port}`;
  }
  /** The application_name its sessions carry in pg_stat_activity. */
  get session() {
    return `nguon-${this.name}`;
  }

  // Both replicas must start first time: creating pg-boss's queues at once used to deadlock one of them
  // (now serialised in JobQueue.onModuleInit), and no restart hides such a failure.
  async ready(): Promise<ReadyEvent> {
    try {
      return await this.boot.ready;
    } catch (error) {
      throw new Error(`replica ${this.name}: ${(error as Error).message}`);
    }
  }

  creates(before = Infinity) {
    return this.boots.flatMap((b) => b.calls).filter((c) => c.op === 'create' && c.t < before);
  }

  kill() {
    for (const b of this.boots) b.child.kill('SIGKILL');
    return Promise.all(this.boots.map((b) => b.exited));
  }

  private spawn(): Boot {
    const child = spawn(process.execPath, ['-r', join(ROOT, 'test/listings/ts-register.js'), join(__dirname, 'replica.ts')], {
      cwd: ROOT,
      env: { ...process.env, REPLICA_NAME: this.name, REPLICA_ENV: JSON.stringify(this.env), REPLICA_SETTINGS: JSON.stringify(SETTINGS) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new Boot(child);
  }
}

/** Both replicas behind a round-robin "load balancer", shaped like TestApp for the shared fixtures. */
function balanced(replicas: Replica[]): TestApp {
  let next = 0;
  const http = () => request(replicas[next++ % replicas.length].url);
  const login = async (login: string, password = TEST_PASSWORD) => {
    const res = await http().post('/auth/login').send({ login, password });
    if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  return { http, login, adminToken: () => login(TEST_ADMIN.email, TEST_ADMIN.password) } as unknown as TestApp;
}

async function until<T>(what: string | (() => string), probe: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

describe('scale-out: two service processes on one PostgreSQL', () => {
  let sandbox: RunningSandbox;
  let databaseUrl: string;
  let dataDir: string;
  let db: Pool;
  const replicas: Replica[] = [];

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.kill()));
    await db?.end();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await sandbox?.close();
  });

  it(`start together (migrations once), share the jobs of ${COUNT} listings, and finish after kill -9 of one`, async () => {
    const started = Date.now();
    const phases: string[] = [];
    const phase = (name: string) => {
      phases.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)}s`);
      if (process.env.SCALE_OUT_DEBUG) console.log(phases[phases.length - 1]);
    };
    sandbox = await startSandboxMarketplace({ host: '127.0.0.1', port: 0, rateLimit: { requestsPerSecond: 1_000 }, accounts: SANDBOX_ACCOUNTS, review: { afterReads: 1 } });
    databaseUrl = await createEmptyDatabase();
    db = new Pool({ connectionString: databaseUrl, max: 2 });
    dataDir = mkdtempSync(join(tmpdir(), 'nguon-scale-out-')); // one upload folder for both, as a shared volume
    const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
    expect(await sql(`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname NOT IN ('information_schema', 'public')`)).toEqual([{ n: 0 }]);
    expect(await sql(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).toEqual([{ n: 0 }]);

    // ── 1. Two processes with the same configuration (DATABASE_URL, TOKEN_SECRET, DATA_ENCRYPTION_KEY,
    // DATA_DIR), each tagged in pg_stat_activity by application_name, started at the same moment.
    const env = (name: string) => {
      const url = new URL(databaseUrl);
      url.searchParams.set('application_name', `nguon-${name}`);
      return {
        DATABASE_URL: url.toString(),
        TOKEN_SECRET: 'test-token-secret-that-is-long-enough-0123456789',
        DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        ADMIN_EMAIL: TEST_ADMIN.email,
        ADMIN_PASSWORD: TEST_ADMIN.password,
        DATA_DIR: dataDir,
        PUBLIC_BASE_URL: 'https://nguon.test',
        LOG_LEVEL: 'silent',
      };
    };
    const [a, b] = ['a', 'b'].map((name) => new Replica(name, env(name)));
    replicas.push(a, b);
    await Promise.all([a.boot.loaded, b.boot.loaded]);
    phase('code loaded');
    a.boot.go();
    b.boot.go();
    await Promise.all([a.ready(), b.ready()]);
    phase('both ready');

    // Each migration once; the two first starts were both inside migrateDatabase at the same time, and
    // one of them applied every migration while the other, having waited for the lock, applied none.
    const rows = await sql<{ name: string; n: number }>(`SELECT name, count(*)::int AS n FROM typeorm_migrations GROUP BY name`);
    expect(rows).toHaveLength(MIGRATIONS.length);
    expect(rows.filter((m) => m.n !== 1)).toEqual([]);
    const migrated = replicas.flatMap((r) => r.boots.map((boot) => boot.migrated!));
    expect(migrated.map((m) => m.applied.length).sort((x, y) => x - y)).toEqual([...migrated.slice(1).map(() => 0), MIGRATIONS.length]);
    const [first, second] = [a.boots[0].migrated!, b.boots[0].migrated!];
    const overlapMs = Math.min(first.endedAt, second.endedAt) - Math.max(first.startedAt, second.startedAt);
    expect(overlapMs).toBeGreaterThan(0);
    expect([a.info.firstRun, b.info.firstRun].sort()).toEqual(['admin-created', 'existing']);
    expect(await sql(`SELECT email FROM app_user`)).toEqual([{ email: TEST_ADMIN.email }]);
    expect((await sql<{ name: string }>(`SELECT name FROM pgboss.queue`)).map((q) => q.name)).toEqual(expect.arrayContaining(['bulk-publish-expand', 'listing-process']));

    // ── 2. A cooperative, its marketplace account and COUNT products, through both replicas in turn.
    const lb = balanced([a, b]);
    const w = await makeWorld(lb);
    await connectSandboxPostmart(lb, w.coopA.id, w.tokens.managerA, sandbox.url);
    const products = await makePublishableProducts(lb, { admin: w.tokens.admin, manager: w.tokens.managerA }, w.coopA.id, COUNT);
    phase('products');

    // ── 3. Faults on creates (rules in order; `skip` places them by create number): Retry-After pauses
    // and 503s, and answers lost after the commit (the adapter gives up after 5 s), some of them around
    // the kill (which comes at about create 25 to 100), so that A may well die waiting for one. No pause
    // near the kill: a paused account leaves A holding no listing.
    const admin = sandboxAdmin(sandbox.url);
    const create = { marketplace: 'postmart', route: 'create', account: 'pm-vu-ban' };
    for (const skip of [8, 110, COUNT - 40]) await admin.fault({ ...create, skip, times: 1, action: { kind: 'rate_limit', retryAfter: '1' } });
    for (const skip of [20, 100, COUNT - 60]) await admin.fault({ ...create, skip, times: 2, action: { kind: 'server_error', status: 503 } });
    for (const skip of [30, 42, 50, 58, COUNT - 50]) await admin.fault({ ...create, skip, times: 1, action: { kind: 'commit_then_hang', hangMs: 20_000 } });

    // ── 4. Two bulk publishes at the same moment, one through each replica. Each replica has one bulk
    // worker, so each expands one of them: the replica killed below dies in the middle of a bulk.
    const half = COUNT / 2;
    const bulks = await Promise.all(
      [a, b].map((r, i) =>
        request(r.url)
          .post('/bulk-publish')
          .set(bearer(w.tokens.managerA))
          .send({ items: products.slice(i * half, (i + 1) * half).map((p) => ({ productId: p.id, marketplace: 'postmart', priceVnd: 85_000, stock: 40 })) }),
      ),
    );
    expect(bulks.map((r) => r.status)).toEqual([202, 202]);
    const bulkIds = bulks.map((r) => r.body.id as string);
    phase('bulks accepted');

    /** Which replica expands which bulk: the holder of the bulk's expansion lock (bulk-publish.service.ts). */
    const expanders = () =>
      sql<{ replica: string; bulk: string }>(
        `SELECT s.application_name AS replica, b.id AS bulk FROM pg_locks l
         JOIN pg_stat_activity s ON s.pid = l.pid
         JOIN bulk_publish b ON hashtext(b.id::text) = l.objid::int
         WHERE l.locktype = 'advisory' AND l.classid = 4727003 AND l.objsubid = 2 AND l.granted`,
      );
    const linkedOf = async (bulk: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM bulk_publish_item WHERE bulk_id = $1 AND state <> 'pending'`, [bulk]))[0].n;
    // While both run: whose lease each listing being worked on carries (listing.lease_owner).
    const leasesSeen = new Map<string, number>();
    let seen: unknown = null;
    let atKill!: { expanders: { replica: string; bulk: string }[]; upstream: number };
    await until(
      () => `A half-way through its bulk, holding a listing, ${MIN_UPSTREAM_AT_KILL} listings upstream: ${JSON.stringify(seen)} (a: ${a.boot.stderr} b: ${b.boot.stderr})`,
      async () => {
        const leases = await sql<{ owner: string; n: number; working: number }>(
          `SELECT lease_owner AS owner, count(*)::int AS n, count(*) FILTER (WHERE status = ANY($1))::int AS working
           FROM listing WHERE lease_owner IS NOT NULL GROUP BY 1`,
          [[...WORK_STATES, 'pending_review']],
        );
        for (const row of leases) leasesSeen.set(row.owner, (leasesSeen.get(row.owner) ?? 0) + row.n);
        const now = { expanders: await expanders(), upstream: sandbox.state.listings.size };
        const mine = now.expanders.find((e) => e.replica === a.session);
        const linked = mine ? await linkedOf(mine.bulk) : null;
        const holding = leases.find((l) => l.owner === a.info.leaseOwner)?.working ?? 0;
        seen = { ...now, linked, holding };
        if (linked === null || linked < half / 2 || now.upstream < MIN_UPSTREAM_AT_KILL || !holding) return false;
        atKill = now;
        return true;
      },
      40_000,
      20,
    );
    const killedAt = Date.now();
    await a.kill();
    phase(`a killed (${atKill.upstream} upstream)`);

    // What A left behind: listings under its lease, the bulk it was expanding, its pg-boss jobs "active".
    const orphans = await sql<{ id: string; status: string }>(`SELECT id, status FROM listing WHERE lease_owner = $1`, [a.info.leaseOwner]);
    // Those with something left to do (not, say, one that A had just brought live and not yet released).
    const unfinished = orphans.filter((o) => [...WORK_STATES, 'pending_review'].includes(o.status));
    const bulkOfA = atKill.expanders.find((e) => e.replica === a.session)!.bulk;
    const bulkOfAAtKill = await linkedOf(bulkOfA);
    const activeJobs = await sql<{ name: string; n: number }>(`SELECT name, count(*)::int AS n FROM pgboss.job WHERE state = 'active' GROUP BY 1 ORDER BY 1`);

    // ── 5. B, already running, takes over and finishes both bulks.
    let bulkTakeoverMs: number | null = null;
    let last: unknown = null;
    await until(
      () => `b to finish: ${JSON.stringify(last)} (b: ${b.boot.stderr})`,
      async () => {
        if (bulkTakeoverMs === null && (await linkedOf(bulkOfA)) > bulkOfAAtKill) bulkTakeoverMs = Date.now() - killedAt;
        const [row] = await sql<{ unexpanded: number; linked: number; working: number }>(
          `SELECT (SELECT count(*)::int FROM bulk_publish WHERE expanded_at IS NULL) AS unexpanded,
                  (SELECT count(*)::int FROM bulk_publish_item WHERE listing_id IS NOT NULL) AS linked,
                  (SELECT count(*)::int FROM listing WHERE status = ANY($1)) AS working`,
          [WORK_STATES],
        );
        last = row;
        return row.unexpanded === 0 && row.linked === COUNT && row.working === 0;
      },
      40_000,
      100,
    );
    const settledMs = Date.now() - killedAt;
    phase('settled');
    // Each listing A held at the kill moved on again, under B: its first status change after the kill.
    const takenOver = await sql<{ id: string; ms: number }>(
      `SELECT entity_id AS id, (extract(epoch FROM min(at)) * 1000 - $2)::int AS ms FROM audit_entry
       WHERE entity_type = 'listing' AND action = 'status_changed' AND entity_id = ANY($1) AND at > to_timestamp($2 / 1000.0) GROUP BY 1`,
      [unfinished.map((o) => o.id), killedAt],
    );
    const audit = async (where: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_type = 'listing' AND ${where}`))[0].n;
    const recovered = await audit(`reason = 'recovered after restart'`);
    // A bulk item published twice shows as a "republished" listing: at most the one item A was on when
    // it died (its listing committed, the item not yet marked), never a second expander running along.
    const republished = await audit(`action = 'republished'`);

    // The bulks, as their author sees them through the surviving replica.
    const counts: Record<string, number>[] = [];
    for (const id of bulkIds) {
      const progress = await request(b.url).get(`/bulk-publish/${id}`).set(bearer(w.tokens.managerA));
      expect(progress.status).toBe(200);
      expect(progress.body).toMatchObject({ total: half, done: true, expandedAt: expect.any(String) });
      expect(Object.keys(progress.body.counts).filter((k) => !['live', 'pending_review'].includes(k))).toEqual([]);
      expect(Object.values(progress.body.counts as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(half);
      counts.push(progress.body.counts);
    }

    // Upstream: COUNT listings, one per seller SKU; each committed create (201, or a hang after the
    // commit) with its own body, none refused as a duplicate (409), i.e. no blind re-create.
    const upstream = [...sandbox.state.listings.values()];
    expect(upstream).toHaveLength(COUNT);
    expect(new Set(upstream.map((l) => l.sellerSku)).size).toBe(COUNT);
    const creates = sandbox.state.requests.filter((r) => r.route === 'create' && r.account !== null);
    const hangIds = new Set(sandbox.state.faults.filter((f) => f.action.kind === 'commit_then_hang').map((f) => f.id));
    const committed = creates.filter((r) => r.status === 201 || (r.faultId !== null && hangIds.has(r.faultId)));
    expect(committed).toHaveLength(COUNT);
    expect(new Set(committed.map((r) => r.bodyHash)).size).toBe(COUNT);
    expect(creates.filter((r) => r.status === 409)).toEqual([]);
    const ours = await sql<{ seller_sku: string; status: string; external_id: string }>(`SELECT seller_sku, status, external_id FROM listing`);
    expect(ours).toHaveLength(COUNT);
    const bySku = new Map(upstream.map((l) => [l.sellerSku, String(l.id)]));
    expect(ours.filter((l) => bySku.get(l.seller_sku) !== l.external_id || !['live', 'pending_review'].includes(l.status))).toEqual([]);

    // Shared work: before the kill both replicas held listings and sent creates. Every create the
    // sandbox received was reported by the replica that sent it (A's last ones may have died unsent).
    const [createsA, createsB] = [a.creates(), b.creates()];
    expect(createsA.length).toBeGreaterThan(0);
    expect(b.creates(killedAt).length).toBeGreaterThan(0);
    expect(leasesSeen.has(a.info.leaseOwner) && leasesSeen.has(b.info.leaseOwner)).toBe(true);
    expect(createsA.length + createsB.length - creates.length).toBeGreaterThanOrEqual(0);
    expect(createsA.length + createsB.length - creates.length).toBeLessThanOrEqual(LISTING_WORKERS_PER_PROCESS);
    // The kill caught A in the middle of a bulk, which B then finished; and B moved on every listing
    // A was holding.
    expect(bulkOfAAtKill).toBeLessThan(half);
    expect(bulkTakeoverMs).not.toBeNull();
    expect(republished).toBeLessThanOrEqual(1);
    expect(unfinished.length).toBeGreaterThan(0);
    expect(takenOver.map((o) => o.id).sort()).toEqual(unfinished.map((o) => o.id).sort());

    const count = (p: (r: (typeof creates)[number]) => boolean) => creates.filter(p).length;
    const both = [...new Set(createsA.map((c) => c.key))].filter((k) => createsB.some((c) => c.key === k)).length;
    console.log(
      [
        `scale-out: migrations ${rows.length} rows, each once (applied ${migrated.map((m) => m.applied.length).join('/')}, both inside migrateDatabase for ${overlapMs} ms)`,
        `creates sent ${creates.length} (a ${createsA.length}, b ${createsB.length} of which ${b.creates(killedAt).length} before the kill; ${both} SKUs tried by both), 429s ${count((r) => r.status === 429)}, 5xx ${count((r) => (r.status ?? 0) >= 500)}, hangs ${count((r) => r.faultId !== null && hangIds.has(r.faultId))}, duplicates 0`,
        `lease samples a ${leasesSeen.get(a.info.leaseOwner)} / b ${leasesSeen.get(b.info.leaseOwner)}; at the kill ${atKill.upstream} upstream, expanding ${JSON.stringify(atKill.expanders.map((e) => e.replica))}, a's bulk ${bulkOfAAtKill}/${half} items, a held ${orphans.length} listings (${orphans.map((o) => o.status).join(', ')}), active jobs ${JSON.stringify(activeJobs)}`,
        `takeover: a's bulk ${bulkTakeoverMs} ms, a's listings ${Math.max(0, ...takenOver.map((o) => o.ms))} ms (${recovered} left submitting, reconciled by lookup; ${republished} bulk item published twice), all settled ${settledMs} ms after the kill; bulks ${JSON.stringify(counts)}`,
        phases.join(', '),
      ].join('\n'),
    );
  }, 120_000);
});
