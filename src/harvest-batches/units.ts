// UN/ECE Recommendation 20 codes people use for produce, with their weight in kg where it has one.
export const KG_PER_UNIT: Record<string, number> = { KGM: 1, TNE: 1000, GRM: 0.001, HGM: 0.1, DTN: 100 };

export const UNIT_VI: Record<string, string> = {
  KGM: 'kg',
  TNE: 'tấn',
  GRM: 'g',
  HGM: 'lạng',
  DTN: 'tạ',
  H87: 'cái',
  LTR: 'lít',
  BX: 'hộp',
  BG: 'túi',
};

/** Quantity in kg, or null when the unit is not a weight (pieces, boxes…). */
export function toKilograms(quantity: number, unit: string): number | null {
  const factor = KG_PER_UNIT[unit];
  return factor === undefined ? null : quantity * factor;
}
