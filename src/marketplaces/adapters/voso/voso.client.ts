import type { MarketplaceCredentials } from '../../marketplace-adapter';
import { MarketplaceApiError, MarketplaceRejectReason } from '../../common/marketplace-errors';
import { JsonResponse, requestJson } from '../../common/json-http';
import type { VosoEnvelope, VosoErrorData, VosoLoginData, VosoProduct, VosoProductPayload, VosoStockPriceItem, VosoStockPriceResult } from './voso.types';

/**
 * HTTP calls to Voso, Viettel Post style: `{ status, error, message, data }` on every answer and the
 * `error` flag, not the HTTP status, decides success (a refusal can come as HTTP 200).
 */
export class VosoClient {
  constructor(private readonly timeoutMs: number) {}

  async login(c: MarketplaceCredentials): Promise<VosoLoginData> {
    return this.unwrap<VosoLoginData>(await this.call(c, null, 'POST', '/v2/user/Login', { USERNAME: c.username, PASSWORD: c.password }), true);
  }

  /** A repeat SELLER_SKU is not an error here: the existing product comes back with DUPLICATE = true. */
  async create(c: MarketplaceCredentials, token: string, payload: VosoProductPayload): Promise<VosoProduct> {
    return this.unwrap<VosoProduct>(await this.call(c, token, 'POST', '/v2/product/create', payload));
  }

  async findBySellerSku(c: MarketplaceCredentials, token: string, sellerSku: string): Promise<VosoProduct | null> {
    return this.unwrap<VosoProduct | null>(await this.call(c, token, 'GET', `/v2/product/getBySku?sellerSku=${encodeURIComponent(sellerSku)}`));
  }

  async get(c: MarketplaceCredentials, token: string, productId: string): Promise<VosoProduct> {
    return this.unwrap<VosoProduct>(await this.call(c, token, 'GET', `/v2/product/detail?productId=${encodeURIComponent(productId)}`));
  }

  async update(c: MarketplaceCredentials, token: string, productId: string, payload: VosoProductPayload): Promise<VosoProduct> {
    return this.unwrap<VosoProduct>(await this.call(c, token, 'POST', '/v2/product/update', { PRODUCT_ID: Number(productId), ...payload }));
  }

  async stockPrice(c: MarketplaceCredentials, token: string, items: VosoStockPriceItem[]): Promise<VosoStockPriceResult[]> {
    return this.unwrap<VosoStockPriceResult[]>(await this.call(c, token, 'POST', '/v2/product/updateStockPrice', { ITEMS: items }));
  }

  async unlist(c: MarketplaceCredentials, token: string, productId: string): Promise<VosoProduct> {
    return this.unwrap<VosoProduct>(await this.call(c, token, 'POST', '/v2/product/unlist', { PRODUCT_ID: Number(productId) }));
  }

  private call(c: MarketplaceCredentials, token: string | null, method: 'GET' | 'POST', path: string, body?: unknown): Promise<JsonResponse> {
    return requestJson({ method, url: `${c.baseUrl.replace(/\/+$/, '')}${path}`, headers: token ? { Token: token } : {}, body, timeoutMs: this.timeoutMs });
  }

  private unwrap<T>(res: JsonResponse, isLogin = false): T {
    const envelope = isEnvelope(res.body) ? res.body : null;
    if (envelope && !envelope.error && res.status >= 200 && res.status < 300) return envelope.data as T;
    // No envelope (a proxy's HTML error page, an empty body): fall back on the HTTP status alone.
    const status = envelope && envelope.error ? envelope.status : res.status;
    const data = (envelope?.data ?? {}) as VosoErrorData;
    throw new MarketplaceApiError('voso', vosoReason(res.status, status, data.errorCode, isLogin), res.status, envelope?.message ?? `HTTP ${res.status}`, {
      errorCode: data.errorCode,
      retryAfter: res.headers.get('retry-after'),
      fieldErrors: data.errors,
    });
  }
}

function isEnvelope(body: unknown): body is VosoEnvelope<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'boolean' && 'status' in body;
}

function vosoReason(httpStatus: number, status: number, errorCode: string | undefined, isLogin: boolean): MarketplaceRejectReason {
  if (httpStatus === 429 || status === 429) return 'rate_limited';
  if (httpStatus >= 500 || status >= 500) return 'server_error';
  if (status === 401 || httpStatus === 401) return isLogin || errorCode === 'INVALID_CREDENTIALS' ? 'credentials_rejected' : 'token_expired';
  if (status === 400 || status === 422) return 'validation';
  if (status === 403) return 'business_blocked';
  if (status === 404) return 'not_found';
  if (status === 409) return 'duplicate';
  return 'unexpected';
}
