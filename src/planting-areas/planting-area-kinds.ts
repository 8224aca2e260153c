// Closed vocabularies of this feature. Stored as text with CHECK constraints (see the migration), so
// adding a value is a migration, not an ALTER TYPE.

/** Production standard applied on the area (tiêu chuẩn áp dụng). */
export enum PlantingStandard {
  VietGap = 'vietgap',
  GlobalGap = 'globalgap',
  Organic = 'organic',
  None = 'none',
}

/** Cây lâu năm / cây hằng năm: decides the minimum-size guidance for a planting-area code. */
export enum CropType {
  Perennial = 'perennial',
  Annual = 'annual',
}

/** How a planting-area code was written, as far as we can tell (see planting-area-code-format.ts). */
export enum CodeStyle {
  Tccs774 = 'tccs774',
  ExportOrchard = 'export_orchard',
  ExportPackingHouse = 'export_packing_house',
  Unknown = 'unknown',
}
