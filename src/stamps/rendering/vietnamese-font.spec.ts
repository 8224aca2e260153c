import { existsSync } from 'node:fs';
import { VietnameseFont } from './vietnamese-font';

// Every Vietnamese letter with every tone, both cases, plus the punctuation the labels use.
const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const ALL_VIETNAMESE = [...VOWELS].flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))).join('') + 'bcdđghklmnpqrstvx';

describe('VietnameseFont (Be Vietnam Pro from npm)', () => {
  const font = new VietnameseFont();

  it('resolves the TTF files from the npm package', () => {
    expect(font.fontFile('medium')).toMatch(/be-vietnam-pro[\\/]500Medium[\\/]BeVietnamPro_500Medium\.ttf$/);
    expect(existsSync(font.fontFile('medium'))).toBe(true);
    expect(existsSync(font.fontFile('bold'))).toBe(true);
  });

  it.each(['medium', 'bold'] as const)('%s has a glyph (id ≠ 0) for every character the stamps print', (weight) => {
    expect(font.missingCharacters('Quét để truy xuất nguồn gốc ỹỵỷ Đđ', weight)).toEqual([]);
    expect(font.missingCharacters(ALL_VIETNAMESE + ALL_VIETNAMESE.toUpperCase(), weight)).toEqual([]);
    expect(font.missingCharacters('Mã PIN (cào để xem) … 0123456789 -/\u00A0', weight)).toEqual([]);
  });

  it('reports characters it cannot draw', () => {
    expect(font.missingCharacters('Rau 漢')).toEqual(['漢']);
  });

  it('measures decomposed and precomposed text alike', () => {
    const text = 'Hợp tác xã Tân Minh Đức';
    expect(font.measure(text.normalize('NFD'), 10, 'medium')).toBeCloseTo(font.measure(text, 10, 'medium'), 9);
    expect(font.measure(text, 10, 'bold')).toBeGreaterThan(font.measure(text, 10, 'medium'));
    expect(font.measure(text, 20, 'medium')).toBeCloseTo(2 * font.measure(text, 10, 'medium'), 9);
  });

  it('outlines text as SVG path data as wide as its measure', () => {
    const { d, width } = font.textPath('Đức', 5, 1, 10, 'bold');
    expect(d).toMatch(/^M[\d.]+ [\d.]+/);
    expect(d).toContain('Z');
    expect(width).toBeCloseTo(font.measure('Đức', 5, 'bold'), 9);
    // Baseline at y = 10: the tone mark on ứ reaches well above, nothing sinks far below.
    const ys = [...d.matchAll(/[\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeLessThan(10 - 5 * 0.7);
    expect(Math.max(...ys)).toBeLessThanOrEqual(10 + 5 * 0.3);
  });

  it('reports vertical metrics as fractions of the size', () => {
    const { ascent, descent } = font.verticalMetrics();
    expect(ascent).toBeGreaterThan(0.8);
    expect(descent).toBeGreaterThan(0.1);
    expect(ascent + descent).toBeLessThan(1.5);
  });
});
