import { slugify } from './sandbox.state';
import { badRequest, invalid, notFound, readListingInput, RenderedResponse, SandboxErrorKind, SandboxOutcome, SandboxStyle, toWireProblems, WireFieldNames } from './sandbox-style';
import type { SandboxListing, SandboxListingInput, SandboxListingState } from './sandbox.types';

// Voso as Viettel Post would likely build it (shared/docs/marketplaces.md §1.3): partner.viettelpost.vn
// style `/v2/...` paths, UPPER_SNAKE payload keys, `Token` header, and every answer wrapped in
// `{ status, error, message, data }`. Business and validation failures come as `error: true` in an
// HTTP 200 (the SDKs throw on `error`, not on the status); token, rate-limit and server failures also
// use the matching HTTP status so generic HTTP tooling sees them.
// CONTRACT PROPOSED BY NGUỒN, not published by the operator: see docs/marketplaces/voso.md.

const FIELDS: WireFieldNames = {
  sellerSku: 'SELLER_SKU',
  title: 'PRODUCT_NAME',
  categoryName: 'CATEGORY_NAME',
  price: 'PRICE',
  stock: 'QUANTITY',
  unit: 'UNIT',
  weightGrams: 'WEIGHT',
  description: 'DESCRIPTION',
  images: 'IMAGES',
  traceabilityUrl: 'TRACE_URL',
};

const STATUS: Record<SandboxListingState, string> = { pending_review: 'PENDING', live: 'APPROVED', rejected: 'REJECTED', unlisted: 'HIDDEN' };

/** [HTTP status, envelope status, errorCode]. */
const ERRORS: Record<SandboxErrorKind, [number, number, string]> = {
  invalid_credentials: [200, 401, 'INVALID_CREDENTIALS'],
  token_missing: [401, 401, 'TOKEN_MISSING'],
  token_invalid: [401, 401, 'TOKEN_INVALID'],
  token_expired: [401, 401, 'TOKEN_EXPIRED'],
  token_revoked: [401, 401, 'TOKEN_REVOKED'],
  rate_limited: [429, 429, 'RATE_LIMITED'],
  validation: [200, 422, 'VALIDATION_ERROR'],
  not_found: [200, 404, 'NOT_FOUND'],
  duplicate: [200, 409, 'DUPLICATE_SELLER_SKU'],
  business_blocked: [200, 403, 'SHOP_BLOCKED'],
  server_error: [500, 500, 'INTERNAL_ERROR'],
  bad_request: [200, 400, 'BAD_REQUEST'],
};

export function vosoProduct(l: SandboxListing, duplicate = false) {
  return {
    PRODUCT_ID: l.id,
    SELLER_SKU: l.sellerSku,
    PRODUCT_NAME: l.title,
    CATEGORY_NAME: l.categoryName,
    PRICE: l.price,
    QUANTITY: l.stock,
    UNIT: l.unit,
    WEIGHT: l.weightGrams,
    DESCRIPTION: l.description,
    IMAGES: l.images,
    TRACE_URL: l.traceabilityUrl,
    STATUS: STATUS[l.state],
    REASON: l.reason,
    URL: `https://voso.vn/${slugify(l.title)}-p${l.id}`,
    DUPLICATE: duplicate,
    CREATED_AT: l.createdAt,
    UPDATED_AT: l.updatedAt,
  };
}

function render(outcome: SandboxOutcome): RenderedResponse {
  if (outcome.ok) return { status: 200, body: { status: outcome.httpStatus ?? 200, error: false, message: outcome.message ?? 'OK', data: outcome.data } };
  const [httpStatus, status, code] = ERRORS[outcome.error];
  return {
    status: outcome.httpStatus ?? httpStatus,
    headers: outcome.retryAfter ? { 'retry-after': outcome.retryAfter } : undefined,
    body: {
      status: outcome.httpStatus ?? status,
      error: true,
      message: outcome.message,
      data: { errorCode: outcome.code ?? code, ...(outcome.fieldErrors && { errors: outcome.fieldErrors }) },
    },
  };
}

export const VOSO_STYLE: SandboxStyle = {
  marketplace: 'voso',
  tokenHeader: 'token',
  loginUsername: (body) => body.USERNAME,
  render,
  routes: [
    {
      route: 'login',
      method: 'POST',
      url: '/v2/user/Login',
      handle: ({ state, body }) => {
        const token = state.login('voso', body.USERNAME, body.PASSWORD);
        if (!token) return { ok: false, error: 'invalid_credentials', message: 'Sai tên đăng nhập hoặc mật khẩu' };
        return { ok: true, data: { userId: token.accountId, token: token.token, expired: token.expiresAt } };
      },
    },
    {
      route: 'create',
      method: 'POST',
      url: '/v2/product/create',
      handle: ({ state, body, account }) => {
        const input = readListingInput(body, FIELDS);
        const problems = state.validate('voso', input);
        if (problems.length > 0) return invalid(toWireProblems(problems, FIELDS));
        const { listing, duplicate } = state.create('voso', account!.accountId, input as SandboxListingInput);
        // Idempotent by SELLER_SKU: a repeat is a success carrying the first listing, flagged.
        return duplicate
          ? { ok: true, message: 'Sản phẩm đã tồn tại với SELLER_SKU này', data: vosoProduct(listing, true) }
          : { ok: true, httpStatus: 201, message: 'Đã gửi duyệt', data: vosoProduct(listing) };
      },
    },
    {
      route: 'lookup',
      method: 'GET',
      url: '/v2/product/getBySku',
      handle: ({ state, query, account }) => {
        if (typeof query.sellerSku !== 'string' || query.sellerSku === '') return badRequest('Thiếu tham số sellerSku');
        const listing = state.findBySku('voso', account!.accountId, query.sellerSku);
        return { ok: true, data: listing ? vosoProduct(state.readStatus(listing, false)) : null };
      },
    },
    {
      route: 'get',
      method: 'GET',
      url: '/v2/product/detail',
      handle: ({ state, query, account }) => {
        const listing = state.get('voso', account!.accountId, query.productId);
        return listing ? { ok: true, data: vosoProduct(state.readStatus(listing, true)) } : notFound();
      },
    },
    {
      route: 'update',
      method: 'POST',
      url: '/v2/product/update',
      handle: ({ state, body, account }) => {
        const listing = state.get('voso', account!.accountId, body.PRODUCT_ID);
        if (!listing) return notFound();
        const input = readListingInput({ SELLER_SKU: listing.sellerSku, ...body }, FIELDS);
        const problems = state.validate('voso', input);
        if (input.sellerSku !== listing.sellerSku) problems.push({ field: 'sellerSku', code: 'IMMUTABLE', message: 'Không được đổi SELLER_SKU' });
        if (problems.length > 0) return invalid(toWireProblems(problems, FIELDS));
        return { ok: true, data: vosoProduct(state.update(listing, input as SandboxListingInput)) };
      },
    },
    {
      route: 'stock_price',
      method: 'POST',
      url: '/v2/product/updateStockPrice',
      handle: ({ state, body, account }) => {
        const items = body.ITEMS;
        if (!Array.isArray(items) || items.length === 0) return invalid([{ field: 'ITEMS', code: 'REQUIRED', message: 'Cần ít nhất một sản phẩm' }]);
        if (items.length > state.config.maxBatchItems)
          return invalid([{ field: 'ITEMS', code: 'TOO_MANY_ITEMS', message: `Tối đa ${state.config.maxBatchItems} sản phẩm mỗi lần` }]);
        const results = state.stockAndPrice(
          'voso',
          account!.accountId,
          items.map((i: Record<string, unknown>) => ({ id: i?.PRODUCT_ID, stock: i?.QUANTITY, price: i?.PRICE })),
        );
        return {
          ok: true,
          data: results.map((r) => (r.ok ? { PRODUCT_ID: r.id, SUCCESS: true } : { PRODUCT_ID: r.id, SUCCESS: false, ERROR_CODE: r.code, MESSAGE: r.message })),
        };
      },
    },
    {
      route: 'unlist',
      method: 'POST',
      url: '/v2/product/unlist',
      handle: ({ state, body, account }) => {
        const listing = state.get('voso', account!.accountId, body.PRODUCT_ID);
        return listing ? { ok: true, data: vosoProduct(state.unlist(listing)) } : notFound();
      },
    },
  ],
};
