import type { FontWeight, LabelGeometry, StampLabel } from './stamp-rendering.types';
import type { TextMeasurer } from './vietnamese-font';

// Where everything sits inside one label, in millimetres from its top-left corner. Pure, so the SVG
// (per-stamp image) and the PDF (print file) draw exactly the same label.

export const PT_TO_MM = 25.4 / 72;
// No-break spaces keep the two-syllable words "truy xuất" and "nguồn gốc" whole when the caption wraps.
export const SCAN_CAPTION = 'Quét để truy\u00A0xuất nguồn\u00A0gốc';
export const PIN_CAPTION = 'Mã PIN (cào để xem)';

const ELLIPSIS = '…';
const LINE_HEIGHT = 1.2;
// Space before a new group of lines (cooperative, caption, PIN), as a fraction of its font size.
const GROUP_GAP = 0.3;
// Padding inside the PIN box, as a fraction of the PIN font size: room for the scratch-off foil edge.
const PIN_BOX_PADDING = 0.45;
// Space between the PIN caption and its box, as a fraction of the PIN font size.
const PIN_BOX_GAP = 0.2;
// A column narrower than this cannot hold "HTX …" even at 4 pt.
const MIN_TEXT_COLUMN_MM = 8;

export interface LabelText {
  text: string;
  x: number;
  baseline: number;
  sizeMm: number;
  weight: FontWeight;
}

export interface MmRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelContent {
  /** Square holding the QR symbol, quiet zone included. */
  qr: MmRect;
  texts: LabelText[];
  /** Frame around the PIN (the printing house lays scratch-off foil over it). */
  pinBox?: MmRect;
}

interface Line {
  text: string;
  sizeMm: number;
  weight: FontWeight;
  gapBeforeMm: number;
  center?: boolean;
}

export function fitWithEllipsis(text: string, maxWidth: number, size: number, weight: FontWeight, m: TextMeasurer): string {
  const clean = text.trim();
  if (m.measure(clean, size, weight) <= maxWidth) return clean;
  // Code points are enough to cut at: NFC text has no combining marks to strand.
  const chars = Array.from(clean);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = chars.slice(0, mid).join('').trimEnd() + ELLIPSIS;
    if (m.measure(candidate, size, weight) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

function greedyWrap(words: string[], maxLines: number, fits: (t: string) => boolean): string[] {
  if (maxLines <= 1) return words.length ? [words.join(' ')] : [];
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const candidate = current ? `${current} ${words[i]}` : words[i];
    if (!current || fits(candidate)) {
      current = candidate;
      continue;
    }
    lines.push(current);
    if (lines.length === maxLines - 1) {
      current = words.slice(i).join(' ');
      break;
    }
    current = words[i];
  }
  if (current) lines.push(current);
  return lines;
}

// Same text, same column: an issuance repeats one product name thousands of times. Keyed by measurer
// too, since widths depend on it.
const wrapCaches = new WeakMap<TextMeasurer, Map<string, string[]>>();
const MAX_CACHED_WRAPS = 5_000;

/**
 * Word wrap into at most maxLines lines, balanced (the shortest width giving the same line count, so the
 * caption reads "Quét để truy xuất / nguồn gốc" rather than leaving "gốc" alone); what still does not fit
 * ends the last line with "…".
 */
export function wrapText(
  text: string,
  maxWidth: number,
  maxLines: number,
  size: number,
  weight: FontWeight,
  m: TextMeasurer,
): string[] {
  let wrapCache = wrapCaches.get(m);
  if (!wrapCache) wrapCaches.set(m, (wrapCache = new Map()));
  const key = [text, maxWidth, maxLines, size, weight].join('\u0000');
  const cached = wrapCache.get(key);
  if (cached) return cached;
  // Only ordinary whitespace breaks a line; \s would also match U+00A0.
  const words = text.trim().split(/[ \t\r\n]+/).filter(Boolean);
  const fitsIn = (width: number) => (t: string) => m.measure(t, size, weight) <= width;
  let lines = greedyWrap(words, maxLines, fitsIn(maxWidth));
  const overflows = lines.some((l) => !fitsIn(maxWidth)(l));
  if (lines.length > 1 && !overflows) {
    let lo = maxWidth / lines.length;
    let hi = maxWidth;
    for (let i = 0; i < 12; i++) {
      const mid = (lo + hi) / 2;
      const trial = greedyWrap(words, maxLines, fitsIn(mid));
      if (trial.length === lines.length && trial.every(fitsIn(mid))) hi = mid;
      else lo = mid;
    }
    lines = greedyWrap(words, maxLines, fitsIn(hi));
  }
  lines = lines.map((l) => fitWithEllipsis(l, maxWidth, size, weight, m));
  if (wrapCache.size >= MAX_CACHED_WRAPS) wrapCache.clear();
  wrapCache.set(key, lines);
  return lines;
}

// Serials and PINs must stay complete: shrink the font rather than cut them.
function shrinkToFit(text: string, maxWidth: number, size: number, weight: FontWeight, m: TextMeasurer): number {
  const width = m.measure(text, size, weight);
  return width <= maxWidth ? size : (size * maxWidth) / width;
}

function baselineOffset(sizeMm: number, m: TextMeasurer): number {
  const { ascent, descent } = m.verticalMetrics();
  return sizeMm * ((LINE_HEIGHT - ascent - descent) / 2 + ascent);
}

function textColumn(g: LabelGeometry): { x: number; width: number } {
  const x = g.paddingMm + g.qrSizeMm + g.textGapMm;
  return { x, width: g.widthMm - g.paddingMm - x };
}

function pinBoxHeight(g: LabelGeometry): number {
  const size = g.fontSizesPt.pin * PT_TO_MM;
  return size * LINE_HEIGHT + 2 * PIN_BOX_PADDING * size;
}

// The box and the gap above it.
function pinBlockHeight(g: LabelGeometry): number {
  return PIN_BOX_GAP * g.fontSizesPt.pin * PT_TO_MM + pinBoxHeight(g);
}

function blockHeight(lines: Line[]): number {
  return lines.reduce((sum, l) => sum + l.gapBeforeMm + l.sizeMm * LINE_HEIGHT, 0);
}

function columnLines(label: StampLabel, g: LabelGeometry, width: number, m: TextMeasurer): Line[] {
  const pt = g.fontSizesPt;
  const group = (texts: string[], sizePt: number, weight: FontWeight, first: boolean): Line[] =>
    texts.map((text, i) => ({
      text,
      sizeMm: sizePt * PT_TO_MM,
      weight,
      gapBeforeMm: i === 0 && !first ? GROUP_GAP * sizePt * PT_TO_MM : 0,
    }));
  const sizeOf = (p: number) => p * PT_TO_MM;
  const lines = [
    ...group(wrapText(label.productName, width, g.productMaxLines, sizeOf(pt.product), 'bold', m), pt.product, 'bold', true),
    ...group([fitWithEllipsis(label.cooperativeName, width, sizeOf(pt.cooperative), 'medium', m)], pt.cooperative, 'medium', false),
    ...group(wrapText(SCAN_CAPTION, width, g.captionMaxLines, sizeOf(pt.caption), 'medium', m), pt.caption, 'medium', false),
  ];
  if (label.pin !== undefined) {
    lines.push(...group([fitWithEllipsis(PIN_CAPTION, width, sizeOf(pt.pinCaption), 'medium', m)], pt.pinCaption, 'medium', false));
  }
  return lines;
}

export function layoutLabelContent(input: StampLabel, g: LabelGeometry, m: TextMeasurer): LabelContent {
  // NFC here, so every renderer draws (and measures) the precomposed glyphs.
  const label = { ...input, productName: input.productName.normalize('NFC'), cooperativeName: input.cooperativeName.normalize('NFC') };
  const inner = g.heightMm - 2 * g.paddingMm;
  const texts: LabelText[] = [];

  // Left column: the QR square with the serial centred under it, so staff can read the serial aloud
  // next to the code they are scanning.
  const serialSize = g.fontSizesPt.serial * PT_TO_MM;
  const qrY = g.paddingMm + Math.max(0, (inner - g.qrSizeMm - serialSize * LINE_HEIGHT) / 2);
  const qr = { x: g.paddingMm, y: qrY, width: g.qrSizeMm, height: g.qrSizeMm };
  const serialFit = shrinkToFit(label.serial, g.qrSizeMm, serialSize, 'medium', m);
  texts.push({
    text: label.serial,
    x: g.paddingMm + (g.qrSizeMm - m.measure(label.serial, serialFit, 'medium')) / 2,
    baseline: qrY + g.qrSizeMm + baselineOffset(serialSize, m),
    sizeMm: serialFit,
    weight: 'medium',
  });

  // Right column: names, the scan caption and the PIN, centred vertically as one block.
  const column = textColumn(g);
  const lines = columnLines(label, g, column.width, m);
  const pinHeight = label.pin === undefined ? 0 : pinBlockHeight(g);
  let y = g.paddingMm + Math.max(0, (inner - blockHeight(lines) - pinHeight) / 2);
  for (const line of lines) {
    y += line.gapBeforeMm;
    texts.push({ text: line.text, x: column.x, baseline: y + baselineOffset(line.sizeMm, m), sizeMm: line.sizeMm, weight: line.weight });
    y += line.sizeMm * LINE_HEIGHT;
  }
  if (label.pin === undefined) return { qr, texts };

  const pinSize = g.fontSizesPt.pin * PT_TO_MM;
  y += PIN_BOX_GAP * pinSize;
  const pinBox = { x: column.x, y, width: column.width, height: pinBoxHeight(g) };
  const pinFit = shrinkToFit(label.pin, column.width - 2 * PIN_BOX_PADDING * pinSize, pinSize, 'bold', m);
  texts.push({
    text: label.pin,
    x: column.x + (column.width - m.measure(label.pin, pinFit, 'bold')) / 2,
    baseline: y + PIN_BOX_PADDING * pinSize + baselineOffset(pinSize, m),
    sizeMm: pinFit,
    weight: 'bold',
  });
  return { qr, texts, pinBox };
}

/**
 * Problems that make a label geometry unusable with this font: the tallest possible text block (longest
 * names wrapped to the maximum lines, with a PIN) or the QR column must fit inside the padding.
 */
export function labelFitProblems(g: LabelGeometry, m: TextMeasurer): string[] {
  const problems: string[] = [];
  const inner = g.heightMm - 2 * g.paddingMm;
  const column = textColumn(g);
  if (column.width < MIN_TEXT_COLUMN_MM) {
    problems.push(`text column is ${column.width.toFixed(2)} mm wide, needs ${MIN_TEXT_COLUMN_MM} mm`);
  }
  const left = g.qrSizeMm + g.fontSizesPt.serial * PT_TO_MM * LINE_HEIGHT;
  if (left > inner + 1e-6) problems.push(`QR and serial need ${left.toFixed(2)} mm of ${inner.toFixed(2)} mm`);
  const longest = 'Đ'.repeat(200);
  const worst = columnLines(
    { url: '', serial: '', productName: Array(40).fill('Đường').join(' '), cooperativeName: longest, pin: '0' },
    g,
    Math.max(column.width, MIN_TEXT_COLUMN_MM),
    m,
  );
  const right = blockHeight(worst) + pinBlockHeight(g);
  if (right > inner + 1e-6) problems.push(`text with a PIN needs ${right.toFixed(2)} mm of ${inner.toFixed(2)} mm`);
  return problems;
}
