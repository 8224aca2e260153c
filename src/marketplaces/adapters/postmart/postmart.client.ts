import type { MarketplaceCredentials } from '../../marketplace-adapter';
import { MarketplaceApiError, MarketplaceRejectReason } from '../../common/marketplace-errors';
import { JsonResponse, requestJson } from '../../common/json-http';
import type {
  PostmartErrorBody,
  PostmartLoginResponse,
  PostmartProduct,
  PostmartProductPayload,
  PostmartStockPriceItem,
  PostmartStockPriceResult,
} from './postmart.types';

const BASE_PATH = '/customer-partner';

/**
 * HTTP calls to Postmart, VNPost style: REST statuses carry the outcome and `{ errorCode, message }`
 * explains failures. Returns wire shapes; throws MarketplaceApiError / MarketplaceTransportError.
 */
export class PostmartClient {
  constructor(private readonly timeoutMs: number) {}

  async login(c: MarketplaceCredentials): Promise<PostmartLoginResponse> {
    const res = await this.call(c, null, 'POST', '/GetAccessToken', { username: c.username, password: c.password, customerCode: c.customerCode });
    return this.expectOk(res, true) as PostmartLoginResponse;
  }

  /** 201 created, or 409 with the listing that already has this seller SKU. */
  async create(c: MarketplaceCredentials, token: string, payload: PostmartProductPayload): Promise<{ product: PostmartProduct; duplicate: boolean }> {
    const res = await this.call(c, token, 'POST', '/products', payload);
    const body = res.body as PostmartErrorBody | undefined;
    if (res.status === 409 && body?.product) return { product: body.product, duplicate: true };
    return { product: this.expectOk(res) as PostmartProduct, duplicate: false };
  }

  async findBySellerSku(c: MarketplaceCredentials, token: string, sellerSku: string): Promise<PostmartProduct | null> {
    const res = await this.call(c, token, 'GET', `/products?sellerSku=${encodeURIComponent(sellerSku)}`);
    return (this.expectOk(res) as { items: PostmartProduct[] }).items[0] ?? null;
  }

  async get(c: MarketplaceCredentials, token: string, productId: string): Promise<PostmartProduct> {
    return this.expectOk(await this.call(c, token, 'GET', `/products/${encodeURIComponent(productId)}`)) as PostmartProduct;
  }

  async update(c: MarketplaceCredentials, token: string, productId: string, payload: PostmartProductPayload): Promise<PostmartProduct> {
    return this.expectOk(await this.call(c, token, 'PUT', `/products/${encodeURIComponent(productId)}`, payload)) as PostmartProduct;
  }

  async stockPrice(c: MarketplaceCredentials, token: string, items: PostmartStockPriceItem[]): Promise<PostmartStockPriceResult[]> {
    return (this.expectOk(await this.call(c, token, 'POST', '/products/stock-price', { items })) as { results: PostmartStockPriceResult[] }).results;
  }

  async unlist(c: MarketplaceCredentials, token: string, productId: string): Promise<PostmartProduct> {
    return this.expectOk(await this.call(c, token, 'POST', `/products/${encodeURIComponent(productId)}/unlist`)) as PostmartProduct;
  }

  private call(c: MarketplaceCredentials, token: string | null, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<JsonResponse> {
    return requestJson({
      method,
      url: `${c.baseUrl.replace(/\/+$/, '')}${BASE_PATH}${path}`,
      headers: token ? { token } : {},
      body,
      timeoutMs: this.timeoutMs,
    });
  }

  private expectOk(res: JsonResponse, isLogin = false): unknown {
    if (res.status >= 200 && res.status < 300) return res.body;
    const body = (typeof res.body === 'object' && res.body ? res.body : {}) as Partial<PostmartErrorBody>;
    throw new MarketplaceApiError('postmart', postmartReason(res.status, isLogin), res.status, body.message ?? `HTTP ${res.status}`, {
      errorCode: body.errorCode,
      retryAfter: res.headers.get('retry-after'),
      fieldErrors: body.errors,
    });
  }
}

function postmartReason(status: number, isLogin: boolean): MarketplaceRejectReason {
  // A 401 on login means the shop's username/password/customerCode are wrong (re-logging in will not
  // help); anywhere else it means the token is no longer accepted (log in again).
  if (status === 401) return isLogin ? 'credentials_rejected' : 'token_expired';
  if (status === 403) return 'business_blocked';
  if (status === 404) return 'not_found';
  if (status === 409) return 'duplicate';
  if (status === 400 || status === 422) return 'validation';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'unexpected';
}
