import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { bilingual } from '../../common/i18n/messages';
import { IsDecimal, NormaliseText } from '../../common/validation/validators';
import { IsGtin, NormaliseTextList, UpperCaseCode } from '../product-validators';

export class CreateProductDto {
  /** Tên sản phẩm tiếng Việt, ví dụ "Vải thiều Thanh Hà sấy khô". */
  @IsString() @NormaliseText() @MinLength(2) @MaxLength(200)
  nameVi!: string;

  /** English name, e.g. "Dried Thanh Hà lychee". */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(200)
  nameEn?: string;

  /** Loại sản phẩm, ví dụ "Trái cây sấy", "Gạo", "Nước mắm". */
  @IsString() @NormaliseText() @MinLength(2) @MaxLength(100)
  category!: string;

  /** Đơn vị bán (quy cách đóng gói): hộp, chai, túi, bao… */
  @IsString() @NormaliseText() @MinLength(1) @MaxLength(30)
  unitOfSale!: string;

  /** Khối lượng/thể tích tịnh của một đơn vị bán, ví dụ 5 (kg) cho "hộp 5 kg"; tối đa 3 chữ số thập phân. */
  @IsDecimal(3, { message: bilingual('netContent: phải là số, tối đa 3 chữ số thập phân', 'netContent: must be a number with at most 3 decimals') })
  @Min(0.001, { message: bilingual('netContent: khối lượng/thể tích tịnh phải lớn hơn 0', 'netContent: the net content must be greater than 0') })
  @Max(1_000_000, { message: bilingual('netContent: tối đa 1 000 000', 'netContent: at most 1,000,000') })
  netContent!: number;

  /** Đơn vị của netContent theo mã UN/ECE Rec 20: KGM (kg), GRM (g), LTR (lít), MLT (ml), H87 (cái). */
  @IsString() @UpperCaseCode()
  @Matches(/^[A-Z0-9]{2,3}$/, {
    message: bilingual(
      'netContentUnit: mã đơn vị UN/ECE Rec 20 gồm 2–3 chữ in hoa hoặc chữ số, ví dụ KGM, GRM, LTR, MLT, H87',
      'netContentUnit: a UN/ECE Rec 20 unit code is 2–3 capital letters or digits, e.g. KGM, GRM, LTR, MLT, H87',
    ),
  })
  netContentUnit!: string;

  /** Mã GTIN (mã vạch) 8, 12, 13 hoặc 14 chữ số, có thể có dấu cách; lưu thành 14 chữ số. */
  @IsOptional() @IsGtin()
  gtin?: string;

  /** Nhãn hiệu. */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(120)
  brand?: string;

  /** Mô tả sản phẩm cho người mua. */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(4000)
  description?: string;

  /** Tiêu chuẩn áp dụng (TCVN, QCVN, VietGAP, tiêu chuẩn cơ sở…), ví dụ ["TCVN 5603:2023", "VietGAP"]. */
  @IsOptional() @IsArray() @NormaliseTextList() @ArrayMaxSize(20)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(120, { each: true })
  standardsApplied?: string[];

  /** Hạn sử dụng tính bằng ngày kể từ ngày sản xuất/đóng gói. */
  @IsOptional() @IsInt()
  @Min(1, { message: bilingual('shelfLifeDays: hạn sử dụng phải từ 1 ngày', 'shelfLifeDays: the shelf life is at least 1 day') })
  @Max(3650, { message: bilingual('shelfLifeDays: hạn sử dụng tối đa 3650 ngày (10 năm)', 'shelfLifeDays: at most 3650 days (10 years)') })
  shelfLifeDays?: number;
}
