import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hits per client per minute on the public pages, summed over every replica, so that N processes
// enforce one PUBLIC_RATE_LIMIT_PER_MINUTE rather than N of them. UNLOGGED: counters of the current
// minute are worth no WAL and may vanish in a crash. Clients are keyed by an HMAC of their address.
export class PublicRateWindow1763800000900 implements MigrationInterface {
  name = 'PublicRateWindow1763800000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE public_rate_window (
        client_hash text NOT NULL,
        window_start timestamptz NOT NULL,
        hits int NOT NULL,
        PRIMARY KEY (window_start, client_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE public_rate_window`);
  }
}
