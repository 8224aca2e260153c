import { Injectable } from '@nestjs/common';
import * as QRCode from 'qrcode';
import type { QrErrorCorrection } from './stamp-rendering.types';

// The only file that imports qrcode (style guide §5 rule 5): everything else sees a plain module matrix,
// so the encoder can be swapped without touching the SVG, PNG or PDF code.

/** Modules of a QR symbol without its quiet zone; (0, 0) is the top-left module. */
export interface QrMatrix {
  readonly size: number;
  /** Row-major, 1 for a dark module. */
  readonly modules: Uint8Array;
  isDark(x: number, y: number): boolean;
}

class PackedQrMatrix implements QrMatrix {
  constructor(
    readonly size: number,
    readonly modules: Uint8Array,
  ) {}

  isDark(x: number, y: number): boolean {
    return this.modules[y * this.size + x] === 1;
  }
}

@Injectable()
export class QrCodeGenerator {
  // M survives a scratched or slightly smudged label while keeping modules large on a 38 mm label;
  // Q is there for labels that live outdoors (crates, sacks).
  matrix(text: string, ecLevel: QrErrorCorrection = 'M'): QrMatrix {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: ecLevel });
    const packed = new Uint8Array(modules.size * modules.size);
    for (let i = 0; i < packed.length; i++) packed[i] = modules.data[i] ? 1 : 0;
    return new PackedQrMatrix(modules.size, packed);
  }
}
