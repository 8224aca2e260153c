import type { MigrationInterface, QueryRunner } from 'typeorm';

// Planting areas, their seasons, their codes and the codes' status timeline. Closed vocabularies are
// text + CHECK rather than enum types, so a new standard or status is one constraint swap.
export class PlantingAreas1763800000200 implements MigrationInterface {
  name = 'PlantingAreas1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE planting_area (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid NOT NULL REFERENCES cooperative (id) ON DELETE RESTRICT,
        name text NOT NULL,
        crop text NOT NULL,
        variety text,
        crop_type text CONSTRAINT ck_planting_area_crop_type CHECK (crop_type IN ('perennial', 'annual')),
        declared_area_ha numeric(10,4) NOT NULL CONSTRAINT ck_planting_area_declared_area CHECK (declared_area_ha > 0),
        household_count int NOT NULL CONSTRAINT ck_planting_area_household_count CHECK (household_count >= 1),
        province_code int NOT NULL,
        commune_code int NOT NULL,
        street text,
        address_converted_from jsonb,
        boundary jsonb,
        computed_area_ha numeric(12,4),
        standard text NOT NULL DEFAULT 'none'
          CONSTRAINT ck_planting_area_standard CHECK (standard IN ('vietgap', 'globalgap', 'organic', 'none')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_planting_area_boundary CHECK ((boundary IS NULL) = (computed_area_ha IS NULL))
      )`);
    await q.query(`CREATE INDEX idx_planting_area_cooperative ON planting_area (cooperative_id)`);
    await q.query(`CREATE INDEX idx_planting_area_province ON planting_area (province_code)`);

    await q.query(`
      CREATE TABLE planting_season (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        planting_area_id uuid NOT NULL REFERENCES planting_area (id) ON DELETE RESTRICT,
        name text NOT NULL,
        start_date date NOT NULL,
        expected_harvest_from date NOT NULL,
        expected_harvest_to date NOT NULL,
        expected_yield_kg numeric(14,2) NOT NULL CONSTRAINT ck_planting_season_expected_yield CHECK (expected_yield_kg >= 0),
        target_market text NOT NULL,
        actual_yield_kg numeric(14,2) CONSTRAINT ck_planting_season_actual_yield CHECK (actual_yield_kg >= 0),
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_planting_season_dates CHECK (start_date <= expected_harvest_from AND expected_harvest_from <= expected_harvest_to)
      )`);
    await q.query(`CREATE INDEX idx_planting_season_area ON planting_season (planting_area_id, start_date)`);

    await q.query(`
      CREATE TABLE planting_area_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        planting_area_id uuid NOT NULL REFERENCES planting_area (id) ON DELETE RESTRICT,
        cooperative_id uuid NOT NULL REFERENCES cooperative (id) ON DELETE RESTRICT,
        code text NOT NULL,
        style text NOT NULL
          CONSTRAINT ck_planting_area_code_style CHECK (style IN ('tccs774', 'export_orchard', 'export_packing_house', 'unknown')),
        parsed jsonb,
        scope text NOT NULL CONSTRAINT ck_planting_area_code_scope CHECK (scope = 'domestic' OR scope ~ '^export:[A-Z]{2}$'),
        issuer text NOT NULL,
        decision_no text,
        issued_on date NOT NULL,
        valid_until date,
        status text NOT NULL
          CONSTRAINT ck_planting_area_code_status CHECK (status IN ('pending', 'active', 'suspended', 'revoked', 'expired')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_planting_area_code_validity CHECK (valid_until IS NULL OR valid_until > issued_on)
      )`);
    // One holder per code on the whole platform: the answer to code-ownership disputes.
    await q.query(`CREATE UNIQUE INDEX uq_planting_area_code_code ON planting_area_code (code)`);
    await q.query(`CREATE INDEX idx_planting_area_code_area ON planting_area_code (planting_area_id)`);
    await q.query(`CREATE INDEX idx_planting_area_code_cooperative ON planting_area_code (cooperative_id)`);

    await q.query(`
      CREATE TABLE planting_area_code_status_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code_id uuid NOT NULL REFERENCES planting_area_code (id) ON DELETE RESTRICT,
        status text NOT NULL
          CONSTRAINT ck_planting_area_code_event_status CHECK (status IN ('pending', 'active', 'suspended', 'revoked', 'expired')),
        effective_from date NOT NULL,
        reason text NOT NULL CONSTRAINT ck_planting_area_code_event_reason CHECK (length(btrim(reason)) > 0),
        actor_id uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        actor_role text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_planting_area_code_event_code ON planting_area_code_status_event (code_id, effective_from, id)`);
    // What a code was on a past harvest date is evidence; the database itself refuses to rewrite it.
    await q.query(`
      CREATE FUNCTION planting_area_code_status_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'planting_area_code_status_event is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_planting_area_code_status_event_append_only
      BEFORE UPDATE OR DELETE ON planting_area_code_status_event
      FOR EACH ROW EXECUTE FUNCTION planting_area_code_status_event_append_only()`);
    await q.query(`
      CREATE TRIGGER trg_planting_area_code_status_event_no_truncate
      BEFORE TRUNCATE ON planting_area_code_status_event
      FOR EACH STATEMENT EXECUTE FUNCTION planting_area_code_status_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE planting_area_code_status_event`);
    await q.query(`DROP FUNCTION planting_area_code_status_event_append_only()`);
    await q.query(`DROP TABLE planting_area_code`);
    await q.query(`DROP TABLE planting_season`);
    await q.query(`DROP TABLE planting_area`);
  }
}
