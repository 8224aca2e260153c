import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Append-only record of every change to registry data: who, when, what it was before and after.
@Entity({ name: 'audit_entry' })
@Index('idx_audit_entity', ['entityType', 'entityId', 'at'])
@Index('idx_audit_cooperative', ['cooperativeId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  /** Owner of the entity: reading the audit needs the right to see this cooperative. */
  @Column({ type: 'uuid', nullable: true }) cooperativeId!: string | null;
  @Column({ type: 'text' }) entityType!: string;
  @Column({ type: 'uuid' }) entityId!: string;
  /** e.g. created, updated, status_changed, closed, recalled. */
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) actorRole!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ type: 'jsonb', nullable: true }) before!: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after!: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
}
