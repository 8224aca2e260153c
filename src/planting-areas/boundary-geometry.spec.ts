import { boundaryAreaM2, checkBoundary, EARTH_RADIUS_M, Position, ringAreaM2 } from './boundary-geometry';

// The exact area of a quadrangle bounded by two meridians and two parallels on a sphere of radius R is
// R² · Δλ · (sin φ₂ − sin φ₁) (a zone of the sphere cut by the meridians). It is computed here
// independently of the ring formula under test. For 0.001° × 0.001° at 21° N it is 11 568.917 m².
const RAD = Math.PI / 180;
const quadrangleM2 = (lon1: number, lat1: number, lon2: number, lat2: number) =>
  EARTH_RADIUS_M ** 2 * (lon2 - lon1) * RAD * (Math.sin(lat2 * RAD) - Math.sin(lat1 * RAD));

const square = (lon: number, lat: number, size: number): Position[] => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];

describe('ringAreaM2 / boundaryAreaM2', () => {
  it('gives the exact area of a 0.001° square near 21° N (≈ 1.157 ha)', () => {
    const expected = quadrangleM2(105.8, 21, 105.801, 21.001);
    expect(expected).toBeCloseTo(11568.917, 2); // hand-checked: 6378137² · 1.745329e-5 · 1.629405e-5
    expect(Math.abs(ringAreaM2(square(105.8, 21, 0.001)))).toBeCloseTo(expected, 6);
    expect(boundaryAreaM2({ type: 'Polygon', coordinates: [square(105.8, 21, 0.001)] }) / 10_000).toBeCloseTo(1.1569, 4);
  });

  it('agrees with a flat-earth estimate for a small square', () => {
    const side = (0.001 * RAD) * EARTH_RADIUS_M;
    const flat = side * side * Math.cos(21.0005 * RAD);
    expect(Math.abs(Math.abs(ringAreaM2(square(105.8, 21, 0.001))) - flat) / flat).toBeLessThan(1e-4);
  });

  it('does not depend on the winding order', () => {
    const ring = square(106, 10, 0.01);
    expect(ringAreaM2([...ring].reverse())).toBeCloseTo(-ringAreaM2(ring), 6);
  });

  it('subtracts holes and adds the polygons of a MultiPolygon', () => {
    const outer = square(105, 20, 0.01);
    const hole = square(105.002, 20.002, 0.002);
    const expected = quadrangleM2(105, 20, 105.01, 20.01) - quadrangleM2(105.002, 20.002, 105.004, 20.004);
    expect(boundaryAreaM2({ type: 'Polygon', coordinates: [outer, hole] })).toBeCloseTo(expected, 4);
    const second = square(107, 11, 0.001);
    expect(boundaryAreaM2({ type: 'MultiPolygon', coordinates: [[outer, hole], [second]] })).toBeCloseTo(
      expected + quadrangleM2(107, 11, 107.001, 11.001),
      4,
    );
  });
});

describe('checkBoundary', () => {
  const problems = (input: unknown) => {
    const result = checkBoundary(input);
    if (result.ok) throw new Error('expected problems');
    return result.problems.map((p) => ({ field: p.field, vi: (p.message as { vi: string }).vi }));
  };

  it('accepts a closed polygon in Vietnam, drops altitude and foreign members, and measures it', () => {
    const ring = square(105.8, 21, 0.001).map(([lon, lat]) => [lon, lat, 12]);
    const result = checkBoundary({ type: 'Polygon', coordinates: [ring], bbox: [0, 0, 1, 1] });
    expect(result).toEqual({ ok: true, boundary: { type: 'Polygon', coordinates: [square(105.8, 21, 0.001)] }, areaHa: expect.any(Number) });
    expect(result.ok && result.areaHa).toBeCloseTo(1.1569, 4);
  });

  it('accepts a MultiPolygon with holes', () => {
    const result = checkBoundary({ type: 'MultiPolygon', coordinates: [[square(105, 20, 0.01), square(105.002, 20.002, 0.002)], [square(109, 12, 0.001)]] });
    expect(result.ok).toBe(true);
  });

  it('names the field when the type is wrong, and explains a Feature', () => {
    expect(problems({ type: 'Point', coordinates: [105, 21] })).toEqual([
      { field: 'boundary.type', vi: 'boundary.type phải là "Polygon" hoặc "MultiPolygon", không phải "Point"' },
    ]);
    expect(problems({ type: 'Feature', geometry: {} })[0].vi).toContain('hãy gửi phần geometry của Feature');
    expect(problems('POLYGON((...))')).toEqual([{ field: 'boundary', vi: 'boundary phải là một hình GeoJSON kiểu Polygon hoặc MultiPolygon' }]);
  });

  it('refuses an unclosed ring, naming the ring', () => {
    const open = square(105.8, 21, 0.001).slice(0, 4).concat([[105.8, 21.0005]]);
    expect(problems({ type: 'Polygon', coordinates: [open] })).toEqual([
      { field: 'boundary.coordinates[0]', vi: 'boundary.coordinates[0]: vòng chưa khép kín, điểm cuối [105.8, 21.0005] phải trùng điểm đầu [105.8, 21]' },
    ]);
  });

  it('refuses rings with fewer than 4 positions, in MultiPolygons too', () => {
    const triangle = [[105, 21], [105.1, 21], [105, 21]];
    expect(problems({ type: 'MultiPolygon', coordinates: [[square(105, 20, 0.01)], [triangle]] })).toEqual([
      { field: 'boundary.coordinates[1][0]', vi: 'boundary.coordinates[1][0]: một vòng cần ít nhất 4 điểm (điểm cuối trùng điểm đầu), mới có 3' },
    ]);
  });

  it('refuses positions outside Vietnam and hints at swapped coordinates', () => {
    const paris = square(2.35, 48.85, 0.001);
    expect(problems({ type: 'Polygon', coordinates: [paris] })).toEqual([
      { field: 'boundary.coordinates[0][0]', vi: 'boundary.coordinates[0][0]: điểm [2.35, 48.85] nằm ngoài Việt Nam (vĩ độ 8–24° Bắc, kinh độ 102–118° Đông)' },
    ]);
    const swapped = square(105.8, 21, 0.001).map(([lon, lat]) => [lat, lon]);
    expect(problems({ type: 'Polygon', coordinates: [swapped] })[0].vi).toContain('có vẻ bị đảo thứ tự: GeoJSON ghi [kinh độ, vĩ độ]');
  });

  it('accepts the edges of the bounding box (offshore islands) and nothing beyond', () => {
    expect(checkBoundary({ type: 'Polygon', coordinates: [square(117.999, 8, 0.001)] }).ok).toBe(true);
    expect(checkBoundary({ type: 'Polygon', coordinates: [square(117.9995, 8, 0.001)] }).ok).toBe(false);
  });

  it('refuses non-numeric positions and empty coordinates', () => {
    expect(problems({ type: 'Polygon', coordinates: [[[105, 21], ['105', 21], [105, 21.1], [105, 21]]] })).toEqual([
      { field: 'boundary.coordinates[0][1]', vi: 'boundary.coordinates[0][1]: mỗi điểm là [kinh độ, vĩ độ] gồm hai số' },
    ]);
    expect(problems({ type: 'Polygon', coordinates: [] })[0].field).toBe('boundary.coordinates');
    expect(problems({ type: 'MultiPolygon', coordinates: [[]] })[0].field).toBe('boundary.coordinates[0]');
  });

  it('refuses a boundary that encloses nothing', () => {
    const line = [[105, 21], [105.001, 21], [105.002, 21], [105, 21]];
    expect(problems({ type: 'Polygon', coordinates: [line] })).toEqual([
      { field: 'boundary', vi: 'boundary có diện tích bằng 0 (các điểm thẳng hàng hoặc trùng nhau)' },
    ]);
  });
});
