import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { gs1CheckDigit } from '../../src/common/validation/gs1-check-digit';
import { addDays, todayInVietnam } from '../../src/common/time/vn-date';
import { JobQueue } from '../../src/jobs/job-queue';
import { tinyPng } from '../utils/images';
import { addActiveCode, daysAgo, Fixture, makeArea, makeClosedBatch, makeSeason } from '../utils/registry';
import { bearer, TEST_ADMIN, TEST_PASSWORD, TestApp } from '../utils/test-app';
import { makeUser, makeWorld, World } from '../utils/world';

// The fixtures the fuzzer aims at: one of everything in cooperative A (Hải Phòng), so every route has a
// real id to start from, plus a valid body per operation that each case then breaks in one place.

export type Role = 'admin' | 'manager';
type Body = Record<string, unknown>;

export interface FuzzWorld {
  t: TestApp;
  w: World;
  baseUrl: string;
  tokens: Record<Role, string>;
  credentials: Record<Role, { login: string; password: string }>;
  /** A real value for a path parameter of an operation ("POST /batches/{id}/close", "id"). */
  param(opKey: string, name: string): string | undefined;
  /** A valid JSON body for an operation, or undefined when it takes none. */
  body(opKey: string, schema: string | undefined): Body | undefined;
}

/** Env for the app under fuzz: public pages and logins must not rate-limit thousands of requests. */
export const FUZZ_ENV = {
  PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
  LOGIN_MAX_FAILURES: '100',
  LOGIN_MAX_FAILURES_PER_IP: '10000',
  UPLOAD_MAX_BYTES: String(256 * 1024),
  // FUZZ_LOG_LEVEL=error shows the server's stack for each 5xx while hunting one down.
  LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent',
};

function newGtin(): string {
  const body = `893${String(randomBytes(4).readUInt32BE() % 1_000_000_000).padStart(9, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

const at = (date: string, time = '07:30:00') => `${date}T${time}+07:00`;

async function ok(res: { status: number; body: unknown }, what: string): Promise<Fixture> {
  if (res.status >= 300) throw new Error(`fuzz fixture ${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Fixture;
}

export async function makeFuzzWorld(): Promise<FuzzWorld> {
  const t = await TestApp.start(FUZZ_ENV);
  // Listings are processed by background jobs; the fuzzer checks the HTTP layer only.
  await t.app.get(JobQueue).stopWorkers();
  await t.app.listen(0, '127.0.0.1');
  const baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  const w = await makeWorld(t);
  const admin = w.tokens.admin;
  const manager = w.tokens.managerA;
  const coop = w.coopA.id;
  const http = () => t.http();

  const area = await makeArea(t, manager, coop);
  const season = await makeSeason(t, manager, area.id);
  const code = await addActiveCode(t, admin, area.id);
  const sealed = await makeClosedBatch(t, { admin, manager }, coop, { gtin: newGtin(), image: tinyPng() });
  const product = await ok(await http().get(`/products/${sealed.product.id}`).set(bearer(manager)), 'read product');
  const imageId = (product.images as { id: string }[])[0].id;
  const batchBody = (lot: string) => ({
    productId: sealed.product.id, plantingAreaId: sealed.area.id, seasonId: sealed.season.id, lotCode: lot,
    harvestDateFrom: daysAgo(1), quantity: 100, unit: 'KGM',
  });
  const openBatch = await ok(await http().post('/batches').set(bearer(manager)).send(batchBody('FZ-OPEN')), 'open batch');
  const recallBatch = await ok(await http().post('/batches').set(bearer(manager)).send(batchBody('FZ-RECALL')), 'recall batch');
  const closeBatch = await ok(await http().post('/batches').set(bearer(manager)).send(batchBody('FZ-CLOSE')), 'batch to close');
  const issuance = await ok(await http().post(`/batches/${sealed.batch.id}/stamps`).set(bearer(manager)).send({ count: 5, withPin: true }), 'issue stamps');
  await ok(await http().post(`/stamp-issuances/${issuance.id}/activate`).set(bearer(manager)).send({ fromSeq: 2, toSeq: 5 }), 'activate stamps');
  // A second issuance for the routes that change stamps (print confirmation erases the PINs).
  const workIssuance = await ok(await http().post(`/batches/${sealed.batch.id}/stamps`).set(bearer(manager)).send({ count: 5, withPin: true }), 'issue more stamps');
  const [{ serial }] = await t.app.get(DataSource).query(`SELECT serial FROM stamp WHERE issuance_id = $1 ORDER BY seq DESC LIMIT 1`, [issuance.id]);
  const diary = await ok(
    await http().post(`/planting-areas/${area.id}/seasons/${season.id}/diary`).set(bearer(manager)).send({ activity: 'irrigating', occurredAt: at(daysAgo(2)) }),
    'diary entry',
  );
  const certBody = (subjectId: string) => ({
    subjectType: 'product', subjectId, scheme: 'VietGAP', certificateNo: 'VG-123/2025', certBody: 'Trung tâm Chứng nhận TQC',
    issuedOn: daysAgo(200), validUntil: addDays(todayInVietnam(), 500), scopeText: 'Cải bắp; 15,5 ha',
  });
  const cert = await ok(await http().post('/certifications').set(bearer(manager)).send(certBody(sealed.product.id)), 'certification');
  await ok(await http().put(`/certifications/${cert.id}/file`).set(bearer(manager)).attach('file', tinyPng(), 'giay-chung-nhan.png'), 'certificate file');
  await ok(await http().put(`/cooperatives/${coop}/logo`).set(bearer(manager)).attach('file', tinyPng(), 'logo.png'), 'logo');
  // PATCH cases may clear the GTIN or the description; listings and origin pages keep the sealed product.
  const patchProduct = await ok(await http().post(`/cooperatives/${coop}/products`).set(bearer(manager)).send({ nameVi: 'Rau muống', category: 'Rau củ', unitOfSale: 'bó', netContent: 0.5, netContentUnit: 'KGM' }), 'product to edit');
  let decisionSeq = 100;
  const ocopBody = () => ({
    stars: 4, score: 78.5, groupCode: '1', subgroupCode: '1.3.c', recognisingLevel: 'province', authority: 'UBND thành phố Hải Phòng',
    decisionNo: `${decisionSeq++}/QĐ-UBND`, decisionDate: daysAgo(30), certificateNo: 'OCOP-1', issuedOn: daysAgo(30),
  });
  const ocop = await ok(await http().post(`/products/${sealed.product.id}/ocop-certifications`).set(bearer(admin)).send(ocopBody()), 'ocop certification');
  const account = await ok(
    await http().post(`/cooperatives/${coop}/marketplace-accounts`).set(bearer(manager)).send({ marketplace: 'postmart', mode: 'assisted' }),
    'marketplace account',
  );
  const listing = await ok(
    await http().post('/listings').set(bearer(manager)).send({ accountId: account.id, productId: sealed.product.id, priceVnd: 85_000, stock: 40 }),
    'listing',
  );
  const bulk = await ok(
    await http().post('/bulk-publish').set(bearer(manager)).send({ items: [{ productId: sealed.product.id, marketplace: 'voso', priceVnd: 85_000, stock: 5 }] }),
    'bulk publish',
  );
  const apiToken = await ok(await http().post('/auth/api-tokens').set(bearer(admin)).send({ name: 'Fuzz token' }), 'api token');
  const spareUser = await makeUser(t, admin, { role: 'cooperative_staff', cooperativeId: coop });
  const lot = String(sealed.batch.lotCode);
  const gtin = String(product.gtin);

  // Path parameters by path prefix; the first match wins, so more specific prefixes come first.
  const byPath: [RegExp, Record<string, string>][] = [
    [/^(PATCH|POST) \/batches\/\{id\}\/recall/, { id: recallBatch.id }],
    [/^(PATCH|POST) \/batches\/\{id\}(\/(phi-overrides|trace-events))?$/, { id: openBatch.id }],
    [/^POST \/batches\/\{id\}\/close$/, { id: closeBatch.id }],
    [/ \/batches\/\{id\}/, { id: sealed.batch.id }],
    [/ \/cooperatives\/\{id\}/, { id: coop, size: 'small' }],
    [/ \/planting-areas\/\{id\}/, { id: area.id, seasonId: season.id, codeId: code.id }],
    [/^PATCH \/products\/\{id\}$/, { id: patchProduct.id }],
    [/ \/products\/\{id\}/, { id: sealed.product.id, imageId, size: 'small' }],
    [/ \/ocop-certifications\/\{id\}/, { id: ocop.id }],
    [/ \/diary-entries\/\{id\}/, { id: diary.id }],
    [/ \/certifications\/\{id\}/, { id: cert.id }],
    [/^POST \/stamp-issuances\/\{id\}\/(printed|void|activate)$/, { id: workIssuance.id }],
    [/ \/stamp-issuances\/\{id\}/, { id: issuance.id }],
    [/ \/stamps\/\{serial\}/, { serial, format: 'png' }],
    [/ \/01\//, { gtin, lot, serial }],
    [/ \/s\//, { serial }],
    [/ \/audit\//, { entityType: 'planting_area', entityId: area.id }],
    [/ \/admin-units\/provinces/, { code: '31' }],
    [/ \/admin-units\/old-communes/, { code: '11053' }],
    [/ \/onboarding\//, { kind: 'products' }],
    [/ \/marketplace-accounts\/\{id\}/, { id: account.id }],
    [/ \/listings\/\{id\}/, { id: listing.id }],
    [/ \/bulk-publish\/\{id\}/, { id: bulk.id }],
    [/ \/auth\/api-tokens\/\{id\}/, { id: apiToken.id }],
    [/ \/users\/\{id\}/, { id: spareUser.id }],
  ];

  const bySchema: Record<string, () => Body> = {
    LoginDto: () => ({ login: 'fuzz-nobody@test.vn', password: 'wrong-password-1' }),
    // Never the right current password, so no case can change it (and end the fuzzer's sessions).
    ChangePasswordDto: () => ({ currentPassword: 'not-the-password-1', newPassword: 'fuzz-new-password-1' }),
    CreateApiTokenDto: () => ({ name: 'Fuzz token', expiresInDays: 30 }),
    CreateUserDto: () => ({ email: 'fuzz-user@test.vn', phone: '0912345678', fullName: 'Người Thử', password: TEST_PASSWORD, role: 'cooperative_staff', cooperativeId: coop }),
    UpdateUserDto: () => ({ fullName: 'Người Thử Hai', active: true }),
    CreateCooperativeDto: () => ({
      name: 'HTX Thử Nghiệm Fuzz', shortName: 'HTX Fuzz', address: { communeCode: 11065, street: 'Thôn Phạm Trấn' }, phone: '0912345678',
      email: 'htx@test.vn', legalRepresentative: 'Nguyễn Văn A', businessRegistrationNo: '0201234567',
    }),
    UpdateCooperativeDto: () => ({ shortName: 'HTX A', legalRepresentative: 'Nguyễn Văn B' }),
    CreatePlantingAreaDto: () => ({
      name: 'Cánh đồng Fuzz', crop: 'Bắp cải', variety: 'Thanh Hà', cropType: 'annual', declaredAreaHa: 2.5, householdCount: 12,
      address: { communeCode: 11065 }, standard: 'vietgap',
      boundary: { type: 'Polygon', coordinates: [[[106.3, 20.8], [106.301, 20.8], [106.301, 20.801], [106.3, 20.801], [106.3, 20.8]]] },
    }),
    UpdatePlantingAreaDto: () => ({ variety: 'Thanh Hà', householdCount: 13 }),
    CreatePlantingSeasonDto: () => ({
      name: 'Vụ đông 2026', startDate: daysAgo(120), expectedHarvestFrom: daysAgo(30), expectedHarvestTo: addDays(todayInVietnam(), 30),
      expectedYieldKg: 1000, targetMarket: 'Nội địa',
    }),
    UpdatePlantingSeasonDto: () => ({ targetMarket: 'Nội địa', expectedYieldKg: 1200 }),
    CreatePlantingAreaCodeDto: () => ({ code: 'VN-HPOR-77777', scope: 'domestic', issuer: 'Chi cục TT&BVTV Hải Phòng', decisionNo: '123/QĐ-BVTV', issuedOn: daysAgo(100) }),
    ChangeCodeStatusDto: () => ({ status: 'suspended', reason: 'Tạm dừng để kiểm tra thực địa' }),
    CreateProductDto: () => ({
      nameVi: 'Bắp cải VietGAP', nameEn: 'VietGAP cabbage', category: 'Rau củ', unitOfSale: 'túi', netContent: 1, netContentUnit: 'KGM',
      brand: 'Nguồn', description: 'Rau sạch', standardsApplied: ['VietGAP'], shelfLifeDays: 30,
    }),
    UpdateProductDto: () => ({ brand: 'Nguồn', description: 'Rau sạch Hải Phòng' }),
    CreateOcopCertificationDto: ocopBody,
    RevokeOcopCertificationDto: () => ({ reason: 'Thu hồi để kiểm tra' }),
    CreateDiaryEntryDto: () => ({
      activity: 'fertilising', occurredAt: at(daysAgo(2)), performedBy: 'Hộ ông Nguyễn Văn A', notes: 'Bón thúc',
      inputs: [{ name: 'NPK 16-16-8', dose: 20, doseUnit: 'kg/sào' }],
    }),
    UpdateDiaryEntryDto: () => ({ notes: 'Bón thúc lần 2' }),
    CreateHarvestBatchDto: () => ({ ...batchBody('FZ-NEW'), notes: 'Thu hoạch sáng' }),
    UpdateHarvestBatchDto: () => ({ quantity: 120, notes: 'Cân lại' }),
    CreatePhiOverrideDto: () => ({ diaryEntryId: diary.id, reason: 'Mẫu kiểm nghiệm số 123/KN không phát hiện dư lượng' }),
    RecallBatchDto: () => ({ reason: 'Phát hiện dư lượng thuốc vượt ngưỡng' }),
    CreateTraceEventDto: () => ({
      step: 'shipping', eventTime: at(todayInVietnam(), '00:00:01'), locationCode: 'VNHPPH-0001', locationName: 'Kho HTX',
      destinationParty: { name: 'Bưu điện Hải Phòng', gln: '8936001000010', locationCode: 'Kho Postmart' }, quantity: 10, unit: 'KGM', documentNo: 'PX-1',
    }),
    CreateCertificationDto: () => certBody(sealed.product.id),
    RevokeCertificationDto: () => ({ reason: 'Cấp sai phạm vi' }),
    IssueStampsDto: () => ({ count: 2, withPin: false }),
    StampRangeDto: () => ({ fromSeq: 2, toSeq: 3 }),
    VoidStampsDto: () => ({ fromSeq: 1, toSeq: 1, reason: 'Cuộn tem bị ướt' }),
    CreateMarketplaceAccountDto: () => ({ marketplace: 'voso', mode: 'assisted' }),
    UpdateMarketplaceAccountDto: () => ({ mode: 'assisted', status: 'active' }),
    PublishListingDto: () => ({ accountId: account.id, productId: sealed.product.id, priceVnd: 85_000, stock: 40 }),
    UpdateListingOfferDto: () => ({ priceVnd: 90_000, stock: 30 }),
    UnlistListingDto: () => ({ reason: 'Hết hàng tạm thời' }),
    ManualAckDto: () => ({ status: 'live', externalId: '43160', url: 'https://postmart.vn/p/bap-cai-43160.html' }),
    BulkPublishDto: () => ({ items: [{ productId: sealed.product.id, marketplace: 'postmart', priceVnd: 85_000, stock: 10 }] }),
  };
  // Operations whose body the OpenAPI document does not describe.
  const byOp: Record<string, () => Body> = {
    'POST /01/{gtin}/10/{lot}/21/{serial}': () => ({ pin: '12345678' }),
    'POST /s/{serial}': () => ({ pin: '12345678' }),
  };

  const managerUser = w.users.managerA;
  return {
    t,
    w,
    baseUrl,
    tokens: { admin, manager: w.tokens.managerA },
    credentials: { admin: { login: TEST_ADMIN.email, password: TEST_ADMIN.password }, manager: { login: managerUser.email, password: TEST_PASSWORD } },
    param(opKey, name) {
      for (const [pattern, values] of byPath) if (pattern.test(opKey) && values[name] !== undefined) return values[name];
      return undefined;
    },
    body(opKey, schema) {
      const make = byOp[opKey] ?? (schema ? bySchema[schema] : undefined);
      return make?.();
    },
  };
}
