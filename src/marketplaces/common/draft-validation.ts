import type { ListingDraft, LocalIssue } from '../marketplace-adapter';
import { composeTitle } from './listing-text';

export interface DraftRules {
  /** Applies to the composed title (name – cooperative – pack), which is what the marketplace gets. */
  titleMaxLength: number;
}

export const MIN_PRICE_VND = 1_000;
export const SELLER_SKU_MAX_LENGTH = 50;
// Both seller centres key products by an ASCII code; diacritics and spaces get mangled on export.
const SELLER_SKU_PATTERN = /^[A-Za-z0-9._-]+$/;

const issue = (field: string, vi: string, en: string): LocalIssue => ({ field, message: { vi, en } });
const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Every problem at once (not the first), so an officer fixes a product in one pass instead of
 * resubmitting per error. Pure: no I/O, safe to run on every keystroke.
 */
export function validateDraft(draft: ListingDraft, rules: DraftRules): LocalIssue[] {
  const issues: LocalIssue[] = [];
  if (blank(draft.sellerSku)) issues.push(issue('sellerSku', 'Thiếu mã SKU người bán', 'Seller SKU is missing'));
  else if (draft.sellerSku.length > SELLER_SKU_MAX_LENGTH || !SELLER_SKU_PATTERN.test(draft.sellerSku))
    issues.push(issue('sellerSku', `Mã SKU chỉ gồm chữ không dấu, số, dấu . _ - và tối đa ${SELLER_SKU_MAX_LENGTH} ký tự`, `Seller SKU must be at most ${SELLER_SKU_MAX_LENGTH} ASCII letters, digits, ".", "_" or "-"`));

  if (blank(draft.title)) issues.push(issue('title', 'Thiếu tên sản phẩm', 'Title is missing'));
  else {
    const length = composeTitle(draft).length;
    if (length > rules.titleMaxLength)
      issues.push(issue('title', `Tên hiển thị (kèm tên HTX và quy cách) dài ${length} ký tự, tối đa ${rules.titleMaxLength}`, `Displayed title (with cooperative and pack) is ${length} characters, at most ${rules.titleMaxLength}`));
  }
  if (blank(draft.descriptionText)) issues.push(issue('descriptionText', 'Thiếu mô tả sản phẩm', 'Description is missing'));
  if (blank(draft.categoryName)) issues.push(issue('categoryName', 'Thiếu danh mục sản phẩm', 'Category is missing'));
  if (!Number.isSafeInteger(draft.priceVnd) || draft.priceVnd < MIN_PRICE_VND)
    issues.push(issue('priceVnd', `Giá bán phải là số nguyên VND, tối thiểu ${MIN_PRICE_VND.toLocaleString('vi-VN')} đ`, `Price must be a whole number of VND, at least ${MIN_PRICE_VND}`));
  if (!Number.isSafeInteger(draft.stock) || draft.stock < 0) issues.push(issue('stock', 'Tồn kho phải là số nguyên không âm', 'Stock must be a whole number, 0 or more'));
  if (blank(draft.saleUnit)) issues.push(issue('saleUnit', 'Thiếu đơn vị bán (ví dụ: hộp 5 kg)', 'Sale unit is missing (e.g. "hộp 5 kg")'));
  if (draft.weightGrams != null && (!Number.isSafeInteger(draft.weightGrams) || draft.weightGrams <= 0))
    issues.push(issue('weightGrams', 'Khối lượng phải là số gam nguyên dương', 'Weight must be a positive whole number of grams'));

  if (!Array.isArray(draft.imageUrls) || draft.imageUrls.length === 0) issues.push(issue('imageUrls', 'Cần ít nhất một ảnh sản phẩm', 'At least one image is required'));
  else
    draft.imageUrls.forEach((url, i) => {
      if (!isHttpUrl(url)) issues.push(issue(`imageUrls[${i}]`, 'Đường dẫn ảnh không hợp lệ', 'Image URL is not a valid http(s) URL'));
    });

  if (blank(draft.traceabilityUrl)) issues.push(issue('traceabilityUrl', 'Thiếu đường dẫn truy xuất nguồn gốc', 'Traceability link is missing'));
  else if (!isHttpUrl(draft.traceabilityUrl)) issues.push(issue('traceabilityUrl', 'Đường dẫn truy xuất nguồn gốc không hợp lệ', 'Traceability link is not a valid http(s) URL'));

  // Title and description name the cooperative and province: they are the point of these listings.
  if (blank(draft.cooperativeName)) issues.push(issue('cooperativeName', 'Thiếu tên hợp tác xã', 'Cooperative name is missing'));
  if (blank(draft.provinceName)) issues.push(issue('provinceName', 'Thiếu tỉnh/thành xuất xứ', 'Province of origin is missing'));
  // Only 3 to 5 stars come with an OCOP certificate; advertising 1 or 2 stars would mislead buyers.
  if (draft.ocopStars != null && (!Number.isInteger(draft.ocopStars) || draft.ocopStars < 3 || draft.ocopStars > 5))
    issues.push(issue('ocopStars', 'Hạng OCOP phải là 3, 4 hoặc 5 sao', 'OCOP rating must be 3, 4 or 5 stars'));
  (draft.certifications ?? []).forEach((c, i) => {
    if (blank(c)) issues.push(issue(`certifications[${i}]`, 'Tên chứng nhận trống', 'Certification name is empty'));
  });
  return issues;
}
