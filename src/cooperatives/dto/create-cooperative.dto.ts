import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { AddressInputDto } from '../../admin-units/dto/address-input.dto';
import { IsEmailAddress, IsGs1Key, IsVnPhone, IsVnTaxCode, NormaliseText } from '../../common/validation/validators';
import { bilingual } from '../../common/i18n/messages';

export class CreateCooperativeDto {
  /** Full registered name, e.g. "Hợp tác xã Tân Minh Đức". */
  @IsString() @NormaliseText() @MinLength(2) @MaxLength(200)
  name!: string;

  /** Name printed on stamps, e.g. "HTX Tân Minh Đức". */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(60)
  shortName?: string;

  /** Mã số thuế: 10 digits, or 10 digits + "-" + 3-digit branch. */
  @IsOptional() @IsVnTaxCode()
  taxCode?: string;

  /** Số giấy chứng nhận đăng ký hợp tác xã. */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(50)
  businessRegistrationNo?: string;

  // IsObject: without it a missing address (or an array) passes ValidateNested and fails later as a 500.
  @IsObject() @ValidateNested() @Type(() => AddressInputDto)
  address!: AddressInputDto;

  /** Vietnamese phone number; stored as E.164. */
  @IsOptional() @IsVnPhone()
  phone?: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional() @IsEmailAddress({ message: bilingual('email: địa chỉ email không hợp lệ', 'email: not a valid email address') })
  email?: string;

  /** Người đại diện theo pháp luật. */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(120)
  legalRepresentative?: string;

  /** GS1 company prefix licensed by GS1 Vietnam (digits, usually 893…). */
  @IsOptional()
  @Matches(/^\d{6,12}$/, { message: bilingual('gs1CompanyPrefix: tiền tố doanh nghiệp GS1 gồm 6–12 chữ số', 'gs1CompanyPrefix: a GS1 company prefix is 6–12 digits') })
  gs1CompanyPrefix?: string;

  /** Global Location Number: 13 digits with a GS1 check digit. */
  @IsOptional() @IsGs1Key(13, 'GLN')
  gln?: string;
}
