// One problem of one row of an uploaded file.
export class RowErrorDto {
  /** Row number as the spreadsheet shows it: row 1 is the header, the template's example is row 2. */
  row!: number;

  /** Header of the column as in the template (Vietnamese, e.g. "Diện tích (ha)*"); null when no column holds the field. */
  column!: string | null;

  /** Field of the single-create endpoint's body, e.g. "declaredAreaHa" or "address.communeCode". */
  field!: string;

  /** What is wrong and what is expected: Vietnamese by default, English with Accept-Language: en or ?lang=en. */
  message!: string;
}
