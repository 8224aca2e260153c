import { AUTH_ERROR_STATUS } from './auth/auth-error-code';
import { COMMON_ERROR_STATUS } from './common/errors/common-error-code';
import { COOPERATIVE_ERROR_STATUS } from './cooperatives/cooperative-error-code';
import { FARMING_DIARY_ERROR_STATUS } from './farming-diary/farming-diary-error-code';
import { HARVEST_BATCH_ERROR_STATUS } from './harvest-batches/harvest-batch-error-code';
import { LISTING_ERROR_STATUS } from './listings/listing-error-code';
import { MARKETPLACE_ERROR_STATUS } from './marketplaces/marketplace-error-code';
import { MEDIA_ERROR_STATUS } from './media/media-error-code';
import { ONBOARDING_ERROR_STATUS } from './onboarding/onboarding-error-code';
import { PLANTING_AREA_ERROR_STATUS } from './planting-areas/planting-area-error-code';
import { PRODUCT_ERROR_STATUS } from './products/product-error-code';
import { STAMP_ERROR_STATUS } from './stamps/stamp-error-code';
import { USER_ERROR_STATUS } from './users/user-error-code';

// Every module's error codes and their HTTP status, gathered for the global filter. Each map is typed
// Record<Code, number>, so a code without a status does not compile.
export const ERROR_STATUSES: Record<string, number> = {
  ...COMMON_ERROR_STATUS,
  ...AUTH_ERROR_STATUS,
  ...USER_ERROR_STATUS,
  ...COOPERATIVE_ERROR_STATUS,
  ...MEDIA_ERROR_STATUS,
  ...MARKETPLACE_ERROR_STATUS,
  ...PLANTING_AREA_ERROR_STATUS,
  ...PRODUCT_ERROR_STATUS,
  ...FARMING_DIARY_ERROR_STATUS,
  ...HARVEST_BATCH_ERROR_STATUS,
  ...ONBOARDING_ERROR_STATUS,
  ...STAMP_ERROR_STATUS,
  ...LISTING_ERROR_STATUS,
};
