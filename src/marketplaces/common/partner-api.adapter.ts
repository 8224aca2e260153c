import { buildAssistedWorkbook, type AssistedColumn } from './assisted-workbook';
import { classifyMarketplaceError } from './classify-error';
import { validateDraft } from './draft-validation';
import { MarketplaceApiError, type MarketplaceFieldError } from './marketplace-errors';
import type {
  Capability,
  CreateResult,
  ErrorClass,
  ExternalListing,
  ListingDraft,
  LocalIssue,
  MarketplaceAdapter,
  MarketplaceCode,
  MarketplaceCredentials,
  PerItemResult,
  TokenSet,
} from '../marketplace-adapter';

/** What differs between marketplaces speaking our partner contract: wire shapes and limits. */
export interface PartnerApiDialect<TProduct, TPayload> {
  titleMaxLength: number;
  maxBatchItems: number;
  assisted: { columns: AssistedColumn[]; guide: string[] };
  toPayload(draft: ListingDraft): TPayload;
  fromProduct(product: TProduct): ExternalListing;
  toDraftFieldErrors(errors?: MarketplaceFieldError[]): MarketplaceFieldError[];
  parseListingUrl(url: string): string | null;
  login(credentials: MarketplaceCredentials): Promise<TokenSet>;
  create(credentials: MarketplaceCredentials, token: string, payload: TPayload): Promise<{ product: TProduct; duplicate: boolean }>;
  findBySellerSku(credentials: MarketplaceCredentials, token: string, sellerSku: string): Promise<TProduct | null>;
  update(credentials: MarketplaceCredentials, token: string, externalId: string, payload: TPayload): Promise<TProduct>;
  get(credentials: MarketplaceCredentials, token: string, externalId: string): Promise<TProduct>;
  unlist(credentials: MarketplaceCredentials, token: string, externalId: string): Promise<TProduct>;
  /** One chunk of absolute stock/price values; answers in request order. */
  stockPrice(
    credentials: MarketplaceCredentials,
    token: string,
    chunk: { externalId: string; stock?: number; priceVnd?: number }[],
  ): Promise<PerItemResult[]>;
}

const PARTNER_API_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'credential_login',
  'create',
  'lookup_by_seller_sku',
  'update',
  'stock_price',
  'status_read',
  'unlist',
  'manual_export',
]);

// The behaviour both Postmart and Voso share under our proposed partner contract; each marketplace
// supplies only its dialect (wire shapes, limits, URL pattern).
export abstract class PartnerApiAdapter<TProduct, TPayload> implements MarketplaceAdapter {
  abstract readonly code: MarketplaceCode;
  abstract readonly displayName: string;
  readonly capabilities = PARTNER_API_CAPABILITIES;

  protected constructor(private readonly dialect: PartnerApiDialect<TProduct, TPayload>) {}

  validate(draft: ListingDraft): LocalIssue[] {
    return validateDraft(draft, { titleMaxLength: this.dialect.titleMaxLength });
  }

  classifyError(error: unknown): ErrorClass {
    const classified = classifyMarketplaceError(error);
    return classified.kind === 'validation' ? { ...classified, fieldErrors: this.dialect.toDraftFieldErrors(classified.fieldErrors) } : classified;
  }

  login(credentials: MarketplaceCredentials): Promise<TokenSet> {
    return this.dialect.login(credentials);
  }

  async create(credentials: MarketplaceCredentials, token: TokenSet, draft: ListingDraft): Promise<CreateResult> {
    try {
      const { product, duplicate } = await this.dialect.create(credentials, token.token, this.dialect.toPayload(draft));
      return { kind: duplicate ? 'duplicate' : 'accepted', listing: this.dialect.fromProduct(product) };
    } catch (error) {
      // A field-level refusal is an expected outcome (fix the data), not a fault to retry.
      if (error instanceof MarketplaceApiError && error.reason === 'validation') {
        return { kind: 'rejected', fieldErrors: this.dialect.toDraftFieldErrors(error.extra.fieldErrors) };
      }
      throw error;
    }
  }

  async findBySellerSku(credentials: MarketplaceCredentials, token: TokenSet, sellerSku: string): Promise<ExternalListing | null> {
    const product = await this.dialect.findBySellerSku(credentials, token.token, sellerSku);
    return product ? this.dialect.fromProduct(product) : null;
  }

  async update(credentials: MarketplaceCredentials, token: TokenSet, externalId: string, draft: ListingDraft): Promise<ExternalListing> {
    return this.dialect.fromProduct(await this.dialect.update(credentials, token.token, externalId, this.dialect.toPayload(draft)));
  }

  /** Chunks of the API's batch limit. Values are absolute, so a retried chunk cannot double-apply. */
  async setStockAndPrice(
    credentials: MarketplaceCredentials,
    token: TokenSet,
    items: { externalId: string; stock?: number; priceVnd?: number }[],
  ): Promise<PerItemResult[]> {
    const results: PerItemResult[] = [];
    for (let i = 0; i < items.length; i += this.dialect.maxBatchItems) {
      results.push(...(await this.dialect.stockPrice(credentials, token.token, items.slice(i, i + this.dialect.maxBatchItems))));
    }
    return results;
  }

  async getStatus(credentials: MarketplaceCredentials, token: TokenSet, externalId: string): Promise<ExternalListing> {
    return this.dialect.fromProduct(await this.dialect.get(credentials, token.token, externalId));
  }

  async unlist(credentials: MarketplaceCredentials, token: TokenSet, externalId: string): Promise<ExternalListing> {
    return this.dialect.fromProduct(await this.dialect.unlist(credentials, token.token, externalId));
  }

  exportAssisted(drafts: ListingDraft[]): Promise<Buffer> {
    return buildAssistedWorkbook({ marketplaceName: this.displayName, sheetName: 'Sản phẩm', ...this.dialect.assisted }, drafts);
  }

  parseListingUrl(url: string): string | null {
    return this.dialect.parseListingUrl(url);
  }
}
