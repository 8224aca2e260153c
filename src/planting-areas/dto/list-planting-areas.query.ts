import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsSafeText } from '../../common/validation/validators';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export const PLANTING_AREA_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'declaredAreaHa', '-declaredAreaHa'] as const;

export class ListPlantingAreasQuery extends PageQueryDto {
  /** Only areas of this cooperative. */
  @IsOptional() @IsUUID()
  cooperativeId?: string;

  /** Only areas located in this province (code since July 2025). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(99)
  provinceCode?: number;

  /** Part of the crop name; accents optional ("vai thieu" finds "Vải thiều"). */
  @IsOptional() @IsString() @IsSafeText() @MaxLength(100)
  crop?: string;

  @IsOptional() @IsIn(PLANTING_AREA_SORTS)
  sort?: (typeof PLANTING_AREA_SORTS)[number];
}

