// Wire shapes of the Voso partner API. CONTRACT PROPOSED BY NGUỒN (Viettel Post conventions), not the
// operator's: replace with theirs when provided. See docs/marketplaces/voso.md.

/** Every answer, success or failure, comes in this envelope (as partner.viettelpost.vn does). */
export interface VosoEnvelope<T> {
  status: number;
  error: boolean;
  message: string;
  data: T;
}

export interface VosoErrorData {
  errorCode?: string;
  errors?: { field: string; code: string; message: string }[];
}

export interface VosoLoginData {
  userId: string;
  token: string;
  /** Epoch milliseconds, as Viettel Post's `expired`. */
  expired: number;
}

export type VosoProductStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'HIDDEN';

export interface VosoProductPayload {
  SELLER_SKU: string;
  PRODUCT_NAME: string;
  CATEGORY_NAME: string;
  PRICE: number;
  QUANTITY: number;
  UNIT: string;
  WEIGHT: number | null;
  DESCRIPTION: string;
  IMAGES: string[];
  TRACE_URL: string;
}

export interface VosoProduct extends VosoProductPayload {
  PRODUCT_ID: number;
  STATUS: VosoProductStatus;
  REASON: string | null;
  URL: string | null;
  /** True when create found an existing product with this SELLER_SKU and returned it. */
  DUPLICATE?: boolean;
  CREATED_AT: number;
  UPDATED_AT: number;
}

export interface VosoStockPriceItem {
  PRODUCT_ID: number;
  QUANTITY?: number;
  PRICE?: number;
}

export interface VosoStockPriceResult {
  PRODUCT_ID: number;
  SUCCESS: boolean;
  ERROR_CODE?: string;
  MESSAGE?: string;
}

export const VOSO_MAX_BATCH_ITEMS = 50;
// Shorter than Postmart: Voso's app shows titles in two lines on phones, the main shopping channel
// for its provincial sites (our proposal; no published limit was found).
export const VOSO_TITLE_MAX = 120;
