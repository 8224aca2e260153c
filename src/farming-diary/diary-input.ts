/** One input applied during a diary activity: a fertiliser, a pesticide… */
export interface DiaryInput {
  name: string;
  /** Registration number of a plant-protection product (số đăng ký). */
  registrationNo: string | null;
  activeIngredient: string | null;
  dose: number;
  doseUnit: string;
  /** Pre-harvest interval (thời gian cách ly) in days; required for sprays, never defaulted. */
  preHarvestIntervalDays: number | null;
}
