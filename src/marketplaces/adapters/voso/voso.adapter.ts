import { Inject, Injectable, Optional } from '@nestjs/common';
import { buildAssistedWorkbook } from '../../common/assisted-workbook';
import { classifyMarketplaceError } from '../../common/classify-error';
import { validateDraft } from '../../common/draft-validation';
import { MarketplaceApiError } from '../../common/marketplace-errors';
import type {
  Capability,
  CreateResult,
  ErrorClass,
  ExternalListing,
  ListingDraft,
  LocalIssue,
  MarketplaceAdapter,
  MarketplaceCredentials,
  PerItemResult,
  TokenSet,
} from '../../marketplace-adapter';
import { DEFAULT_MARKETPLACE_HTTP_OPTIONS, MARKETPLACE_HTTP_OPTIONS, MarketplaceHttpOptions } from '../../marketplace-http-options';
import { VosoClient } from './voso.client';
import {
  fromVosoProduct,
  parseVosoListingUrl,
  VOSO_ASSISTED_COLUMNS,
  VOSO_ASSISTED_GUIDE,
  toDraftFieldErrors,
  toVosoPayload,
} from './voso.mapper';
import { VOSO_MAX_BATCH_ITEMS, VOSO_TITLE_MAX } from './voso.types';

/** Voso (Viettel Post). Partner API per our proposed contract; assisted spreadsheet until one exists. */
@Injectable()
export class VosoAdapter implements MarketplaceAdapter {
  readonly code = 'voso' as const;
  readonly displayName = 'Voso';
  readonly capabilities: ReadonlySet<Capability> = new Set<Capability>([
    'credential_login',
    'create',
    'lookup_by_seller_sku',
    'update',
    'stock_price',
    'status_read',
    'unlist',
    'manual_export',
  ]);
  private readonly client: VosoClient;

  constructor(@Optional() @Inject(MARKETPLACE_HTTP_OPTIONS) options?: MarketplaceHttpOptions) {
    this.client = new VosoClient((options ?? DEFAULT_MARKETPLACE_HTTP_OPTIONS).timeoutMs);
  }

  validate(draft: ListingDraft): LocalIssue[] {
    return validateDraft(draft, { titleMaxLength: VOSO_TITLE_MAX });
  }

  classifyError(error: unknown): ErrorClass {
    const classified = classifyMarketplaceError(error);
    return classified.kind === 'validation' ? { ...classified, fieldErrors: toDraftFieldErrors(classified.fieldErrors) } : classified;
  }

  async login(credentials: MarketplaceCredentials): Promise<TokenSet> {
    const data = await this.client.login(credentials);
    return { token: data.token, expiresAt: new Date(data.expired) };
  }

  async create(credentials: MarketplaceCredentials, token: TokenSet, draft: ListingDraft): Promise<CreateResult> {
    try {
      const product = await this.client.create(credentials, token.token, toVosoPayload(draft));
      return { kind: product.DUPLICATE ? 'duplicate' : 'accepted', listing: fromVosoProduct(product) };
    } catch (error) {
      // A field-level refusal is an expected outcome (fix the data), not a fault to retry.
      if (error instanceof MarketplaceApiError && error.reason === 'validation') {
        return { kind: 'rejected', fieldErrors: toDraftFieldErrors(error.extra.fieldErrors) };
      }
      throw error;
    }
  }

  async findBySellerSku(credentials: MarketplaceCredentials, token: TokenSet, sellerSku: string): Promise<ExternalListing | null> {
    const product = await this.client.findBySellerSku(credentials, token.token, sellerSku);
    return product ? fromVosoProduct(product) : null;
  }

  async update(credentials: MarketplaceCredentials, token: TokenSet, externalId: string, draft: ListingDraft): Promise<ExternalListing> {
    return fromVosoProduct(await this.client.update(credentials, token.token, externalId, toVosoPayload(draft)));
  }

  /** Chunks of 50 (the API's limit). Values are absolute, so a retried chunk cannot double-apply. */
  async setStockAndPrice(
    credentials: MarketplaceCredentials,
    token: TokenSet,
    items: { externalId: string; stock?: number; priceVnd?: number }[],
  ): Promise<PerItemResult[]> {
    const results: PerItemResult[] = [];
    for (let i = 0; i < items.length; i += VOSO_MAX_BATCH_ITEMS) {
      const chunk = items.slice(i, i + VOSO_MAX_BATCH_ITEMS);
      const answers = await this.client.stockPrice(
        credentials,
        token.token,
        chunk.map((item) => ({ PRODUCT_ID: Number(item.externalId), QUANTITY: item.stock, PRICE: item.priceVnd })),
      );
      // Answers come in request order; keep our own id strings rather than the echoed numbers.
      chunk.forEach((item, j) => {
        const answer = answers[j];
        results.push(answer?.SUCCESS ? { externalId: item.externalId, ok: true } : { externalId: item.externalId, ok: false, reason: answer ? `${answer.ERROR_CODE}: ${answer.MESSAGE}` : 'NO_RESULT' });
      });
    }
    return results;
  }

  async getStatus(credentials: MarketplaceCredentials, token: TokenSet, externalId: string): Promise<ExternalListing> {
    return fromVosoProduct(await this.client.get(credentials, token.token, externalId));
  }

  async unlist(credentials: MarketplaceCredentials, token: TokenSet, externalId: string): Promise<ExternalListing> {
    return fromVosoProduct(await this.client.unlist(credentials, token.token, externalId));
  }

  exportAssisted(drafts: ListingDraft[]): Promise<Buffer> {
    return buildAssistedWorkbook({ marketplaceName: this.displayName, sheetName: 'Sản phẩm', columns: VOSO_ASSISTED_COLUMNS, guide: VOSO_ASSISTED_GUIDE }, drafts);
  }

  parseListingUrl(url: string): string | null {
    return parseVosoListingUrl(url);
  }
}
