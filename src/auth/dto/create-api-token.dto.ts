import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NormaliseText } from '../../common/validation/validators';

export class CreateApiTokenDto {
  /** What the token is for, e.g. "Kết nối phần mềm kế toán". */
  @IsString() @NormaliseText() @MinLength(1) @MaxLength(100)
  name!: string;

  /** Days until the token stops working; omit for no expiry. */
  @IsOptional() @IsInt() @Min(1) @Max(3650)
  expiresInDays?: number;
}
