import { IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { bilingual } from '../../common/i18n/messages';
import { IsDecimal, NormaliseText } from '../../common/validation/validators';
import { IsDateOnly } from '../../common/time/date-only';

const kg = (field: string) =>
  bilingual(
    `${field}: sản lượng (kg) phải là số từ 0 trở lên, tối đa 2 chữ số thập phân`,
    `${field}: a yield (kg) is a number from 0, with at most 2 decimals`,
  );

// The per-season facts of the Hòa Bình guidance, Appendix 2: set at the start of a season, the actual
// yield at its end.
export class CreatePlantingSeasonDto {
  /** Season name, e.g. "Vụ vải 2025" or "Vụ Đông Xuân 2024–2025". */
  @IsString() @NormaliseText() @MinLength(2) @MaxLength(100)
  name!: string;

  /** First day of the season (YYYY-MM-DD). */
  @IsDateOnly()
  startDate!: string;

  /** Expected harvest window, first day (YYYY-MM-DD), not before startDate. */
  @IsDateOnly()
  expectedHarvestFrom!: string;

  /** Expected harvest window, last day (YYYY-MM-DD), not before expectedHarvestFrom. */
  @IsDateOnly()
  expectedHarvestTo!: string;

  /** Expected yield in kg (sản lượng dự kiến). */
  @IsDecimal(2, { message: kg('expectedYieldKg') })
  @Min(0, { message: kg('expectedYieldKg') }) @Max(1e11, { message: kg('expectedYieldKg') })
  expectedYieldKg!: number;

  /** Expected market (thị trường dự kiến), e.g. "Trung Quốc", "Nội địa", "EU". */
  @IsString() @NormaliseText() @MinLength(2) @MaxLength(200)
  targetMarket!: string;

  /** Actual yield in kg (sản lượng thực tế), recorded at the end of the season; recording it closes the season. */
  @IsOptional()
  @IsDecimal(2, { message: kg('actualYieldKg') })
  @Min(0, { message: kg('actualYieldKg') }) @Max(1e11, { message: kg('actualYieldKg') })
  actualYieldKg?: number | null;
}
