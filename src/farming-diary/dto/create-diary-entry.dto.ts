import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { NormaliseText } from '../../common/validation/validators';
import { DiaryActivity } from '../diary-activity';
import { DiaryInputDto } from './diary-input.dto';

export class CreateDiaryEntryDto {
  @IsEnum(DiaryActivity)
  activity!: DiaryActivity;

  /** When the work was done (ISO 8601 with time zone, e.g. 2026-03-02T07:30:00+07:00). */
  @IsISO8601({ strict: true })
  occurredAt!: string;

  /** Household or member who did the work. */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(120)
  performedBy?: string;

  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => DiaryInputDto)
  inputs?: DiaryInputDto[];

  @IsOptional() @IsString() @NormaliseText() @MaxLength(2000)
  notes?: string;

  /** Set to record a correction of an earlier entry (which stays visible, marked as corrected). */
  @IsOptional() @IsUUID()
  correctsEntryId?: string;
}
