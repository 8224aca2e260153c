import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PRICE_VND, MAX_STOCK } from './publish-listing.dto';

/** Price and stock changes are synced in the background; repeated changes coalesce (latest wins). */
export class UpdateListingOfferDto {
  @IsOptional() @IsInt() @Min(1) @Max(MAX_PRICE_VND)
  priceVnd?: number;

  @IsOptional() @IsInt() @Min(0) @Max(MAX_STOCK)
  stock?: number;
}
