import { AuditEntry } from '../audit/audit-entry.entity';
import { Certification } from '../certifications/certification.entity';
import { ApiToken } from '../auth/api-token.entity';
import { LoginThrottle } from '../auth/login-throttle.entity';
import { Cooperative } from '../cooperatives/cooperative.entity';
import { HARVEST_BATCH_ENTITIES } from '../harvest-batches/harvest-batches.entities';
import { LISTING_ENTITIES } from '../listings/listings.entities';
import { PLANTING_AREA_ENTITIES } from '../planting-areas/planting-areas.entities';
import { PRODUCT_ENTITIES } from '../products/products.entities';
import { ScanEvent } from '../stamps/scan-event.entity';
import { Stamp } from '../stamps/stamp.entity';
import { StampIssuance } from '../stamps/stamp-issuance.entity';
import { User } from '../users/user.entity';

// Every entity, listed explicitly so the app, the migration CLI and the tests see the same set.
export const ENTITIES = [
  Cooperative,
  User,
  ApiToken,
  LoginThrottle,
  AuditEntry,
  ...PLANTING_AREA_ENTITIES,
  ...PRODUCT_ENTITIES,
  ...HARVEST_BATCH_ENTITIES,
  Certification,
  StampIssuance,
  Stamp,
  ScanEvent,
  ...LISTING_ENTITIES,
];
