import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BatchStatus } from './batch-status';

export enum BatchFlag {
  /** Σ harvest of the area's season above expected yield × tolerance: possible code laundering. */
  OverExpectedYield = 'over_expected_yield',
}

// Lô thu hoạch. Closed batches are sealed; a correction is a new batch that supersedes the old one.
@Entity({ name: 'harvest_batch' })
@Index('idx_harvest_batch_area_season', ['plantingAreaId', 'seasonId'])
@Index('idx_harvest_batch_cooperative', ['cooperativeId', 'createdAt'])
export class HarvestBatch {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cooperativeId!: string;
  @Column({ type: 'uuid' }) productId!: string;
  @Column({ type: 'uuid' }) plantingAreaId!: string;
  @Column({ type: 'uuid' }) seasonId!: string;
  /** GS1 AI 10: ≤ 20 characters of CSET 82; unique per product among current batches. */
  @Column({ type: 'text' }) lotCode!: string;
  @Column({ type: 'date' }) harvestDateFrom!: string;
  @Column({ type: 'date', nullable: true }) harvestDateTo!: string | null;
  @Column({ type: 'numeric', precision: 14, scale: 3 }) quantity!: string;
  /** UN/ECE Rec 20 unit code, e.g. KGM. */
  @Column({ type: 'text' }) unit!: string;
  @Column({ type: 'date', nullable: true }) packDate!: string | null;
  @Column({ type: 'date', nullable: true }) expiryDate!: string | null;
  @Column({ type: 'text', default: BatchStatus.Open }) status!: BatchStatus;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) flags!: BatchFlag[];
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) closedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) recalledAt!: Date | null;
  @Column({ type: 'text', nullable: true }) recallReason!: string | null;
  @Column({ type: 'uuid', nullable: true }) correctsBatchId!: string | null;
  @Column({ type: 'uuid', nullable: true }) supersededByBatchId!: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
