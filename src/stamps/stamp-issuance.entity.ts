import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One request for stamps of a batch: what a printing house receives as one print file. */
@Entity({ name: 'stamp_issuance' })
@Index('idx_stamp_issuance_batch', ['batchId'])
export class StampIssuance {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cooperativeId!: string;
  @Column({ type: 'uuid' }) batchId!: string;
  @Column({ type: 'uuid' }) productId!: string;
  @Column({ type: 'int' }) count!: number;
  @Column({ type: 'boolean', default: false }) withPin!: boolean;
  /** Set once the cooperative confirms printing; the sealed PINs are erased then. */
  @Column({ type: 'timestamptz', nullable: true }) printedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
