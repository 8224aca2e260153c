import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/** A small real PNG (a green square with a red corner), encoded without sharp. */
export function tinyPng(width = 40, height = 30): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const corner = x < 5 && y < 5;
      png.data[i] = corner ? 220 : 30;
      png.data[i + 1] = corner ? 20 : 160;
      png.data[i + 2] = 40;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** Bytes that start like a PNG but are not one. */
export function fakePng(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), deflateSync(Buffer.from('not an image'))]);
}
