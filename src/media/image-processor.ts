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

@Injectable()
export class ImageProcessor {
  /**
   * Decodes an uploaded image (any format sharp reads), applies its EXIF rotation, drops all metadata
   * (GPS of a farmer's phone included) and re-encodes it as WebP in each requested size.
   */
  async toWebpVariants(input: Buffer, variants: ImageVariant[], field = 'file'): Promise<Map<string, Buffer>> {
    await this.assertDecodable(input, field);
    const out = new Map<string, Buffer>();
    for (const v of variants) {
      const buffer = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
        .rotate()
        .resize(v.size, v.size, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer();
      out.set(v.name, buffer);
    }
    return out;
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
}
