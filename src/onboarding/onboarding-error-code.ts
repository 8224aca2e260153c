// Error codes of bulk onboarding and their HTTP status (gathered in src/error-statuses.ts).
export enum OnboardingErrorCode {
  UNKNOWN_KIND = 'ONBOARDING_UNKNOWN_KIND',
  FILE_UNREADABLE = 'ONBOARDING_FILE_UNREADABLE',
  MISSING_COLUMNS = 'ONBOARDING_MISSING_COLUMNS',
  NO_ROWS = 'ONBOARDING_NO_ROWS',
  TOO_MANY_ROWS = 'ONBOARDING_TOO_MANY_ROWS',
  ROWS_INVALID = 'ONBOARDING_ROWS_INVALID',
  CONFLICT = 'ONBOARDING_CONFLICT',
}

// A file we cannot read, or whose shape is wrong, is bad input (400). A readable file with bad rows,
// sent to be applied, is 422: the request was understood, but its content cannot be applied as a whole.
// 409 when someone else registered the same tax code or GTIN between our checks and the insert.
export const ONBOARDING_ERROR_STATUS: Record<OnboardingErrorCode, number> = {
  ONBOARDING_UNKNOWN_KIND: 400,
  ONBOARDING_FILE_UNREADABLE: 400,
  ONBOARDING_MISSING_COLUMNS: 400,
  ONBOARDING_NO_ROWS: 400,
  ONBOARDING_TOO_MANY_ROWS: 400,
  ONBOARDING_ROWS_INVALID: 422,
  ONBOARDING_CONFLICT: 409,
};
