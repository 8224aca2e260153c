// fontkit ships no type declarations; this is the small part of its API the stamp renderer uses.

export interface FontkitPathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}

export interface FontkitGlyph {
  id: number;
  name?: string;
  path: { commands: FontkitPathCommand[] };
}

export interface FontkitGlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface FontkitGlyphRun {
  glyphs: FontkitGlyph[];
  positions: FontkitGlyphPosition[];
  advanceWidth: number;
}

export interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  postscriptName: string;
  layout(text: string): FontkitGlyphRun;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
}

export interface FontkitModule {
  openSync(path: string): FontkitFont;
}
