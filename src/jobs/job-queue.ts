import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { AppConfig } from '../config/app-config';
import { AdvisoryLock } from '../database/advisory-locks';
import { Metrics } from '../metrics/metrics';
import { JobPayloads, QueueName } from './queue-name';

export const JOB_SCHEMA = 'pgboss';
// Sensible defaults rather than configuration for now: a handful of concurrent external calls per
// process is plenty for a marketplace lane limited to a few requests per second per account.
const POLLING_INTERVAL_SECONDS = 1;
const CONCURRENCY: Record<QueueName, number> = { [QueueName.Listing]: 4, [QueueName.BulkPublish]: 1, [QueueName.ScanLogRetention]: 1 };
// Jobs are nudges; the listing row holds the truth and expected failures are retried by the listing
// code itself. pg-boss retries only what threw unexpectedly (database gone, a bug), with backoff.
// A job of a worker killed mid-run stays "active" until it expires, then pg-boss retries it. Our jobs
// take seconds (one marketplace call with a 5 s timeout, or expanding ≤ 2,000 bulk items), so two
// minutes bounds that wait without cutting a live job short.
const NUDGE_OPTIONS: Omit<PgBoss.Queue, 'name'> = { policy: 'short', retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 };
const QUEUE_OPTIONS: Record<QueueName, Omit<PgBoss.Queue, 'name'>> = {
  [QueueName.Listing]: NUDGE_OPTIONS,
  [QueueName.BulkPublish]: NUDGE_OPTIONS,
  // The daily retention sweep can run for many minutes on a large table: it must not expire (and be
  // started again beside itself) mid-run; tomorrow's run retries what a failed one left.
  [QueueName.ScanLogRetention]: { policy: 'short', retryLimit: 1, retryDelay: 600, expireInSeconds: 6 * 3600 },
};

export type JobHandler<Q extends QueueName> = (data: JobPayloads[Q]) => Promise<void>;

/** Anything that runs SQL inside the caller's transaction (a TypeORM EntityManager does). */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface SendOptions {
  /**
   * Collapses duplicates: while a job with this key waits to start, another send is a no-op. Required:
   * under the "short" policy, jobs without a key would all share one empty key and collapse queue-wide.
   */
  singletonKey: string;
  startAfter?: Date;
  /**
   * If a job with this key already waits for a later time (a backoff), bring it forward to now
   * instead of leaving the new request behind the old delay. For nudges a person is waiting on.
   */
  expedite?: boolean;
  /** Enqueue inside this transaction: the job exists if and only if the transaction commits. */
  inTransaction?: SqlRunner;
}

// The service's only door to pg-boss. Queues use the "short" policy: at most one waiting job per
// singleton key, which is what coalesces repeated nudges for the same listing into one.
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  private readonly handlers = new Map<QueueName, JobHandler<QueueName>>();
  private readonly workerIds: string[] = [];
  private stopped = false;
  /** Jobs this process is running right now (workers and drain). */
  private running = 0;

  constructor(
    private readonly config: AppConfig,
    metrics: Metrics,
  ) {
    this.boss = new PgBoss({ connectionString: config.database.url, schema: JOB_SCHEMA, max: 6, application_name: 'nguon-jobs' });
    this.boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`, error.stack));
    metrics.addScrapedGauge({
      name: 'nguon_job_queue_jobs',
      help: 'Background jobs by queue and state / việc nền theo hàng đợi và trạng thái',
      labelNames: ['queue', 'state'],
      collect: () => this.depth(),
    });
  }

  /** Jobs per queue and state (waiting, retrying, running, failed); completed ones are not counted. */
  private async depth(): Promise<{ labels: { queue: string; state: string }; value: number }[]> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT name, state, count(*)::int AS count FROM ${JOB_SCHEMA}.job
       WHERE name = ANY($1) AND state IN ('created', 'retry', 'active', 'failed') GROUP BY name, state`,
      [Object.values(QueueName)],
    );
    return (rows as { name: string; state: string; count: number }[]).map((r) => ({ labels: { queue: r.name, state: r.state }, value: r.count }));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    // Replicas starting together on a new database would create the same queues at once, which
    // PostgreSQL can answer with "deadlock detected" and a failed boot: one at a time, under a lock held
    // by a session of our own (ending it releases the lock, even if this process dies meanwhile).
    const lock = new Client({ connectionString: this.config.database.url, application_name: 'nguon-jobs', connectionTimeoutMillis: 10_000 });
    // A connection dropped meanwhile rejects the query below; without a listener it would also crash the process.
    lock.on('error', () => undefined);
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [AdvisoryLock.QueueSetup]);
      for (const name of Object.values(QueueName)) {
        if (!(await this.boss.getQueue(name))) await this.boss.createQueue(name, { name, ...QUEUE_OPTIONS[name] });
      }
    } finally {
      await lock.end();
    }
  }

  /** Called by feature modules in onModuleInit; workers start once the application is up. */
  register<Q extends QueueName>(name: Q, handler: JobHandler<Q>): void {
    this.handlers.set(name, handler as JobHandler<QueueName>);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.startWorkers();
  }

  async startWorkers(): Promise<void> {
    if (this.workerIds.length) return;
    for (const [name, handler] of this.handlers) {
      for (let i = 0; i < CONCURRENCY[name]; i++) {
        let id = '';
        id = await this.boss.work<JobPayloads[QueueName]>(name, { batchSize: 1, pollingIntervalSeconds: POLLING_INTERVAL_SECONDS }, async (jobs) => {
          for (const job of jobs) await this.counted(() => handler(job.data));
          // pg-boss 10 waits out the rest of the polling interval after every fetch, even one that
          // found a job, which caps a worker at one job per second. Having found one, look for the
          // next at once; only an empty fetch waits the interval.
          if (jobs.length && id) this.boss.notifyWorker(id);
        });
        this.workerIds.push(id);
      }
    }
  }

  /** Tests stop the background workers and run jobs with drain(), so every step is deterministic. */
  async stopWorkers(): Promise<void> {
    for (const id of this.workerIds.splice(0)) await this.boss.offWork({ id });
  }

  /**
   * Runs a queue's job on a cron schedule in Vietnam time. pg-boss keeps schedules in the database and
   * sends each occurrence once however many processes run, so every replica may call this at start-up.
   */
  async schedule<Q extends QueueName>(name: Q, cron: string, data: JobPayloads[Q]): Promise<void> {
    await this.boss.schedule(name, cron, data, { tz: 'Asia/Ho_Chi_Minh', singletonKey: name });
  }

  async send<Q extends QueueName>(name: Q, data: JobPayloads[Q], options: SendOptions): Promise<string | null> {
    const { inTransaction, singletonKey, startAfter, expedite } = options;
    const db: PgBoss.Db | undefined = inTransaction && { executeSql: async (text: string, values: unknown[]) => ({ rows: (await inTransaction.query(text, values)) as unknown[] }) };
    const id = await this.boss.send(name, data, { singletonKey, ...(startAfter && { startAfter }), ...(db && { db }) });
    if (id || !expedite) return id;
    // pg-boss has no API to reschedule a waiting job; this is its v10 job table, state "created" only.
    await (db ?? this.boss.getDb()).executeSql(
      `UPDATE ${JOB_SCHEMA}.job SET start_after = now() WHERE name = $1 AND singleton_key = $2 AND state = 'created' AND start_after > now()`,
      [name, singletonKey],
    );
    return null;
  }

  /**
   * Runs every job that is due, in this process, until none is left and none is running here. Jobs
   * scheduled for later (backoff, Retry-After) are not due and stay queued; jobs left active by a
   * process that died are pg-boss's to expire. For tests and tools.
   */
  async drain(maxRounds = 500): Promise<number> {
    let ran = 0;
    for (let round = 0; round < maxRounds; round++) {
      let fetched = 0;
      for (const [name, handler] of this.handlers) {
        const jobs = await this.boss.fetch<JobPayloads[QueueName]>(name, { batchSize: 25 });
        fetched += jobs.length;
        await Promise.all(jobs.map((job) => this.runOne(name, handler, job)));
      }
      ran += fetched;
      if (!fetched) {
        if (!this.running) return ran;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    throw new Error(`JobQueue.drain: jobs still due after ${maxRounds} rounds`);
  }

  /** Jobs waiting or running, by queue (due or not): for tests and the health of a deployment. */
  async pending(): Promise<{ name: string; state: string; startAfter: Date; data: Record<string, unknown> }[]> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT name, state, start_after AS "startAfter", data FROM ${JOB_SCHEMA}.job
       WHERE name = ANY($1) AND state IN ('created', 'retry', 'active') ORDER BY start_after`,
      [Object.values(QueueName)],
    );
    return rows as { name: string; state: string; startAfter: Date; data: Record<string, unknown> }[];
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // Graceful: running handlers finish (their listing rows commit) before the pool closes.
    await this.boss.stop({ graceful: true, wait: true, timeout: 15_000 });
  }

  private async counted(work: () => Promise<void>): Promise<void> {
    this.running++;
    try {
      await work();
    } finally {
      this.running--;
    }
  }

  private async runOne(name: QueueName, handler: JobHandler<QueueName>, job: PgBoss.Job<JobPayloads[QueueName]>): Promise<void> {
    try {
      await this.counted(() => handler(job.data));
      await this.boss.complete(name, job.id);
    } catch (error) {
      this.logger.error(`${name} ${job.id}: ${(error as Error).message}`, (error as Error).stack);
      await this.boss.fail(name, job.id, { message: (error as Error).message });
    }
  }
}
