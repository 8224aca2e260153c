import type { MigrationInterface, QueryRunner } from 'typeorm';

// Marketplace accounts, listings (one binding row per account × product) and bulk publishing. The job
// queue itself (pg-boss) installs and migrates its own schema "pgboss" when the service starts.
export class Marketplaces1763800000700 implements MigrationInterface {
  name = 'Marketplaces1763800000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE marketplace_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid NOT NULL REFERENCES cooperative (id),
        marketplace text NOT NULL CHECK (marketplace IN ('postmart','voso')),
        mode text NOT NULL CHECK (mode IN ('partner_api','assisted')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','needs_reauth','disabled')),
        status_reason text,
        base_url text,
        username_hint text,
        credentials_sealed text,
        paused_until timestamptz,
        pause_reason text,
        next_slot_at timestamptz,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_marketplace_account_credentials CHECK (mode = 'assisted' OR (credentials_sealed IS NOT NULL AND base_url IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_marketplace_account_coop ON marketplace_account (cooperative_id, marketplace)`);
    await q.query(`
      CREATE TABLE listing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES marketplace_account (id),
        product_id uuid NOT NULL REFERENCES product (id),
        cooperative_id uuid NOT NULL REFERENCES cooperative (id),
        marketplace text NOT NULL,
        seller_sku text NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','queued','submitting','reconciling','awaiting_manual_action',
          'pending_review','live','rejected','failed','unlist_requested','unlisted')),
        status_reason text,
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        errors jsonb,
        external_id text,
        external_url text,
        desired_price_vnd bigint NOT NULL CHECK (desired_price_vnd > 0),
        desired_stock int NOT NULL CHECK (desired_stock >= 0),
        desired_version int NOT NULL DEFAULT 1,
        acked_price_vnd bigint,
        acked_stock int,
        acked_version int NOT NULL DEFAULT 0,
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        poll_count int NOT NULL DEFAULT 0,
        lease_owner uuid,
        lease_until timestamptz,
        unlist_reason text,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The authoritative dedup: whatever the queue does, one account never holds two rows for a product
    // or for a seller SKU.
    await q.query(`CREATE UNIQUE INDEX uq_listing_account_product ON listing (account_id, product_id)`);
    await q.query(`CREATE UNIQUE INDEX uq_listing_account_sku ON listing (account_id, seller_sku)`);
    await q.query(`CREATE INDEX idx_listing_product ON listing (product_id)`);
    await q.query(`CREATE INDEX idx_listing_account_status ON listing (account_id, status)`);
    await q.query(`CREATE INDEX idx_listing_cooperative_status ON listing (cooperative_id, status)`);
    await q.query(`
      CREATE TABLE bulk_publish (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        actor jsonb NOT NULL,
        source text NOT NULL CHECK (source IN ('json','xlsx','csv')),
        total int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expanded_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE bulk_publish_item (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        bulk_id uuid NOT NULL REFERENCES bulk_publish (id) ON DELETE CASCADE,
        position int NOT NULL,
        source_row int,
        product_id uuid NOT NULL,
        marketplace text NOT NULL,
        price_vnd bigint NOT NULL,
        stock int NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','invalid','linked')),
        errors jsonb,
        listing_id uuid REFERENCES listing (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_bulk_publish_item_position ON bulk_publish_item (bulk_id, position)`);
    await q.query(`CREATE INDEX idx_bulk_publish_item_listing ON bulk_publish_item (listing_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bulk_publish_item`);
    await q.query(`DROP TABLE bulk_publish`);
    await q.query(`DROP TABLE listing`);
    await q.query(`DROP TABLE marketplace_account`);
  }
}
