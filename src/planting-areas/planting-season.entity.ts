import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PlantingArea } from './planting-area.entity';

// One season / harvest cycle of an area: the Appendix 2 facts a code holder updates every season
// (expected yield, harvest window and market at the start; actual yield at the end).
@Entity({ name: 'planting_season' })
@Index('idx_planting_season_area', ['plantingAreaId', 'startDate'])
export class PlantingSeason {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) plantingAreaId!: string;
  @ManyToOne(() => PlantingArea, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'planting_area_id' })
  plantingArea?: PlantingArea;
  @Column({ type: 'text' }) name!: string;
  /** Date-only columns are read and written as 'YYYY-MM-DD' strings. */
  @Column({ type: 'date' }) startDate!: string;
  @Column({ type: 'date' }) expectedHarvestFrom!: string;
  @Column({ type: 'date' }) expectedHarvestTo!: string;
  @Column({ type: 'numeric', precision: 14, scale: 2 }) expectedYieldKg!: string;
  @Column({ type: 'text' }) targetMarket!: string;
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true }) actualYieldKg!: string | null;
  /** When the actual yield was first recorded: the season is over. */
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
