import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';

export enum BulkItemState {
  /** Not yet turned into a listing. */
  Pending = 'pending',
  /** Refused before anything was queued (registry data missing, no account…): see errors. */
  Invalid = 'invalid',
  /** Bound to a listing; its progress is the listing's status. */
  Linked = 'linked',
}

// One bulk publish by an officer or manager: the parent of one listing job per item (style rule 18).
@Entity({ name: 'bulk_publish' })
export class BulkPublish {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  /** Who asked, kept so the background expansion audits and scopes as that person. */
  @Column({ type: 'jsonb' }) actor!: AuthUser;
  @Column({ type: 'text' }) source!: 'json' | 'xlsx' | 'csv';
  @Column({ type: 'int' }) total!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) expandedAt!: Date | null;
}

const bigintNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

@Entity({ name: 'bulk_publish_item' })
@Index('uq_bulk_publish_item_position', ['bulkId', 'position'], { unique: true })
@Index('idx_bulk_publish_item_listing', ['listingId'])
export class BulkPublishItem {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) bulkId!: string;
  @Column({ type: 'int' }) position!: number;
  /** Row of the uploaded sheet, when the items came from a file. */
  @Column({ type: 'int', nullable: true }) sourceRow!: number | null;
  @Column({ type: 'uuid' }) productId!: string;
  @Column({ type: 'text' }) marketplace!: string;
  @Column({ type: 'bigint', transformer: bigintNumber }) priceVnd!: number;
  @Column({ type: 'int' }) stock!: number;
  @Column({ type: 'text', default: BulkItemState.Pending }) state!: BulkItemState;
  @Column({ type: 'jsonb', nullable: true }) errors!: { field: string; message: { vi: string; en: string } }[] | null;
  @Column({ type: 'uuid', nullable: true }) listingId!: string | null;
}
