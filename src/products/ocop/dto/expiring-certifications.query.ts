import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { bilingual } from '../../../common/i18n/messages';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';

export class ExpiringCertificationsQuery extends PageQueryDto {
  /** Certificates whose last valid day is between today and today + withinDays (1–365, default 90). */
  @IsOptional() @Type(() => Number) @IsInt()
  @Min(1, { message: bilingual('withinDays: từ 1 đến 365 ngày', 'withinDays: from 1 to 365 days') })
  @Max(365, { message: bilingual('withinDays: từ 1 đến 365 ngày', 'withinDays: from 1 to 365 days') })
  withinDays: number = 90;
}
