import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HarvestBatches1763800000400 implements MigrationInterface {
  name = 'HarvestBatches1763800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE farming_diary_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid NOT NULL REFERENCES cooperative (id),
        planting_area_id uuid NOT NULL REFERENCES planting_area (id),
        season_id uuid NOT NULL REFERENCES planting_season (id),
        activity text NOT NULL CHECK (activity IN ('sowing','fertilising','spraying','irrigating','pruning','harvesting','other')),
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        performed_by text,
        inputs jsonb NOT NULL DEFAULT '[]',
        notes text,
        late boolean NOT NULL DEFAULT false,
        corrects_entry_id uuid REFERENCES farming_diary_entry (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_diary_area_season ON farming_diary_entry (planting_area_id, season_id, occurred_at)`);
    // One correction per entry: a chain of corrections stays linear.
    await q.query(`CREATE UNIQUE INDEX uq_diary_corrects ON farming_diary_entry (corrects_entry_id) WHERE corrects_entry_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE harvest_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid NOT NULL REFERENCES cooperative (id),
        product_id uuid NOT NULL REFERENCES product (id),
        planting_area_id uuid NOT NULL REFERENCES planting_area (id),
        season_id uuid NOT NULL REFERENCES planting_season (id),
        lot_code text NOT NULL CHECK (lot_code ~ '^[!"%&''()*+,./0-9:;<=>?A-Z_a-z-]{1,20}$'),
        harvest_date_from date NOT NULL,
        harvest_date_to date CHECK (harvest_date_to >= harvest_date_from),
        quantity numeric(14,3) NOT NULL CHECK (quantity > 0),
        unit text NOT NULL,
        pack_date date,
        expiry_date date CHECK (expiry_date >= coalesce(pack_date, harvest_date_from)),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed','recalled')),
        flags text[] NOT NULL DEFAULT '{}',
        notes text,
        closed_at timestamptz,
        closed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        recalled_at timestamptz,
        recall_reason text,
        corrects_batch_id uuid REFERENCES harvest_batch (id),
        superseded_by_batch_id uuid,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A lot code names one current batch of a product; superseded (corrected) batches keep theirs.
    await q.query(`CREATE UNIQUE INDEX uq_harvest_batch_product_lot ON harvest_batch (product_id, lot_code) WHERE superseded_by_batch_id IS NULL`);
    await q.query(`CREATE INDEX idx_harvest_batch_area_season ON harvest_batch (planting_area_id, season_id)`);
    await q.query(`CREATE INDEX idx_harvest_batch_cooperative ON harvest_batch (cooperative_id, created_at)`);
    await q.query(`
      CREATE TABLE phi_override (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL REFERENCES harvest_batch (id),
        diary_entry_id uuid NOT NULL REFERENCES farming_diary_entry (id),
        reason text NOT NULL CHECK (length(trim(reason)) > 0),
        actor_id uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_phi_override_batch_entry ON phi_override (batch_id, diary_entry_id)`);
    await q.query(`
      CREATE TABLE trace_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid NOT NULL REFERENCES cooperative (id),
        batch_id uuid NOT NULL REFERENCES harvest_batch (id),
        step text NOT NULL,
        event_type text NOT NULL,
        action text NOT NULL,
        biz_step text NOT NULL,
        disposition text NOT NULL,
        event_time timestamptz NOT NULL,
        event_time_zone_offset text NOT NULL DEFAULT '+07:00',
        record_time timestamptz NOT NULL DEFAULT now(),
        product_tracing_code text NOT NULL,
        location_code text NOT NULL,
        location_name text,
        source_party jsonb,
        destination_party jsonb,
        quantity numeric(14,3),
        unit text,
        document_no text,
        ilmd jsonb,
        notes text,
        corrects_event_id uuid REFERENCES trace_event (id),
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX idx_trace_event_batch ON trace_event (batch_id, event_time)`);
    // Traceability facts and their audit trail are append-only, whatever code or person connects.
    await q.query(`
      CREATE FUNCTION nguon_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER trace_event_append_only BEFORE UPDATE OR DELETE ON trace_event FOR EACH ROW EXECUTE FUNCTION nguon_append_only()`);
    await q.query(`CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION nguon_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_entry_append_only ON audit_entry`);
    await q.query(`DROP TABLE trace_event`);
    await q.query(`DROP FUNCTION nguon_append_only()`);
    await q.query(`DROP TABLE phi_override`);
    await q.query(`DROP TABLE harvest_batch`);
    await q.query(`DROP TABLE farming_diary_entry`);
  }
}
