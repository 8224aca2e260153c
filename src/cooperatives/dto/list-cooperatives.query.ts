import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsSafeText } from '../../common/validation/validators';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export const COOPERATIVE_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'provinceCode', '-provinceCode'] as const;

export class ListCooperativesQuery extends PageQueryDto {
  /** Only cooperatives in this province (code since July 2025). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(99)
  provinceCode?: number;

  /** Part of the name or short name; accents optional ("tan minh duc" finds "Tân Minh Đức"). */
  @IsOptional() @IsString() @IsSafeText() @MaxLength(100)
  name?: string;

  @IsOptional() @IsIn(COOPERATIVE_SORTS)
  sort?: (typeof COOPERATIVE_SORTS)[number];
}
