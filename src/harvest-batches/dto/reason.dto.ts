import { IsString, MaxLength, MinLength } from 'class-validator';
import { NormaliseText } from '../../common/validation/validators';

export class RecallBatchDto {
  /** Why the batch is recalled; shown to consumers who scan its stamps. */
  @IsString() @NormaliseText() @MinLength(5) @MaxLength(1000)
  reason!: string;
}
