import fc from 'fast-check';
import { checkBoundary, EARTH_RADIUS_M, Position, VN_BOUNDS } from '../../src/planting-areas/boundary-geometry';

// GeoJSON boundaries (RFC 7946). Areas are compared with two independent computations: the exact area
// of a lat/lon rectangle on the sphere, R²·Δλ·(sin φ₂ − sin φ₁), and the shoelace formula in Lambert's
// cylindrical equal-area projection (x = R·λ, y = R·sin φ), which preserves areas exactly.

const RAD = Math.PI / 180;
const lambertShoelaceM2 = (ring: Position[]) => {
  // Coordinates relative to the first vertex (the shoelace is translation-invariant), for precision.
  const project = ([lon, lat]: Position) => [(lon - ring[0][0]) * RAD, Math.sin(lat * RAD) - Math.sin(ring[0][1] * RAD)];
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [[x1, y1], [x2, y2]] = [project(ring[i]), project(ring[i + 1])];
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice / 2) * EARTH_RADIUS_M ** 2;
};
const close = (points: Position[]): Position[] => [...points, points[0]];

/** A centre at least 0.1° inside the Vietnam box, so that polygons of radius ≤ 0.05° stay inside it. */
const centre = fc.tuple(
  fc.double({ min: VN_BOUNDS.minLon + 0.1, max: VN_BOUNDS.maxLon - 0.1, noNaN: true }),
  fc.double({ min: VN_BOUNDS.minLat + 0.1, max: VN_BOUNDS.maxLat - 0.1, noNaN: true }),
);

/** A convex polygon: 3–12 vertices at increasing angles on a circle of radius 0.0005–0.05°, closed. */
const convexRing = fc
  .tuple(
    centre,
    fc.double({ min: 0.0005, max: 0.05, noNaN: true }),
    fc.uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 3, maxLength: 12 }),
    fc.boolean(),
  )
  .filter(([, , degrees]) => {
    // Some gap under 180° everywhere, else the "polygon" could be degenerate or not enclose the centre.
    const sorted = [...degrees].sort((a, b) => a - b);
    return sorted.every((d, i) => (i === 0 ? d + 360 - sorted[sorted.length - 1] : d - sorted[i - 1]) < 180);
  })
  .map(([[lon, lat], r, degrees, clockwise]) => {
    const sorted = [...degrees].sort((a, b) => (clockwise ? b - a : a - b));
    return close(sorted.map((d): Position => [lon + r * Math.cos(d * RAD), lat + r * Math.sin(d * RAD)]));
  });

const rectangle = fc
  .tuple(centre, fc.double({ min: 0.0001, max: 0.05, noNaN: true }), fc.double({ min: 0.0001, max: 0.05, noNaN: true }))
  .map(([[lon, lat], w, h]) => ({ lon, lat, w, h, ring: close([[lon, lat], [lon + w, lat], [lon + w, lat + h], [lon, lat + h]]) }));

const FIELD = /^boundary(\.type|\.coordinates(\[\d+\])*)?$/;

/** A result is either a measured boundary or field-named problems; never an exception. */
function expectWellFormed(input: unknown) {
  const result = checkBoundary(input);
  if (result.ok) {
    expect(Number.isFinite(result.areaHa) && result.areaHa > 0).toBe(true);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.length).toBeLessThanOrEqual(20);
    for (const p of result.problems) {
      expect(p.field).toMatch(FIELD);
      const message = p.message as { vi: string; en: string };
      expect(message.vi.length > 0 && message.en.length > 0).toBe(true);
    }
  }
  return result;
}

describe('GeoJSON boundaries: valid shapes (property)', () => {
  it('accepts any convex polygon in Vietnam, keeps its closed ring, and measures it like the equal-area shoelace', () => {
    fc.assert(
      fc.property(convexRing, fc.option(fc.double({ min: -100, max: 3000, noNaN: true }), { nil: undefined }), (ring, altitude) => {
        const typed = altitude === undefined ? ring : ring.map(([lon, lat]) => [lon, lat, altitude]);
        const result = checkBoundary({ type: 'Polygon', coordinates: [typed] });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.boundary).toEqual({ type: 'Polygon', coordinates: [ring] });
        const ringOut = result.boundary.coordinates[0] as Position[];
        expect(ringOut[0]).toEqual(ringOut[ringOut.length - 1]);
        const expectedHa = lambertShoelaceM2(ring) / 10_000;
        expect(Math.abs(result.areaHa - expectedHa) / expectedHa).toBeLessThan(1e-7);
        // Winding order does not matter.
        const reversed = checkBoundary({ type: 'Polygon', coordinates: [[...ring].reverse()] });
        expect(reversed.ok && Math.abs(reversed.areaHa - result.areaHa) / result.areaHa).toBeLessThan(1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('measures any lat/lon rectangle as the exact spherical zone, and subtracts a hole', () => {
    fc.assert(
      fc.property(rectangle, fc.double({ min: 0.1, max: 0.9, noNaN: true }), ({ lon, lat, w, h, ring }, scale) => {
        const exactM2 = (w1: number, h1: number, lat1: number) => EARTH_RADIUS_M ** 2 * w1 * RAD * (Math.sin((lat1 + h1) * RAD) - Math.sin(lat1 * RAD));
        const whole = checkBoundary({ type: 'Polygon', coordinates: [ring] });
        expect(whole.ok && Math.abs(whole.areaHa * 10_000 - exactM2(w, h, lat)) / exactM2(w, h, lat)).toBeLessThan(1e-6);
        // A hole of `scale` times the size, centred.
        const [hw, hh] = [w * scale, h * scale];
        const [hlon, hlat] = [lon + (w - hw) / 2, lat + (h - hh) / 2];
        const hole = close([[hlon, hlat], [hlon, hlat + hh], [hlon + hw, hlat + hh], [hlon + hw, hlat]]);
        const holed = checkBoundary({ type: 'Polygon', coordinates: [ring, hole] });
        const expected = exactM2(w, h, lat) - exactM2(hw, hh, hlat);
        expect(holed.ok && Math.abs(holed.areaHa * 10_000 - expected) / expected).toBeLessThan(1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('a MultiPolygon measures the sum of its polygons', () => {
    fc.assert(
      fc.property(fc.array(convexRing, { minLength: 1, maxLength: 4 }), (rings) => {
        const multi = checkBoundary({ type: 'MultiPolygon', coordinates: rings.map((r) => [r]) });
        const parts = rings.map((r) => checkBoundary({ type: 'Polygon', coordinates: [r] }));
        const sum = parts.reduce((s, p) => s + (p.ok ? p.areaHa : NaN), 0);
        expect(multi.ok && Math.abs(multi.areaHa - sum) / sum).toBeLessThan(1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('GeoJSON boundaries: broken input (property)', () => {
  it('names the ring that is not closed, the position outside Vietnam, and a swapped [lat, lon]', () => {
    fc.assert(
      fc.property(convexRing, fc.nat(), fc.constantFrom('open', 'outside', 'swapped'), (ring, at, defect) => {
        const i = at % (ring.length - 1);
        let broken: number[][] = ring;
        if (defect === 'open') broken = [...ring.slice(0, -1), ring[0].map((v) => v + 0.001)];
        if (defect === 'outside') broken = ring.map((p, j) => (j === i ? [p[0] + 40, p[1]] : p));
        if (defect === 'swapped') broken = ring.map(([lon, lat]) => [lat, lon]);
        const result = expectWellFormed({ type: 'Polygon', coordinates: [broken] });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const [first] = result.problems;
        const en = (first.message as { en: string }).en;
        if (defect === 'open') expect([first.field, en.includes('the ring is not closed')]).toEqual(['boundary.coordinates[0]', true]);
        if (defect === 'outside') expect([first.field, en.includes('is outside Vietnam')]).toEqual([`boundary.coordinates[0][${i}]`, true]);
        if (defect === 'swapped') expect([first.field, en.includes('it looks swapped')]).toEqual(['boundary.coordinates[0][0]', true]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON, as the whole value or as its coordinates', () => {
    const json = fc.jsonValue({ maxDepth: 6 });
    const input = fc.oneof(
      json,
      fc.record({ type: fc.constantFrom('Polygon', 'MultiPolygon', 'Feature', 'Point'), coordinates: json }),
      fc.anything(),
    );
    fc.assert(
      fc.property(input, (value) => {
        expectWellFormed(value);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on geometry-shaped garbage: nested arrays of numbers, some in Vietnam, some not', () => {
    const coordinate = fc.oneof(
      fc.double({ min: 100, max: 120, noNaN: true }),
      fc.double({ min: 5, max: 26, noNaN: true }),
      fc.double(),
      fc.constantFrom(null, '105', Infinity, true),
    );
    const position = fc.array(coordinate, { minLength: 0, maxLength: 4 });
    const ring = fc.oneof(fc.array(position, { maxLength: 7 }), convexRing);
    const polygon = fc.oneof(fc.array(ring, { maxLength: 3 }), position);
    const geometry = fc.oneof(
      fc.record({ type: fc.constant('Polygon'), coordinates: polygon }),
      fc.record({ type: fc.constant('MultiPolygon'), coordinates: fc.array(polygon, { maxLength: 3 }) }),
    );
    fc.assert(
      fc.property(geometry, (value) => {
        expectWellFormed(value);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on deeply nested arrays, as coordinates or as type (JSON.parse nests deeper than the call stack)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.constantFrom('Polygon', 'MultiPolygon', 'deep'), (depth, type) => {
        let nested: unknown = [105, 21];
        for (let i = 0; i < depth; i++) nested = [nested];
        expectWellFormed(type === 'deep' ? { type: nested, coordinates: [] } : { type, coordinates: nested });
      }),
      { numRuns: 30 },
    );
  });
});
