export enum PlantingAreaErrorCode {
  CODE_TAKEN = 'PLANTING_AREA_CODE_TAKEN',
  CODE_ILLEGAL_TRANSITION = 'PLANTING_AREA_CODE_ILLEGAL_TRANSITION',
  CODE_STATUS_OFFICER_ONLY = 'PLANTING_AREA_CODE_STATUS_OFFICER_ONLY',
}

// Error codes of this feature and their HTTP status (gathered in src/error-statuses.ts). An illegal
// status move conflicts with the code's current state, hence 409 rather than 400.
export const PLANTING_AREA_ERROR_STATUS: Record<PlantingAreaErrorCode, number> = {
  PLANTING_AREA_CODE_TAKEN: 409,
  PLANTING_AREA_CODE_ILLEGAL_TRANSITION: 409,
  PLANTING_AREA_CODE_STATUS_OFFICER_ONLY: 403,
};
