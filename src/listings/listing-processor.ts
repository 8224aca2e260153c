import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SecretKeyUnavailableError } from '../common/crypto/secret-box';
import { JobQueue } from '../jobs/job-queue';
import { Metrics } from '../metrics/metrics';
import { QueueName } from '../jobs/queue-name';
import type { CreateResult, ErrorClass, ExternalListing, ListingDraft, MarketplaceAdapter } from '../marketplaces/marketplace-adapter';
import { AccountLane } from './account-lane';
import { AdapterLookup } from './adapter-lookup';
import { ListingDraftBuilder } from './listing-draft.builder';
import { backoffDelayMs, ListingJobSettings } from './listing-job-settings';
import { ListingJobs } from './listing-jobs';
import { localErrors, marketplaceErrors } from './listing-errors';
import { ListingStatus, LISTING_WORK_STATES, assertListingTransition, canTransition } from './listing-status';
import { Listing } from './listing.entity';
import { AccountStatus, MarketplaceAccount } from './marketplace-account.entity';
import { MarketplaceAccountsService } from './marketplace-accounts.service';
import { MarketplaceSessions } from './marketplace-sessions';

type Step = { kind: 'done' } | { kind: 'continue' } | { kind: 'later'; at: Date };
const DONE: Step = { kind: 'done' };
const CONTINUE: Step = { kind: 'continue' };
const later = (at: Date): Step => ({ kind: 'later', at });
const inMs = (ms: number) => new Date(Date.now() + ms);

// A listing never takes more than this many steps in one job (submit → live → sync → unlist…); the rest
// goes to a fresh job so one listing cannot hog a worker.
const MAX_STEPS = 8;
const RETRY_SYNC_AFTER_MS = 60 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const FROM_EXTERNAL: Record<ExternalListing['state'], ListingStatus> = {
  live: ListingStatus.Live,
  pending_review: ListingStatus.PendingReview,
  rejected: ListingStatus.Rejected,
  unlisted: ListingStatus.Unlisted,
};

/**
 * Drives one listing through its state machine, one committed transition at a time: the state is
 * written before each external call (submitting) and after it (the outcome), so a crash at any point
 * leaves a row that says what to do next. A listing is leased to one worker while it is processed.
 */
@Injectable()
export class ListingProcessor implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ListingProcessor');
  private readonly workerId = randomUUID();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(Listing) private readonly repo: Repository<Listing>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly jobs: ListingJobs,
    private readonly accounts: MarketplaceAccountsService,
    private readonly adapters: AdapterLookup,
    private readonly sessions: MarketplaceSessions,
    private readonly lane: AccountLane,
    private readonly drafts: ListingDraftBuilder,
    private readonly audit: AuditService,
    private readonly settings: ListingJobSettings,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.queue.register(QueueName.Listing, ({ listingId }) => this.process(listingId));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.recover();
    this.sweeper = setInterval(() => void this.recover().catch((e: Error) => this.logger.error(`recovery sweep: ${e.message}`, e.stack)), this.settings.sweepIntervalMs);
    this.sweeper.unref();
  }

  beforeApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** The job: lease the listing, take steps until it waits for something, release, reschedule. */
  async process(listingId: string): Promise<void> {
    const leased = await this.lease(listingId);
    if (leased === 'missing') return;
    if (leased === 'busy') {
      await this.jobs.nudge(listingId, { startAfter: inMs(this.settings.leaseBusyRetryMs) });
      return;
    }
    let step: Step = CONTINUE;
    try {
      for (let i = 0; i < MAX_STEPS && step.kind === 'continue'; i++) step = await this.step(listingId);
    } finally {
      await this.release(listingId);
    }
    if (step.kind === 'later') await this.jobs.nudge(listingId, { startAfter: step.at });
    else if (step.kind === 'continue') await this.jobs.nudge(listingId);
  }

  /**
   * After a restart (and every minute): listings a dead process left in `submitting` go to
   * `reconciling` (looked up by seller SKU, never re-created blindly), and every listing with work
   * gets a job again in case a nudge was lost between commit and enqueue.
   */
  async recover(): Promise<{ reconciling: number; nudged: number }> {
    const stuck: { id: string; cooperative_id: string }[] = await this.db.query(
      `WITH s AS (
         UPDATE listing SET status = $1, status_reason = $2, status_changed_at = now(), lease_owner = NULL, lease_until = NULL
         WHERE status = $3 AND (lease_until IS NULL OR lease_until < clock_timestamp()) RETURNING id, cooperative_id)
       SELECT * FROM s`,
      [ListingStatus.Reconciling, 'Tiến trình gửi bị gián đoạn; đối soát với sàn theo mã SKU trước khi gửi lại', ListingStatus.Submitting],
    );
    assertListingTransition(ListingStatus.Submitting, ListingStatus.Reconciling);
    for (const s of stuck) {
      await this.audit.record(this.db.manager, null, { cooperativeId: s.cooperative_id, entityType: 'listing', entityId: s.id, action: 'status_changed', before: { status: 'submitting' }, after: { status: 'reconciling' }, reason: 'recovered after restart' });
    }
    const rows: { id: string }[] = await this.db.query(
      `SELECT l.id FROM listing l JOIN marketplace_account a ON a.id = l.account_id
       WHERE a.status = 'active' AND (l.lease_until IS NULL OR l.lease_until < clock_timestamp())
         AND (l.status = ANY($1) OR (l.status = 'live' AND (l.desired_version > l.acked_version OR l.unlist_reason IS NOT NULL)))`,
      [LISTING_WORK_STATES],
    );
    for (const r of rows) await this.jobs.nudge(r.id);
    return { reconciling: stuck.length, nudged: rows.length };
  }

  private async step(listingId: string): Promise<Step> {
    const listing = await this.repo.findOneBy({ id: listingId });
    const account = listing && (await this.accounts.findById(listing.accountId));
    if (!listing || !account) return DONE;
    switch (listing.status) {
      case ListingStatus.Queued:
        return this.submit(listing, account);
      case ListingStatus.Submitting:
        // We hold the lease, so whoever set `submitting` died during the call: it may or may not exist.
        await this.move(listing, ListingStatus.Reconciling, { statusReason: 'Tiến trình gửi bị gián đoạn; đối soát theo mã SKU' });
        return CONTINUE;
      case ListingStatus.Reconciling:
        return this.reconcile(listing, account);
      case ListingStatus.PendingReview:
        return listing.unlistReason ? this.requestUnlist(listing) : this.poll(listing, account);
      case ListingStatus.Live:
        if (listing.unlistReason) return this.requestUnlist(listing);
        return listing.desiredVersion > listing.ackedVersion ? this.sync(listing, account) : DONE;
      case ListingStatus.UnlistRequested:
        return this.unlist(listing, account);
      default:
        return DONE;
    }
  }

  // ── create ────────────────────────────────────────────────────────────────────────────────────

  private async submit(listing: Listing, account: MarketplaceAccount): Promise<Step> {
    if (listing.unlistReason) {
      await this.move(listing, ListingStatus.Unlisted, { statusReason: listing.unlistReason });
      return DONE;
    }
    if (account.mode === 'assisted') {
      await this.move(listing, ListingStatus.AwaitingManualAction, { statusReason: 'Chờ cán bộ đăng tin trên trang người bán của sàn rồi ghi lại đường dẫn' });
      return DONE;
    }
    const gate = await this.gate(listing, account);
    if (gate) return gate;
    const adapter = this.adapters.get(account.marketplace);
    // Built again now: a certificate may have expired or a batch been recalled since it was queued.
    const { draft, issues } = await this.drafts.build({ productId: listing.productId, sellerSku: listing.sellerSku, priceVnd: listing.desiredPriceVnd, stock: listing.desiredStock });
    const problems = [...issues, ...adapter.validate(draft)];
    if (problems.length) {
      await this.move(listing, ListingStatus.Rejected, { errors: localErrors(problems), statusReason: 'Dữ liệu sản phẩm chưa đủ để đăng (kiểm tra tại chỗ)' });
      return DONE;
    }
    const version = listing.desiredVersion;
    // Committed before the call: if this process dies during it, recovery knows to look before re-creating.
    if (!(await this.move(listing, ListingStatus.Submitting, { statusReason: null, errors: null }))) return CONTINUE;
    let result: CreateResult;
    try {
      result = await this.sessions.run(adapter, account, (s) => adapter.create(s.credentials, s.token, draft));
    } catch (error) {
      return this.createFailed(listing, account, adapter, error);
    }
    return this.created(listing, result, draft, version);
  }

  private async created(listing: Listing, result: CreateResult, draft: ListingDraft, version: number): Promise<Step> {
    if (result.kind === 'rejected') {
      await this.move(listing, ListingStatus.Rejected, { errors: marketplaceErrors(result.fieldErrors), statusReason: 'Sàn từ chối dữ liệu tin đăng', attempts: 0 });
      return DONE;
    }
    // A duplicate is the listing a lost answer already created: link it, and sync price/stock after.
    const acked = result.kind === 'accepted' ? { ackedPriceVnd: draft.priceVnd, ackedStock: draft.stock, ackedVersion: version } : {};
    return this.landed(listing, result.listing, acked, result.kind === 'duplicate' ? 'Đã có trên sàn với cùng mã SKU; liên kết tin đăng sẵn có' : null);
  }

  private async createFailed(listing: Listing, account: MarketplaceAccount, adapter: MarketplaceAdapter, error: unknown): Promise<Step> {
    const cls = this.classify(adapter, error, 'create', listing);
    switch (cls.kind) {
      case 'rate_limited':
        await this.move(listing, ListingStatus.Queued, { statusReason: 'Sàn yêu cầu giảm tốc độ; sẽ gửi lại sau' });
        return later(await this.lane.pause(account.id, cls.retryAfterMs, 'Sàn trả lời 429 (quá nhiều yêu cầu)'));
      case 'auth_expired':
      case 'credentials_rejected':
        await this.move(listing, ListingStatus.Queued, { statusReason: PAUSED_REAUTH });
        await this.needsReauth(account, cls.kind === 'credentials_rejected' ? cls.reason : undefined);
        return DONE;
      case 'validation':
        await this.move(listing, ListingStatus.Rejected, { errors: marketplaceErrors(cls.fieldErrors), statusReason: 'Sàn từ chối dữ liệu tin đăng', attempts: 0 });
        return DONE;
      case 'business_blocked':
        await this.move(listing, ListingStatus.Failed, { statusReason: `Sàn chặn thao tác: ${cls.reason}` });
        return DONE;
      case 'not_found':
        await this.move(listing, ListingStatus.Failed, { statusReason: 'Sàn trả lời "không tìm thấy" khi tạo tin đăng' });
        return DONE;
      case 'duplicate':
        await this.move(listing, ListingStatus.Reconciling, { statusReason: 'Sàn báo đã có mã SKU này; tìm để liên kết' });
        return CONTINUE;
      case 'timeout_ambiguous':
      case 'transient':
        // The request may have reached the marketplace (a 5xx can follow a commit): never re-create
        // blindly. Look the SKU up first, after a backoff for a failure, at once for a timeout.
        return this.attemptFailed(listing, ListingStatus.Reconciling, cls.kind === 'timeout_ambiguous' ? 'Sàn không trả lời kịp; đối soát theo mã SKU' : 'Lỗi tạm thời từ sàn; đối soát theo mã SKU rồi thử lại', cls.kind === 'transient');
    }
  }

  // ── reconcile ────────────────────────────────────────────────────────────────────────────────

  private async reconcile(listing: Listing, account: MarketplaceAccount): Promise<Step> {
    if (account.mode === 'assisted') return DONE;
    const gate = await this.gate(listing, account);
    if (gate) return gate;
    const adapter = this.adapters.get(account.marketplace);
    let found: ExternalListing | null;
    try {
      found = await this.sessions.run(adapter, account, (s) => adapter.findBySellerSku(s.credentials, s.token, listing.sellerSku));
    } catch (error) {
      return this.callFailed(listing, account, adapter, error, 'lookup');
    }
    if (!found) {
      await this.move(listing, ListingStatus.Queued, { statusReason: 'Không có trên sàn theo mã SKU; gửi lại với cùng mã SKU', nextAttemptAt: null });
      return CONTINUE;
    }
    return this.landed(listing, found, {}, 'Tìm thấy trên sàn theo mã SKU');
  }

  /** The listing exists on the marketplace: take its state there, keep its ids. */
  private async landed(listing: Listing, external: ExternalListing, acked: Partial<Listing>, note: string | null): Promise<Step> {
    const to = FROM_EXTERNAL[external.state];
    const pending = to === ListingStatus.PendingReview;
    const moved = await this.move(listing, to, {
      ...acked,
      externalId: external.externalId,
      externalUrl: external.externalUrl,
      statusReason: external.reason ?? note,
      errors: to === ListingStatus.Rejected && external.reason ? [{ field: 'listing', message: external.reason, source: 'marketplace' }] : null,
      attempts: 0,
      pollCount: 0,
      nextAttemptAt: pending ? inMs(this.settings.pollDelaysMs[0] ?? 0) : null,
    });
    if (!moved) return CONTINUE;
    if (pending) return later(listing.nextAttemptAt!);
    return to === ListingStatus.Live ? CONTINUE : DONE;
  }

  // ── review polling, price/stock sync, unlisting ──────────────────────────────────────────────

  private async poll(listing: Listing, account: MarketplaceAccount): Promise<Step> {
    if (account.mode === 'assisted' || !listing.externalId) return DONE;
    const gate = await this.gate(listing, account);
    if (gate) return gate;
    const adapter = this.adapters.get(account.marketplace);
    let external: ExternalListing;
    try {
      external = await this.sessions.run(adapter, account, (s) => adapter.getStatus(s.credentials, s.token, listing.externalId!));
    } catch (error) {
      return this.callFailed(listing, account, adapter, error, 'status');
    }
    if (external.state !== 'pending_review') return this.landed(listing, external, {}, null);
    const pollCount = listing.pollCount + 1;
    const at = inMs(this.settings.pollDelaysMs[pollCount] ?? RETRY_SYNC_AFTER_MS);
    await this.repo.update({ id: listing.id }, { pollCount, nextAttemptAt: at, attempts: 0 });
    return later(at);
  }

  private async sync(listing: Listing, account: MarketplaceAccount): Promise<Step> {
    if (account.mode === 'assisted' || !listing.externalId) return DONE;
    const gate = await this.gate(listing, account);
    if (gate) return gate;
    const adapter = this.adapters.get(account.marketplace);
    // The latest desired values only: three changes while this waited are one call.
    const sent = { version: listing.desiredVersion, priceVnd: listing.desiredPriceVnd, stock: listing.desiredStock };
    let results;
    try {
      results = await this.sessions.run(adapter, account, (s) =>
        adapter.setStockAndPrice(s.credentials, s.token, [{ externalId: listing.externalId!, stock: sent.stock, priceVnd: sent.priceVnd }]),
      );
    } catch (error) {
      return this.callFailed(listing, account, adapter, error, 'sync');
    }
    const mine = results.find((r) => r.externalId === listing.externalId) ?? results[0];
    if (!mine?.ok) {
      // Per-item refusal (reserved stock, campaign lock…): shown on the listing, tried again in an hour
      // or at the next change, never in a tight loop.
      const at = inMs(RETRY_SYNC_AFTER_MS);
      await this.repo.update({ id: listing.id }, { errors: [{ field: 'offer', message: mine?.reason ?? 'Sàn không cập nhật giá/tồn kho', source: 'marketplace' }], nextAttemptAt: at });
      return later(at);
    }
    // Acknowledged up to the version sent; a newer change that arrived meanwhile stays pending.
    await this.db.query(
      `UPDATE listing SET acked_price_vnd = $2, acked_stock = $3, acked_version = $4, attempts = 0, errors = NULL, next_attempt_at = NULL
       WHERE id = $1 AND acked_version < $4`,
      [listing.id, sent.priceVnd, sent.stock, sent.version],
    );
    return CONTINUE;
  }

  private async requestUnlist(listing: Listing): Promise<Step> {
    await this.move(listing, ListingStatus.UnlistRequested, { statusReason: listing.unlistReason, attempts: 0, nextAttemptAt: null });
    return CONTINUE;
  }

  private async unlist(listing: Listing, account: MarketplaceAccount): Promise<Step> {
    // Assisted accounts: an officer takes it down by hand and confirms with manual-ack.
    if (account.mode === 'assisted') return DONE;
    if (!listing.externalId) {
      await this.move(listing, ListingStatus.Unlisted, { statusReason: listing.unlistReason ?? listing.statusReason });
      return DONE;
    }
    const gate = await this.gate(listing, account);
    if (gate) return gate;
    const adapter = this.adapters.get(account.marketplace);
    try {
      await this.sessions.run(adapter, account, (s) => adapter.unlist(s.credentials, s.token, listing.externalId!));
    } catch (error) {
      if (adapter.classifyError(error).kind !== 'not_found') return this.callFailed(listing, account, adapter, error, 'unlist');
    }
    await this.move(listing, ListingStatus.Unlisted, { statusReason: listing.unlistReason ?? listing.statusReason, attempts: 0, nextAttemptAt: null });
    return DONE;
  }

  /** Failure of a lookup, status read, sync or unlist: the listing keeps its status. */
  private async callFailed(listing: Listing, account: MarketplaceAccount, adapter: MarketplaceAdapter, error: unknown, op: string): Promise<Step> {
    const cls = this.classify(adapter, error, op, listing);
    switch (cls.kind) {
      case 'rate_limited':
        return later(await this.lane.pause(account.id, cls.retryAfterMs, 'Sàn trả lời 429 (quá nhiều yêu cầu)'));
      case 'auth_expired':
      case 'credentials_rejected':
        await this.needsReauth(account, cls.kind === 'credentials_rejected' ? cls.reason : undefined);
        return DONE;
      case 'transient':
      case 'timeout_ambiguous':
        return this.attemptFailed(listing, listing.status, `Lỗi tạm thời từ sàn (${op}); sẽ thử lại`, true);
      default: {
        const reason = cls.kind === 'business_blocked' ? cls.reason : cls.kind === 'validation' ? cls.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ') : cls.kind;
        if (canTransition(listing.status, ListingStatus.Failed)) {
          await this.move(listing, ListingStatus.Failed, { statusReason: `Sàn từ chối thao tác (${op}): ${reason}` });
          return DONE;
        }
        const at = inMs(RETRY_SYNC_AFTER_MS);
        await this.repo.update({ id: listing.id }, { errors: [{ field: op, message: reason, source: 'marketplace' }], nextAttemptAt: at });
        return later(at);
      }
    }
  }

  /** One more failed attempt: back off (with jitter) into `to`, or give up as failed after the last one. */
  private async attemptFailed(listing: Listing, to: ListingStatus, reason: string, backoff: boolean): Promise<Step> {
    const attempts = listing.attempts + 1;
    if (attempts >= this.settings.maxAttempts) {
      if (canTransition(listing.status, ListingStatus.Failed)) {
        await this.move(listing, ListingStatus.Failed, { attempts, statusReason: `${reason} — đã thử ${attempts} lần, dừng lại chờ cán bộ thử lại`, nextAttemptAt: null });
        return DONE;
      }
      // Live or in review: the listing itself is fine, only this call keeps failing; try again later.
      const at = inMs(RETRY_SYNC_AFTER_MS);
      await this.repo.update({ id: listing.id }, { attempts: 0, nextAttemptAt: at, statusReason: reason });
      return later(at);
    }
    const nextAttemptAt = backoff ? inMs(backoffDelayMs(this.settings, attempts)) : null;
    if (to === listing.status) await this.repo.update({ id: listing.id }, { attempts, nextAttemptAt, statusReason: reason });
    else await this.move(listing, to, { attempts, nextAttemptAt, statusReason: reason });
    return nextAttemptAt ? later(nextAttemptAt) : CONTINUE;
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────

  /** Whether the listing may call out now: account active, its own backoff over, a lane slot free. */
  private async gate(listing: Listing, account: MarketplaceAccount): Promise<Step | null> {
    // needs_reauth or disabled: paused, not failed. Re-entering credentials nudges the account again.
    if (account.status !== AccountStatus.Active) return DONE;
    if (listing.nextAttemptAt && new Date(listing.nextAttemptAt).getTime() > Date.now()) return later(new Date(listing.nextAttemptAt));
    const slot = await this.lane.acquire(account.id);
    if (slot.kind === 'later') return later(slot.at);
    if (slot.waitMs > 0) await sleep(slot.waitMs);
    return null;
  }

  private classify(adapter: MarketplaceAdapter, error: unknown, op: string, listing: Listing): ErrorClass {
    if (error instanceof SecretKeyUnavailableError) {
      // Sealed under a key no longer configured: no retry can help. The owner re-enters the credentials
      // (sealed again with the current key), or the operator lists the old key again.
      this.logger.error(`${op} ${listing.id}: ${error.message}`);
      this.metrics.marketplaceCallFailed(listing.marketplace, op, 'credentials_rejected');
      return { kind: 'credentials_rejected', reason: 'Không giải mã được thông tin đăng nhập đã lưu (khóa mã hóa đã đổi); cần nhập lại' };
    }
    const cls = adapter.classifyError(error);
    // The class only: error objects of HTTP clients can carry request headers with tokens.
    this.logger.warn(`${op} ${listing.id} (${listing.marketplace}): ${cls.kind}`);
    this.metrics.marketplaceCallFailed(listing.marketplace, op, cls.kind);
    return cls;
  }

  private async needsReauth(account: MarketplaceAccount, reason = 'Sàn từ chối tên đăng nhập/mật khẩu; cần nhập lại'): Promise<void> {
    this.sessions.forget(account.id);
    await this.db.transaction((manager) => this.accounts.markNeedsReauth(manager, account, reason));
  }

  /** A checked, conditional status change: of two writers only one moves the row; the loser re-reads. */
  private async move(listing: Listing, to: ListingStatus, fields: Partial<Listing> = {}): Promise<boolean> {
    assertListingTransition(listing.status, to);
    const from = listing.status;
    const moved = await this.db.transaction(async (manager) => {
      const result = await manager.update(Listing, { id: listing.id, status: from }, { ...fields, status: to, statusChangedAt: new Date() });
      if (!result.affected) return false;
      await this.audit.record(manager, null, {
        cooperativeId: listing.cooperativeId,
        entityType: 'listing',
        entityId: listing.id,
        action: 'status_changed',
        before: { status: from },
        after: { status: to, ...(fields.externalId && { externalId: fields.externalId }) },
        reason: (fields.statusReason as string | null | undefined) ?? null,
      });
      return true;
    });
    if (moved) Object.assign(listing, fields, { status: to });
    return moved;
  }

  private async lease(listingId: string): Promise<'leased' | 'busy' | 'missing'> {
    const rows: { id: string }[] = await this.db.query(
      `WITH l AS (
         UPDATE listing SET lease_owner = $2, lease_until = clock_timestamp() + $3 * interval '1 millisecond'
         WHERE id = $1 AND (lease_until IS NULL OR lease_until < clock_timestamp()) RETURNING id)
       SELECT id FROM l`,
      [listingId, this.workerId, this.settings.leaseMs],
    );
    if (rows.length) return 'leased';
    return (await this.repo.exists({ where: { id: listingId } })) ? 'busy' : 'missing';
  }

  private async release(listingId: string): Promise<void> {
    await this.db.query(`UPDATE listing SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2`, [listingId, this.workerId]);
  }
}

const PAUSED_REAUTH = 'Tạm dừng: sàn từ chối thông tin đăng nhập; nhập lại mật khẩu tài khoản sàn để tiếp tục';
