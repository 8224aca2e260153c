import type { EntitySchemaOrClass } from '../database/entity-type';
// Entities of this feature, registered with TypeORM in src/database/entities.ts.
export const PRODUCT_ENTITIES: EntitySchemaOrClass[] = [];
