import type { EntitySchemaOrClass } from '../database/entity-type';
import { OcopCertification } from './ocop/ocop-certification.entity';
import { OcopReferenceGroup } from './ocop/ocop-reference-group.entity';
import { ProductImage } from './product-image.entity';
import { Product } from './product.entity';

// Entities of this feature, registered with TypeORM in src/database/entities.ts.
export const PRODUCT_ENTITIES: EntitySchemaOrClass[] = [Product, ProductImage, OcopReferenceGroup, OcopCertification];
