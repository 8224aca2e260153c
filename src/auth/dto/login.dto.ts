import { IsString, MaxLength, MinLength } from 'class-validator';
import { NormaliseText } from '../../common/validation/validators';

export class LoginDto {
  /** Email, or Vietnamese phone number in any usual form (0912 345 678, +84912345678). */
  @IsString() @NormaliseText() @MinLength(3) @MaxLength(200)
  login!: string;

  @IsString() @MinLength(1) @MaxLength(200)
  password!: string;
}
