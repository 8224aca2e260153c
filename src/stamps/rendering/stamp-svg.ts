import { layoutLabelContent } from './label-content';
import { formatNumber as f } from './number-format';
import { QrCodeGenerator, type QrMatrix } from './qr-code.generator';
import { qrModuleSizeMm, qrSvgPath } from './qr-path';
import type { LabelGeometry, QrErrorCorrection, StampLabel } from './stamp-rendering.types';
import { nfc, type TextMeasurer, VietnameseFont } from './vietnamese-font';

/** What renderStampSvg needs besides the label: satisfied by QrCodeGenerator and VietnameseFont. */
export interface StampSvgTools {
  qr: { matrix(text: string, ecLevel?: QrErrorCorrection): QrMatrix };
  font: TextMeasurer & {
    textPath(text: string, size: number, x: number, y: number, weight: 'medium' | 'bold'): { d: string; width: number };
  };
}

let defaultTools: StampSvgTools | undefined;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * One stamp as a standalone SVG in millimetres. Text is outlined into paths (no <text>) and the QR is a
 * single path of module rectangles, so the file renders identically in a browser, librsvg or a print
 * shop's software, with or without Vietnamese fonts installed.
 */
export function renderStampSvg(input: StampLabel, layout: LabelGeometry, tools?: StampSvgTools): string {
  const { qr, font } = tools ?? (defaultTools ??= { qr: new QrCodeGenerator(), font: new VietnameseFont() });
  const label = { ...input, productName: nfc(input.productName), cooperativeName: nfc(input.cooperativeName) };
  const content = layoutLabelContent(label, layout, font);
  const matrix = qr.matrix(label.url, layout.qrErrorCorrection);
  const moduleSize = qrModuleSizeMm(content.qr.width, matrix);
  const w = f(layout.widthMm);
  const h = f(layout.heightMm);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}mm" height="${h}mm" viewBox="0 0 ${w} ${h}">`,
    `<title>${escapeXml(`${label.serial} – ${label.productName} – ${label.cooperativeName}`)}</title>`,
    `<rect width="${w}" height="${h}" fill="#fff"/>`,
    // crispEdges: no anti-aliased seams between module rows in raster output.
    `<path class="qr" fill="#000" shape-rendering="crispEdges" d="${qrSvgPath(matrix, moduleSize, content.qr.x, content.qr.y)}"/>`,
  ];
  for (const t of content.texts) {
    parts.push(`<path class="text" fill="#000" d="${font.textPath(t.text, t.sizeMm, t.x, t.baseline, t.weight).d}"/>`);
  }
  if (content.pinBox) {
    const b = content.pinBox;
    parts.push(
      `<rect class="pin-box" x="${f(b.x)}" y="${f(b.y)}" width="${f(b.width)}" height="${f(b.height)}" rx="0.3" fill="none" stroke="#000" stroke-width="0.15"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}
