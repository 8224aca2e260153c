import type { FieldProblem } from '../common/errors/domain.exception';

// Boundaries arrive as GeoJSON geometries (RFC 7946: WGS84, positions [longitude, latitude]). We check
// them strictly, because a polygon in the wrong place or order silently breaks the area comparison and
// any later map, and compute their area on the sphere.

export type Position = [number, number];
export type Boundary = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
export type BoundaryCheck = { ok: true; boundary: Boundary; areaHa: number } | { ok: false; problems: FieldProblem[] };

/** Roughly Vietnam with its islands (domain.md §8.3): a sanity check, not a border. */
export const VN_BOUNDS = { minLat: 8, maxLat: 24, minLon: 102, maxLon: 118 };
/** Same radius as turf's `area`, so our figures match what mapping tools show. */
export const EARTH_RADIUS_M = 6378137;
// A farm boundary needs hundreds of points at most; this bounds the work one request can cause.
const MAX_POSITIONS = 20_000;
const MAX_PROBLEMS = 20;

export function checkBoundary(input: unknown, field = 'boundary'): BoundaryCheck {
  const problems: FieldProblem[] = [];
  const add = (path: string, vi: string, en: string) => problems.length < MAX_PROBLEMS && problems.push({ field: path, message: { vi, en } });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    add(field, `${field} phải là một hình GeoJSON kiểu Polygon hoặc MultiPolygon`, `${field} must be a GeoJSON Polygon or MultiPolygon geometry`);
    return { ok: false, problems };
  }
  const { type, coordinates } = input as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    const feature = type === 'Feature' || type === 'FeatureCollection';
    // A value is quoted; an array or object is only named: it may be huge, or nested deeper than
    // JSON.stringify can go (RangeError).
    const scalar = typeof type !== 'object' || type === null;
    const [givenVi, givenEn] = scalar
      ? [JSON.stringify(type ?? null), JSON.stringify(type ?? null)]
      : Array.isArray(type)
        ? ['một danh sách', 'an array']
        : ['một đối tượng', 'an object'];
    add(
      `${field}.type`,
      `${field}.type phải là "Polygon" hoặc "MultiPolygon", không phải ${givenVi}${feature ? ' (hãy gửi phần geometry của Feature)' : ''}`,
      `${field}.type must be "Polygon" or "MultiPolygon", not ${givenEn}${feature ? ' (send the geometry of the Feature)' : ''}`,
    );
    return { ok: false, problems };
  }
  const path = `${field}.coordinates`;
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    const [vi, en] = type === 'Polygon' ? ['vòng', 'rings'] : ['đa giác', 'polygons'];
    add(path, `${path} phải là danh sách ${vi}, không được rỗng`, `${path} must be a non-empty array of ${en}`);
    return { ok: false, problems };
  }
  if (countPositions(coordinates) > MAX_POSITIONS) {
    add(
      path,
      `${path} có quá ${MAX_POSITIONS} điểm; hãy đơn giản hóa ranh giới`,
      `${path} has more than ${MAX_POSITIONS} positions; simplify the boundary`,
    );
    return { ok: false, problems };
  }
  const polygons =
    type === 'Polygon' ? [{ rings: coordinates, path }] : coordinates.map((p: unknown, i) => ({ rings: p, path: `${path}[${i}]` }));
  const checked = polygons.map(({ rings, path: polygonPath }) => checkPolygon(rings, polygonPath, add));
  if (problems.length) return { ok: false, problems };
  const boundary = (type === 'Polygon' ? { type, coordinates: checked[0] } : { type, coordinates: checked }) as Boundary;
  const areaHa = boundaryAreaM2(boundary) / 10_000;
  if (!(areaHa > 0)) {
    add(
      field,
      `${field} có diện tích bằng 0 (các điểm thẳng hàng hoặc trùng nhau)`,
      `${field} encloses no area (collinear or repeated points)`,
    );
    return { ok: false, problems };
  }
  return { ok: true, boundary, areaHa };
}

type Add = (path: string, vi: string, en: string) => unknown;

function checkPolygon(rings: unknown, path: string, add: Add): Position[][] {
  if (!Array.isArray(rings) || rings.length === 0) {
    add(
      path,
      `${path} phải là danh sách vòng (ring), vòng đầu là đường bao ngoài`,
      `${path} must be an array of rings, the first being the outer ring`,
    );
    return [];
  }
  return rings.map((ring: unknown, r) => checkRing(ring, `${path}[${r}]`, add));
}

function checkRing(ring: unknown, path: string, add: Add): Position[] {
  if (!Array.isArray(ring) || ring.length < 4) {
    const n = Array.isArray(ring) ? ring.length : 0;
    add(
      path,
      `${path}: một vòng cần ít nhất 4 điểm (điểm cuối trùng điểm đầu), mới có ${n}`,
      `${path}: a ring needs at least 4 positions (the last equal to the first), got ${n}`,
    );
    return [];
  }
  const positions: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const position = checkPosition(ring[i], `${path}[${i}]`, add);
    // One bad point per ring is enough to act on; listing hundreds would drown the message.
    if (!position) return [];
    positions.push(position);
  }
  const [first, last] = [positions[0], positions[positions.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    add(
      path,
      `${path}: vòng chưa khép kín, điểm cuối [${last.join(', ')}] phải trùng điểm đầu [${first.join(', ')}]`,
      `${path}: the ring is not closed, its last position [${last.join(', ')}] must equal the first [${first.join(', ')}]`,
    );
  }
  return positions;
}

function checkPosition(value: unknown, path: string, add: Add): Position | null {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    add(path, `${path}: mỗi điểm là [kinh độ, vĩ độ] gồm hai số`, `${path}: each position is [longitude, latitude], two numbers`);
    return null;
  }
  const [lon, lat] = value as number[];
  if (!inVietnam(lon, lat)) {
    const swapped = inVietnam(lat, lon);
    const { minLat, maxLat, minLon, maxLon } = VN_BOUNDS;
    add(
      path,
      `${path}: điểm [${lon}, ${lat}] nằm ngoài Việt Nam (vĩ độ ${minLat}–${maxLat}° Bắc, kinh độ ${minLon}–${maxLon}° Đông)` +
        (swapped ? '; có vẻ bị đảo thứ tự: GeoJSON ghi [kinh độ, vĩ độ]' : ''),
      `${path}: position [${lon}, ${lat}] is outside Vietnam (latitude ${minLat}–${maxLat}° N, longitude ${minLon}–${maxLon}° E)` +
        (swapped ? '; it looks swapped: GeoJSON is [longitude, latitude]' : ''),
    );
    return null;
  }
  // Altitude, if any, is dropped: the area is measured on the ground plan.
  return [lon, lat];
}

const inVietnam = (lon: number, lat: number) =>
  lat >= VN_BOUNDS.minLat && lat <= VN_BOUNDS.maxLat && lon >= VN_BOUNDS.minLon && lon <= VN_BOUNDS.maxLon;

// Positions sit at most three arrays below `coordinates` (MultiPolygon → polygon → ring → position);
// deeper arrays are not looked into, which also keeps a deeply nested body from exhausting the stack.
function countPositions(value: unknown, depth = 0): number {
  if (!Array.isArray(value) || depth > 3) return 0;
  if (value.length && typeof value[0] === 'number') return 1;
  return value.reduce((n: number, v) => n + countPositions(v, depth + 1), 0);
}

/** Area in m² of a checked boundary: outer rings minus holes, polygons summed. */
export function boundaryAreaM2(boundary: Boundary): number {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  return polygons.reduce((sum, [outer, ...holes]) => {
    const area = Math.abs(ringAreaM2(outer)) - holes.reduce((h, ring) => h + Math.abs(ringAreaM2(ring)), 0);
    return sum + Math.max(0, area);
  }, 0);
}

/**
 * Signed area of a closed ring on the sphere (Chamberlain & Duquette, "Some algorithms for polygons on
 * a sphere", JPL 2007), the formula behind turf's `area`: A = R²/2 · Σ (λᵢ₊₁ − λᵢ₋₁) · sin φᵢ.
 */
export function ringAreaM2(ring: Position[]): number {
  const n = ring.length - 1; // the closing position repeats the first
  if (n < 3) return 0;
  const rad = Math.PI / 180;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const previous = ring[(i + n - 1) % n];
    const next = ring[(i + 1) % n];
    total += (next[0] - previous[0]) * rad * Math.sin(ring[i][1] * rad);
  }
  return (total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2;
}
