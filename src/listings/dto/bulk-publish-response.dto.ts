import type { ListingFieldError } from '../listing.entity';

export class BulkPublishAcceptedDto {
  id!: string;
  total!: number;
  /** Poll this for progress. */
  statusUrl!: string;
  reportUrl!: string;
}

export class BulkPublishItemProgressDto {
  position!: number;
  /** Row of the uploaded sheet, when the items came from a file. */
  sourceRow!: number | null;
  productId!: string;
  productName!: string | null;
  marketplace!: string;
  priceVnd!: number;
  stock!: number;
  /** pending or invalid before a listing exists; then the listing's status (queued, live, rejected…). */
  state!: string;
  listingId!: string | null;
  sellerSku!: string | null;
  statusReason!: string | null;
  externalUrl!: string | null;
  errors!: (ListingFieldError | { field: string; message: { vi: string; en: string } })[];
}

export class BulkPublishProgressDto {
  id!: string;
  total!: number;
  createdAt!: Date;
  /** When every item was turned into a listing (or refused). */
  expandedAt!: Date | null;
  /** Every item settled: on the marketplace, in review, refused, failed, or waiting for an officer. */
  done!: boolean;
  counts!: Record<string, number>;
  items!: BulkPublishItemProgressDto[];
}
