import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { NormaliseText } from '../../common/validation/validators';

export class CreatePhiOverrideDto {
  /** The spraying entry whose pre-harvest interval had not passed. */
  @IsUUID()
  diaryEntryId!: string;

  /** Why harvesting was still safe (e.g. residue test number); shown on the origin page. */
  @IsString() @NormaliseText() @MinLength(10) @MaxLength(1000)
  reason!: string;
}
