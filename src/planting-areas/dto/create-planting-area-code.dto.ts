import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsSafeText, NormaliseText } from '../../common/validation/validators';
import { IsCodeScope, normaliseScope } from '../code-scope';
import { IsDateOnly } from '../../common/time/date-only';

export class CreatePlantingAreaCodeDto {
  /**
   * The code as on the issuing decision, e.g. "VN-66-650-24370-94-21" (TCCS 774), "VN-DTOR-0017" (export
   * orchard), "VNDTPH-0001" (packing house). Trimmed and upper-cased; recognised styles are stored in one
   * canonical spelling; other shapes are stored as given with a warning. Unique on the whole platform.
   */
  @IsString() @IsSafeText() @MinLength(3) @MaxLength(60)
  code!: string;

  /** "domestic", or "export:" + the importing market's ISO 3166-1 alpha-2 code (e.g. export:CN; export:EU). */
  @Transform(({ value }) => (typeof value === 'string' ? normaliseScope(value) : value))
  @IsCodeScope()
  scope!: string;

  /** Issuing body, e.g. "Cục Bảo vệ thực vật", "Chi cục Trồng trọt và Bảo vệ thực vật Hải Dương", "GACC". */
  @IsString() @NormaliseText() @MinLength(2) @MaxLength(200)
  issuer!: string;

  /** Number of the issuing decision, e.g. "123/QĐ-BVTV-KD". */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(100)
  decisionNo?: string;

  /** Issue date (YYYY-MM-DD), not in the future. */
  @IsDateOnly()
  issuedOn!: string;

  /** Last day of validity (YYYY-MM-DD), after issuedOn; omit when the decision sets no end. */
  @IsOptional() @IsDateOnly()
  validUntil?: string;
}
