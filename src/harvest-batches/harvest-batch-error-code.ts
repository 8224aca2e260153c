// Error codes of this feature and their HTTP status (gathered in src/error-statuses.ts).
export const HARVEST_BATCH_ERROR_STATUS: Record<string, number> = {};
