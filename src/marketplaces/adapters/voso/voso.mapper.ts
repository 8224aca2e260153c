import type { ExternalListing, ExternalState, ListingDraft } from '../../marketplace-adapter';
import type { AssistedColumn } from '../../common/assisted-workbook';
import { composeDescription, composeTitle, ocopLabel, originLine } from '../../common/listing-text';
import type { MarketplaceFieldError } from '../../common/marketplace-errors';
import type { VosoProduct, VosoProductPayload, VosoProductStatus } from './voso.types';

const STATE: Record<VosoProductStatus, ExternalState> = { PENDING: 'pending_review', APPROVED: 'live', REJECTED: 'rejected', HIDDEN: 'unlisted' };

// Voso payload field → ListingDraft field, so marketplace errors point at what the officer edits.
const DRAFT_FIELD: Record<string, keyof ListingDraft> = {
  SELLER_SKU: 'sellerSku',
  PRODUCT_NAME: 'title',
  CATEGORY_NAME: 'categoryName',
  PRICE: 'priceVnd',
  QUANTITY: 'stock',
  UNIT: 'saleUnit',
  WEIGHT: 'weightGrams',
  DESCRIPTION: 'descriptionText',
  IMAGES: 'imageUrls',
  TRACE_URL: 'traceabilityUrl',
};

export function toVosoPayload(draft: ListingDraft): VosoProductPayload {
  return {
    SELLER_SKU: draft.sellerSku,
    PRODUCT_NAME: composeTitle(draft),
    CATEGORY_NAME: draft.categoryName,
    PRICE: draft.priceVnd,
    QUANTITY: draft.stock,
    UNIT: draft.saleUnit,
    WEIGHT: draft.weightGrams,
    DESCRIPTION: composeDescription(draft),
    IMAGES: draft.imageUrls,
    TRACE_URL: draft.traceabilityUrl,
  };
}

export function fromVosoProduct(p: VosoProduct): ExternalListing {
  return { externalId: String(p.PRODUCT_ID), externalUrl: p.URL ?? null, state: STATE[p.STATUS] ?? 'pending_review', reason: p.REASON ?? null };
}

/** "IMAGES[1]" → "imageUrls[1]"; paths we do not know stay as sent. */
export function toDraftFieldErrors(errors: MarketplaceFieldError[] = []): MarketplaceFieldError[] {
  return errors.map((e) => {
    const head = e.field.match(/^[A-Za-z_]+/)?.[0] ?? '';
    const mapped = DRAFT_FIELD[head];
    return mapped ? { ...e, field: mapped + e.field.slice(head.length) } : e;
  });
}

// ASSUMPTION (no product URL pattern was found in public traces, shared/docs/marketplaces.md §1.2):
// product pages are `https://voso.vn/<slug>-p<id>`, the id being the API's PRODUCT_ID. Provincial
// sites (`<tinh>.voso.vn`) are accepted; the seller portal (mc.voso.vn) is not a product page.
const VOSO_URL = /^https?:\/\/(?:(?!mc\.)[a-z0-9-]+\.)?voso\.vn\/(?:[a-z0-9-]*-)?p(\d+)\/?(?:[?#].*)?$/i;

export function parseVosoListingUrl(url: string): string | null {
  return url.trim().match(VOSO_URL)?.[1] ?? null;
}

export const VOSO_ASSISTED_COLUMNS: AssistedColumn[] = [
  { header: 'Mã SKU người bán', width: 22, value: (d) => d.sellerSku },
  { header: 'Tên sản phẩm (tối đa 120 ký tự)', width: 50, value: (d) => composeTitle(d), wrap: true },
  { header: 'Ngành hàng', width: 24, value: (d) => d.categoryName },
  { header: 'Giá bán (VNĐ)', width: 14, value: (d) => d.priceVnd },
  { header: 'Đơn vị bán', width: 14, value: (d) => d.saleUnit },
  { header: 'Số lượng', width: 12, value: (d) => d.stock },
  { header: 'Cân nặng (gram)', width: 14, value: (d) => d.weightGrams },
  { header: 'Mô tả chi tiết', width: 70, value: (d) => composeDescription(d), wrap: true },
  { header: 'Xuất xứ', width: 30, value: (d) => originLine(d) },
  { header: 'Sao OCOP', width: 12, value: (d) => ocopLabel(d.ocopStars) },
  { header: 'Chứng nhận', width: 24, value: (d) => d.certifications.join(', ') || null },
  { header: 'Link truy xuất nguồn gốc', width: 45, value: (d) => d.traceabilityUrl },
  { header: 'Link ảnh (mỗi dòng một ảnh)', width: 60, value: (d) => d.imageUrls.join('\n'), wrap: true },
];

export const VOSO_ASSISTED_GUIDE = [
  'Đăng sản phẩm lên Voso (chế độ hỗ trợ thủ công)',
  '1. Đăng nhập Kênh Người Bán Voso (https://mc.voso.vn) bằng tài khoản nhà cung cấp của hợp tác xã.',
  '2. Với mỗi dòng ở trang "Sản phẩm": thêm sản phẩm mới, sao chép từng cột vào ô cùng tên; tải ảnh từ các link ở cột "Link ảnh".',
  '3. Giữ nguyên "Mã SKU người bán": Nguồn dùng mã này để nhận ra sản phẩm, tránh đăng trùng.',
  '4. Sau khi gửi duyệt, dán link trang sản phẩm trên voso.vn vào Nguồn để theo dõi.',
];
