import type { ProductImageSize } from './dto/product-response.dto';

// Sizes stored for each product photo (longest side): a list thumbnail, a phone-width picture for the
// origin page, and a large one for marketplaces (Postmart and Voso want at least ~1000 px).
export const PRODUCT_IMAGE_SIZES: readonly { name: ProductImageSize; size: number }[] = [
  { name: 'small', size: 160 },
  { name: 'medium', size: 640 },
  { name: 'large', size: 1280 },
];

// Enough for a product page and a marketplace gallery; keeps a cooperative from filling the disk by accident.
export const MAX_PRODUCT_IMAGES = 10;
