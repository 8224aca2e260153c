// A warning travels with a successful response: the data was stored, but a person should look again.
export class WarningDto {
  /** Field the warning is about, e.g. "declaredAreaHa" or "code". */
  field!: string;
  /** Stable machine-readable kind, e.g. PLANTING_AREA_SIZE_MISMATCH. */
  code!: string;
  /** Vietnamese by default; English with Accept-Language: en or ?lang=en (like error messages). */
  message!: string;
}
