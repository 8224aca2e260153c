import type { MigrationInterface, QueryRunner } from 'typeorm';

// Vietnamese letters and their unaccented forms, for diacritic-insensitive name search without the
// unaccent extension (which a managed PostgreSQL may not offer).
const VI_FROM =
  'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ';
const VI_TO =
  'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION nguon_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT lower(translate($1, '${VI_FROM}', '${VI_TO}')) $$`);
    await q.query(`
      CREATE TABLE cooperative (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        short_name text,
        tax_code text,
        business_registration_no text,
        province_code int NOT NULL,
        commune_code int NOT NULL,
        street text,
        address_converted_from jsonb,
        phone text,
        email text,
        legal_representative text,
        gs1_company_prefix text,
        gln text,
        logo_version text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_cooperative_tax_code ON cooperative (tax_code) WHERE tax_code IS NOT NULL`);
    await q.query(`CREATE INDEX idx_cooperative_province ON cooperative (province_code)`);
    await q.query(`CREATE INDEX idx_cooperative_name_fold ON cooperative (nguon_fold(name) text_pattern_ops)`);
    await q.query(`CREATE TYPE user_role AS ENUM ('admin', 'officer', 'cooperative_manager', 'cooperative_staff')`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text,
        phone text,
        full_name text NOT NULL,
        password_hash text NOT NULL,
        role user_role NOT NULL,
        cooperative_id uuid REFERENCES cooperative (id) ON DELETE RESTRICT,
        province_codes int[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        token_version int NOT NULL DEFAULT 0,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_app_user_login CHECK (email IS NOT NULL OR phone IS NOT NULL),
        CONSTRAINT ck_app_user_scope CHECK ((role IN ('cooperative_manager','cooperative_staff')) = (cooperative_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_app_user_email ON app_user (email) WHERE email IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_app_user_phone ON app_user (phone) WHERE phone IS NOT NULL`);
    await q.query(`CREATE INDEX idx_app_user_cooperative ON app_user (cooperative_id)`);
    await q.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        name text NOT NULL,
        token_hash text NOT NULL,
        prefix text NOT NULL,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_api_token_hash ON api_token (token_hash)`);
    await q.query(`CREATE INDEX idx_api_token_user ON api_token (user_id)`);
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures int NOT NULL DEFAULT 0,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DROP TABLE api_token`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TYPE user_role`);
    await q.query(`DROP TABLE cooperative`);
    await q.query(`DROP FUNCTION nguon_fold(text)`);
  }
}
