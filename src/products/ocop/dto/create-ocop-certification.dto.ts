import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { bilingual } from '../../../common/i18n/messages';
import { IsDecimal, IsSafeText, NormaliseText } from '../../../common/validation/validators';
import { IsDateOnly } from '../../../common/time/date-only';
import { RECOGNISING_LEVELS, RecognisingLevel } from '../ocop-certification.entity';

// validUntil is not a field: it is always issuedOn + 36 months (validUntilOf), never typed in.
export class CreateOcopCertificationDto {
  /** Số sao: 3–5 là sản phẩm OCOP được chứng nhận; 1–2 chỉ lưu làm lịch sử đánh giá (không có huy hiệu). */
  @IsInt()
  @Min(1, { message: bilingual('stars: số sao từ 1 đến 5', 'stars: from 1 to 5 stars') })
  @Max(5, { message: bilingual('stars: số sao từ 1 đến 5', 'stars: from 1 to 5 stars') })
  stars!: number;

  /** Điểm đánh giá (thang 100, tối đa 2 chữ số thập phân): 3 sao 50–<70, 4 sao 70–<90, 5 sao 90–100. */
  @IsDecimal(2, { message: bilingual('score: phải là số, tối đa 2 chữ số thập phân', 'score: must be a number with at most 2 decimals') })
  @Min(0, { message: bilingual('score: điểm từ 0 đến 100', 'score: from 0 to 100 points') })
  @Max(100, { message: bilingual('score: điểm từ 0 đến 100', 'score: from 0 to 100 points') })
  score!: number;

  /** Mã nhóm sản phẩm theo Quyết định 148/QĐ-TTg, "1" (thực phẩm) đến "6" (du lịch); xem GET /ocop/reference-groups. */
  @IsString() @IsSafeText() @MaxLength(20)
  groupCode!: string;

  /** Mã phân nhóm hoặc bộ sản phẩm trong nhóm, ví dụ "1.1" hoặc "1.1.a". */
  @IsOptional() @IsString() @IsSafeText() @MaxLength(20)
  subgroupCode?: string;

  /** Cấp công nhận: district (cấp huyện, chỉ với quyết định trước 01/07/2025, tối đa 3 sao), province, central (5 sao). */
  @IsIn(RECOGNISING_LEVELS, { message: bilingual('recognisingLevel: phải là district, province hoặc central', 'recognisingLevel: must be district, province or central') })
  recognisingLevel!: RecognisingLevel;

  /** Cơ quan công nhận, ví dụ "UBND tỉnh Hải Dương" hoặc "Bộ Nông nghiệp và Môi trường". */
  @IsString() @NormaliseText() @MinLength(2) @MaxLength(200)
  authority!: string;

  /** Số quyết định công nhận, ví dụ "1234/QĐ-UBND". */
  @IsString() @NormaliseText() @MinLength(1) @MaxLength(60)
  @Matches(/\d/, { message: bilingual('decisionNo: số quyết định phải có chữ số, ví dụ 1234/QĐ-UBND', 'decisionNo: a decision number contains digits, e.g. 1234/QĐ-UBND') })
  decisionNo!: string;

  /** Ngày ký quyết định (YYYY-MM-DD). */
  @IsDateOnly()
  decisionDate!: string;

  /** Số giấy chứng nhận, nếu có. */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(60)
  certificateNo?: string;

  /** Ngày cấp (YYYY-MM-DD), từ ngày quyết định đến hôm nay; mặc định là ngày quyết định. Hiệu lực 36 tháng kể từ ngày này. */
  @IsOptional() @IsDateOnly()
  issuedOn?: string;
}
