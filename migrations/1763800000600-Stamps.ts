import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Stamps1763800000600 implements MigrationInterface {
  name = 'Stamps1763800000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stamp_issuance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid NOT NULL REFERENCES cooperative (id),
        batch_id uuid NOT NULL REFERENCES harvest_batch (id),
        product_id uuid NOT NULL REFERENCES product (id),
        count int NOT NULL CHECK (count BETWEEN 1 AND 100000),
        with_pin boolean NOT NULL DEFAULT false,
        printed_at timestamptz,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_stamp_issuance_batch ON stamp_issuance (batch_id)`);
    // No foreign keys on stamp: 100,000-row issues stay one fast INSERT … SELECT unnest, and the
    // issuance row (same transaction) already vouches for batch and cooperative.
    await q.query(`
      CREATE TABLE stamp (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        issuance_id uuid NOT NULL,
        batch_id uuid NOT NULL,
        cooperative_id uuid NOT NULL,
        seq int NOT NULL,
        serial text NOT NULL,
        gtin char(14),
        pin_hash text,
        pin_sealed text,
        status text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued','activated','voided','recalled')),
        status_changed_at timestamptz,
        status_reason text,
        activated_at timestamptz,
        scan_count int NOT NULL DEFAULT 0,
        first_scan_at timestamptz,
        first_scan_province int,
        last_scan_at timestamptz,
        last_scan_province int,
        prev_scan_at timestamptz,
        prev_scan_province int,
        pin_verifications int NOT NULL DEFAULT 0,
        pin_first_verified_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_stamp_serial ON stamp (serial)`);
    await q.query(`CREATE INDEX idx_stamp_issuance_seq ON stamp (issuance_id, seq)`);
    await q.query(`CREATE INDEX idx_stamp_batch ON stamp (batch_id)`);
    await q.query(`
      CREATE TABLE scan_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stamp_id bigint,
        batch_id uuid,
        cooperative_id uuid,
        serial text NOT NULL,
        scanned_at timestamptz NOT NULL,
        ip_hash text NOT NULL,
        user_agent text,
        province_code int,
        result text NOT NULL
      )`);
    await q.query(`CREATE INDEX idx_scan_event_stamp ON scan_event (stamp_id, scanned_at)`);
    await q.query(`CREATE INDEX idx_scan_event_cooperative ON scan_event (cooperative_id, scanned_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scan_event`);
    await q.query(`DROP TABLE stamp`);
    await q.query(`DROP TABLE stamp_issuance`);
  }
}
