import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

/** Pages of an area's seasons or codes. */
export class PlantingAreaPageQuery extends PageQueryDto {
  /** Language of messages and warnings, vi (default) or en; Accept-Language works too. */
  @IsOptional() @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';
}
