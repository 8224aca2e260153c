import type { EntitySchema } from 'typeorm';

// What TypeORM accepts in its entity list.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntitySchemaOrClass = Function | EntitySchema;
