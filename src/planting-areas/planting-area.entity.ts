import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ConvertedFrom } from '../admin-units/address';
import { Cooperative } from '../cooperatives/cooperative.entity';
import type { Boundary } from './boundary-geometry';
import { CropType, PlantingStandard } from './planting-area-kinds';

// A vùng trồng of a cooperative. Numeric columns come back from PostgreSQL as strings (exact decimals);
// the response mappers turn them into JSON numbers.
@Entity({ name: 'planting_area' })
@Index('idx_planting_area_cooperative', ['cooperativeId'])
@Index('idx_planting_area_province', ['provinceCode'])
export class PlantingArea {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cooperativeId!: string;
  @ManyToOne(() => Cooperative, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperative_id' })
  cooperative?: Cooperative;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) crop!: string;
  @Column({ type: 'text', nullable: true }) variety!: string | null;
  @Column({ type: 'text', nullable: true }) cropType!: CropType | null;
  @Column({ type: 'numeric', precision: 10, scale: 4 }) declaredAreaHa!: string;
  @Column({ type: 'int' }) householdCount!: number;
  @Column({ type: 'int' }) provinceCode!: number;
  @Column({ type: 'int' }) communeCode!: number;
  @Column({ type: 'text', nullable: true }) street!: string | null;
  /** Set when the address was given with a pre-July-2025 commune and converted. */
  @Column({ type: 'jsonb', nullable: true }) addressConvertedFrom!: ConvertedFrom | null;
  /** GeoJSON Polygon or MultiPolygon, WGS84 [lon, lat], as checked by checkBoundary. */
  @Column({ type: 'jsonb', nullable: true }) boundary!: Boundary | null;
  /** Area of `boundary` on the sphere, in hectares; null without a boundary. */
  @Column({ type: 'numeric', precision: 12, scale: 4, nullable: true }) computedAreaHa!: string | null;
  @Column({ type: 'text', default: PlantingStandard.None }) standard!: PlantingStandard;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
