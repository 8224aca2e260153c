import { DiaryActivity } from '../diary-activity';
import type { DiaryInput } from '../diary-input';
import type { FarmingDiaryEntry } from '../farming-diary-entry.entity';

export class DiaryEntryResponseDto {
  id!: string;
  plantingAreaId!: string;
  seasonId!: string;
  activity!: DiaryActivity;
  occurredAt!: Date;
  recordedAt!: Date;
  actorId!: string | null;
  performedBy!: string | null;
  inputs!: DiaryInput[];
  notes!: string | null;
  /** Recorded long after it happened. */
  late!: boolean;
  /** Editable until this time; afterwards only a correction entry can change it. */
  editableUntil!: Date;
  correctsEntryId!: string | null;
  /** The entry that corrects this one, if any. */
  correctedByEntryId!: string | null;
}

export const toDiaryEntryResponse = (e: FarmingDiaryEntry, correctedBy: string | null, editableUntil: Date): DiaryEntryResponseDto => ({
  id: e.id,
  plantingAreaId: e.plantingAreaId,
  seasonId: e.seasonId,
  activity: e.activity,
  occurredAt: e.occurredAt,
  recordedAt: e.recordedAt,
  actorId: e.actorId,
  performedBy: e.performedBy,
  inputs: e.inputs,
  notes: e.notes,
  late: e.late,
  editableUntil,
  correctsEntryId: e.correctsEntryId,
  correctedByEntryId: correctedBy,
});
