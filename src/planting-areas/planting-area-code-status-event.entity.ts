import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import type { CodeStatus } from './code-status';
import { PlantingAreaCode } from './planting-area-code.entity';

// Append-only status timeline of a code (a trigger refuses UPDATE and DELETE). What a code's status was
// on a given harvest date is read from here, so history must never be rewritten.
@Entity({ name: 'planting_area_code_status_event' })
@Index('idx_planting_area_code_event_code', ['codeId', 'effectiveFrom', 'id'])
export class PlantingAreaCodeStatusEvent {
  /** Increasing: orders events that take effect on the same day. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) codeId!: string;
  @ManyToOne(() => PlantingAreaCode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'code_id' })
  plantingAreaCode?: PlantingAreaCode;
  @Column({ type: 'text' }) status!: CodeStatus;
  @Column({ type: 'date' }) effectiveFrom!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;
  @Column({ type: 'text', nullable: true }) actorRole!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) recordedAt!: Date;
}
