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
import { PostmartClient } from './postmart.client';
import {
  fromPostmartProduct,
  parsePostmartListingUrl,
  POSTMART_ASSISTED_COLUMNS,
  POSTMART_ASSISTED_GUIDE,
  toDraftFieldErrors,
  toPostmartPayload,
} from './postmart.mapper';
import { POSTMART_MAX_BATCH_ITEMS, POSTMART_TITLE_MAX } from './postmart.types';

/** Postmart (VNPost). Partner API per our proposed contract; assisted spreadsheet until one exists. */
@Injectable()
export class PostmartAdapter implements MarketplaceAdapter {
  readonly code = 'postmart' as const;
  readonly displayName = 'Postmart';
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
  private readonly client: PostmartClient;

  constructor(@Optional() @Inject(MARKETPLACE_HTTP_OPTIONS) options?: MarketplaceHttpOptions) {
    this.client = new PostmartClient((options ?? DEFAULT_MARKETPLACE_HTTP_OPTIONS).timeoutMs);
  }

  validate(draft: ListingDraft): LocalIssue[] {
    return validateDraft(draft, { titleMaxLength: POSTMART_TITLE_MAX });
  }

  classifyError(error: unknown): ErrorClass {
    const classified = classifyMarketplaceError(error);
    return classified.kind === 'validation' ? { ...classified, fieldErrors: toDraftFieldErrors(classified.fieldErrors) } : classified;
  }

  async login(credentials: MarketplaceCredentials): Promise<TokenSet> {
    const res = await this.client.login(credentials);
    return { token: res.token, expiresAt: new Date(Date.now() + res.expiresIn * 1_000) };
  }

  async create(credentials: MarketplaceCredentials, token: TokenSet, draft: ListingDraft): Promise<CreateResult> {
    try {
      const { product, duplicate } = await this.client.create(credentials, token.token, toPostmartPayload(draft));
      return { kind: duplicate ? 'duplicate' : 'accepted', listing: fromPostmartProduct(product) };
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
    return product ? fromPostmartProduct(product) : null;
  }

  async update(credentials: MarketplaceCredentials, token: TokenSet, externalId: string, draft: ListingDraft): Promise<ExternalListing> {
    return fromPostmartProduct(await this.client.update(credentials, token.token, externalId, toPostmartPayload(draft)));
  }

  /** Chunks of 50 (the API's limit). Values are absolute, so a retried chunk cannot double-apply. */
  async setStockAndPrice(
    credentials: MarketplaceCredentials,
    token: TokenSet,
    items: { externalId: string; stock?: number; priceVnd?: number }[],
  ): Promise<PerItemResult[]> {
    const results: PerItemResult[] = [];
    for (let i = 0; i < items.length; i += POSTMART_MAX_BATCH_ITEMS) {
      const chunk = items.slice(i, i + POSTMART_MAX_BATCH_ITEMS);
      const answers = await this.client.stockPrice(
        credentials,
        token.token,
        chunk.map((item) => ({ productId: Number(item.externalId), stock: item.stock, price: item.priceVnd })),
      );
      // Answers come in request order; keep our own id strings rather than the echoed numbers.
      chunk.forEach((item, j) => {
        const answer = answers[j];
        results.push(answer?.success ? { externalId: item.externalId, ok: true } : { externalId: item.externalId, ok: false, reason: answer ? `${answer.errorCode}: ${answer.message}` : 'NO_RESULT' });
      });
    }
    return results;
  }

  async getStatus(credentials: MarketplaceCredentials, token: TokenSet, externalId: string): Promise<ExternalListing> {
    return fromPostmartProduct(await this.client.get(credentials, token.token, externalId));
  }

  async unlist(credentials: MarketplaceCredentials, token: TokenSet, externalId: string): Promise<ExternalListing> {
    return fromPostmartProduct(await this.client.unlist(credentials, token.token, externalId));
  }

  exportAssisted(drafts: ListingDraft[]): Promise<Buffer> {
    return buildAssistedWorkbook({ marketplaceName: this.displayName, sheetName: 'Sản phẩm', columns: POSTMART_ASSISTED_COLUMNS, guide: POSTMART_ASSISTED_GUIDE }, drafts);
  }

  parseListingUrl(url: string): string | null {
    return parsePostmartListingUrl(url);
  }
}
