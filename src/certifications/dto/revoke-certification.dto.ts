import { IsString, MaxLength, MinLength } from 'class-validator';
import { NormaliseText } from '../../common/validation/validators';

export class RevokeCertificationDto {
  @IsString() @NormaliseText() @MinLength(5) @MaxLength(1000)
  reason!: string;
}
