import { ImageProcessor } from '../../src/media/image-processor';
import { QrCodeGenerator } from '../../src/stamps/rendering/qr-code.generator';
import { DEFAULT_PNG_WIDTH_PX, StampImageRenderer } from '../../src/stamps/rendering/stamp-image.renderer';
import { getLayout } from '../../src/stamps/rendering/stamp-layouts';
import type { StampLabel } from '../../src/stamps/rendering/stamp-rendering.types';
import { VietnameseFont } from '../../src/stamps/rendering/vietnamese-font';
import { decodeQr, readPng } from './qr-decode';

// The URL has escaped "&" and "+" and mixed case on purpose: any re-encoding on the way would show.
const URL = 'https://nguon.test/01/08936001234567/10/A%26B%2B1/21/Xk3mP9qT7vR2s';

function label(overrides: Partial<StampLabel> = {}): StampLabel {
  return { url: URL, serial: 'TMD-000001', productName: 'Bắp cải VietGAP Tân Minh Đức', cooperativeName: 'HTX Tân Minh Đức', ...overrides };
}

describe('StampImageRenderer (real sharp, real font)', () => {
  const renderer = new StampImageRenderer(new ImageProcessor(), new QrCodeGenerator(), new VietnameseFont());

  it('renders a PNG whose QR decodes back to exactly the stamp URL', async () => {
    const png = readPng(await renderer.png(label()));
    const roll = getLayout('roll-single').label;
    expect(png.width).toBe(DEFAULT_PNG_WIDTH_PX);
    expect(png.height).toBe(Math.round((DEFAULT_PNG_WIDTH_PX * roll.heightMm) / roll.widthMm));
    expect(decodeQr(png)).toBe(URL);
  });

  it('decodes at a requested width, with a PIN, in every layout geometry', async () => {
    for (const layout of ['roll-single', 'a4-65', 'a4-40', 'a4-21']) {
      const png = readPng(await renderer.png(label({ pin: '4821 7730' }), { layout, widthPx: 640 }));
      expect(png.width).toBe(640);
      expect(decodeQr(png)).toBe(URL);
    }
  });

  it('refuses widths phones could not decode or that would waste memory', async () => {
    await expect(renderer.png(label(), { widthPx: 120 })).rejects.toThrow(RangeError);
    await expect(renderer.png(label(), { widthPx: 100_000 })).rejects.toThrow(RangeError);
  });

  it('returns the same SVG as the PNG is made from, sized in millimetres', () => {
    const svg = renderer.svg(label());
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="50mm" height="30mm" viewBox="0 0 50 30">/);
    expect(svg).not.toContain('<text');
  });
});
