import { slugify } from './sandbox.state';
import { badRequest, invalid, notFound, readListingInput, RenderedResponse, SandboxErrorKind, SandboxOutcome, SandboxStyle, toWireProblems, WireFieldNames } from './sandbox-style';
import type { SandboxListing, SandboxListingInput, SandboxListingState } from './sandbox.types';

// Postmart as VNPost would likely build it (shared/docs/marketplaces.md §1.3): MyVNPost's
// "customer-partner" paths, camelCase JSON, `token` header, HTTP statuses carry the outcome.
// CONTRACT PROPOSED BY NGUỒN, not published by the operator: see docs/marketplaces/postmart.md.

const FIELDS: WireFieldNames = {
  sellerSku: 'sellerSku',
  title: 'name',
  categoryName: 'categoryName',
  price: 'price',
  stock: 'stock',
  unit: 'unit',
  weightGrams: 'weight',
  description: 'description',
  images: 'images',
  traceabilityUrl: 'traceabilityUrl',
};

const STATUS: Record<SandboxListingState, string> = { pending_review: 'PENDING_REVIEW', live: 'ACTIVE', rejected: 'REJECTED', unlisted: 'INACTIVE' };

const ERRORS: Record<SandboxErrorKind, { status: number; code: string }> = {
  invalid_credentials: { status: 401, code: 'INVALID_CREDENTIALS' },
  token_missing: { status: 401, code: 'TOKEN_MISSING' },
  token_invalid: { status: 401, code: 'TOKEN_INVALID' },
  token_expired: { status: 401, code: 'TOKEN_EXPIRED' },
  token_revoked: { status: 401, code: 'TOKEN_REVOKED' },
  rate_limited: { status: 429, code: 'RATE_LIMITED' },
  validation: { status: 422, code: 'VALIDATION_ERROR' },
  not_found: { status: 404, code: 'NOT_FOUND' },
  duplicate: { status: 409, code: 'DUPLICATE_SELLER_SKU' },
  business_blocked: { status: 403, code: 'SHOP_BLOCKED' },
  server_error: { status: 500, code: 'INTERNAL_ERROR' },
  bad_request: { status: 400, code: 'BAD_REQUEST' },
};

export function postmartProduct(l: SandboxListing) {
  return {
    productId: l.id,
    sellerSku: l.sellerSku,
    name: l.title,
    categoryName: l.categoryName,
    price: l.price,
    stock: l.stock,
    unit: l.unit,
    weight: l.weightGrams,
    description: l.description,
    images: l.images,
    traceabilityUrl: l.traceabilityUrl,
    status: STATUS[l.state],
    rejectReason: l.reason,
    url: `https://postmart.vn/p/${slugify(l.title)}-${l.id}.html`,
    createdAt: new Date(l.createdAt).toISOString(),
    updatedAt: new Date(l.updatedAt).toISOString(),
  };
}

function render(outcome: SandboxOutcome): RenderedResponse {
  if (outcome.ok) return { status: outcome.httpStatus ?? 200, body: outcome.data };
  const { status, code } = ERRORS[outcome.error];
  return {
    status: outcome.httpStatus ?? status,
    headers: outcome.retryAfter ? { 'retry-after': outcome.retryAfter } : undefined,
    body: {
      errorCode: outcome.code ?? code,
      message: outcome.message,
      ...(outcome.fieldErrors && { errors: outcome.fieldErrors }),
      ...(outcome.data !== undefined && { product: outcome.data }),
    },
  };
}

export const POSTMART_STYLE: SandboxStyle = {
  marketplace: 'postmart',
  tokenHeader: 'token',
  loginUsername: (body) => body.username,
  render,
  routes: [
    {
      route: 'login',
      method: 'POST',
      url: '/customer-partner/GetAccessToken',
      handle: ({ state, body }) => {
        const token = state.login('postmart', body.username, body.password, body.customerCode);
        if (!token) return { ok: false, error: 'invalid_credentials', message: 'Sai tên đăng nhập, mật khẩu hoặc mã khách hàng' };
        return { ok: true, data: { token: token.token, expiresIn: state.config.tokenTtlSec } };
      },
    },
    {
      route: 'create',
      method: 'POST',
      url: '/customer-partner/products',
      handle: ({ state, body, account }) => {
        const input = readListingInput(body, FIELDS);
        const problems = state.validate('postmart', input);
        if (problems.length > 0) return invalid(toWireProblems(problems, FIELDS));
        const { listing, duplicate } = state.create('postmart', account!.accountId, input as SandboxListingInput);
        if (duplicate) return { ok: false, error: 'duplicate', message: 'Mã SKU người bán đã tồn tại', data: postmartProduct(listing) };
        return { ok: true, httpStatus: 201, data: postmartProduct(listing) };
      },
    },
    {
      route: 'lookup',
      method: 'GET',
      url: '/customer-partner/products',
      handle: ({ state, query, account }) => {
        if (typeof query.sellerSku !== 'string' || query.sellerSku === '') return badRequest('Thiếu tham số sellerSku');
        const listing = state.findBySku('postmart', account!.accountId, query.sellerSku);
        return { ok: true, data: { items: listing ? [postmartProduct(state.readStatus(listing, false))] : [] } };
      },
    },
    {
      route: 'get',
      method: 'GET',
      url: '/customer-partner/products/:productId',
      handle: ({ state, params, account }) => {
        const listing = state.get('postmart', account!.accountId, params.productId);
        return listing ? { ok: true, data: postmartProduct(state.readStatus(listing, true)) } : notFound();
      },
    },
    {
      route: 'update',
      method: 'PUT',
      url: '/customer-partner/products/:productId',
      handle: ({ state, params, body, account }) => {
        const listing = state.get('postmart', account!.accountId, params.productId);
        if (!listing) return notFound();
        const input = readListingInput({ sellerSku: listing.sellerSku, ...body }, FIELDS);
        const problems = state.validate('postmart', input);
        if (input.sellerSku !== listing.sellerSku) problems.push({ field: 'sellerSku', code: 'IMMUTABLE', message: 'Không được đổi mã SKU người bán' });
        if (problems.length > 0) return invalid(toWireProblems(problems, FIELDS));
        return { ok: true, data: postmartProduct(state.update(listing, input as SandboxListingInput)) };
      },
    },
    {
      route: 'stock_price',
      method: 'POST',
      url: '/customer-partner/products/stock-price',
      handle: ({ state, body, account }) => {
        const items = body.items;
        if (!Array.isArray(items) || items.length === 0) return invalid([{ field: 'items', code: 'REQUIRED', message: 'Cần ít nhất một sản phẩm' }]);
        if (items.length > state.config.maxBatchItems)
          return invalid([{ field: 'items', code: 'TOO_MANY_ITEMS', message: `Tối đa ${state.config.maxBatchItems} sản phẩm mỗi lần` }]);
        const results = state.stockAndPrice(
          'postmart',
          account!.accountId,
          items.map((i: Record<string, unknown>) => ({ id: i?.productId, stock: i?.stock, price: i?.price })),
        );
        return {
          ok: true,
          data: { results: results.map((r) => (r.ok ? { productId: r.id, success: true } : { productId: r.id, success: false, errorCode: r.code, message: r.message })) },
        };
      },
    },
    {
      route: 'unlist',
      method: 'POST',
      url: '/customer-partner/products/:productId/unlist',
      handle: ({ state, params, account }) => {
        const listing = state.get('postmart', account!.accountId, params.productId);
        return listing ? { ok: true, data: postmartProduct(state.unlist(listing)) } : notFound();
      },
    },
  ],
};
