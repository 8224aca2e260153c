import type { EntitySchemaOrClass } from '../database/entity-type';
import { PlantingAreaCodeStatusEvent } from './planting-area-code-status-event.entity';
import { PlantingAreaCode } from './planting-area-code.entity';
import { PlantingArea } from './planting-area.entity';
import { PlantingSeason } from './planting-season.entity';

// Entities of this feature, registered with TypeORM in src/database/entities.ts.
export const PLANTING_AREA_ENTITIES: EntitySchemaOrClass[] = [PlantingArea, PlantingSeason, PlantingAreaCode, PlantingAreaCodeStatusEvent];
