import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { NormaliseText } from '../../common/validation/validators';

export class UpdateUserDto {
  @IsOptional() @IsString() @NormaliseText() @MinLength(2) @MaxLength(120)
  fullName?: string;

  /** false disables the account and revokes its tokens. */
  @IsOptional() @IsBoolean()
  active?: boolean;

  /** Officers only; changed by admins. */
  @IsOptional() @IsArray() @ArrayMaxSize(34) @Type(() => Number) @IsInt({ each: true })
  provinceCodes?: number[];
}
