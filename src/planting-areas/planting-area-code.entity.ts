import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Cooperative } from '../cooperatives/cooperative.entity';
import type { CodeStatus } from './code-status';
import { CodeStyle } from './planting-area-kinds';
import type { ParsedCodeParts } from './planting-area-code-format';
import { PlantingArea } from './planting-area.entity';

// A mã số vùng trồng held by an area. `code` is unique on the whole platform: two cooperatives claiming
// the same code is the ownership dispute the registry must stop, so the database refuses it.
@Entity({ name: 'planting_area_code' })
@Index('uq_planting_area_code_code', ['code'], { unique: true })
@Index('idx_planting_area_code_area', ['plantingAreaId'])
@Index('idx_planting_area_code_cooperative', ['cooperativeId'])
export class PlantingAreaCode {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) plantingAreaId!: string;
  @ManyToOne(() => PlantingArea, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'planting_area_id' })
  plantingArea?: PlantingArea;
  /** Owner, kept on the row so scoping and dispute reports need no join. */
  @Column({ type: 'uuid' }) cooperativeId!: string;
  @ManyToOne(() => Cooperative, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperative_id' })
  cooperative?: Cooperative;
  /** Normalised: trimmed, upper case; recognised styles in their canonical form. */
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) style!: CodeStyle;
  /** The parts of a recognised code (province, sequence…); null for unknown shapes. */
  @Column({ type: 'jsonb', nullable: true }) parsed!: ParsedCodeParts | null;
  /** 'domestic' or 'export:XX' (ISO 3166-1 alpha-2 of the importing market). */
  @Column({ type: 'text' }) scope!: string;
  @Column({ type: 'text' }) issuer!: string;
  @Column({ type: 'text', nullable: true }) decisionNo!: string | null;
  @Column({ type: 'date' }) issuedOn!: string;
  @Column({ type: 'date', nullable: true }) validUntil!: string | null;
  /** Status of the latest timeline event; the timeline is the record, this is a convenience copy. */
  @Column({ type: 'text' }) status!: CodeStatus;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
