import jsQR from 'jsqr';
import { PNG } from 'pngjs';

// Test helper: decode the QR code inside a PNG (or a crop of it), as a phone would.
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function readPng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

export function decodeQr(png: PNG, crop: Crop = { x: 0, y: 0, width: png.width, height: png.height }): string | null {
  const x0 = Math.max(0, Math.floor(crop.x));
  const y0 = Math.max(0, Math.floor(crop.y));
  const width = Math.min(png.width - x0, Math.ceil(crop.width));
  const height = Math.min(png.height - y0, Math.ceil(crop.height));
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const start = ((y0 + row) * png.width + x0) * 4;
    rgba.set(png.data.subarray(start, start + width * 4), row * width * 4);
  }
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
