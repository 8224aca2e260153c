import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DiaryActivity } from './diary-activity';
import type { DiaryInput } from './diary-input';

// Nhật ký canh tác. Entries are facts: editable for 24 h after recording, then only corrected by a new
// entry that references the old one (corrects_entry_id); nothing is ever deleted.
@Entity({ name: 'farming_diary_entry' })
@Index('idx_diary_area_season', ['plantingAreaId', 'seasonId', 'occurredAt'])
export class FarmingDiaryEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cooperativeId!: string;
  @Column({ type: 'uuid' }) plantingAreaId!: string;
  @Column({ type: 'uuid' }) seasonId!: string;
  @Column({ type: 'text' }) activity!: DiaryActivity;
  @Column({ type: 'timestamptz' }) occurredAt!: Date;
  /** Server time of recording; never taken from the client. */
  @Column({ type: 'timestamptz', default: () => 'now()' }) recordedAt!: Date;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  /** Who did the work in the field (household, member), as written by the recorder. */
  @Column({ type: 'text', nullable: true }) performedBy!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) inputs!: DiaryInput[];
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  /** Recorded more than DIARY_LATE_AFTER_DAYS after it happened: shown as such to consumers. */
  @Column({ type: 'boolean', default: false }) late!: boolean;
  @Column({ type: 'uuid', nullable: true }) correctsEntryId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
