import type { MigrationInterface, QueryRunner } from 'typeorm';

// OCOP product groups of Decision 148/QĐ-TTg (Art. 1.1.a and appendix): the 6 groups, and the subgroups
// (phân nhóm) and product sets (bộ sản phẩm) of the food group as far as domain.md §3.3 retrieved them.
// The rest of the appendix goes in a later data migration, with the same legal_basis.
const LEGAL_BASIS = '148/QĐ-TTg';
const OCOP_GROUPS: [code: string, level: string, parent: string | null, nameVi: string, nameEn: string][] = [
  ['1', 'group', null, 'Thực phẩm', 'Food'],
  ['1.1', 'subgroup', '1', 'Thực phẩm tươi sống', 'Fresh food'],
  ['1.1.a', 'product_set', '1.1', 'Rau, củ, quả, hạt tươi', 'Fresh vegetables, tubers, fruits and nuts'],
  ['1.1.b', 'product_set', '1.1', 'Thịt, thủy sản, trứng, sữa tươi', 'Fresh meat, aquatic products, eggs and milk'],
  ['1.2', 'subgroup', '1', 'Thực phẩm thô, sơ chế', 'Raw and pre-processed food'],
  ['1.2.a', 'product_set', '1.2', 'Gạo, ngũ cốc, hạt khác sơ chế', 'Rice, cereals and other pre-processed grains and nuts'],
  ['1.2.b', 'product_set', '1.2', 'Mật ong, các loại siro khác, nông sản thực phẩm khác', 'Honey, other syrups and other agri-food products'],
  ['1.3', 'subgroup', '1', 'Thực phẩm chế biến', 'Processed food'],
  ['1.3.a', 'product_set', '1.3', 'Thực phẩm ăn nhanh', 'Fast food'],
  ['1.3.b', 'product_set', '1.3', 'Chế biến từ gạo, ngũ cốc', 'Processed from rice and cereals'],
  ['1.3.c', 'product_set', '1.3', 'Chế biến từ rau, quả, hạt', 'Processed from vegetables, fruits and nuts'],
  ['1.3.d', 'product_set', '1.3', 'Chế biến từ thịt, trứng, sữa, thủy sản, mật ong', 'Processed from meat, eggs, milk, aquatic products and honey'],
  ['1.4', 'subgroup', '1', 'Gia vị', 'Condiments'],
  ['2', 'group', null, 'Đồ uống', 'Beverages'],
  ['3', 'group', null, 'Dược liệu và sản phẩm từ dược liệu', 'Medicinal herbs and herbal products'],
  ['4', 'group', null, 'Thủ công mỹ nghệ', 'Handicrafts'],
  ['5', 'group', null, 'Sinh vật cảnh', 'Ornamental plants and animals'],
  ['6', 'group', null, 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch', 'Community tourism, eco-tourism services and tourist sites'],
];

export class Products1763800000300 implements MigrationInterface {
  name = 'Products1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id uuid NOT NULL REFERENCES cooperative (id) ON DELETE RESTRICT,
        name_vi text NOT NULL,
        name_en text,
        category text NOT NULL,
        unit_of_sale text NOT NULL,
        net_content numeric(12,3) NOT NULL,
        net_content_unit text NOT NULL,
        gtin char(14),
        brand text,
        description text,
        standards_applied text[] NOT NULL DEFAULT '{}',
        shelf_life_days int,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_product_net_content CHECK (net_content > 0),
        CONSTRAINT ck_product_net_content_unit CHECK (net_content_unit ~ '^[A-Z0-9]{2,3}$'),
        CONSTRAINT ck_product_gtin CHECK (gtin ~ '^[0-9]{14}$'),
        CONSTRAINT ck_product_shelf_life CHECK (shelf_life_days > 0)
      )`);
    // A GTIN names one trade item worldwide, so it is unique across cooperatives, not within one.
    await q.query(`CREATE UNIQUE INDEX uq_product_gtin ON product (gtin) WHERE gtin IS NOT NULL`);
    await q.query(`CREATE INDEX idx_product_cooperative ON product (cooperative_id)`);

    await q.query(`
      CREATE TABLE product_image (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES product (id) ON DELETE CASCADE,
        position int NOT NULL,
        version text NOT NULL,
        width int NOT NULL,
        height int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_product_image_position ON product_image (product_id, position)`);

    await q.query(`
      CREATE TABLE ocop_reference_group (
        code text PRIMARY KEY,
        level text NOT NULL,
        parent_code text REFERENCES ocop_reference_group (code) ON DELETE RESTRICT,
        name_vi text NOT NULL,
        name_en text NOT NULL,
        legal_basis text NOT NULL,
        sort_order int NOT NULL,
        CONSTRAINT ck_ocop_reference_group_level CHECK (level IN ('group', 'subgroup', 'product_set')),
        CONSTRAINT ck_ocop_reference_group_parent CHECK ((level = 'group') = (parent_code IS NULL))
      )`);
    for (const [i, [code, level, parent, nameVi, nameEn]] of OCOP_GROUPS.entries()) {
      await q.query(
        `INSERT INTO ocop_reference_group (code, level, parent_code, name_vi, name_en, legal_basis, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [code, level, parent, nameVi, nameEn, LEGAL_BASIS, (i + 1) * 10],
      );
    }

    // valid_until is issued_on + 36 months, computed by the service and held to PostgreSQL's own month
    // arithmetic by a CHECK (29 Feb + 36 months = 28 Feb). Not a generated column: TypeORM would keep a
    // typeorm_metadata table for it outside the migrations. 'expired' is derived when read; the stored
    // status only changes on revocation.
    await q.query(`
      CREATE TABLE ocop_certification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES product (id) ON DELETE RESTRICT,
        cooperative_id uuid NOT NULL REFERENCES cooperative (id) ON DELETE RESTRICT,
        stars smallint NOT NULL,
        score numeric(5,2) NOT NULL,
        group_code text NOT NULL REFERENCES ocop_reference_group (code) ON DELETE RESTRICT,
        subgroup_code text REFERENCES ocop_reference_group (code) ON DELETE RESTRICT,
        recognising_level text NOT NULL,
        authority text NOT NULL,
        decision_no text NOT NULL,
        decision_date date NOT NULL,
        certificate_no text,
        issued_on date NOT NULL,
        valid_until date NOT NULL,
        status text NOT NULL DEFAULT 'valid',
        revoked_reason text,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_ocop_certification_stars CHECK (stars BETWEEN 1 AND 5),
        CONSTRAINT ck_ocop_certification_score CHECK (score >= 0 AND score <= 100 AND CASE stars
          WHEN 5 THEN score >= 90 WHEN 4 THEN score >= 70 AND score < 90 WHEN 3 THEN score >= 50 AND score < 70
          WHEN 2 THEN score >= 30 AND score < 50 ELSE score < 30 END),
        CONSTRAINT ck_ocop_certification_level CHECK (recognising_level IN ('district', 'province', 'central')),
        CONSTRAINT ck_ocop_certification_central CHECK ((stars = 5) = (recognising_level = 'central')),
        CONSTRAINT ck_ocop_certification_district CHECK (recognising_level <> 'district' OR (stars <= 3 AND decision_date < DATE '2025-07-01')),
        CONSTRAINT ck_ocop_certification_dates CHECK (decision_date <= issued_on),
        CONSTRAINT ck_ocop_certification_valid_until CHECK (valid_until = (issued_on + interval '36 months')::date),
        CONSTRAINT ck_ocop_certification_status CHECK (status IN ('valid', 'expired', 'revoked')),
        CONSTRAINT ck_ocop_certification_revoked CHECK ((status = 'revoked') = (revoked_reason IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_ocop_certification_decision ON ocop_certification (product_id, decision_no, decision_date)`);
    await q.query(`CREATE INDEX idx_ocop_certification_product ON ocop_certification (product_id, issued_on)`);
    await q.query(`CREATE INDEX idx_ocop_certification_cooperative ON ocop_certification (cooperative_id)`);
    await q.query(`CREATE INDEX idx_ocop_certification_valid_until ON ocop_certification (valid_until) WHERE status = 'valid'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ocop_certification`);
    await q.query(`DROP TABLE ocop_reference_group`);
    await q.query(`DROP TABLE product_image`);
    await q.query(`DROP TABLE product`);
  }
}
