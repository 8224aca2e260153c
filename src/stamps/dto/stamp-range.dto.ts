import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NormaliseText } from '../../common/validation/validators';

export class StampRangeDto {
  /** First label number in the issuance (1-based, as printed under the serial); omit for all. */
  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  fromSeq?: number;

  /** Last label number, inclusive. */
  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  toSeq?: number;
}

export class VoidStampsDto extends StampRangeDto {
  /** Why these stamps are voided (damaged roll, lost, misprinted…). */
  @IsString() @NormaliseText() @MinLength(3) @MaxLength(500)
  reason!: string;
}
