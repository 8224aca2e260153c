import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { NormaliseText } from '../../common/validation/validators';
import { IsDateOnly } from '../../common/time/date-only';
import { CertificationScheme, CertificationSubject } from '../certification.entity';

export class CreateCertificationDto {
  /** What holds the certificate: cooperative, planting_area or product. */
  @IsEnum(CertificationSubject)
  subjectType!: CertificationSubject;

  @IsUUID()
  subjectId!: string;

  @IsEnum(CertificationScheme)
  scheme!: CertificationScheme;

  /** Name of the scheme when scheme is "other". */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(120)
  schemeName?: string;

  /** Số giấy chứng nhận. */
  @IsString() @NormaliseText() @MinLength(1) @MaxLength(80)
  certificateNo!: string;

  /** Tổ chức chứng nhận, e.g. "Trung tâm Kiểm nghiệm và Chứng nhận chất lượng TQC". */
  @IsString() @NormaliseText() @MinLength(2) @MaxLength(200)
  certBody!: string;

  /** YYYY-MM-DD, not in the future. */
  @IsDateOnly()
  issuedOn!: string;

  /** YYYY-MM-DD, after issuedOn. */
  @IsDateOnly()
  validUntil!: string;

  /** Phạm vi chứng nhận, e.g. "Sản xuất rau cải bắp, dưa chuột; diện tích 15,5 ha". */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(1000)
  scopeText?: string;
}
