import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @IsString() @MaxLength(200)
  currentPassword!: string;

  /** At least 10 characters. */
  @IsString() @MinLength(10) @MaxLength(200)
  newPassword!: string;
}
