import { IsOptional, IsUUID } from 'class-validator';
import { IsDateOnly } from '../../common/time/date-only';

export class ScanStatsQuery {
  /** Only this cooperative (within what you may see). */
  @IsOptional() @IsUUID()
  cooperativeId?: string;

  /** First day, YYYY-MM-DD (default: 30 days ago). */
  @IsOptional() @IsDateOnly()
  from?: string;

  /** Last day, YYYY-MM-DD (default: today). */
  @IsOptional() @IsDateOnly()
  to?: string;
}
