import { Injectable } from '@nestjs/common';
import { ImageProcessor } from '../../media/image-processor';
import { labelFitProblems } from './label-content';
import { QrCodeGenerator } from './qr-code.generator';
import { getLayout, StampLayoutError } from './stamp-layouts';
import type { LabelGeometry, StampLabel } from './stamp-rendering.types';
import { renderStampSvg } from './stamp-svg';
import { VietnameseFont } from './vietnamese-font';

// Per-stamp images look like the roll label, so what a cooperative sees on screen is what it prints.
export const DEFAULT_IMAGE_LAYOUT = 'roll-single';
// 800 px across a 50 mm label gives about 9 px per QR module: phones decode it from a screen or a
// photo of a screen, and it still fits a chat message.
export const DEFAULT_PNG_WIDTH_PX = 800;
const MIN_PNG_WIDTH_PX = 300;
const MAX_PNG_WIDTH_PX = 4000;

export interface StampImageOptions {
  /** Code of a templates/stamps layout whose label geometry is used (default roll-single). */
  layout?: string;
}

@Injectable()
export class StampImageRenderer {
  private readonly checked = new Set<string>();

  constructor(
    private readonly images: ImageProcessor,
    private readonly qr: QrCodeGenerator,
    private readonly font: VietnameseFont,
  ) {}

  svg(label: StampLabel, options: StampImageOptions = {}): string {
    return renderStampSvg(label, this.geometry(options.layout), { qr: this.qr, font: this.font });
  }

  async png(label: StampLabel, options: StampImageOptions & { widthPx?: number } = {}): Promise<Buffer> {
    const widthPx = options.widthPx ?? DEFAULT_PNG_WIDTH_PX;
    if (!Number.isInteger(widthPx) || widthPx < MIN_PNG_WIDTH_PX || widthPx > MAX_PNG_WIDTH_PX) {
      throw new RangeError(`widthPx must be an integer from ${MIN_PNG_WIDTH_PX} to ${MAX_PNG_WIDTH_PX}`);
    }
    const geometry = this.geometry(options.layout);
    const svg = renderStampSvg(label, geometry, { qr: this.qr, font: this.font });
    // Rasterise at the density that yields widthPx directly; resizing a bitmap would blur module edges.
    return this.images.svgToPng(svg, { density: (widthPx * 25.4) / geometry.widthMm, width: widthPx });
  }

  private geometry(code = DEFAULT_IMAGE_LAYOUT): LabelGeometry {
    const geometry = getLayout(code).label;
    if (!this.checked.has(code)) {
      const problems = labelFitProblems(geometry, this.font);
      if (problems.length) throw new StampLayoutError(`Stamp layout ${code} does not fit its text: ${problems.join('; ')}`);
      this.checked.add(code);
    }
    return geometry;
  }
}
