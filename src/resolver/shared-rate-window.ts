import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SecretBox } from '../common/crypto/secret-box';
import { AppConfig } from '../config/app-config';

const WINDOW_MS = 60_000;
// How often a process adds its hits to the shared counters and learns who is over the limit. A client
// spread over N replicas can overshoot the limit by at most what it sends in this interval.
const SYNC_EVERY_MS = 1_000;

interface Pending {
  windowStart: number;
  hits: Map<string, number>;
}

/**
 * The per-minute budget of each client on the public pages, shared by every replica through one small
 * UNLOGGED table. A request never waits on the database: once a second each process adds its new hits
 * to the shared totals and reads the (normally empty) list of clients over the limit this minute.
 * Clients are known to the table only by a keyed hash of their address. If PostgreSQL is away the sync
 * is skipped and each process still applies its own token bucket (PublicRateLimiter).
 */
@Injectable()
export class SharedRateWindow implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SharedRateWindow');
  private pending: Pending = { windowStart: windowOf(Date.now()), hits: new Map() };
  /** Hits of a finished minute, not yet sent. */
  private closed: Pending[] = [];
  /** Hashes of the clients over the limit, and when their minute ends. */
  private blockedUntil = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  /** The sync under way, if any: never two at once, so a slow database cannot pile them up. */
  private inFlight: Promise<void> | null = null;
  private cleanedWindow = 0;
  private failing = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly secrets: SecretBox,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // A tick while a sync is still running (a slow database) is skipped, not queued.
    this.timer = setInterval(() => void (this.inFlight ? undefined : this.sync()), SYNC_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sync();
  }

  /** When the client may come back (epoch ms) if the province-wide budget is spent, else null. */
  blocked(client: string, now = Date.now()): number | null {
    // Nobody over the limit (the normal case): no hashing on the hot path.
    if (!this.blockedUntil.size) return null;
    const until = this.blockedUntil.get(this.hashOf(client));
    return until !== undefined && until > now ? until : null;
  }

  hit(client: string, now = Date.now()): void {
    const windowStart = windowOf(now);
    // A new minute: close the old one's hits (sent under that minute by the next sync).
    if (windowStart !== this.pending.windowStart) {
      if (this.pending.hits.size) this.closed.push(this.pending);
      this.pending = { windowStart, hits: new Map() };
    }
    this.pending.hits.set(client, (this.pending.hits.get(client) ?? 0) + 1);
  }

  /** Adds this process's hits to the shared totals and learns who is over the limit. */
  async sync(): Promise<void> {
    // One at a time; a caller arriving meanwhile waits for the running one and then sends its own.
    while (this.inFlight) await this.inFlight;
    this.inFlight = this.syncAll().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async syncAll(): Promise<void> {
    const current = windowOf(Date.now());
    const batches = [...this.closed, this.pending];
    this.closed = [];
    this.pending = { windowStart: current, hits: new Map() };
    for (const batch of batches) await this.syncOnce(batch, current);
  }

  private async syncOnce(batch: Pending, current: number): Promise<void> {
    // Sorted, so that replicas upserting the same clients lock their rows in the same order (no deadlock).
    const hashed = [...batch.hits.entries()].map(([client, n]) => ({ client, n, hash: this.hashOf(client) })).sort((a, b) => (a.hash < b.hash ? -1 : 1));
    if (!hashed.length && batch.windowStart !== current) return;
    const cleanUp = this.cleanedWindow !== current;
    try {
      // The added rows are invisible to the statement's own snapshot of the table, hence the union.
      // Old minutes are deleted once per minute by each process (cheap, and any survivor does it).
      const over: { client_hash: string }[] = await this.db.query(
        `WITH added AS (
           INSERT INTO public_rate_window (client_hash, window_start, hits)
           SELECT h, $1, n FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS t(h, n, i) ORDER BY i
           ON CONFLICT (window_start, client_hash) DO UPDATE SET hits = public_rate_window.hits + EXCLUDED.hits
           RETURNING client_hash, window_start, hits
         ), expired AS (
           DELETE FROM public_rate_window WHERE $6 AND window_start < $4::timestamptz - interval '2 minutes'
         )
         SELECT client_hash FROM added WHERE window_start = $4 AND hits >= $5
         UNION
         SELECT client_hash FROM public_rate_window WHERE window_start = $4 AND hits >= $5`,
        [new Date(batch.windowStart), hashed.map((h) => h.hash), hashed.map((h) => h.n), new Date(current), this.config.publicRateLimitPerMinute, cleanUp],
      );
      if (cleanUp) this.cleanedWindow = current;
      this.blockedUntil = new Map(over.map((r) => [r.client_hash, current + WINDOW_MS]));
      if (this.failing) this.logger.log('shared rate limit: synchronised again');
      this.failing = false;
    } catch (error) {
      // Losing one second of counts is acceptable; a public page must not fail because counting did.
      if (!this.failing) this.logger.warn(`shared rate limit: sync skipped (${(error as Error).message}); each process limits on its own meanwhile`);
      this.failing = true;
    }
  }

  private hashOf(client: string): string {
    return this.secrets.hash('rate-ip', client);
  }
}

function windowOf(now: number): number {
  return now - (now % WINDOW_MS);
}
