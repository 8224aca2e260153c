import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { bilingual } from '../../common/i18n/messages';
import { IsEmailAddress, IsVnPhone, NormaliseText } from '../../common/validation/validators';
import { Role } from '../role.enum';

export class CreateUserDto {
  /** Email used to log in (email or phone is required). */
  @ApiPropertyOptional({ format: 'email' })
  @IsOptional() @IsEmailAddress({ message: bilingual('email: địa chỉ email không hợp lệ', 'email: not a valid email address') })
  email?: string;

  /** Vietnamese phone number used to log in; stored as E.164. */
  @IsOptional() @IsVnPhone()
  phone?: string;

  @IsString() @NormaliseText() @MinLength(2) @MaxLength(120)
  fullName!: string;

  /** At least 10 characters. */
  @IsString() @MinLength(10) @MaxLength(200)
  password!: string;

  @IsEnum(Role)
  role!: Role;

  /** Required for cooperative_manager and cooperative_staff. */
  @IsOptional() @IsUUID()
  cooperativeId?: string;

  /** Required for officers: the provinces they cover (codes since July 2025). */
  @IsOptional() @IsArray() @ArrayMaxSize(34) @Type(() => Number) @IsInt({ each: true })
  provinceCodes?: number[];
}
