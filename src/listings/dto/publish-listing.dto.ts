import { IsInt, IsUUID, Max, Min } from 'class-validator';

export const MAX_PRICE_VND = 1_000_000_000;
export const MAX_STOCK = 1_000_000;

export class PublishListingDto {
  @IsUUID()
  accountId!: string;

  @IsUUID()
  productId!: string;

  /** Whole VND. */
  @IsInt() @Min(1) @Max(MAX_PRICE_VND)
  priceVnd!: number;

  @IsInt() @Min(0) @Max(MAX_STOCK)
  stock!: number;
}
