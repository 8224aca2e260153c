import { findProjectRoot } from '../../common/project-root';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelFitProblems } from './label-content';
import {
  cutGuideSegments,
  getLayout,
  labelPositions,
  labelsPerPage,
  listLayouts,
  loadStampLayouts,
  MM_TO_PT,
  pageSizePt,
  parseStampLayout,
  StampLayoutError,
} from './stamp-layouts';
import type { PtRect, StampLayout } from './stamp-rendering.types';
import { VietnameseFont } from './vietnamese-font';

const EPS = 1e-6;

function overlaps(a: PtRect, b: PtRect): boolean {
  return a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;
}

function rawLayout(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...JSON.parse(JSON.stringify(getLayout('a4-65'))), ...overrides };
}

describe('stamp layouts', () => {
  it('ships the A4 65, 40 and 21 sheets and the single-column roll', () => {
    expect(listLayouts().map((l) => [l.code, labelsPerPage(l)])).toEqual([
      ['a4-21', 21],
      ['a4-40', 40],
      ['a4-65', 65],
      ['roll-single', 1],
    ]);
  });

  it('finds templates/ from src/ and from dist/src/ alike', () => {
    const root = findProjectRoot();
    expect(findProjectRoot(join(root, 'dist', 'src', 'stamps', 'rendering'))).toBe(root);
  });

  describe('labelPositions', () => {
    it.each(['a4-65', 'a4-40', 'a4-21'])('%s: every label lies inside the page minus margins, none overlap', (code) => {
      const layout = getLayout(code);
      const rects = labelPositions(layout);
      const [pageW, pageH] = pageSizePt(layout);
      const m = layout.margins;
      expect(rects).toHaveLength(labelsPerPage(layout));
      for (const r of rects) {
        expect(r.x).toBeGreaterThanOrEqual(m.leftMm * MM_TO_PT - EPS);
        expect(r.y).toBeGreaterThanOrEqual(m.topMm * MM_TO_PT - EPS);
        expect(r.x + r.width).toBeLessThanOrEqual(pageW - m.rightMm * MM_TO_PT + 0.01 * MM_TO_PT);
        expect(r.y + r.height).toBeLessThanOrEqual(pageH - m.bottomMm * MM_TO_PT + 0.01 * MM_TO_PT);
      }
      for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i], rects[j])).toBe(false);
    });

    it('a4-65: 5 × 13 labels of 38.1 × 21.2 mm, row by row from the top-left margin', () => {
      const rects = labelPositions(getLayout('a4-65'));
      const mm = (pt: number) => Math.round((pt / MM_TO_PT) * 1000) / 1000;
      expect(rects).toHaveLength(65);
      expect([mm(rects[0].x), mm(rects[0].y), mm(rects[0].width), mm(rects[0].height)]).toEqual([4.75, 10.7, 38.1, 21.2]);
      // Second label is to the right (2.5 mm gap), sixth starts the second row.
      expect(mm(rects[1].x)).toBe(4.75 + 38.1 + 2.5);
      expect([mm(rects[5].x), mm(rects[5].y)]).toEqual([4.75, 31.9]);
      expect([mm(rects[64].x + rects[64].width), mm(rects[64].y + rects[64].height)]).toEqual([205.25, 286.3]);
    });

    it('roll-single: one label per page, the page being the label', () => {
      const layout = getLayout('roll-single');
      const [rect] = labelPositions(layout);
      expect(labelPositions(layout)).toHaveLength(1);
      expect(pageSizePt(layout)).toEqual([rect.width, rect.height]);
      expect([rect.x, rect.y]).toEqual([0, 0]);
    });
  });

  describe('cutGuideSegments', () => {
    it('crop marks stay in the margins, clear of every label', () => {
      for (const code of ['a4-65', 'a4-40']) {
        const layout = getLayout(code);
        const labels = labelPositions(layout);
        const [pageW, pageH] = pageSizePt(layout);
        const segments = cutGuideSegments(layout);
        expect(segments.length).toBeGreaterThan(0);
        for (const s of segments) {
          const box = { x: Math.min(s.x1, s.x2), y: Math.min(s.y1, s.y2), width: Math.abs(s.x2 - s.x1), height: Math.abs(s.y2 - s.y1) };
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(pageW);
          expect(box.y + box.height).toBeLessThanOrEqual(pageH);
          // A zero-width mark overlaps nothing by area; check it does not enter a label's interior.
          for (const l of labels) {
            const inside = box.x > l.x + EPS && box.x < l.x + l.width - EPS && box.y + box.height > l.y + EPS && box.y < l.y + l.height - EPS;
            const insideH = box.y > l.y + EPS && box.y < l.y + l.height - EPS && box.x + box.width > l.x + EPS && box.x < l.x + l.width - EPS;
            expect(inside || insideH).toBe(false);
          }
        }
      }
    });

    it('lines outline each printed label only; the roll has none', () => {
      expect(cutGuideSegments(getLayout('a4-21'), 4)).toHaveLength(16);
      expect(cutGuideSegments(getLayout('roll-single'))).toEqual([]);
    });
  });

  describe('parseStampLayout', () => {
    it('lists every missing or invalid field at once', () => {
      expect(() => parseStampLayout({ code: 'x', grid: { columns: 0 } }, 'x.json')).toThrow(
        /Invalid stamp layout x\.json: .*name must be a non-empty string.*page\.widthMm must be a number > 0.*grid\.columns must be an integer ≥ 1/,
      );
    });

    it('rejects a grid that does not fit the page', () => {
      const raw = rawLayout({ grid: { columns: 6, rows: 13, columnGapMm: 2.5, rowGapMm: 0 } });
      expect(() => parseStampLayout(raw, 'wide.json')).toThrow(/need 250\.6 mm of 210 mm width/);
    });

    it('rejects a QR bigger than the label and an unknown cut guide style', () => {
      const label = { ...(getLayout('a4-65').label as unknown as Record<string, unknown>), qrSizeMm: 30 };
      expect(() => parseStampLayout(rawLayout({ label }), 'qr.json')).toThrow(/qrSizeMm plus padding/);
      expect(() => parseStampLayout(rawLayout({ cutGuides: 'scissors' }), 'g.json')).toThrow(/cutGuides must be one of none, crop-marks, lines/);
    });

    it('requires the file name to match the code', () => {
      const dir = mkdtempSync(join(tmpdir(), 'nguon-layouts-'));
      try {
        writeFileSync(join(dir, 'a4-66.json'), JSON.stringify(rawLayout()));
        expect(() => loadStampLayouts(dir)).toThrow(/a4-66\.json: code "a4-65" must match the file name/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('names the known layouts when asked for an unknown one', () => {
    expect(() => getLayout('a5-8')).toThrow(StampLayoutError);
    expect(() => getLayout('a5-8')).toThrow(/known: a4-21, a4-40, a4-65, roll-single/);
  });

  it.each(listLayouts().map((l): [string, StampLayout] => [l.code, l]))(
    '%s: the longest names, the caption and a PIN fit the label with Be Vietnam Pro',
    (_code, layout) => {
      expect(labelFitProblems(layout.label, new VietnameseFont())).toEqual([]);
    },
  );
});
