import { formatNumber as f } from './number-format';
import type { QrMatrix } from './qr-code.generator';

// ISO/IEC 18004 asks for 4 light modules around the symbol; cheap phone cameras need them on a busy label.
export const QR_QUIET_ZONE_MODULES = 4;

// Below this a 300 dpi label printer has fewer than 3 dots per module and phones start to fail.
export const MIN_QR_MODULE_MM = 0.25;

export interface QrRun {
  x: number;
  y: number;
  length: number;
}

/** Side of the symbol in modules, quiet zone included. */
export function qrSideModules(matrix: QrMatrix): number {
  return matrix.size + 2 * QR_QUIET_ZONE_MODULES;
}

// Horizontal runs of dark modules: one rectangle per run instead of one per module makes the paths
// about three times shorter, and abutting rectangles leave no hairline gaps between modules.
export function qrModuleRuns(matrix: QrMatrix): QrRun[] {
  const runs: QrRun[] = [];
  const { size, modules } = matrix;
  for (let y = 0; y < size; y++) {
    const row = y * size;
    let x = 0;
    while (x < size) {
      if (modules[row + x] !== 1) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules[row + x] === 1) x++;
      runs.push({ x: start, y, length: x - start });
    }
  }
  return runs;
}

/**
 * SVG path data of all dark modules. (offsetX, offsetY) is the top-left corner of the quiet zone, so a
 * square of qrSideModules(matrix) * moduleSize at that point holds the whole symbol.
 */
export function qrSvgPath(matrix: QrMatrix, moduleSize: number, offsetX: number, offsetY: number): string {
  const origin = QR_QUIET_ZONE_MODULES * moduleSize;
  const h = f(moduleSize);
  const parts: string[] = [];
  for (const run of qrModuleRuns(matrix)) {
    const x = offsetX + origin + run.x * moduleSize;
    const y = offsetY + origin + run.y * moduleSize;
    parts.push(`M${f(x)} ${f(y)}h${f(run.length * moduleSize)}v${h}h${f(-run.length * moduleSize)}z`);
  }
  return parts.join('');
}

/**
 * PDF path-construction operators (`re`) in module units with the quiet zone included; the caller sets a
 * `cm` that scales one unit to one module and fills once, so each QR is a single vector path.
 */
export function qrPdfRectOperators(matrix: QrMatrix): string {
  const q = QR_QUIET_ZONE_MODULES;
  const parts: string[] = [];
  for (const run of qrModuleRuns(matrix)) parts.push(`${run.x + q} ${run.y + q} ${run.length} 1 re`);
  return parts.join('\n');
}

/** Module size for a QR square of `squareMm` (quiet zone included); refuses sizes phones cannot read. */
export function qrModuleSizeMm(squareMm: number, matrix: QrMatrix): number {
  const moduleMm = squareMm / qrSideModules(matrix);
  if (moduleMm < MIN_QR_MODULE_MM) {
    throw new RangeError(
      `QR of ${matrix.size} modules needs modules of ${MIN_QR_MODULE_MM} mm; a ${squareMm} mm square gives ${moduleMm.toFixed(3)} mm (URL too long for this label)`,
    );
  }
  return moduleMm;
}
