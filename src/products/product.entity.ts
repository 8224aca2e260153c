import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Cooperative } from '../cooperatives/cooperative.entity';

// A trade item a cooperative sells (domain.md §8.6), e.g. "Nước mắm cốt", hộp 5 KGM.
@Entity({ name: 'product' })
@Index('uq_product_gtin', ['gtin'], { unique: true, where: 'gtin IS NOT NULL' })
@Index('idx_product_cooperative', ['cooperativeId'])
@Check('ck_product_net_content', 'net_content > 0')
@Check('ck_product_net_content_unit', `net_content_unit ~ '^[A-Z0-9]{2,3}$'`)
@Check('ck_product_gtin', `gtin ~ '^[0-9]{14}$'`)
@Check('ck_product_shelf_life', 'shelf_life_days > 0')
export class Product {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cooperativeId!: string;
  @ManyToOne(() => Cooperative, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperative_id' })
  cooperative?: Cooperative;
  @Column({ type: 'text' }) nameVi!: string;
  @Column({ type: 'text', nullable: true }) nameEn!: string | null;
  @Column({ type: 'text' }) category!: string;
  /** Đơn vị bán: hộp, chai, túi… */
  @Column({ type: 'text' }) unitOfSale!: string;
  /** numeric: TypeORM hands it back as a string; mappers convert. */
  @Column({ type: 'numeric', precision: 12, scale: 3 }) netContent!: string;
  /** UN/ECE Recommendation 20 code: KGM, GRM, LTR, MLT, H87 (piece)… */
  @Column({ type: 'text' }) netContentUnit!: string;
  /** GTIN-14 (shorter GTINs zero-padded). */
  @Column({ type: 'char', length: 14, nullable: true }) gtin!: string | null;
  @Column({ type: 'text', nullable: true }) brand!: string | null;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) standardsApplied!: string[];
  @Column({ type: 'int', nullable: true }) shelfLifeDays!: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
