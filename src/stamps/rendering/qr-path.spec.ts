import { QrCodeGenerator, type QrMatrix } from './qr-code.generator';
import { QR_QUIET_ZONE_MODULES, qrModuleRuns, qrModuleSizeMm, qrPdfRectOperators, qrSideModules, qrSvgPath } from './qr-path';

// 3 × 3: a dark top row, one dark centre module, a dark bottom-left/bottom-right pair split by a light one.
function tinyMatrix(): QrMatrix {
  const modules = Uint8Array.from([1, 1, 1, 0, 1, 0, 1, 0, 1]);
  return { size: 3, modules, isDark: (x, y) => modules[y * 3 + x] === 1 };
}

describe('qr-path', () => {
  it('merges dark modules of a row into runs', () => {
    expect(qrModuleRuns(tinyMatrix())).toEqual([
      { x: 0, y: 0, length: 3 },
      { x: 1, y: 1, length: 1 },
      { x: 0, y: 2, length: 1 },
      { x: 2, y: 2, length: 1 },
    ]);
  });

  it('offsets SVG rectangles by the quiet zone', () => {
    const d = qrSvgPath(tinyMatrix(), 0.5, 10, 20);
    // First run starts after 4 light modules of 0.5: (12, 22), 3 modules wide.
    expect(d.startsWith('M12 22h1.5v0.5h-1.5z')).toBe(true);
    expect(d.match(/M/g)).toHaveLength(4);
  });

  it('writes PDF rectangles in module units, quiet zone included', () => {
    expect(qrPdfRectOperators(tinyMatrix()).split('\n')).toEqual(['4 4 3 1 re', '5 5 1 1 re', '4 6 1 1 re', '6 6 1 1 re']);
    expect(qrSideModules(tinyMatrix())).toBe(3 + 2 * QR_QUIET_ZONE_MODULES);
  });

  it('refuses a square too small for the symbol', () => {
    const matrix = new QrCodeGenerator().matrix('https://nguon.test/01/08936001234567/10/A%26B%2B1/21/Xk3mP9qT7vR2s');
    expect(qrModuleSizeMm(17.4, matrix)).toBeCloseTo(17.4 / (matrix.size + 8), 9);
    expect(() => qrModuleSizeMm(8, matrix)).toThrow(/URL too long for this label/);
  });
});

describe('QrCodeGenerator', () => {
  const qr = new QrCodeGenerator();
  const url = 'https://nguon.test/01/08936001234567/10/A%26B%2B1/21/Xk3mP9qT7vR2s';

  it('returns the module matrix with the finder patterns in three corners', () => {
    const m = qr.matrix(url);
    expect(m.size).toBe(33); // version 4 at level M: the GTIN digits go in numeric mode
    for (const [x, y] of [[0, 0], [m.size - 1, 0], [0, m.size - 1], [3, 3], [m.size - 4, 3]]) expect(m.isDark(x, y)).toBe(true);
    expect(m.isDark(7, 7)).toBe(false); // separator around the top-left finder
    expect(m.isDark(m.size - 1, m.size - 1)).toBe(m.modules[m.size * m.size - 1] === 1);
  });

  it('grows the symbol for level Q', () => {
    expect(qr.matrix(url, 'Q').size).toBeGreaterThan(qr.matrix(url, 'M').size);
  });
});
