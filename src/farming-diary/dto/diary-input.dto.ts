import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsDecimal, NormaliseText } from '../../common/validation/validators';

export class DiaryInputDto {
  /** Trade name of the fertiliser or pesticide, e.g. "Regent 800WG". */
  @IsString() @NormaliseText() @MinLength(1) @MaxLength(120)
  name!: string;

  /** Registration number of a plant-protection product (số đăng ký), if any. */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(60)
  registrationNo?: string;

  /** Active ingredient (hoạt chất), e.g. "Fipronil". */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(120)
  activeIngredient?: string;

  @IsDecimal(4) @Min(0)
  dose!: number;

  /** e.g. "ml/bình 16 lít", "kg/sào". */
  @IsString() @NormaliseText() @MinLength(1) @MaxLength(40)
  doseUnit!: string;

  /** Pre-harvest interval (thời gian cách ly) in days, from the product label. Required for sprays. */
  @IsOptional() @IsInt() @Min(0) @Max(365)
  preHarvestIntervalDays?: number;
}
