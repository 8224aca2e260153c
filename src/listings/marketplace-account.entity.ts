import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AccountMode, MarketplaceCode } from '../marketplaces/marketplace-adapter';

export enum AccountStatus {
  Active = 'active',
  /** The marketplace refused the credentials: jobs pause (not fail) until someone re-enters them. */
  NeedsReauth = 'needs_reauth',
  Disabled = 'disabled',
}

// A cooperative's seller account on one marketplace. Credentials are sealed with SecretBox and never
// leave the service: responses show a masked username and whether a password is stored.
@Entity({ name: 'marketplace_account' })
@Index('uq_marketplace_account_coop', ['cooperativeId', 'marketplace'], { unique: true })
export class MarketplaceAccount {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cooperativeId!: string;
  @Column({ type: 'text' }) marketplace!: MarketplaceCode;
  @Column({ type: 'text' }) mode!: AccountMode;
  @Column({ type: 'text', default: AccountStatus.Active }) status!: AccountStatus;
  @Column({ type: 'text', nullable: true }) statusReason!: string | null;
  @Column({ type: 'text', nullable: true }) baseUrl!: string | null;
  /** "ng•••01": enough for a person to recognise the account, useless to anyone else. */
  @Column({ type: 'text', nullable: true }) usernameHint!: string | null;
  /** SecretBox('marketplace-credentials') of the JSON { baseUrl, username, password, customerCode? }. */
  @Column({ type: 'text', nullable: true }) credentialsSealed!: string | null;
  /** The account's lane is paused until then (Retry-After); jobs wait, nothing counts as a failure. */
  @Column({ type: 'timestamptz', nullable: true }) pausedUntil!: Date | null;
  @Column({ type: 'text', nullable: true }) pauseReason!: string | null;
  /** Earliest start of the next request on this account: the in-database spacing limiter. */
  @Column({ type: 'timestamptz', nullable: true }) nextSlotAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
