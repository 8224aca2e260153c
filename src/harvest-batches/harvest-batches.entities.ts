import type { EntitySchemaOrClass } from '../database/entity-type';
import { HarvestBatch } from './harvest-batch.entity';
import { PhiOverride } from './phi-override.entity';
import { TraceEvent } from './trace-events/trace-event.entity';
import { FarmingDiaryEntry } from '../farming-diary/farming-diary-entry.entity';

// Entities of harvest batches and the farming diary, registered in src/database/entities.ts.
export const HARVEST_BATCH_ENTITIES: EntitySchemaOrClass[] = [FarmingDiaryEntry, HarvestBatch, PhiOverride, TraceEvent];
