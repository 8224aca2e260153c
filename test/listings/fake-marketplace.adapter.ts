import type {
  Capability,
  CreateResult,
  ErrorClass,
  ExternalListing,
  ExternalState,
  ListingDraft,
  LocalIssue,
  MarketplaceAdapter,
  MarketplaceCode,
  MarketplaceCredentials,
  PerItemResult,
  TokenSet,
} from '../../src/marketplaces/marketplace-adapter';

/** Thrown by the fake; classifyError answers with its class. */
export class FakeMarketplaceError extends Error {
  constructor(readonly cls: ErrorClass) {
    super(`fake marketplace: ${cls.kind}`);
  }
}

type Op = 'login' | 'create' | 'find' | 'sync' | 'status' | 'unlist';
/** A scripted answer: an error class to throw, or create that commits on the marketplace and then times out. */
export type Fault = ErrorClass | 'commit-then-timeout';

interface Stored extends ExternalListing {
  sellerSku: string;
  priceVnd: number;
  stock: number;
  draft: ListingDraft;
}

export const FAKE_PASSWORD = 'mat-khau-dung';

/**
 * A deterministic in-memory marketplace behind the real adapter contract. Tests script faults per
 * operation (consumed in order) and read `calls` and `listings` to assert what reached the marketplace.
 */
export class FakeMarketplaceAdapter implements MarketplaceAdapter {
  readonly displayName: string;
  readonly capabilities: ReadonlySet<Capability> = new Set<Capability>(['credential_login', 'create', 'lookup_by_seller_sku', 'stock_price', 'status_read', 'unlist', 'manual_export']);
  readonly calls: { op: Op; at?: number; sellerSku?: string; externalId?: string; items?: { externalId: string; stock?: number; priceVnd?: number }[] }[] = [];
  readonly listings = new Map<string, Stored>();
  /** State of a new listing: live, or pending_review (async review). */
  createState: ExternalState = 'live';
  password = FAKE_PASSWORD;
  private readonly faults = new Map<Op, Fault[]>();
  private readonly expiredTokens = new Set<string>();
  private tokens = 0;
  private ids = 43160;

  constructor(readonly code: MarketplaceCode) {
    this.displayName = `Fake ${code}`;
  }

  fail(op: Op, ...faults: Fault[]): this {
    this.faults.set(op, [...(this.faults.get(op) ?? []), ...faults]);
    return this;
  }

  /** Every token issued so far stops working (the marketplace expired them). */
  expireTokens(): void {
    for (let i = 1; i <= this.tokens; i++) this.expiredTokens.add(`tok-${i}`);
  }

  count(op: Op): number {
    return this.calls.filter((c) => c.op === op).length;
  }

  reset(): void {
    this.calls.length = 0;
    this.listings.clear();
    this.faults.clear();
    this.createState = 'live';
    this.password = FAKE_PASSWORD;
  }

  validate(draft: ListingDraft): LocalIssue[] {
    const issues: LocalIssue[] = [];
    const need = (field: string, ok: boolean) => ok || issues.push({ field, message: { vi: `Thiếu ${field}`, en: `${field} missing` } });
    need('title', !!draft.title.trim());
    need('imageUrls', draft.imageUrls.length > 0);
    need('traceabilityUrl', /^https?:\/\//.test(draft.traceabilityUrl));
    need('priceVnd', Number.isInteger(draft.priceVnd) && draft.priceVnd >= 1000);
    need('categoryName', !!draft.categoryName.trim());
    return issues;
  }

  classifyError(error: unknown): ErrorClass {
    return error instanceof FakeMarketplaceError ? error.cls : { kind: 'transient' };
  }

  async login(credentials: MarketplaceCredentials): Promise<TokenSet> {
    this.calls.push({ op: 'login' });
    this.fault('login');
    if (credentials.password !== this.password) throw new FakeMarketplaceError({ kind: 'credentials_rejected' });
    return { token: `tok-${++this.tokens}`, expiresAt: new Date(Date.now() + 3_600_000) };
  }

  async create(_c: MarketplaceCredentials, token: TokenSet, draft: ListingDraft): Promise<CreateResult> {
    this.calls.push({ op: 'create', at: Date.now(), sellerSku: draft.sellerSku });
    this.checkToken(token);
    const fault = this.take('create');
    if (fault === 'commit-then-timeout') {
      this.store(draft);
      throw new FakeMarketplaceError({ kind: 'timeout_ambiguous' });
    }
    if (fault) throw new FakeMarketplaceError(fault);
    const existing = this.listings.get(draft.sellerSku);
    if (existing) return { kind: 'duplicate', listing: view(existing) };
    return { kind: 'accepted', listing: view(this.store(draft)) };
  }

  async findBySellerSku(_c: MarketplaceCredentials, token: TokenSet, sellerSku: string): Promise<ExternalListing | null> {
    this.calls.push({ op: 'find', sellerSku });
    this.checkToken(token);
    this.fault('find');
    const found = this.listings.get(sellerSku);
    return found ? view(found) : null;
  }

  async update(_c: MarketplaceCredentials, _t: TokenSet, externalId: string): Promise<ExternalListing> {
    return view(this.byId(externalId));
  }

  async setStockAndPrice(_c: MarketplaceCredentials, token: TokenSet, items: { externalId: string; stock?: number; priceVnd?: number }[]): Promise<PerItemResult[]> {
    this.calls.push({ op: 'sync', items });
    this.checkToken(token);
    this.fault('sync');
    return items.map((item) => {
      const stored = [...this.listings.values()].find((l) => l.externalId === item.externalId);
      if (!stored) return { externalId: item.externalId, ok: false, reason: 'not found' };
      if (item.stock !== undefined) stored.stock = item.stock;
      if (item.priceVnd !== undefined) stored.priceVnd = item.priceVnd;
      return { externalId: item.externalId, ok: true };
    });
  }

  async getStatus(_c: MarketplaceCredentials, token: TokenSet, externalId: string): Promise<ExternalListing> {
    this.calls.push({ op: 'status', externalId });
    this.checkToken(token);
    this.fault('status');
    return view(this.byId(externalId));
  }

  async unlist(_c: MarketplaceCredentials, token: TokenSet, externalId: string): Promise<ExternalListing> {
    this.calls.push({ op: 'unlist', externalId });
    this.checkToken(token);
    this.fault('unlist');
    const stored = this.byId(externalId);
    stored.state = 'unlisted';
    return view(stored);
  }

  async exportAssisted(drafts: ListingDraft[]): Promise<Buffer> {
    return Buffer.from(JSON.stringify(drafts.map((d) => ({ sellerSku: d.sellerSku, title: d.title }))));
  }

  parseListingUrl(url: string): string | null {
    return /\/p\/[^/]*-(\d+)\.html$/.exec(url)?.[1] ?? null;
  }

  /** The marketplace's reviewers decide (for pending_review listings). */
  review(sellerSku: string, state: ExternalState, reason: string | null = null): void {
    const stored = this.listings.get(sellerSku)!;
    stored.state = state;
    stored.reason = reason;
  }

  private store(draft: ListingDraft): Stored {
    const id = String(this.ids++);
    const stored: Stored = {
      externalId: id,
      externalUrl: `https://${this.code}.example/p/san-pham-${id}.html`,
      state: this.createState,
      reason: null,
      sellerSku: draft.sellerSku,
      priceVnd: draft.priceVnd,
      stock: draft.stock,
      draft,
    };
    this.listings.set(draft.sellerSku, stored);
    return stored;
  }

  private byId(externalId: string): Stored {
    const stored = [...this.listings.values()].find((l) => l.externalId === externalId);
    if (!stored) throw new FakeMarketplaceError({ kind: 'not_found' });
    return stored;
  }

  private checkToken(token: TokenSet): void {
    if (this.expiredTokens.has(token.token)) throw new FakeMarketplaceError({ kind: 'auth_expired' });
  }

  private take(op: Op): Fault | undefined {
    return this.faults.get(op)?.shift();
  }

  private fault(op: Op): void {
    const fault = this.take(op);
    if (fault && fault !== 'commit-then-timeout') throw new FakeMarketplaceError(fault);
  }
}

const view = (s: Stored): ExternalListing => ({ externalId: s.externalId, externalUrl: s.externalUrl, state: s.state, reason: s.reason });
