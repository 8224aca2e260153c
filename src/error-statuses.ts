import { AUTH_ERROR_STATUS } from './auth/auth-error-code';
import { COMMON_ERROR_STATUS } from './common/errors/common-error-code';
import { COOPERATIVE_ERROR_STATUS } from './cooperatives/cooperative-error-code';
import { MEDIA_ERROR_STATUS } from './media/media-error-code';
import { USER_ERROR_STATUS } from './users/user-error-code';

// Every module's error codes and their HTTP status, gathered for the global filter. Each map is typed
// Record<Code, number>, so a code without a status does not compile.
export const ERROR_STATUSES: Record<string, number> = {
  ...COMMON_ERROR_STATUS,
  ...AUTH_ERROR_STATUS,
  ...USER_ERROR_STATUS,
  ...COOPERATIVE_ERROR_STATUS,
  ...MEDIA_ERROR_STATUS,
};
