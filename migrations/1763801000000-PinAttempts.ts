import type { MigrationInterface, QueryRunner } from 'typeorm';

// Wrong scratch-off PINs per stamp: after 5 in a row the stamp's PIN check pauses for 15 minutes, so a
// counterfeiter holding one real serial cannot try the 10^8 PINs from many addresses.
export class PinAttempts1763801000000 implements MigrationInterface {
  name = 'PinAttempts1763801000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stamp ADD COLUMN pin_failures int NOT NULL DEFAULT 0, ADD COLUMN pin_locked_until timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stamp DROP COLUMN pin_failures, DROP COLUMN pin_locked_until`);
  }
}
