import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ConvertedFrom } from '../admin-units/address';

@Entity({ name: 'cooperative' })
@Index('uq_cooperative_tax_code', ['taxCode'], { unique: true, where: 'tax_code IS NOT NULL' })
@Index('idx_cooperative_province', ['provinceCode'])
export class Cooperative {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) shortName!: string | null;
  @Column({ type: 'text', nullable: true }) taxCode!: string | null;
  @Column({ type: 'text', nullable: true }) businessRegistrationNo!: string | null;
  @Column({ type: 'int' }) provinceCode!: number;
  @Column({ type: 'int' }) communeCode!: number;
  @Column({ type: 'text', nullable: true }) street!: string | null;
  /** Set when the address was given with a pre-July-2025 commune and converted. */
  @Column({ type: 'jsonb', nullable: true }) addressConvertedFrom!: ConvertedFrom | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) legalRepresentative!: string | null;
  @Column({ type: 'text', nullable: true }) gs1CompanyPrefix!: string | null;
  @Column({ type: 'text', nullable: true }) gln!: string | null;
  /** Version stamp of the current logo files; null when there is no logo. */
  @Column({ type: 'text', nullable: true }) logoVersion!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
