import type { ProductImage } from '../product-image.entity';
import type { Product } from '../product.entity';

export type ProductImageSize = 'small' | 'medium' | 'large';

export class ProductImageResponseDto {
  id!: string;
  /** Display order from 1; the first image is the main one. */
  position!: number;
  /** Size of the upload after rotation. */
  width!: number;
  height!: number;
  /** Public WebP URLs: small 160 px, medium 640 px, large 1280 px on the longest side. */
  urls!: { small: string; medium: string; large: string };
  createdAt!: Date;
}

export class ProductResponseDto {
  id!: string;
  cooperativeId!: string;
  nameVi!: string;
  nameEn!: string | null;
  category!: string;
  unitOfSale!: string;
  netContent!: number;
  netContentUnit!: string;
  /** 14 digits. */
  gtin!: string | null;
  brand!: string | null;
  description!: string | null;
  standardsApplied!: string[];
  shelfLifeDays!: number | null;
  /** Stamps need at least one image (Circular 02/2024, item 2). */
  imageCount!: number;
  images!: ProductImageResponseDto[];
  createdAt!: Date;
  updatedAt!: Date;
}

export type ImageUrl = (image: ProductImage, size: ProductImageSize) => string;

export const toProductImageResponse = (image: ProductImage, url: ImageUrl): ProductImageResponseDto => ({
  id: image.id,
  position: image.position,
  width: image.width,
  height: image.height,
  urls: { small: url(image, 'small'), medium: url(image, 'medium'), large: url(image, 'large') },
  createdAt: image.createdAt,
});

/** The product's own fields, as the audit log records them (images are audited one by one). */
export const toProductFields = (p: Product) => ({
  id: p.id,
  cooperativeId: p.cooperativeId,
  nameVi: p.nameVi,
  nameEn: p.nameEn,
  category: p.category,
  unitOfSale: p.unitOfSale,
  // numeric columns come back from PostgreSQL as strings
  netContent: Number(p.netContent),
  netContentUnit: p.netContentUnit,
  gtin: p.gtin,
  brand: p.brand,
  description: p.description,
  standardsApplied: p.standardsApplied ?? [],
  shelfLifeDays: p.shelfLifeDays,
});

export function toProductResponse(p: Product, images: ProductImage[], url: ImageUrl): ProductResponseDto {
  const sorted = [...images].sort((a, b) => a.position - b.position);
  return {
    ...toProductFields(p),
    imageCount: sorted.length,
    images: sorted.map((i) => toProductImageResponse(i, url)),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
