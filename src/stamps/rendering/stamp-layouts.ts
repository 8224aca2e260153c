import { findProjectRoot } from '../../common/project-root';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CutGuideStyle, PtRect, PtSegment, StampLayout } from './stamp-rendering.types';

// Label layouts are data (templates/stamps/*.json) so a cooperative's new label stock is a reviewed
// JSON file, not a code change. Geometry below is pure and works in PDF points (1/72 in).

export const MM_TO_PT = 72 / 25.4;

// Sub-0.01 mm differences come from suppliers' rounded datasheet figures, not real overlaps.
const EPSILON_MM = 0.01;
const CUT_GUIDES: CutGuideStyle[] = ['none', 'crop-marks', 'lines'];
// Crop marks stop short of the labels so a slightly skewed sheet never prints a mark on a stamp.
const CROP_MARK_OFFSET_MM = 1;
const CROP_MARK_MAX_MM = 4;

export class StampLayoutError extends Error {}

export function stampTemplatesDir(): string {
  return join(findProjectRoot(), 'templates', 'stamps');
}

type Problems = string[];

function numberAt(raw: unknown, path: string, problems: Problems, opts: { min?: number; integer?: boolean } = {}): number {
  const value = path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), raw);
  const min = opts.min ?? Number.MIN_VALUE;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (opts.integer && !Number.isInteger(value))) {
    problems.push(`${path} must be ${opts.integer ? 'an integer' : 'a number'} ${min === Number.MIN_VALUE ? '> 0' : '≥ ' + min}`);
    return NaN;
  }
  return value;
}

function stringAt(raw: Record<string, unknown>, key: string, problems: Problems, allowed?: string[]): string {
  const value = raw[key];
  if (typeof value !== 'string' || value === '' || (allowed && !allowed.includes(value))) {
    problems.push(`${key} must be ${allowed ? 'one of ' + allowed.join(', ') : 'a non-empty string'}`);
    return '';
  }
  return value;
}

/** Validates one layout file; throws listing every problem, so a bad template fails at its first use. */
export function parseStampLayout(raw: unknown, source: string): StampLayout {
  const problems: Problems = [];
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const n = (path: string, opts?: { min?: number; integer?: boolean }) => numberAt(obj, path, problems, opts);
  const layout: StampLayout = {
    code: stringAt(obj, 'code', problems),
    name: stringAt(obj, 'name', problems),
    description: stringAt(obj, 'description', problems),
    page: { widthMm: n('page.widthMm'), heightMm: n('page.heightMm') },
    margins: {
      topMm: n('margins.topMm', { min: 0 }),
      rightMm: n('margins.rightMm', { min: 0 }),
      bottomMm: n('margins.bottomMm', { min: 0 }),
      leftMm: n('margins.leftMm', { min: 0 }),
    },
    grid: {
      columns: n('grid.columns', { min: 1, integer: true }),
      rows: n('grid.rows', { min: 1, integer: true }),
      columnGapMm: n('grid.columnGapMm', { min: 0 }),
      rowGapMm: n('grid.rowGapMm', { min: 0 }),
    },
    label: {
      widthMm: n('label.widthMm'),
      heightMm: n('label.heightMm'),
      paddingMm: n('label.paddingMm', { min: 0 }),
      qrSizeMm: n('label.qrSizeMm'),
      textGapMm: n('label.textGapMm', { min: 0 }),
      qrErrorCorrection: stringAt((obj.label ?? {}) as Record<string, unknown>, 'qrErrorCorrection', problems, ['M', 'Q']) as 'M' | 'Q',
      fontSizesPt: {
        product: n('label.fontSizesPt.product'),
        cooperative: n('label.fontSizesPt.cooperative'),
        caption: n('label.fontSizesPt.caption'),
        serial: n('label.fontSizesPt.serial'),
        pinCaption: n('label.fontSizesPt.pinCaption'),
        pin: n('label.fontSizesPt.pin'),
      },
      productMaxLines: n('label.productMaxLines', { min: 1, integer: true }),
      captionMaxLines: n('label.captionMaxLines', { min: 1, integer: true }),
    },
    cutGuides: stringAt(obj, 'cutGuides', problems, CUT_GUIDES) as CutGuideStyle,
  };
  if (problems.length === 0) problems.push(...geometryProblems(layout));
  if (problems.length > 0) throw new StampLayoutError(`Invalid stamp layout ${source}: ${problems.join('; ')}`);
  return layout;
}

function geometryProblems(l: StampLayout): string[] {
  const problems: string[] = [];
  const usedWidth = l.margins.leftMm + l.grid.columns * l.label.widthMm + (l.grid.columns - 1) * l.grid.columnGapMm + l.margins.rightMm;
  const usedHeight = l.margins.topMm + l.grid.rows * l.label.heightMm + (l.grid.rows - 1) * l.grid.rowGapMm + l.margins.bottomMm;
  const mm = (v: number) => Number(v.toFixed(2));
  if (usedWidth > l.page.widthMm + EPSILON_MM) problems.push(`labels and margins need ${mm(usedWidth)} mm of ${l.page.widthMm} mm width`);
  if (usedHeight > l.page.heightMm + EPSILON_MM) problems.push(`labels and margins need ${mm(usedHeight)} mm of ${l.page.heightMm} mm height`);
  if (l.label.qrSizeMm + 2 * l.label.paddingMm > Math.min(l.label.widthMm, l.label.heightMm) + EPSILON_MM) {
    problems.push('label.qrSizeMm plus padding does not fit in the label');
  }
  return problems;
}

let cache: Map<string, StampLayout> | undefined;

/** Reads every templates/stamps/*.json once; the file name (without .json) must equal its code. */
export function loadStampLayouts(dir: string = stampTemplatesDir()): Map<string, StampLayout> {
  const layouts = new Map<string, StampLayout>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const layout = parseStampLayout(JSON.parse(readFileSync(join(dir, file), 'utf8')), file);
    if (layout.code !== basename(file, '.json')) throw new StampLayoutError(`${file}: code "${layout.code}" must match the file name`);
    layouts.set(layout.code, layout);
  }
  return layouts;
}

export function listLayouts(): StampLayout[] {
  cache ??= loadStampLayouts();
  return [...cache.values()];
}

export function getLayout(code: string): StampLayout {
  cache ??= loadStampLayouts();
  const layout = cache.get(code);
  if (!layout) throw new StampLayoutError(`Unknown stamp layout "${code}" (known: ${[...cache.keys()].join(', ')})`);
  return layout;
}

export function labelsPerPage(layout: StampLayout): number {
  return layout.grid.columns * layout.grid.rows;
}

export function pageSizePt(layout: StampLayout): [number, number] {
  return [layout.page.widthMm * MM_TO_PT, layout.page.heightMm * MM_TO_PT];
}

// Row by row, left to right: the order printing houses and cutters number sheet labels in.
export function labelPositions(layout: StampLayout): PtRect[] {
  const { grid, margins, label } = layout;
  const rects: PtRect[] = [];
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.columns; col++) {
      rects.push({
        x: (margins.leftMm + col * (label.widthMm + grid.columnGapMm)) * MM_TO_PT,
        y: (margins.topMm + row * (label.heightMm + grid.rowGapMm)) * MM_TO_PT,
        width: label.widthMm * MM_TO_PT,
        height: label.heightMm * MM_TO_PT,
      });
    }
  }
  return rects;
}

function uniqueSorted(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out[out.length - 1] > EPSILON_MM * MM_TO_PT) out.push(v);
  return out;
}

/**
 * Cut guides for a page holding `labelCount` labels. "lines": the outline of each printed label, for
 * plain paper cut by hand. "crop-marks": short marks in the page margins in line with every label edge,
 * for a guillotine; they never touch a label.
 */
export function cutGuideSegments(layout: StampLayout, labelCount: number = labelsPerPage(layout)): PtSegment[] {
  const rects = labelPositions(layout).slice(0, labelCount);
  if (layout.cutGuides === 'lines') {
    return rects.flatMap(({ x, y, width: w, height: h }) => [
      { x1: x, y1: y, x2: x + w, y2: y },
      { x1: x + w, y1: y, x2: x + w, y2: y + h },
      { x1: x, y1: y + h, x2: x + w, y2: y + h },
      { x1: x, y1: y, x2: x, y2: y + h },
    ]);
  }
  if (layout.cutGuides === 'none') return [];
  const all = labelPositions(layout);
  const xs = uniqueSorted(all.flatMap((r) => [r.x, r.x + r.width]));
  const ys = uniqueSorted(all.flatMap((r) => [r.y, r.y + r.height]));
  const [pageW, pageH] = pageSizePt(layout);
  const top = ys[0];
  const bottom = ys[ys.length - 1];
  const left = xs[0];
  const right = xs[xs.length - 1];
  const offset = CROP_MARK_OFFSET_MM * MM_TO_PT;
  const markLength = (marginPt: number) => Math.min(CROP_MARK_MAX_MM * MM_TO_PT, marginPt - 2 * offset);
  const segments: PtSegment[] = [];
  const topLen = markLength(top);
  const bottomLen = markLength(pageH - bottom);
  const leftLen = markLength(left);
  const rightLen = markLength(pageW - right);
  for (const x of xs) {
    if (topLen > 0) segments.push({ x1: x, y1: top - offset - topLen, x2: x, y2: top - offset });
    if (bottomLen > 0) segments.push({ x1: x, y1: bottom + offset, x2: x, y2: bottom + offset + bottomLen });
  }
  for (const y of ys) {
    if (leftLen > 0) segments.push({ x1: left - offset - leftLen, y1: y, x2: left - offset, y2: y });
    if (rightLen > 0) segments.push({ x1: right + offset, y1: y, x2: right + offset + rightLen, y2: y });
  }
  return segments;
}
