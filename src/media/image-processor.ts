import { Injectable } from '@nestjs/common';
import sharp from 'sharp';
import { DomainException } from '../common/errors/domain.exception';
import { MediaErrorCode } from './media-error-code';

// The only file that imports sharp. A long-running server must not keep sharp's file cache.
sharp.cache(false);

const MAX_INPUT_PIXELS = 50_000_000;

export interface ImageVariant {
  name: string;
  /** Longest side in pixels; smaller images are not enlarged. */
  size: number;
}

export interface EncodedVariant {
  data: Buffer;
  width: number;
  height: number;
}

export interface ProcessedImage {
  /** Size of the upload once its EXIF rotation is applied. */
  width: number;
  height: number;
  variants: Map<string, EncodedVariant>;
}

@Injectable()
export class ImageProcessor {
  /**
   * Decodes an uploaded image (any format sharp reads), applies its EXIF rotation, drops all metadata
   * (GPS of a farmer's phone included) and re-encodes it as WebP in each requested size.
   */
  async toWebpVariants(input: Buffer, variants: ImageVariant[], field = 'file'): Promise<Map<string, Buffer>> {
    const processed = await this.processToWebp(input, variants, field);
    return new Map([...processed.variants].map(([name, v]) => [name, v.data]));
  }

  /** Like toWebpVariants, also reporting the upright size of the upload and of each variant. */
  async processToWebp(input: Buffer, variants: ImageVariant[], field = 'file'): Promise<ProcessedImage> {
    await this.assertDecodable(input, field);
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const out = new Map<string, EncodedVariant>();
    for (const v of variants) {
      const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
        .rotate()
        .resize(v.size, v.size, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true });
      out.set(v.name, { data, width: info.width, height: info.height });
    }
    return { width: meta.autoOrient.width, height: meta.autoOrient.height, variants: out };
  }

  private async assertDecodable(input: Buffer, field: string): Promise<void> {
    try {
      const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
      if (!meta.width || !meta.height) throw new Error('no dimensions');
      // Decode fully once: a truncated file can have a valid header.
      await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).resize(8, 8).raw().toBuffer();
    } catch {
      throw new DomainException(
        MediaErrorCode.UNSUPPORTED_IMAGE,
        {
          vi: 'Tệp tải lên không phải ảnh đọc được (hãy dùng JPEG, PNG hoặc WebP)',
          en: 'The uploaded file is not a readable image (use JPEG, PNG or WebP)',
        },
        [{ field, message: { vi: 'Không đọc được ảnh', en: 'Not a readable image' } }],
      );
    }
  }

  /**
   * Rasterises an SVG we generated (stamps), at `density` dpi and, when given, resized to `width` pixels.
   * Flattened onto white: phones decode QR codes badly over a transparent background shown as black.
   */
  async svgToPng(svg: string, options: { density?: number; width?: number }): Promise<Buffer> {
    let image = sharp(Buffer.from(svg), { density: options.density, limitInputPixels: MAX_INPUT_PIXELS });
    if (options.width) image = image.resize({ width: options.width });
    return image.flatten({ background: '#ffffff' }).png().toBuffer();
  }
}
