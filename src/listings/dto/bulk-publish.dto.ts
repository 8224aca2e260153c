import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { MARKETPLACE_CODES } from '../../marketplaces/marketplace-adapter';
import type { MarketplaceCode } from '../../marketplaces/marketplace-adapter';
import { MAX_PRICE_VND, MAX_STOCK } from './publish-listing.dto';

export const MAX_BULK_ITEMS = 2_000;

export class BulkPublishItemDto {
  @IsUUID()
  productId!: string;

  /** postmart | voso: the item goes to the product cooperative's account on that marketplace. */
  @IsIn(MARKETPLACE_CODES)
  marketplace!: MarketplaceCode;

  @IsInt() @Min(1) @Max(MAX_PRICE_VND)
  priceVnd!: number;

  @IsInt() @Min(0) @Max(MAX_STOCK)
  stock!: number;
}

export class BulkPublishDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_BULK_ITEMS)
  @ValidateNested({ each: true }) @Type(() => BulkPublishItemDto)
  items!: BulkPublishItemDto[];
}
