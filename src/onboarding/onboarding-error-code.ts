// Error codes of bulk onboarding and their HTTP status (gathered in src/error-statuses.ts).
export const ONBOARDING_ERROR_STATUS: Record<string, number> = {};
