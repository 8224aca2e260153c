import { Injectable } from '@nestjs/common';
import { dirname, join } from 'node:path';
import type { FontkitFont, FontkitModule } from './fontkit.types';
import { formatNumber as f } from './number-format';
import type { FontWeight } from './stamp-rendering.types';

// fontkit has no types; the require is typed with the few members we use (fontkit.types.ts).
const fontkit = require('fontkit') as FontkitModule;

// Be Vietnam Pro comes from npm, so a stamp looks the same on a laptop, in CI and in a slim container
// without any system font (and never falls back to a font without ư, ơ or stacked tones like ể).
const FONT_PACKAGE_DIR = dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
const FONT_FILES: Record<FontWeight, string> = {
  medium: join(FONT_PACKAGE_DIR, '500Medium', 'BeVietnamPro_500Medium.ttf'),
  bold: join(FONT_PACKAGE_DIR, '700Bold', 'BeVietnamPro_700Bold.ttf'),
};

// Widths repeat across an issuance (one product, one cooperative); the cap only guards a server that
// prints many issuances between restarts.
const MAX_CACHED_WIDTHS = 20_000;

const fonts = new Map<FontWeight, FontkitFont>();
const widthsPerEm = new Map<string, number>();

function load(weight: FontWeight): FontkitFont {
  let font = fonts.get(weight);
  if (!font) {
    font = fontkit.openSync(FONT_FILES[weight]);
    fonts.set(weight, font);
  }
  return font;
}

// Text typed on a phone or pasted from Word is often decomposed (e + combining marks); the font's
// precomposed glyphs only match NFC, and decomposed marks would be placed by the font's fallback.
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Measures text; `size` and the returned width are in the same unit (mm, pt or px). */
export interface TextMeasurer {
  measure(text: string, size: number, weight: FontWeight): number;
  /** Ascent and descent (positive) as fractions of the font size. */
  verticalMetrics(): { ascent: number; descent: number };
}

@Injectable()
export class VietnameseFont implements TextMeasurer {
  /** TTF file to embed (pdfkit's registerFont). */
  fontFile(weight: FontWeight): string {
    return FONT_FILES[weight];
  }

  verticalMetrics(): { ascent: number; descent: number } {
    const font = load('medium');
    return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
  }

  measure(text: string, size: number, weight: FontWeight): number {
    const key = weight + '\u0000' + text;
    let perEm = widthsPerEm.get(key);
    if (perEm === undefined) {
      const font = load(weight);
      perEm = font.layout(nfc(text)).advanceWidth / font.unitsPerEm;
      if (widthsPerEm.size >= MAX_CACHED_WIDTHS) widthsPerEm.clear();
      widthsPerEm.set(key, perEm);
    }
    return perEm * size;
  }

  /** Characters of `text` the font has no glyph for (empty when all of them can be drawn). */
  missingCharacters(text: string, weight: FontWeight = 'medium'): string[] {
    const font = load(weight);
    // Control characters (tab, newline) are never drawn; everything else, U+00A0 included, needs a glyph.
    return [...new Set(nfc(text))].filter((ch) => /\P{Cc}/u.test(ch) && font.glyphForCodePoint(ch.codePointAt(0)!).id === 0);
  }

  /**
   * Outline of `text` as SVG path data, with the baseline starting at (x, y) in a y-down space; `size` is
   * the font size in the same units. Used for SVG stamps, which then render the same without the font.
   */
  textPath(text: string, size: number, x: number, y: number, weight: FontWeight): { d: string; width: number } {
    const font = load(weight);
    const scale = size / font.unitsPerEm;
    const run = font.layout(nfc(text));
    const parts: string[] = [];
    let pen = 0;
    run.glyphs.forEach((glyph, i) => {
      const pos = run.positions[i];
      const ox = x + (pen + pos.xOffset) * scale;
      const oy = y - pos.yOffset * scale;
      const px = (v: number) => f(ox + v * scale);
      const py = (v: number) => f(oy - v * scale);
      for (const { command, args: a } of glyph.path.commands) {
        if (command === 'moveTo') parts.push(`M${px(a[0])} ${py(a[1])}`);
        else if (command === 'lineTo') parts.push(`L${px(a[0])} ${py(a[1])}`);
        else if (command === 'quadraticCurveTo') parts.push(`Q${px(a[0])} ${py(a[1])} ${px(a[2])} ${py(a[3])}`);
        else if (command === 'bezierCurveTo') {
          parts.push(`C${px(a[0])} ${py(a[1])} ${px(a[2])} ${py(a[3])} ${px(a[4])} ${py(a[5])}`);
        } else parts.push('Z');
      }
      pen += pos.xAdvance;
    });
    return { d: parts.join(''), width: pen * scale };
  }
}
