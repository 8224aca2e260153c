import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { forbidden, notFound } from '../common/errors/common.errors';
import { DomainException, FieldProblem } from '../common/errors/domain.exception';
import { AppConfig } from '../config/app-config';
import { AdvisoryLock } from '../database/advisory-locks';
import { JobQueue } from '../jobs/job-queue';
import { QueueName } from '../jobs/queue-name';
import type { MarketplaceCode } from '../marketplaces/marketplace-adapter';
import type { ListProductsQuery } from '../products/dto/list-products.query';
import { ProductsService } from '../products/products.service';
import { readSheet } from '../onboarding/spreadsheet/sheet-reader';
import { Role } from '../users/role.enum';
import { SETTLED_ITEM_STATES } from './bulk-report.writer';
import { parseBulkSheet } from './bulk-sheet';
import { BulkItemState, BulkPublish, BulkPublishItem } from './bulk-publish.entity';
import type { BulkPublishAcceptedDto, BulkPublishItemProgressDto, BulkPublishProgressDto } from './dto/bulk-publish-response.dto';
import { ListingErrorCode } from './listing-error-code';
import { ListingJobSettings } from './listing-job-settings';
import { ListingsService } from './listings.service';
import { MarketplaceAccountsService } from './marketplace-accounts.service';

export interface BulkItemInput {
  productId: string;
  marketplace: MarketplaceCode;
  priceVnd: number;
  stock: number;
  sourceRow?: number;
}

// Bulk publishing by officers (their provinces) and managers (their cooperative). The request is
// checked for scope, stored, and answered 202; a parent job then turns items into listings one by
// one, each listing with its own job (style rule 18). Re-running the parent skips linked items, and
// the listing's unique keys make a repeat a no-op, so a crash or a resubmission never duplicates.
@Injectable()
export class BulkPublishService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BulkPublish');
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(BulkPublish) private readonly bulks: Repository<BulkPublish>,
    @InjectRepository(BulkPublishItem) private readonly items: Repository<BulkPublishItem>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly products: ProductsService,
    private readonly accounts: MarketplaceAccountsService,
    private readonly listings: ListingsService,
    private readonly config: AppConfig,
    private readonly settings: ListingJobSettings,
  ) {}

  onModuleInit(): void {
    this.queue.register(QueueName.BulkPublish, ({ bulkId }) => this.expand(bulkId));
  }

  // A process killed while expanding a bulk job leaves it "active" in pg-boss until it expires (2 to 6
  // minutes with pg-boss's expiry and maintenance intervals). So unfinished bulks are queued
  // again at start-up and on every recovery sweep: a replica that is already running takes over a dead
  // peer's bulk within a sweep. The expansion lock (expand) keeps a live expander the only one.
  async onApplicationBootstrap(): Promise<void> {
    await this.resume();
    this.sweeper = setInterval(() => void this.resume().catch((e: Error) => this.logger.error(`bulk sweep: ${e.message}`, e.stack)), this.settings.sweepIntervalMs);
    this.sweeper.unref();
  }

  beforeApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** Queues a parent job for every bulk not yet expanded (a no-op for those whose job is waiting). */
  async resume(): Promise<number> {
    const unfinished: { id: string }[] = await this.db.query(`SELECT id FROM bulk_publish WHERE expanded_at IS NULL`);
    for (const { id } of unfinished) await this.queue.send(QueueName.BulkPublish, { bulkId: id }, { singletonKey: id });
    return unfinished.length;
  }

  async create(actor: AuthUser, items: BulkItemInput[], source: BulkPublish['source'] = 'json'): Promise<BulkPublishAcceptedDto> {
    assertMayPublish(actor);
    await this.assertProductsInScope(actor, items);
    const bulk = await this.db.transaction(async (manager) => {
      const saved = await manager.save(manager.create(BulkPublish, { createdBy: actor.id, actor, source, total: items.length }));
      await manager.query(
        `INSERT INTO bulk_publish_item (bulk_id, position, source_row, product_id, marketplace, price_vnd, stock)
         SELECT $1, t.pos, t.row, t.product, t.marketplace, t.price, t.stock
         FROM unnest($2::int[], $3::int[], $4::uuid[], $5::text[], $6::bigint[], $7::int[]) AS t(pos, row, product, marketplace, price, stock)`,
        [
          saved.id,
          items.map((_, i) => i + 1),
          items.map((i) => i.sourceRow ?? null),
          items.map((i) => i.productId),
          items.map((i) => i.marketplace),
          items.map((i) => i.priceVnd),
          items.map((i) => i.stock),
        ],
      );
      await this.queue.send(QueueName.BulkPublish, { bulkId: saved.id }, { singletonKey: saved.id, inTransaction: manager });
      return saved;
    });
    const base = `${this.config.publicBaseUrl}/bulk-publish/${bulk.id}`;
    return { id: bulk.id, total: items.length, statusUrl: base, reportUrl: `${base}/report.xlsx` };
  }

  /** An .xlsx or UTF-8 .csv: every bad row is reported at once (422) and nothing is queued. */
  async createFromUpload(actor: AuthUser, file: Buffer): Promise<BulkPublishAcceptedDto> {
    assertMayPublish(actor);
    const table = await readSheet(file);
    const { items, problems } = parseBulkSheet(table);
    const resolved: BulkItemInput[] = [];
    for (const item of items) {
      const productId = 'id' in item.product ? item.product.id : await this.productIdByGtin(actor, item.product.gtin);
      if (!productId) {
        problems.push({
          field: `row ${item.sourceRow}: Sản phẩm (ID hoặc GTIN)`,
          message: { vi: `Dòng ${item.sourceRow}: không có sản phẩm GTIN ${'gtin' in item.product ? item.product.gtin : ''} trong phạm vi của bạn`, en: `Row ${item.sourceRow}: no product with this GTIN within your scope` },
        });
      } else resolved.push({ productId, marketplace: item.marketplace, priceVnd: item.priceVnd, stock: item.stock, sourceRow: item.sourceRow });
    }
    if (problems.length) throw itemsInvalid(problems);
    return this.create(actor, resolved, table.format);
  }

  /**
   * The parent job: one item at a time, each committed with its listing and the listing's job. One
   * expander per bulk across every process: a session advisory lock on a connection held for the
   * whole expansion. A second job for the bulk (a sweep, pg-boss's retry) returns at once while the
   * expander lives; PostgreSQL drops the lock with the connection when that process dies, even by
   * kill -9, and the next job goes on from the first pending item.
   */
  async expand(bulkId: string): Promise<void> {
    const lock = this.db.createQueryRunner();
    try {
      const [{ locked }]: { locked: boolean }[] = await lock.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [AdvisoryLock.BulkExpand, bulkId]);
      if (!locked) return;
      try {
        const bulk = await this.bulks.findOneBy({ id: bulkId });
        if (!bulk || bulk.expandedAt) return;
        const pending = await this.items.find({ where: { bulkId, state: BulkItemState.Pending }, order: { position: 'ASC' } });
        for (const item of pending) {
          const outcome = await this.publishItem(bulk.actor, item);
          await this.items.update({ id: item.id }, outcome);
        }
        await this.bulks.update({ id: bulkId }, { expandedAt: new Date() });
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1, hashtext($2))', [AdvisoryLock.BulkExpand, bulkId]).catch(() => undefined);
      }
    } finally {
      await lock.release();
    }
  }

  async progress(actor: AuthUser, id: string): Promise<BulkPublishProgressDto> {
    const bulk = await this.visibleOrThrow(actor, id);
    const rows: ProgressRow[] = await this.db.query(
      `SELECT i.position, i.source_row, i.product_id, i.marketplace, i.price_vnd, i.stock, i.state AS item_state, i.errors AS item_errors,
              i.listing_id, l.status, l.status_reason, l.errors, l.seller_sku, l.external_url, p.name_vi
       FROM bulk_publish_item i
       LEFT JOIN listing l ON l.id = i.listing_id
       LEFT JOIN product p ON p.id = i.product_id
       WHERE i.bulk_id = $1 ORDER BY i.position`,
      [id],
    );
    const items = rows.map(toItemProgress);
    const counts: Record<string, number> = {};
    for (const item of items) counts[item.state] = (counts[item.state] ?? 0) + 1;
    return {
      id: bulk.id,
      total: bulk.total,
      createdAt: bulk.createdAt,
      expandedAt: bulk.expandedAt,
      done: bulk.expandedAt !== null && items.every((i) => SETTLED_ITEM_STATES.includes(i.state)),
      counts,
      items,
    };
  }

  private async publishItem(actor: AuthUser, item: BulkPublishItem): Promise<Partial<BulkPublishItem>> {
    try {
      // Scope is checked again as the person who asked: their rights may have changed since.
      const product = await this.products.getManageableOrThrow(actor, item.productId);
      const account = (await this.accounts.byCooperatives([product.cooperativeId])).get(`${product.cooperativeId}:${item.marketplace}`);
      if (!account) {
        return invalid('marketplace', `Hợp tác xã chưa có tài khoản ${item.marketplace}; hãy thêm tài khoản sàn trước`, `The cooperative has no ${item.marketplace} account yet`);
      }
      const outcome = await this.listings.publishFor(actor, account, product.id, { priceVnd: item.priceVnd, stock: item.stock });
      if (outcome.kind === 'invalid') return { state: BulkItemState.Invalid, errors: outcome.issues.map((i) => ({ field: i.field, message: i.message })) };
      return { state: BulkItemState.Linked, listingId: outcome.listing.id, errors: null };
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      this.logger.warn(`bulk item ${item.id}: ${error.code}`);
      return { state: BulkItemState.Invalid, errors: [{ field: 'item', message: error.bilingualMessage }] };
    }
  }

  // Every product must be one the actor may manage: an officer outside the province gets 404 (as for
  // a single product, existence is not revealed), listing which items.
  private async assertProductsInScope(actor: AuthUser, items: BulkItemInput[]): Promise<void> {
    const problems: FieldProblem[] = [];
    const checked = new Map<string, boolean>();
    for (const [i, item] of items.entries()) {
      if (!checked.has(item.productId)) {
        checked.set(item.productId, await this.products.getManageableOrThrow(actor, item.productId).then(() => true, () => false));
      }
      if (!checked.get(item.productId)) {
        problems.push({ field: item.sourceRow ? `row ${item.sourceRow}` : `items[${i}].productId`, message: { vi: 'Không tìm thấy sản phẩm trong phạm vi của bạn', en: 'Product not found within your scope' } });
      }
    }
    if (problems.length) {
      throw new DomainException(CommonErrorCode.NOT_FOUND, { vi: `Không tìm thấy ${problems.length} sản phẩm trong phạm vi của bạn`, en: `${problems.length} product(s) not found within your scope` }, problems);
    }
  }

  private async productIdByGtin(actor: AuthUser, gtin: string): Promise<string | null> {
    const page = await this.products.list(actor, { gtin, page: 1, pageSize: 1 } as ListProductsQuery);
    return page.items[0]?.id ?? null;
  }

  // The person who started it and admins follow a bulk publish; anyone else gets 404.
  private async visibleOrThrow(actor: AuthUser, id: string): Promise<BulkPublish> {
    const bulk = await this.bulks.findOneBy({ id });
    if (!bulk || (bulk.createdBy !== actor.id && actor.role !== Role.Admin)) throw notFound('lượt đăng bán hàng loạt', 'Bulk publish');
    return bulk;
  }
}

interface ProgressRow {
  position: number;
  source_row: number | null;
  product_id: string;
  marketplace: string;
  price_vnd: string;
  stock: number;
  item_state: BulkItemState;
  item_errors: BulkPublishItem['errors'];
  listing_id: string | null;
  status: string | null;
  status_reason: string | null;
  errors: BulkPublishItemProgressDto['errors'] | null;
  seller_sku: string | null;
  external_url: string | null;
  name_vi: string | null;
}

const toItemProgress = (r: ProgressRow): BulkPublishItemProgressDto => ({
  position: r.position,
  sourceRow: r.source_row,
  productId: r.product_id,
  productName: r.name_vi,
  marketplace: r.marketplace,
  priceVnd: Number(r.price_vnd),
  stock: r.stock,
  state: r.item_state === BulkItemState.Linked && r.status ? r.status : r.item_state,
  listingId: r.listing_id,
  sellerSku: r.seller_sku,
  statusReason: r.status_reason,
  externalUrl: r.external_url,
  errors: [...(r.item_errors ?? []), ...(r.errors ?? [])],
});

const invalid = (field: string, vi: string, en: string): Partial<BulkPublishItem> => ({ state: BulkItemState.Invalid, errors: [{ field, message: { vi, en } }] });

function assertMayPublish(actor: AuthUser): void {
  if (actor.role === Role.CooperativeStaff) {
    throw forbidden('Nhân viên hợp tác xã không được đăng bán lên sàn; hãy nhờ quản lý HTX hoặc cán bộ khuyến nông', 'Cooperative staff cannot publish to marketplaces');
  }
}

const itemsInvalid = (problems: FieldProblem[]) =>
  new DomainException(
    ListingErrorCode.BULK_ITEMS_INVALID,
    { vi: `Tệp có ${problems.length} ô sai hoặc thiếu; chưa có gì được đưa vào hàng đợi`, en: `The file has ${problems.length} bad or missing cells; nothing was queued` },
    problems,
  );
