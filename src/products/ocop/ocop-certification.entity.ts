import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Cooperative } from '../../cooperatives/cooperative.entity';
import { Product } from '../product.entity';
import { OcopReferenceGroup } from './ocop-reference-group.entity';

export const RECOGNISING_LEVELS = ['district', 'province', 'central'] as const;
export type RecognisingLevel = (typeof RECOGNISING_LEVELS)[number];

/** Stored status; "expired" is derived when read (see effectiveStatus), so no nightly job is needed. */
export type OcopStoredStatus = 'valid' | 'expired' | 'revoked';

// One OCOP evaluation result of a product (domain.md §8.5). 3–5★ are certificates; 1–2★ are kept as
// evaluation history. The checks repeat the service's rules so that no other writer can break them.
@Entity({ name: 'ocop_certification' })
@Index('uq_ocop_certification_decision', ['productId', 'decisionNo', 'decisionDate'], { unique: true })
@Index('idx_ocop_certification_product', ['productId', 'issuedOn'])
@Index('idx_ocop_certification_cooperative', ['cooperativeId'])
@Index('idx_ocop_certification_valid_until', ['validUntil'], { where: `status = 'valid'` })
@Check('ck_ocop_certification_stars', 'stars BETWEEN 1 AND 5')
@Check(
  'ck_ocop_certification_score',
  `score >= 0 AND score <= 100 AND CASE stars WHEN 5 THEN score >= 90 WHEN 4 THEN score >= 70 AND score < 90 ` +
    `WHEN 3 THEN score >= 50 AND score < 70 WHEN 2 THEN score >= 30 AND score < 50 ELSE score < 30 END`,
)
@Check('ck_ocop_certification_level', `recognising_level IN ('district', 'province', 'central')`)
@Check('ck_ocop_certification_central', `(stars = 5) = (recognising_level = 'central')`)
@Check('ck_ocop_certification_district', `recognising_level <> 'district' OR (stars <= 3 AND decision_date < DATE '2025-07-01')`)
@Check('ck_ocop_certification_dates', 'decision_date <= issued_on')
@Check('ck_ocop_certification_valid_until', `valid_until = (issued_on + interval '36 months')::date`)
@Check('ck_ocop_certification_status', `status IN ('valid', 'expired', 'revoked')`)
@Check('ck_ocop_certification_revoked', `(status = 'revoked') = (revoked_reason IS NOT NULL)`)
export class OcopCertification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) productId!: string;
  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: Product;
  /** The product's cooperative, copied so that scoping needs no join (products never change owner). */
  @Column({ type: 'uuid' }) cooperativeId!: string;
  @ManyToOne(() => Cooperative, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperative_id' })
  cooperative?: Cooperative;
  @Column({ type: 'smallint' }) stars!: number;
  /** numeric(5,2): TypeORM hands it back as a string; mappers convert. */
  @Column({ type: 'numeric', precision: 5, scale: 2 }) score!: string;
  @Column({ type: 'text' }) groupCode!: string;
  @ManyToOne(() => OcopReferenceGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'group_code' })
  group?: OcopReferenceGroup;
  @Column({ type: 'text', nullable: true }) subgroupCode!: string | null;
  @ManyToOne(() => OcopReferenceGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subgroup_code' })
  subgroup?: OcopReferenceGroup;
  @Column({ type: 'text' }) recognisingLevel!: RecognisingLevel;
  @Column({ type: 'text' }) authority!: string;
  @Column({ type: 'text' }) decisionNo!: string;
  @Column({ type: 'date' }) decisionDate!: string;
  @Column({ type: 'text', nullable: true }) certificateNo!: string | null;
  @Column({ type: 'date' }) issuedOn!: string;
  /** Always validUntilOf(issuedOn), never taken from a request; ck_ocop_certification_valid_until holds it. */
  @Column({ type: 'date' }) validUntil!: string;
  @Column({ type: 'text', default: 'valid' }) status!: OcopStoredStatus;
  @Column({ type: 'text', nullable: true }) revokedReason!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
