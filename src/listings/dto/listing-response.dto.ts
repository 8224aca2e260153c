import type { MarketplaceCode } from '../../marketplaces/marketplace-adapter';
import { LISTING_STATUS_VI, ListingStatus } from '../listing-status';
import type { Listing, ListingFieldError } from '../listing.entity';

export class ListingResponseDto {
  id!: string;
  accountId!: string;
  productId!: string;
  cooperativeId!: string;
  marketplace!: MarketplaceCode;
  sellerSku!: string;
  status!: ListingStatus;
  /** The status in Vietnamese, for screens. */
  statusVi!: string;
  statusReason!: string | null;
  statusChangedAt!: Date;
  errors!: ListingFieldError[];
  externalId!: string | null;
  externalUrl!: string | null;
  /** What we want on the marketplace, and what it last confirmed. */
  offer!: { priceVnd: number; stock: number; version: number; ackedPriceVnd: number | null; ackedStock: number | null; ackedVersion: number; inSync: boolean };
  attempts!: number;
  nextAttemptAt!: Date | null;
  unlistReason!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const toListingResponse = (l: Listing): ListingResponseDto => ({
  id: l.id,
  accountId: l.accountId,
  productId: l.productId,
  cooperativeId: l.cooperativeId,
  marketplace: l.marketplace,
  sellerSku: l.sellerSku,
  status: l.status,
  statusVi: LISTING_STATUS_VI[l.status],
  statusReason: l.statusReason,
  statusChangedAt: l.statusChangedAt,
  errors: l.errors ?? [],
  externalId: l.externalId,
  externalUrl: l.externalUrl,
  offer: {
    priceVnd: l.desiredPriceVnd,
    stock: l.desiredStock,
    version: l.desiredVersion,
    ackedPriceVnd: l.ackedPriceVnd,
    ackedStock: l.ackedStock,
    ackedVersion: l.ackedVersion,
    inSync: l.ackedVersion >= l.desiredVersion,
  },
  attempts: l.attempts,
  nextAttemptAt: l.nextAttemptAt,
  unlistReason: l.unlistReason,
  createdAt: l.createdAt,
  updatedAt: l.updatedAt,
});
