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
  /** Hashes of the clients over the limit, and when their minute ends. */
  private blockedUntil = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private syncing: Promise<void> = Promise.resolve();
  private failing = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly secrets: SecretBox,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sync(), SYNC_EVERY_MS);
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
    // A new minute: what is pending belongs to the old one; send it under that minute first.
    if (windowOf(now) !== this.pending.windowStart) void this.sync();
    this.pending.hits.set(client, (this.pending.hits.get(client) ?? 0) + 1);
  }

  /** Adds this process's hits to the shared totals and learns who is over the limit. */
  sync(): Promise<void> {
    this.syncing = this.syncing.then(() => this.syncOnce());
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const batch = this.pending;
    const current = windowOf(Date.now());
    this.pending = { windowStart: current, hits: new Map() };
    const clients = [...batch.hits.keys()];
    try {
      // The added rows are invisible to the statement's own snapshot of the table, hence the union.
      const over: { client_hash: string }[] = await this.db.query(
        `WITH added AS (
           INSERT INTO public_rate_window (client_hash, window_start, hits)
           SELECT h, $1, n FROM unnest($2::text[], $3::int[]) AS t(h, n)
           ON CONFLICT (window_start, client_hash) DO UPDATE SET hits = public_rate_window.hits + EXCLUDED.hits
           RETURNING client_hash, window_start, hits
         ), expired AS (
           DELETE FROM public_rate_window WHERE window_start < $4::timestamptz - interval '2 minutes'
         )
         SELECT client_hash FROM added WHERE window_start = $4 AND hits >= $5
         UNION
         SELECT client_hash FROM public_rate_window WHERE window_start = $4 AND hits >= $5`,
        [new Date(batch.windowStart), clients.map((c) => this.hashOf(c)), clients.map((c) => batch.hits.get(c)!), new Date(current), this.config.publicRateLimitPerMinute],
      );
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
