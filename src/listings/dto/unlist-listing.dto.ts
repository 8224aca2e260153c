import { IsString, MaxLength, MinLength } from 'class-validator';
import { NormaliseText } from '../../common/validation/validators';

export class UnlistListingDto {
  /** Why it comes down, kept on the listing and in the audit log. */
  @IsString() @NormaliseText() @MinLength(3) @MaxLength(500)
  reason!: string;
}
