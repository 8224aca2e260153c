import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Audit1763800000100 implements MigrationInterface {
  name = 'Audit1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        cooperative_id uuid REFERENCES cooperative (id) ON DELETE RESTRICT,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        action text NOT NULL,
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        actor_role text,
        at timestamptz NOT NULL DEFAULT now(),
        before jsonb,
        after jsonb,
        reason text
      )`);
    await q.query(`CREATE INDEX idx_audit_entity ON audit_entry (entity_type, entity_id, at)`);
    await q.query(`CREATE INDEX idx_audit_cooperative ON audit_entry (cooperative_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry`);
  }
}
