import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// A manager's decision to close a batch although a spray's pre-harvest interval had not passed
// (e.g. a lab test showed no residue). Kept forever and shown to consumers.
@Entity({ name: 'phi_override' })
@Index('uq_phi_override_batch_entry', ['batchId', 'diaryEntryId'], { unique: true })
export class PhiOverride {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) batchId!: string;
  @Column({ type: 'uuid' }) diaryEntryId!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'uuid' }) actorId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
