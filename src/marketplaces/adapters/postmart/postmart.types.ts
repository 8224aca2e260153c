// Wire shapes of the Postmart partner API. CONTRACT PROPOSED BY NGUỒN (VNPost conventions), not the
// operator's: replace with theirs when provided. See docs/marketplaces/postmart.md.

export type PostmartProductStatus = 'PENDING_REVIEW' | 'ACTIVE' | 'REJECTED' | 'INACTIVE';

export interface PostmartLoginRequest {
  username: string;
  password: string;
  customerCode?: string;
}

export interface PostmartLoginResponse {
  token: string;
  /** Seconds from now. */
  expiresIn: number;
}

export interface PostmartProductPayload {
  sellerSku: string;
  name: string;
  categoryName: string;
  price: number;
  stock: number;
  unit: string;
  weight: number | null;
  description: string;
  images: string[];
  traceabilityUrl: string;
}

export interface PostmartProduct extends PostmartProductPayload {
  productId: number;
  status: PostmartProductStatus;
  rejectReason: string | null;
  url: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PostmartFieldError {
  field: string;
  code: string;
  message: string;
}

/** Body of every non-2xx answer. */
export interface PostmartErrorBody {
  errorCode: string;
  message: string;
  errors?: PostmartFieldError[];
  /** On 409 DUPLICATE_SELLER_SKU: the listing that already has the SKU. */
  product?: PostmartProduct;
}

export interface PostmartStockPriceItem {
  productId: number;
  stock?: number;
  price?: number;
}

export interface PostmartStockPriceResult {
  productId: number;
  success: boolean;
  errorCode?: string;
  message?: string;
}

export const POSTMART_MAX_BATCH_ITEMS = 50;
// VNPost's seller portal shows long titles; 150 leaves room for "– HTX … – hộp 5 kg" (our proposal).
export const POSTMART_TITLE_MAX = 150;
