import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { scopeOwnedRows } from '../auth/scope';
import { invalidField, notFound } from '../common/errors/common.errors';
import { DomainException } from '../common/errors/domain.exception';
import type { Page } from '../common/pagination/page-query.dto';
import { BatchEvents } from '../harvest-batches/batch-events';
import type { HarvestBatch } from '../harvest-batches/harvest-batch.entity';
import type { LocalIssue } from '../marketplaces/marketplace-adapter';
import { ProductsService } from '../products/products.service';
import { AdapterLookup } from './adapter-lookup';
import type { ListListingsQuery } from './dto/list-listings.query';
import { ListingResponseDto, toListingResponse } from './dto/listing-response.dto';
import type { ManualAckDto } from './dto/manual-ack.dto';
import type { PublishListingDto } from './dto/publish-listing.dto';
import type { UnlistListingDto } from './dto/unlist-listing.dto';
import type { UpdateListingOfferDto } from './dto/update-listing-offer.dto';
import { ListingDraftBuilder } from './listing-draft.builder';
import { ListingErrorCode } from './listing-error-code';
import { ListingJobs } from './listing-jobs';
import { assertListingTransition, canTransition, illegalListingTransition, ListingStatus } from './listing-status';
import { Listing } from './listing.entity';
import { AccountStatus, MarketplaceAccount } from './marketplace-account.entity';
import { MarketplaceAccountsService } from './marketplace-accounts.service';
import { longSellerSkuFor, sellerSkuFor } from './seller-sku';

export interface Offer {
  priceVnd: number;
  stock: number;
}

export type PublishOutcome = { kind: 'queued'; listing: Listing } | { kind: 'invalid'; issues: LocalIssue[] };

// States from which publishing again starts over (queued); in any other state it only updates the offer.
const REPUBLISHABLE = [ListingStatus.Draft, ListingStatus.Rejected, ListingStatus.Failed, ListingStatus.Unlisted];
// Not on the marketplace (yet): taking these down needs no call.
const NOT_ON_MARKETPLACE = [ListingStatus.Draft, ListingStatus.Queued, ListingStatus.Failed, ListingStatus.AwaitingManualAction];
const IN_FLIGHT = [ListingStatus.Submitting, ListingStatus.Reconciling];

@Injectable()
export class ListingsService implements OnModuleInit {
  constructor(
    @InjectRepository(Listing) private readonly repo: Repository<Listing>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: MarketplaceAccountsService,
    private readonly products: ProductsService,
    private readonly drafts: ListingDraftBuilder,
    private readonly adapters: AdapterLookup,
    private readonly jobs: ListingJobs,
    private readonly audit: AuditService,
    private readonly batchEvents: BatchEvents,
  ) {}

  /** For the public origin page: where the product can be bought right now. */
  async liveLinksOf(productId: string): Promise<{ marketplace: string; url: string }[]> {
    const rows: { marketplace: string; external_url: string }[] = await this.db.query(
      `SELECT a.marketplace, l.external_url FROM listing l JOIN marketplace_account a ON a.id = l.account_id
       WHERE l.product_id = $1 AND l.status = 'live' AND l.external_url IS NOT NULL ORDER BY a.marketplace`,
      [productId],
    );
    return rows.map((r) => ({ marketplace: r.marketplace, url: r.external_url }));
  }

  // Inside the recall's own transaction: mark and enqueue only. The HTTP calls happen in jobs, after
  // commit (the enqueue is part of the transaction, so a rolled-back recall unlists nothing).
  onModuleInit(): void {
    this.batchEvents.onRecall((manager, batch, reason) => this.onBatchRecalled(manager, batch, reason));
  }

  async publish(actor: AuthUser, dto: PublishListingDto): Promise<ListingResponseDto> {
    const account = await this.accounts.getManageableOrThrow(actor, dto.accountId);
    const product = await this.products.getManageableOrThrow(actor, dto.productId);
    if (product.cooperativeId !== account.cooperativeId) {
      throw new DomainException(ListingErrorCode.ACCOUNT_MISMATCH, {
        vi: 'Sản phẩm và tài khoản sàn thuộc hai hợp tác xã khác nhau',
        en: 'The product and the marketplace account belong to different cooperatives',
      }, [{ field: 'accountId', message: { vi: 'Tài khoản sàn không thuộc HTX của sản phẩm', en: 'Account is not the product cooperative’s' } }]);
    }
    const outcome = await this.publishFor(actor, account, product.id, { priceVnd: dto.priceVnd, stock: dto.stock });
    if (outcome.kind === 'invalid') throw draftInvalid(outcome.issues);
    return toListingResponse(outcome.listing);
  }

  /**
   * Checks the draft (registry facts + the marketplace's own rules), then creates or updates the one
   * listing of (account, product) and queues it, in one transaction with its job. Scope checks are the
   * caller's. Idempotent: publishing the same product twice, or from two officers at once, gives one row.
   */
  async publishFor(actor: AuthUser, account: MarketplaceAccount, productId: string, offer: Offer): Promise<PublishOutcome> {
    if (account.status === AccountStatus.Disabled) throw accountDisabled(account);
    const existing = await this.repo.findOneBy({ accountId: account.id, productId });
    const sellerSku = existing?.sellerSku ?? sellerSkuFor(productId, account.id);
    const { draft, issues } = await this.drafts.build({ productId, sellerSku, ...offer });
    const problems = [...issues, ...this.adapters.get(account.marketplace).validate(draft)];
    if (problems.length) return { kind: 'invalid', issues: problems };
    const listing = await this.db.transaction(async (manager) => {
      const row = await this.insertOrLock(manager, actor, account, productId, sellerSku, offer);
      const before = { status: row.listing.status, priceVnd: row.listing.desiredPriceVnd, stock: row.listing.desiredStock };
      if (REPUBLISHABLE.includes(row.listing.status)) {
        await this.move(manager, row.listing, ListingStatus.Queued, {
          ...offerFields(row.listing, offer),
          statusReason: null,
          errors: null,
          attempts: 0,
          nextAttemptAt: null,
          pollCount: 0,
          unlistReason: null,
        });
      } else {
        await this.changeOffer(manager, row.listing, offer);
      }
      await this.audit.record(manager, actor, {
        cooperativeId: account.cooperativeId,
        entityType: 'listing',
        entityId: row.listing.id,
        action: row.created ? 'published' : 'republished',
        before: row.created ? null : before,
        after: { status: row.listing.status, marketplace: account.marketplace, sellerSku: row.listing.sellerSku, ...offer },
      });
      await this.jobs.nudge(row.listing.id, { inTransaction: manager });
      return row.listing;
    });
    return { kind: 'queued', listing };
  }

  async list(actor: AuthUser, query: ListListingsQuery): Promise<Page<ListingResponseDto>> {
    const qb = scopeOwnedRows(this.repo.createQueryBuilder('l'), actor, 'l.cooperative_id');
    if (query.cooperativeId) qb.andWhere('l.cooperative_id = :c', { c: query.cooperativeId });
    if (query.accountId) qb.andWhere('l.account_id = :a', { a: query.accountId });
    if (query.productId) qb.andWhere('l.product_id = :p', { p: query.productId });
    if (query.status) qb.andWhere('l.status = :s', { s: query.status });
    const [rows, total] = await qb
      .orderBy('l.created_at', 'DESC')
      .addOrderBy('l.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toListingResponse), page: query.page, pageSize: query.pageSize, total };
  }

  async get(actor: AuthUser, id: string): Promise<ListingResponseDto> {
    return toListingResponse((await this.visibleOrThrow(actor, id)).listing);
  }

  /** New price and/or stock: stored as desired (version + 1); one background sync sends the latest. */
  async updateOffer(actor: AuthUser, id: string, dto: UpdateListingOfferDto): Promise<ListingResponseDto> {
    const { listing } = await this.manageableOrThrow(actor, id);
    await this.db.transaction(async (manager) => {
      const current = await manager.findOneOrFail(Listing, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const offer = { priceVnd: dto.priceVnd ?? current.desiredPriceVnd, stock: dto.stock ?? current.desiredStock };
      const before = { priceVnd: current.desiredPriceVnd, stock: current.desiredStock };
      if (!(await this.changeOffer(manager, current, offer))) return;
      await this.audit.record(manager, actor, { cooperativeId: listing.cooperativeId, entityType: 'listing', entityId: id, action: 'offer_changed', before, after: offer });
      // A new value must not wait behind the backoff of the old one (the listing's own gates still apply).
      await this.jobs.nudge(id, { inTransaction: manager, expedite: true });
    });
    return this.get(actor, id);
  }

  async unlist(actor: AuthUser, id: string, dto: UnlistListingDto): Promise<ListingResponseDto> {
    await this.manageableOrThrow(actor, id);
    await this.db.transaction(async (manager) => {
      const listing = await manager.findOneOrFail(Listing, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (listing.status === ListingStatus.Unlisted || listing.status === ListingStatus.UnlistRequested) return;
      await this.takeDown(manager, listing, dto.reason);
      await this.audit.record(manager, actor, { cooperativeId: listing.cooperativeId, entityType: 'listing', entityId: id, action: 'unlist_requested', after: { status: listing.status }, reason: dto.reason });
    });
    return this.get(actor, id);
  }

  /** Failed, rejected or unlisted: check the draft again and queue it (same seller SKU). */
  async retry(actor: AuthUser, id: string): Promise<ListingResponseDto> {
    const { listing, account } = await this.manageableOrThrow(actor, id);
    if (!REPUBLISHABLE.includes(listing.status)) throw illegalListingTransition(listing.status, ListingStatus.Queued);
    const outcome = await this.publishFor(actor, account, listing.productId, { priceVnd: listing.desiredPriceVnd, stock: listing.desiredStock });
    if (outcome.kind === 'invalid') throw draftInvalid(outcome.issues);
    return toListingResponse(outcome.listing);
  }

  /** Assisted accounts: the officer records what the seller centre shows after listing by hand. */
  async manualAck(actor: AuthUser, id: string, dto: ManualAckDto): Promise<ListingResponseDto> {
    const { listing, account } = await this.manageableOrThrow(actor, id);
    if (account.mode !== 'assisted') {
      throw new DomainException(ListingErrorCode.NOT_ASSISTED, {
        vi: 'Tài khoản sàn này kết nối qua API; trạng thái tin đăng do hệ thống cập nhật',
        en: 'This account uses the partner API; the listing status is updated by the service',
      });
    }
    const to = dto.status as ListingStatus;
    const externalId = to === ListingStatus.Unlisted ? listing.externalId : this.externalIdOf(account, dto);
    await this.db.transaction(async (manager) => {
      const current = await manager.findOneOrFail(Listing, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const from = current.status;
      // Confirming a take-down goes through unlist_requested, as it would over the API.
      if (to === ListingStatus.Unlisted && canTransition(from, ListingStatus.UnlistRequested)) {
        await this.move(manager, current, ListingStatus.UnlistRequested, { unlistReason: current.unlistReason ?? 'Cán bộ gỡ thủ công' });
      }
      await this.move(manager, current, to, {
        externalId,
        externalUrl: dto.url ?? current.externalUrl,
        statusReason: to === ListingStatus.Unlisted ? (current.unlistReason ?? 'Cán bộ đã gỡ trên sàn') : 'Cán bộ ghi nhận từ trang người bán',
        errors: null,
        // The officer entered the desired price and stock by hand from the export.
        ...(to !== ListingStatus.Unlisted && { ackedPriceVnd: current.desiredPriceVnd, ackedStock: current.desiredStock, ackedVersion: current.desiredVersion }),
      });
      await this.audit.record(manager, actor, { cooperativeId: current.cooperativeId, entityType: 'listing', entityId: id, action: 'manual_ack', before: { status: from }, after: { status: to, externalId, url: dto.url ?? null } });
    });
    return this.get(actor, id);
  }

  /** Assisted accounts: the marketplace's upload sheet for every listing waiting for an officer. */
  async assistedExport(actor: AuthUser, accountId: string): Promise<{ file: Buffer; account: MarketplaceAccount }> {
    const account = await this.accounts.getVisibleOrThrow(actor, accountId);
    const rows = await this.repo.find({ where: { accountId, status: ListingStatus.AwaitingManualAction }, order: { createdAt: 'ASC' } });
    const drafts = [];
    for (const l of rows) drafts.push((await this.drafts.build({ productId: l.productId, sellerSku: l.sellerSku, priceVnd: l.desiredPriceVnd, stock: l.desiredStock })).draft);
    return { file: await this.adapters.get(account.marketplace).exportAssisted(drafts), account };
  }

  // A recall takes the product off every marketplace unless another sealed lot of it is still good.
  private async onBatchRecalled(manager: EntityManager, batch: HarvestBatch, reason: string): Promise<void> {
    const others: unknown[] = await manager.query(
      `SELECT 1 FROM harvest_batch WHERE product_id = $1 AND id <> $2 AND status = 'closed' LIMIT 1`,
      [batch.productId, batch.id],
    );
    if (others.length) return;
    const why = `Thu hồi lô ${batch.lotCode}: ${reason}`;
    const listings = await manager.find(Listing, { where: { productId: batch.productId }, lock: { mode: 'pessimistic_write' } });
    for (const listing of listings) {
      if (listing.status === ListingStatus.Unlisted || listing.status === ListingStatus.Rejected) continue;
      const before = listing.status;
      await this.takeDown(manager, listing, why);
      await this.audit.record(manager, null, {
        cooperativeId: listing.cooperativeId,
        entityType: 'listing',
        entityId: listing.id,
        action: 'recall_unlist',
        before: { status: before },
        after: { status: listing.status, batchId: batch.id },
        reason: why,
      });
    }
  }

  /**
   * Takes a listing down, wherever it is: on the marketplace → unlist_requested and a job; never got
   * there → unlisted at once; in flight → remembered, and acted on as soon as the call lands.
   */
  private async takeDown(manager: EntityManager, listing: Listing, reason: string): Promise<void> {
    if (NOT_ON_MARKETPLACE.includes(listing.status)) {
      await this.move(manager, listing, ListingStatus.Unlisted, { unlistReason: reason, statusReason: reason });
      return;
    }
    if (IN_FLIGHT.includes(listing.status)) await manager.update(Listing, listing.id, { unlistReason: reason });
    else await this.move(manager, listing, ListingStatus.UnlistRequested, { unlistReason: reason, statusReason: reason, attempts: 0, nextAttemptAt: null });
    await this.jobs.nudge(listing.id, { inTransaction: manager });
  }

  private externalIdOf(account: MarketplaceAccount, dto: ManualAckDto): string {
    if (dto.externalId) return dto.externalId;
    if (!dto.url) throw invalidField('url', 'Cần đường dẫn tin đăng trên sàn (url) hoặc mã tin đăng (externalId)', 'Give the listing URL (url) or its id (externalId)');
    const parsed = this.adapters.get(account.marketplace).parseListingUrl(dto.url);
    if (!parsed) {
      throw new DomainException(ListingErrorCode.URL_NOT_RECOGNISED, {
        vi: `Không nhận ra đường dẫn tin đăng ${account.marketplace}: ${dto.url}. Hãy dán đường dẫn trang sản phẩm trên sàn, hoặc nhập mã tin đăng`,
        en: `Not a ${account.marketplace} listing URL: ${dto.url}. Paste the product page URL, or give the listing id`,
      }, [{ field: 'url', message: { vi: 'Không đọc được mã tin đăng từ đường dẫn', en: 'No listing id in this URL' } }]);
    }
    return parsed;
  }

  // The one row of (account, product): inserted as a draft, or the existing one, locked either way.
  private async insertOrLock(manager: EntityManager, actor: AuthUser, account: MarketplaceAccount, productId: string, sellerSku: string, offer: Offer) {
    const insert = (sku: string): Promise<{ id: string }[]> =>
      manager.query(
        `INSERT INTO listing (account_id, product_id, cooperative_id, marketplace, seller_sku, status, desired_price_vnd, desired_stock, created_by)
         VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
        [account.id, productId, account.cooperativeId, account.marketplace, sku, offer.priceVnd, offer.stock, actor.id],
      );
    const lock = () => manager.findOne(Listing, { where: { accountId: account.id, productId }, lock: { mode: 'pessimistic_write' } });
    // ON CONFLICT DO NOTHING waits for a concurrent insert of the same product and then yields to it.
    let created = (await insert(sellerSku)).length > 0;
    let listing = await lock();
    if (!listing) {
      // The short SKU belongs to another product of this account (a 10-hex-digit prefix collision).
      created = (await insert(longSellerSkuFor(productId, account.id))).length > 0;
      listing = await lock();
    }
    if (!listing) throw new Error(`listing of product ${productId} on account ${account.id} could not be created`);
    return { listing, created };
  }

  private async changeOffer(manager: EntityManager, listing: Listing, offer: Offer): Promise<boolean> {
    if (listing.desiredPriceVnd === offer.priceVnd && listing.desiredStock === offer.stock) return false;
    const fields: Partial<Listing> = { ...offerFields(listing, offer) };
    // A new value cancels a sync backoff: what failed was the old value.
    if (listing.status === ListingStatus.Live) Object.assign(fields, { nextAttemptAt: null, attempts: 0, errors: null });
    await manager.update(Listing, listing.id, fields);
    Object.assign(listing, fields);
    return true;
  }

  private async move(manager: EntityManager, listing: Listing, to: ListingStatus, fields: Partial<Listing> = {}): Promise<void> {
    assertListingTransition(listing.status, to);
    const result = await manager.update(Listing, { id: listing.id, status: listing.status }, { ...fields, status: to, statusChangedAt: new Date() });
    if (!result.affected) throw new DomainException(ListingErrorCode.ILLEGAL_TRANSITION, { vi: 'Tin đăng vừa đổi trạng thái; hãy tải lại', en: 'The listing changed state meanwhile; reload it' });
    Object.assign(listing, fields, { status: to });
  }

  private async visibleOrThrow(actor: AuthUser, id: string): Promise<{ listing: Listing; account: MarketplaceAccount }> {
    const listing = await this.repo.findOneBy({ id });
    if (!listing) throw notFound('tin đăng', 'Listing');
    const account = await this.accounts.getVisibleOrThrow(actor, listing.accountId).catch(() => {
      throw notFound('tin đăng', 'Listing');
    });
    return { listing, account };
  }

  private async manageableOrThrow(actor: AuthUser, id: string): Promise<{ listing: Listing; account: MarketplaceAccount }> {
    const { listing } = await this.visibleOrThrow(actor, id);
    return { listing, account: await this.accounts.getManageableOrThrow(actor, listing.accountId) };
  }
}

const offerFields = (listing: Listing, offer: Offer): Partial<Listing> =>
  listing.desiredPriceVnd === offer.priceVnd && listing.desiredStock === offer.stock
    ? {}
    : { desiredPriceVnd: offer.priceVnd, desiredStock: offer.stock, desiredVersion: listing.desiredVersion + 1 };

export const draftInvalid = (issues: LocalIssue[]) =>
  new DomainException(
    ListingErrorCode.DRAFT_INVALID,
    {
      vi: `Chưa đăng được: còn ${issues.length} thông tin thiếu hoặc sai (${[...new Set(issues.map((i) => i.field))].join(', ')})`,
      en: `Cannot list yet: ${issues.length} missing or invalid field(s) (${[...new Set(issues.map((i) => i.field))].join(', ')})`,
    },
    issues.map((i) => ({ field: i.field, message: i.message })),
  );

const accountDisabled = (account: MarketplaceAccount) =>
  new DomainException(ListingErrorCode.ACCOUNT_NOT_ACTIVE, {
    vi: `Tài khoản ${account.marketplace} của hợp tác xã đang tắt; bật lại trước khi đăng bán`,
    en: `The cooperative's ${account.marketplace} account is disabled; enable it before listing`,
  });
