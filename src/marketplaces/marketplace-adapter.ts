// The contract every marketplace adapter implements (Postmart, Voso; later Shopee, Lazada, Tiki).
// Adapters are strategies registered under MARKETPLACE_ADAPTERS and looked up by `code`; the database
// stores only the code and the (encrypted) account configuration. See docs/marketplaces/*.md and
// shared/docs/marketplaces.md §B for the reasoning.

export type MarketplaceCode = 'postmart' | 'voso';
export const MARKETPLACE_CODES: readonly MarketplaceCode[] = ['postmart', 'voso'];

export const MARKETPLACE_ADAPTERS = Symbol('MARKETPLACE_ADAPTERS');

export type Capability =
  | 'credential_login'
  | 'oauth'
  | 'create'
  | 'lookup_by_seller_sku'
  | 'update'
  | 'stock_price'
  | 'status_read'
  | 'unlist'
  | 'manual_export';

/** How an account talks to a marketplace: its partner API, or an officer uploading a file by hand. */
export type AccountMode = 'partner_api' | 'assisted';

/** What the service owns about a listing; adapters map it to the marketplace's payload. */
export interface ListingDraft {
  sellerSku: string;
  title: string;
  descriptionText: string;
  categoryName: string;
  /** Integer VND. */
  priceVnd: number;
  stock: number;
  saleUnit: string;
  weightGrams: number | null;
  imageUrls: string[];
  traceabilityUrl: string;
  cooperativeName: string;
  provinceName: string;
  ocopStars: number | null;
  certifications: string[];
}

export interface LocalIssue {
  field: string;
  message: { vi: string; en: string };
}

export interface MarketplaceCredentials {
  baseUrl: string;
  username: string;
  password: string;
  /** VNPost style customer code, when the marketplace asks for one. */
  customerCode?: string;
}

export interface TokenSet {
  token: string;
  expiresAt: Date;
}

export type ExternalState = 'live' | 'pending_review' | 'rejected' | 'unlisted';

export interface ExternalListing {
  externalId: string;
  externalUrl: string | null;
  state: ExternalState;
  reason: string | null;
}

/** Expected outcomes are values; unexpected faults are thrown and classified by classifyError. */
export type CreateResult =
  | { kind: 'accepted'; listing: ExternalListing }
  | { kind: 'duplicate'; listing: ExternalListing }
  | { kind: 'rejected'; fieldErrors: { field: string; code: string; message: string }[] };

export interface PerItemResult {
  externalId: string;
  ok: boolean;
  reason?: string;
}

export type ErrorClass =
  | { kind: 'transient' }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'timeout_ambiguous' }
  | { kind: 'auth_expired' }
  /** `reason`: ours to show the cooperative when it is not the marketplace that refused (e.g. a retired key). */
  | { kind: 'credentials_rejected'; reason?: string }
  | { kind: 'validation'; fieldErrors: { field: string; code: string; message: string }[] }
  | { kind: 'duplicate' }
  | { kind: 'business_blocked'; reason: string }
  | { kind: 'not_found' };

/**
 * One marketplace. Methods taking a TokenSet need a login first; an `auth_expired` classification
 * means: log in again and retry once.
 */
export interface MarketplaceAdapter {
  readonly code: MarketplaceCode;
  readonly displayName: string;
  readonly capabilities: ReadonlySet<Capability>;
  /** Pure: every problem with the draft for this marketplace, before anything is queued. */
  validate(draft: ListingDraft): LocalIssue[];
  classifyError(error: unknown): ErrorClass;
  login(credentials: MarketplaceCredentials): Promise<TokenSet>;
  create(credentials: MarketplaceCredentials, token: TokenSet, draft: ListingDraft): Promise<CreateResult>;
  findBySellerSku(credentials: MarketplaceCredentials, token: TokenSet, sellerSku: string): Promise<ExternalListing | null>;
  update(credentials: MarketplaceCredentials, token: TokenSet, externalId: string, draft: ListingDraft): Promise<ExternalListing>;
  setStockAndPrice(
    credentials: MarketplaceCredentials,
    token: TokenSet,
    items: { externalId: string; stock?: number; priceVnd?: number }[],
  ): Promise<PerItemResult[]>;
  getStatus(credentials: MarketplaceCredentials, token: TokenSet, externalId: string): Promise<ExternalListing>;
  unlist(credentials: MarketplaceCredentials, token: TokenSet, externalId: string): Promise<ExternalListing>;
  /** Assisted mode: the spreadsheet an officer uploads by hand in the seller centre. */
  exportAssisted(drafts: ListingDraft[]): Promise<Buffer>;
  /** Assisted mode: the marketplace's listing id in a URL the officer pasted, or null. */
  parseListingUrl(url: string): string | null;
}
