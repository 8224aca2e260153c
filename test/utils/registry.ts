import { randomBytes } from 'node:crypto';
import { addDays, todayInVietnam } from '../../src/common/time/vn-date';
import { bearer, TestApp } from './test-app';

// Registry fixtures built through the HTTP API, as a cooperative and an officer would.

/** A created resource as the API returned it (the tests read ids and a few fields). */
export type Fixture = { id: string } & Record<string, unknown>;

const expectOk = (res: { status: number; body: unknown }, what: string) => {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Fixture;
};

export const daysAgo = (n: number) => addDays(todayInVietnam(), -n);

export async function makeArea(t: TestApp, token: string, cooperativeId: string, overrides: Record<string, unknown> = {}) {
  const res = await t.http().post(`/cooperatives/${cooperativeId}/planting-areas`).set(bearer(token)).send({
    name: `Cánh đồng ${randomBytes(2).toString('hex')}`,
    crop: 'Bắp cải',
    declaredAreaHa: 2.5,
    householdCount: 12,
    address: { communeCode: 11065 },
    standard: 'VietGAP',
    ...overrides,
  });
  return expectOk(res, 'create planting area');
}

export async function makeSeason(t: TestApp, token: string, areaId: string, overrides: Record<string, unknown> = {}) {
  const res = await t.http().post(`/planting-areas/${areaId}/seasons`).set(bearer(token)).send({
    name: 'Vụ đông 2026',
    startDate: daysAgo(120),
    expectedHarvestFrom: daysAgo(30),
    expectedHarvestTo: addDays(todayInVietnam(), 30),
    expectedYieldKg: 1000,
    targetMarket: 'Nội địa',
    ...overrides,
  });
  return expectOk(res, 'create season');
}

// Codes are unique platform-wide, so fixtures never hand out the same one twice in a test run.
const usedCodes = new Set<string>();
function freshCode(): string {
  let code: string;
  do code = `VN-HPOR-${String(randomBytes(3).readUIntBE(0, 3) % 100_000).padStart(5, '0')}`;
  while (usedCodes.has(code));
  usedCodes.add(code);
  return code;
}

/** Adds a code and has an admin activate it from `activeFrom` (default a year ago). */
export async function addActiveCode(t: TestApp, adminToken: string, areaId: string, code = freshCode(), activeFrom = daysAgo(365)) {
  const created = expectOk(
    await t.http().post(`/planting-areas/${areaId}/codes`).set(bearer(adminToken)).send({ code, scope: 'domestic', issuer: 'Chi cục TT&BVTV Hải Phòng', issuedOn: activeFrom }),
    'add code',
  );
  expectOk(
    await t.http().post(`/planting-areas/${areaId}/codes/${created.id}/status`).set(bearer(adminToken)).send({ status: 'active', reason: 'Đã kiểm tra thực địa', effectiveFrom: activeFrom }),
    'activate code',
  );
  return created;
}

export async function makeProduct(t: TestApp, token: string, cooperativeId: string, overrides: Record<string, unknown> = {}) {
  const res = await t.http().post(`/cooperatives/${cooperativeId}/products`).set(bearer(token)).send({
    nameVi: 'Bắp cải VietGAP',
    category: 'Rau củ',
    unitOfSale: 'túi',
    netContent: 1,
    netContentUnit: 'KGM',
    ...overrides,
  });
  return expectOk(res, 'create product');
}

/**
 * A closed batch ready for stamps: planting area with an active code, season, product (with GTIN and
 * an image), harvest 2 days ago, closed. Returns the ids.
 */
export async function makeClosedBatch(
  t: TestApp,
  tokens: { admin: string; manager: string },
  cooperativeId: string,
  options: { gtin?: string | null; lotCode?: string; image?: Buffer } = {},
) {
  const area = await makeArea(t, tokens.manager, cooperativeId);
  const season = await makeSeason(t, tokens.manager, area.id);
  await addActiveCode(t, tokens.admin, area.id);
  const product = await makeProduct(t, tokens.manager, cooperativeId, options.gtin ? { gtin: options.gtin } : {});
  if (options.image) {
    expectOk(await t.http().post(`/products/${product.id}/images`).set(bearer(tokens.manager)).attach('file', options.image, 'photo.png'), 'add image');
  }
  const batch = expectOk(
    await t.http().post('/batches').set(bearer(tokens.manager)).send({
      productId: product.id, plantingAreaId: area.id, seasonId: season.id, lotCode: options.lotCode ?? `L-${randomBytes(3).toString('hex')}`,
      harvestDateFrom: daysAgo(2), quantity: 500, unit: 'KGM',
    }),
    'create batch',
  );
  expectOk(await t.http().post(`/batches/${batch.id}/close`).set(bearer(tokens.manager)), 'close batch');
  return { area, season, product, batch };
}
