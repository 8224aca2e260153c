import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Certifications1763800000500 implements MigrationInterface {
  name = 'Certifications1763800000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid NOT NULL REFERENCES cooperative (id),
        subject_type text NOT NULL CHECK (subject_type IN ('cooperative','planting_area','product')),
        subject_id uuid NOT NULL,
        scheme text NOT NULL CHECK (scheme IN ('VietGAP','GlobalGAP','organic_tcvn','organic_other','HACCP','ISO22000','other')),
        scheme_name text,
        certificate_no text NOT NULL,
        cert_body text NOT NULL,
        issued_on date NOT NULL,
        valid_until date NOT NULL CHECK (valid_until > issued_on),
        scope_text text,
        file_key text,
        file_type text,
        revoked_at timestamptz,
        revoked_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_certification_subject ON certification (subject_type, subject_id)`);
    await q.query(`CREATE INDEX idx_certification_cooperative ON certification (cooperative_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certification`);
  }
}
