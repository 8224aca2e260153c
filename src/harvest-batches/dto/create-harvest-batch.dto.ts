import { IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { bilingual } from '../../common/i18n/messages';
import { IsDateOnly } from '../../common/time/date-only';
import { IsDecimal, NormaliseText } from '../../common/validation/validators';
import { IsLotCode } from '../lot-code.validator';

/** Largest quantity the numeric(14,3) columns of batches and trace events hold. */
export const MAX_QUANTITY = 99_999_999_999.999;

export class CreateHarvestBatchDto {
  @IsUUID()
  productId!: string;

  @IsUUID()
  plantingAreaId!: string;

  @IsUUID()
  seasonId!: string;

  /** Số lô, printed on the pack: ≤ 20 characters, unaccented letters, digits and !"%&'()*+,-./:;<=>?_ (GS1 AI 10). */
  @IsLotCode()
  lotCode!: string;

  /** First (or only) harvest day, YYYY-MM-DD; not in the future. */
  @IsDateOnly()
  harvestDateFrom!: string;

  /** Last harvest day when the lot spans several days. */
  @IsOptional() @IsDateOnly()
  harvestDateTo?: string;

  /** Up to 99,999,999,999.999 (the numeric(14,3) column). */
  @IsDecimal(3) @Min(0.001) @Max(MAX_QUANTITY)
  quantity!: number;

  /** UN/ECE Rec 20 unit code: KGM (kg), TNE (tấn), H87 (cái/quả)… */
  @Matches(/^[A-Z0-9]{2,3}$/, { message: bilingual('unit: mã đơn vị UN/ECE gồm 2–3 chữ in hoa hoặc số, ví dụ KGM', 'unit: a UN/ECE unit code of 2–3 capitals or digits, e.g. KGM') })
  unit!: string;

  /** Ngày đóng gói (GS1 AI 13). */
  @IsOptional() @IsDateOnly()
  packDate?: string;

  /** Hạn sử dụng (GS1 AI 17); not before the pack date. */
  @IsOptional() @IsDateOnly()
  expiryDate?: string;

  @IsOptional() @IsString() @NormaliseText() @MaxLength(2000)
  notes?: string;

  /** Set to record a corrected version of a closed batch; the old batch stays, marked as superseded. */
  @IsOptional() @IsUUID()
  correctsBatchId?: string;
}
