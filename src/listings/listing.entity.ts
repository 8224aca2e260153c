import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MarketplaceCode } from '../marketplaces/marketplace-adapter';
import { ListingStatus } from './listing-status';

export interface ListingFieldError {
  field: string;
  code?: string;
  message: string | { vi: string; en: string };
  source: 'local' | 'marketplace';
}

// bigint columns come back from pg as strings; prices are whole VND far below 2^53.
const bigintNumber = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

// The binding between one product and one marketplace account (shared/docs/marketplaces.md §A).
// Price and stock are not states: desired values carry a version, acknowledged ones the version the
// marketplace confirmed, and a sync job closes the gap with the latest value only.
@Entity({ name: 'listing' })
@Index('uq_listing_account_product', ['accountId', 'productId'], { unique: true })
@Index('uq_listing_account_sku', ['accountId', 'sellerSku'], { unique: true })
@Index('idx_listing_product', ['productId'])
@Index('idx_listing_account_status', ['accountId', 'status'])
@Index('idx_listing_cooperative_status', ['cooperativeId', 'status'])
export class Listing {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) accountId!: string;
  @Column({ type: 'uuid' }) productId!: string;
  @Column({ type: 'uuid' }) cooperativeId!: string;
  @Column({ type: 'text' }) marketplace!: MarketplaceCode;
  /** Our natural key on the marketplace; set once and never changed (Lazada-style SKUs are immutable). */
  @Column({ type: 'text' }) sellerSku!: string;
  @Column({ type: 'text', default: ListingStatus.Draft }) status!: ListingStatus;
  @Column({ type: 'text', nullable: true }) statusReason!: string | null;
  @Column({ type: 'timestamptz' }) statusChangedAt!: Date;
  @Column({ type: 'jsonb', nullable: true }) errors!: ListingFieldError[] | null;
  @Column({ type: 'text', nullable: true }) externalId!: string | null;
  @Column({ type: 'text', nullable: true }) externalUrl!: string | null;
  @Column({ type: 'bigint', transformer: bigintNumber }) desiredPriceVnd!: number;
  @Column({ type: 'int' }) desiredStock!: number;
  @Column({ type: 'int', default: 1 }) desiredVersion!: number;
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber }) ackedPriceVnd!: number | null;
  @Column({ type: 'int', nullable: true }) ackedStock!: number | null;
  @Column({ type: 'int', default: 0 }) ackedVersion!: number;
  /** Failed attempts of the current operation (rate limits and paused accounts do not count). */
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  @Column({ type: 'int', default: 0 }) pollCount!: number;
  /** Which worker holds the row while it talks to the marketplace; expires if that process dies. */
  @Column({ type: 'uuid', nullable: true }) leaseOwner!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) leaseUntil!: Date | null;
  /** Why the listing must come down (a recall); acted on as soon as the listing is on the marketplace. */
  @Column({ type: 'text', nullable: true }) unlistReason!: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
