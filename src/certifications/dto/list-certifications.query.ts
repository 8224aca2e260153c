import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsDateOnly } from '../../common/time/date-only';
import { CertificationSubject } from '../certification.entity';

export class ListCertificationsQuery extends PageQueryDto {
  @IsOptional() @IsUUID()
  cooperativeId?: string;

  @IsOptional() @IsEnum(CertificationSubject)
  subjectType?: CertificationSubject;

  @IsOptional() @IsUUID()
  subjectId?: string;

  /** Only certificates valid on this date (YYYY-MM-DD). */
  @IsOptional() @IsDateOnly()
  validOn?: string;
}
