import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { bilingual } from '../../../common/i18n/messages';
import { IsDecimal, IsGs1Key, NormaliseText } from '../../../common/validation/validators';
import { MAX_QUANTITY } from '../../dto/create-harvest-batch.dto';
import { TraceStep } from '../trace-event.entity';

export class TracePartyDto {
  /** Name of the party, e.g. "Công ty TNHH Phân phối Nông sản Sạch". */
  @IsString() @NormaliseText() @MinLength(2) @MaxLength(200)
  name!: string;

  @IsOptional() @IsGs1Key(13, 'GLN')
  gln?: string;

  /** Where: GLN, warehouse code or address. */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(200)
  locationCode?: string;
}

export const RECORDABLE_STEPS = [TraceStep.Packing, TraceStep.Storing, TraceStep.Shipping, TraceStep.Receiving, TraceStep.Processing] as const;

export class CreateTraceEventDto {
  /** What happened. Harvest and recall events are recorded by the service itself. */
  @IsIn(RECORDABLE_STEPS)
  step!: (typeof RECORDABLE_STEPS)[number];

  /** When it happened (ISO 8601 with time zone). */
  @IsISO8601({ strict: true })
  eventTime!: string;

  /** Location tracing code (mã truy vết địa điểm): GLN, packing-house code, warehouse code… */
  @IsString() @NormaliseText() @MinLength(1) @MaxLength(200)
  locationCode!: string;

  @IsOptional() @IsString() @NormaliseText() @MaxLength(200)
  locationName?: string;

  /** One step back: who the goods came from (required for receiving). */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => TracePartyDto)
  sourceParty?: TracePartyDto;

  /** One step forward: who the goods go to (required for shipping). */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => TracePartyDto)
  destinationParty?: TracePartyDto;

  @IsOptional() @IsDecimal(3) @Min(0.001) @Max(MAX_QUANTITY)
  quantity?: number;

  @IsOptional()
  @Matches(/^[A-Z0-9]{2,3}$/, { message: bilingual('unit: mã đơn vị UN/ECE, ví dụ KGM', 'unit: a UN/ECE unit code, e.g. KGM') })
  unit?: string;

  /** Delivery note, invoice or packing list number. */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(100)
  documentNo?: string;

  @IsOptional() @IsString() @NormaliseText() @MaxLength(2000)
  notes?: string;

  /** Set when this event corrects an earlier one (which stays, as the record is append-only). */
  @IsOptional() @IsUUID()
  correctsEventId?: string;
}
