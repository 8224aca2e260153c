import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsSafeText } from '../../common/validation/validators';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsGtin } from '../product-validators';

export const PRODUCT_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;

export class ListProductsQuery extends PageQueryDto {
  /** Only products of this cooperative. */
  @IsOptional() @IsUUID()
  cooperativeId?: string;

  /** Part of the Vietnamese or English name; accents optional ("vai thieu" finds "Vải thiều"). */
  @IsOptional() @IsString() @IsSafeText() @MaxLength(100)
  name?: string;

  /** GTIN in any accepted length (8, 12, 13 or 14 digits). */
  @IsOptional() @IsGtin()
  gtin?: string;

  @IsOptional() @IsIn(PRODUCT_SORTS)
  sort?: (typeof PRODUCT_SORTS)[number];
}
