import type { ExternalListing, ExternalState, ListingDraft } from '../../marketplace-adapter';
import type { AssistedColumn } from '../../common/assisted-workbook';
import { composeDescription, composeTitle, ocopLabel, originLine } from '../../common/listing-text';
import type { MarketplaceFieldError } from '../../common/marketplace-errors';
import type { PostmartProduct, PostmartProductPayload, PostmartProductStatus } from './postmart.types';

const STATE: Record<PostmartProductStatus, ExternalState> = {
  PENDING_REVIEW: 'pending_review',
  ACTIVE: 'live',
  REJECTED: 'rejected',
  INACTIVE: 'unlisted',
};

// Postmart payload field → ListingDraft field, so marketplace errors point at what the officer edits.
const DRAFT_FIELD: Record<string, keyof ListingDraft> = {
  sellerSku: 'sellerSku',
  name: 'title',
  categoryName: 'categoryName',
  price: 'priceVnd',
  stock: 'stock',
  unit: 'saleUnit',
  weight: 'weightGrams',
  description: 'descriptionText',
  images: 'imageUrls',
  traceabilityUrl: 'traceabilityUrl',
};

export function toPostmartPayload(draft: ListingDraft): PostmartProductPayload {
  return {
    sellerSku: draft.sellerSku,
    name: composeTitle(draft),
    categoryName: draft.categoryName,
    price: draft.priceVnd,
    stock: draft.stock,
    unit: draft.saleUnit,
    weight: draft.weightGrams,
    description: composeDescription(draft),
    images: draft.imageUrls,
    traceabilityUrl: draft.traceabilityUrl,
  };
}

export function fromPostmartProduct(p: PostmartProduct): ExternalListing {
  return { externalId: String(p.productId), externalUrl: p.url ?? null, state: STATE[p.status] ?? 'pending_review', reason: p.rejectReason ?? null };
}

/** "images[1]" → "imageUrls[1]"; paths we do not know (category attributes…) stay as sent. */
export function toDraftFieldErrors(errors: MarketplaceFieldError[] = []): MarketplaceFieldError[] {
  return errors.map((e) => {
    const head = e.field.match(/^[A-Za-z]+/)?.[0] ?? '';
    const mapped = DRAFT_FIELD[head];
    return mapped ? { ...e, field: mapped + e.field.slice(head.length) } : e;
  });
}

const POSTMART_URL = /^https?:\/\/(?:www\.|m\.)?postmart\.vn\/p\/(?:[a-z0-9-]*-)?(\d+)\.html\/?(?:[?#].*)?$/i;

/** `https://postmart.vn/p/tao-dai-muong-la-htx-hung-thinh-hop-5kg-43160.html` → "43160". */
export function parsePostmartListingUrl(url: string): string | null {
  return url.trim().match(POSTMART_URL)?.[1] ?? null;
}

// Headers as an officer would find them in a seller centre product form; we have not seen Postmart's
// own form, so these are ours (docs/marketplaces/postmart.md, "Assisted mode").
export const POSTMART_ASSISTED_COLUMNS: AssistedColumn[] = [
  { header: 'Mã SKU người bán', width: 22, value: (d) => d.sellerSku },
  { header: 'Tên sản phẩm', width: 50, value: (d) => composeTitle(d), wrap: true },
  { header: 'Danh mục', width: 24, value: (d) => d.categoryName },
  { header: 'Giá bán (VNĐ)', width: 14, value: (d) => d.priceVnd },
  { header: 'Đơn vị tính', width: 14, value: (d) => d.saleUnit },
  { header: 'Số lượng tồn kho', width: 14, value: (d) => d.stock },
  { header: 'Khối lượng (gram)', width: 14, value: (d) => d.weightGrams },
  { header: 'Mô tả sản phẩm', width: 70, value: (d) => composeDescription(d), wrap: true },
  { header: 'Xuất xứ', width: 30, value: (d) => originLine(d) },
  { header: 'Hạng OCOP', width: 14, value: (d) => ocopLabel(d.ocopStars) },
  { header: 'Chứng nhận', width: 24, value: (d) => d.certifications.join(', ') || null },
  { header: 'Link truy xuất nguồn gốc', width: 45, value: (d) => d.traceabilityUrl },
  { header: 'Link ảnh (mỗi dòng một ảnh)', width: 60, value: (d) => d.imageUrls.join('\n'), wrap: true },
];

export const POSTMART_ASSISTED_GUIDE = [
  'Đăng sản phẩm lên Postmart (chế độ hỗ trợ thủ công)',
  '1. Đăng nhập trang người bán Postmart bằng tài khoản của hợp tác xã.',
  '2. Với mỗi dòng ở trang "Sản phẩm": tạo sản phẩm mới, sao chép từng cột vào ô cùng tên; tải ảnh từ các link ở cột "Link ảnh".',
  '3. Giữ nguyên "Mã SKU người bán": Nguồn dùng mã này để nhận ra sản phẩm, tránh đăng trùng.',
  '4. Sau khi gửi duyệt, dán link sản phẩm (dạng https://postmart.vn/p/<tên>-<mã>.html) vào Nguồn để theo dõi.',
];
