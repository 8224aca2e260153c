import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, todayInVietnam } from '../../src/common/time/vn-date';
import { JobQueue } from '../../src/jobs/job-queue';
import { tinyPng } from '../utils/images';
import { addActiveCode, daysAgo, makeArea, makeProduct, makeSeason } from '../utils/registry';
import { servedRoutes } from '../utils/routes';
import { TEST_PASSWORD, TestApp } from '../utils/test-app';
import { makeWorld, World } from '../utils/world';
import { cheapPasswordHashing, client, hex, Method, newGtin, ok, Res, Send, SendOptions, taxCode, tinyPdf } from './helpers';

// Every served route × every kind of caller, against resources of cooperative A (Hải Phòng, province 31).
// A served route without a row fails the first test, so a new route forces a decision about who may
// call it. Expectations follow the guards and services (README "Roles"):
//   anonymous → 401 on everything not @Public();
//   a cooperative outside your scope → 404 (its existence is not revealed), never 403;
//   in scope but not allowed (staff writing registry data, a cooperative activating its own code) → 403.
// "ok" means 2xx. Where an allowed call is answered otherwise on purpose, the row names that exact status
// and error code (a validation error on the password routes, whose real use is slow and tested elsewhere;
// a dry run whose row names a cooperative out of the caller's scope), proving the caller got past the guard.
// Writes that can happen only once (close, recall, activate, revoke…) get a fresh resource for each
// allowed caller; refused callers aim at a shared spare that the last test checks is untouched.
// Lists are asked for cooperative A by name (?cooperativeId=A): a filter must narrow the caller's scope,
// never replace it. Every answer to an outsider is searched for A's ids, names, codes and tax code.

type Role = 'anonymous' | 'admin' | 'officerIn' | 'officerOut' | 'managerA' | 'staffA' | 'managerB' | 'staffB';
const ROLES: Role[] = ['anonymous', 'admin', 'officerIn', 'officerOut', 'managerA', 'staffA', 'managerB', 'staffB'];
/** Callers who must never see anything of cooperative A. */
const OUTSIDERS: Role[] = ['anonymous', 'officerOut', 'managerB', 'staffB'];
/** Callers who see cooperative A. */
const INSIDERS: Role[] = ['admin', 'officerIn', 'managerA', 'staffA'];

interface Exact {
  status: number;
  code?: string;
  check?: (res: Res) => void;
}
type Outcome = 'ok' | 401 | 403 | 404 | Exact;
type Expectation = Record<Role, Outcome>;

const OK = 'ok' as const;
const POLICY = {
  /** Anyone, logged in or not. */
  public: { anonymous: OK, admin: OK, officerIn: OK, officerOut: OK, managerA: OK, staffA: OK, managerB: OK, staffB: OK },
  /** Any logged-in user; what they get is scoped to them (lists, their own account). */
  anyUser: { anonymous: 401, admin: OK, officerIn: OK, officerOut: OK, managerA: OK, staffA: OK, managerB: OK, staffB: OK },
  /** Whoever sees cooperative A: reading, and the field work staff record (diary, batches, trace events). */
  coopRead: { anonymous: 401, admin: OK, officerIn: OK, officerOut: 404, managerA: OK, staffA: OK, managerB: 404, staffB: 404 },
  /** Whoever manages cooperative A: admin, the province's officer, its managers; its staff only read. */
  coopManage: { anonymous: 401, admin: OK, officerIn: OK, officerOut: 404, managerA: OK, staffA: 403, managerB: 404, staffB: 404 },
  /** A state decision (code status, OCOP revocation): admin and the province's officer, not the cooperative. */
  stateDecides: { anonymous: 401, admin: OK, officerIn: OK, officerOut: 404, managerA: 403, staffA: 403, managerB: 404, staffB: 404 },
  /** A cooperative's own decision (PHI override): its manager (or an admin), not officers. */
  managerDecides: { anonymous: 401, admin: OK, officerIn: 403, officerOut: 404, managerA: OK, staffA: 403, managerB: 404, staffB: 404 },
  /** @Roles(admin, officer): follow-up work of the state, scoped to the officer's provinces. */
  adminOfficer: { anonymous: 401, admin: OK, officerIn: OK, officerOut: OK, managerA: 403, staffA: 403, managerB: 403, staffB: 403 },
  /** Registering cooperatives: admins, and officers in their own provinces (A's address is in 31). */
  registerCooperative: { anonymous: 401, admin: OK, officerIn: OK, officerOut: 403, managerA: 403, staffA: 403, managerB: 403, staffB: 403 },
  /** Staff are refused before any lookup; others by scope. */
  publishOrCreateUsers: { anonymous: 401, admin: OK, officerIn: OK, officerOut: 404, managerA: OK, staffA: 403, managerB: 404, staffB: 403 },
  /** A bulk publish is followed by whoever started it (managerA here) and admins. */
  creatorOrAdmin: { anonymous: 401, admin: OK, officerIn: 404, officerOut: 404, managerA: OK, staffA: 404, managerB: 404, staffB: 404 },
  /** An API token belongs to its user alone (managerA here); not even an admin revokes someone else's. */
  ownerOnly: { anonymous: 401, admin: 404, officerIn: 404, officerOut: 404, managerA: OK, staffA: 404, managerB: 404, staffB: 404 },
} satisfies Record<string, Expectation>;

const every = (outcome: Outcome): Expectation => Object.fromEntries(ROLES.map((r) => [r, outcome])) as Expectation;
const authenticated = (outcome: Outcome): Expectation => ({ ...every(outcome), anonymous: 401 });

interface Ctx {
  role: Role;
  token: string | undefined;
  /** The expectation for this caller is 'ok' (or an exact success-like outcome): give them a fresh resource. */
  allowed: boolean;
  go: (url: string, options?: SendOptions) => Promise<Res>;
}

interface Row {
  route: string;
  expect: Expectation;
  call: (c: Ctx) => Promise<Res>;
  /** Public pages that show A's data by design (origin pages, a login as A's manager): no leak check. */
  exposesA?: boolean;
  /** Strings of A the caller itself sent and may see echoed back (e.g. the id in an upload row). */
  echoes?: () => string[];
  /** For insiders: a string of A the 2xx response must contain (so the leak check is not vacuous). */
  shows?: (role: Role) => string | undefined;
}

describe('security matrix: every served route × every kind of caller', () => {
  let t: TestApp;
  let w: World;
  let send: Send;
  let db: DataSource;
  const tokens = {} as Record<Role, string | undefined>;
  /** Identifying strings of cooperative A and everything it owns: never in an outsider's response. */
  const aStrings = new Set<string>();
  const mark = (...values: unknown[]) => values.forEach((v) => v && aStrings.add(String(v)));

  // Fixtures of cooperative A (filled in beforeAll; the rows read them when they run).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture bodies as the API returned them
  const F: Record<string, any> = {};
  const A = () => F.coopA as string;

  const admin = () => w.tokens.admin;
  const managerA = () => w.tokens.managerA;
  const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
  const today = todayInVietnam();
  let seq = 1000;

  const newBatch = async (opts: { close?: boolean; productId?: string; areaId?: string; seasonId?: string; harvest?: string } = {}) => {
    const batch = await ok(
      send('POST', '/batches', {
        token: managerA(),
        json: {
          productId: opts.productId ?? F.productA.id,
          plantingAreaId: opts.areaId ?? F.areaA.id,
          seasonId: opts.seasonId ?? F.seasonA.id,
          lotCode: `LA-${hex()}`,
          harvestDateFrom: opts.harvest ?? daysAgo(2),
          quantity: 10,
          unit: 'KGM',
        },
      }),
      'create batch',
    );
    mark(batch.id, batch.lotCode);
    if (opts.close) await ok(send('POST', `/batches/${batch.id}/close`, { token: managerA() }), 'close batch');
    return batch as { id: string; lotCode: string };
  };
  const newIssuance = async (count = 1) => {
    const issuance = await ok(send('POST', `/batches/${F.batchA.id}/stamps`, { token: managerA(), json: { count } }), 'issue stamps');
    mark(issuance.id);
    return issuance as { id: string };
  };
  const ocopBody = (decisionDate = daysAgo(10)) => ({
    stars: 3,
    score: 60,
    groupCode: '1',
    subgroupCode: '1.3.c',
    recognisingLevel: 'province',
    authority: 'UBND thành phố Hải Phòng',
    decisionNo: `${seq++}/QĐ-UBND`,
    decisionDate,
  });
  const newOcop = async () => {
    const cert = await ok(send('POST', `/products/${F.productA.id}/ocop-certifications`, { token: managerA(), json: ocopBody() }), 'certify OCOP');
    mark(cert.id);
    return cert as { id: string };
  };
  const pendingCode = async () => {
    const code = await ok(
      send('POST', `/planting-areas/${F.areaA.id}/codes`, { token: admin(), json: { code: freshCode(), scope: 'domestic', issuer: 'Chi cục TT&BVTV Hải Phòng', issuedOn: daysAgo(30) } }),
      'add code',
    );
    mark(code.id, code.code);
    return code as { id: string };
  };
  const usedCodes = new Set<string>();
  // Another letter pair than test/utils/registry.ts uses, so the two generators never collide.
  function freshCode(): string {
    let code: string;
    do code = `VN-HDOR-${String(randomBytes(3).readUIntBE(0, 3) % 100_000).padStart(5, '0')}`;
    while (usedCodes.has(code));
    usedCodes.add(code);
    return code;
  }
  const addImage = async (productId: string) => {
    const product = await ok(send('POST', `/products/${productId}/images`, { token: managerA(), file: { data: tinyPng(), name: 'anh.png', type: 'image/png' } }), 'add image');
    const image = product.images.at(-1) as { id: string };
    mark(image.id);
    return image;
  };
  /** A product of A ready for a marketplace: GTIN, an image, a sealed batch. */
  const listableProduct = async () => {
    const product = await makeProduct(t, managerA(), A(), { nameVi: `Sản phẩm A ${hex()}`, gtin: newGtin() });
    mark(product.id, product.nameVi as string, product.gtin as string);
    await addImage(product.id);
    await newBatch({ productId: product.id, close: true });
    return product;
  };
  const publish = async (productId: string) => {
    const listing = await ok(send('POST', '/listings', { token: managerA(), json: { accountId: F.accountA.id, productId, priceVnd: 85_000, stock: 40 } }), 'publish');
    mark(listing.id, listing.sellerSku);
    return listing as { id: string; sellerSku: string };
  };
  const csv = (rows: string[][]) => Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n'), 'utf8');

  beforeAll(async () => {
    // Public pages are hit hundreds of times here; the limit itself is tested in stamp-enumeration.
    // SCAN_WARN_AFTER=1: A's scanned stamp shows up as "suspicious" in the scan statistics.
    t = await TestApp.start({ PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000', SCAN_WARN_AFTER: '1' });
    cheapPasswordHashing(t.app);
    // No background work: listing and bulk jobs run only when a fixture drains them.
    await t.app.get(JobQueue).stopWorkers();
    send = client(t.app);
    db = t.app.get(DataSource);
    w = await makeWorld(t);
    Object.assign(tokens, { anonymous: undefined, ...w.tokens });
    F.coopA = w.coopA.id;
    F.coopB = w.coopB.id;

    const seed = 310_000_000 + (randomBytes(2).readUInt16BE() % 50_000) * 10;
    F.taxA = taxCode(seed);
    await ok(send('PATCH', `/cooperatives/${A()}`, { token: admin(), json: { taxCode: F.taxA } }), 'tax code A');
    await ok(send('PATCH', `/cooperatives/${F.coopB}`, { token: admin(), json: { taxCode: taxCode(seed + 1_000_000) } }), 'tax code B');
    mark(A(), 'HTX A Hải Phòng', F.taxA);
    for (const u of [w.users.managerA, w.users.staffA]) mark(u.id, u.email);

    // Registry of A: area with an active code, season, diary, product with image, OCOP, certificate.
    F.areaA = await makeArea(t, managerA(), A(), { name: `Vùng A ${hex()}` });
    F.codeA = await addActiveCode(t, admin(), F.areaA.id);
    F.seasonA = await makeSeason(t, managerA(), F.areaA.id);
    mark(F.areaA.id, F.areaA.name, F.codeA.id, F.codeA.code, F.seasonA.id);
    F.diaryA = await ok(
      send('POST', `/planting-areas/${F.areaA.id}/seasons/${F.seasonA.id}/diary`, { token: managerA(), json: { activity: 'irrigating', occurredAt: iso(3_600_000) } }),
      'diary',
    );
    mark(F.diaryA.id);
    F.productA = await makeProduct(t, managerA(), A(), { nameVi: `Sản phẩm A ${hex()}`, gtin: newGtin() });
    mark(F.productA.id, F.productA.nameVi, F.productA.gtin);
    F.imageA = await addImage(F.productA.id);
    // Expiring in 30 days (issued 3 years before that), so it is on the officers' follow-up list.
    const [y, m, d] = addDays(today, 30).split('-').map(Number);
    const issued = `${y - 3}-${String(m).padStart(2, '0')}-${String(Math.min(d, new Date(Date.UTC(y - 3, m, 0)).getUTCDate())).padStart(2, '0')}`;
    F.ocopA = await ok(send('POST', `/products/${F.productA.id}/ocop-certifications`, { token: w.tokens.officerIn, json: ocopBody(issued) }), 'OCOP');
    mark(F.ocopA.id, F.ocopA.decisionNo);
    const certBody = () => ({
      subjectType: 'product',
      subjectId: F.productA.id,
      scheme: 'VietGAP',
      certificateNo: `VG-A-${hex()}`,
      certBody: 'Trung tâm Kiểm nghiệm và Chứng nhận TQC',
      issuedOn: daysAgo(100),
      validUntil: addDays(today, 300),
    });
    F.certA = await ok(send('POST', '/certifications', { token: managerA(), json: certBody() }), 'certification');
    F.certRevoke = await ok(send('POST', '/certifications', { token: managerA(), json: certBody() }), 'certification to revoke');
    mark(F.certA.id, F.certA.certificateNo, F.certRevoke.id, F.certRevoke.certificateNo);
    await ok(send('PUT', `/certifications/${F.certA.id}/file`, { token: managerA(), file: { data: tinyPdf(), name: 'giay-chung-nhan.pdf', type: 'application/pdf' } }), 'certificate file');
    await ok(send('PUT', `/cooperatives/${A()}/logo`, { token: managerA(), file: { data: tinyPng(), name: 'logo.png', type: 'image/png' } }), 'logo');

    // Batches, trace event, stamps (activated, and scanned twice so they count as suspicious).
    F.batchA = await newBatch({ close: true });
    F.batchOpen = await newBatch();
    F.batchRecallSpare = await newBatch({ close: true });
    F.traceA = await ok(
      send('POST', `/batches/${F.batchA.id}/trace-events`, { token: managerA(), json: { step: 'packing', eventTime: iso(3_600_000), locationCode: 'NHA-DONG-GOI-A' } }),
      'trace event',
    );
    mark(F.traceA.id);
    F.issuanceA = await newIssuance(2);
    await ok(send('POST', `/stamp-issuances/${F.issuanceA.id}/activate`, { token: managerA(), json: {} }), 'activate');
    F.issuanceSpare = await newIssuance();
    F.issuancePrinted = await newIssuance();
    F.serials = ((await db.query(`SELECT serial FROM stamp WHERE issuance_id = $1 ORDER BY seq`, [F.issuanceA.id])) as { serial: string }[]).map((r) => r.serial);
    mark(...F.serials);
    const stampUrl = `/01/${F.productA.gtin}/10/${encodeURIComponent(F.batchA.lotCode)}/21/${F.serials[0]}`;
    for (let i = 0; i < 2; i++) if ((await send('GET', stampUrl)).status !== 200) throw new Error('origin page of an activated stamp');

    // A spray whose pre-harvest interval has not passed, and an open batch harvested inside it.
    F.areaPhi = await makeArea(t, managerA(), A(), { name: `Vùng A phun ${hex()}` });
    const phiCode = await addActiveCode(t, admin(), F.areaPhi.id);
    F.seasonPhi = await makeSeason(t, managerA(), F.areaPhi.id);
    mark(F.areaPhi.id, F.areaPhi.name, phiCode.id, phiCode.code, F.seasonPhi.id);
    F.spray = await ok(
      send('POST', `/planting-areas/${F.areaPhi.id}/seasons/${F.seasonPhi.id}/diary`, {
        token: managerA(),
        json: { activity: 'spraying', occurredAt: iso(2 * 86_400_000), inputs: [{ name: 'Regent 800WG', dose: 1, doseUnit: 'g/bình 16 lít', preHarvestIntervalDays: 14 }] },
      }),
      'spray',
    );
    mark(F.spray.id);
    F.batchPhi = await newBatch({ areaId: F.areaPhi.id, seasonId: F.seasonPhi.id, harvest: daysAgo(1) });

    // Spares for refused callers, checked untouched at the end.
    F.codePending = await pendingCode();
    F.ocopSpare = await newOcop();
    F.productDel = await makeProduct(t, managerA(), A(), { nameVi: `Sản phẩm A ảnh ${hex()}` });
    mark(F.productDel.id, F.productDel.nameVi);
    F.imageSpare = await addImage(F.productDel.id);

    // Marketplace: an assisted account, listings waiting for the officer, a bulk publish, an API token.
    F.accountA = await ok(send('POST', `/cooperatives/${A()}/marketplace-accounts`, { token: managerA(), json: { marketplace: 'postmart', mode: 'assisted' } }), 'account');
    mark(F.accountA.id);
    F.listingA = await publish(F.productA.id);
    F.listingR = await publish((await listableProduct()).id);
    F.listingM = await publish((await listableProduct()).id);
    F.bulkA = await ok(
      send('POST', '/bulk-publish', { token: managerA(), json: { items: [{ productId: F.productA.id, marketplace: 'postmart', priceVnd: 90_000, stock: 10 }] } }),
      'bulk publish',
    );
    mark(F.bulkA.id);
    await t.app.get(JobQueue).drain();
    F.tokenA = await ok(send('POST', '/auth/api-tokens', { token: managerA(), json: { name: 'Phần mềm kế toán A' } }), 'API token');
    mark(F.tokenA.id, F.tokenA.prefix, F.tokenA.token);

    // Cooperative B has data of its own, so outsiders' lists are not empty by accident.
    await makeProduct(t, w.tokens.managerB, F.coopB, { nameVi: 'Gạo Ninh Bình' });
    await makeArea(t, w.tokens.managerB, F.coopB, { name: 'Cánh đồng Ninh Bình', address: { communeCode: 13531 } });
  }, 120_000);

  afterAll(async () => t?.stop());

  // ---------------------------------------------------------------------------------------------------
  // The table. One row per served route.
  const S = (status: number, code?: string, check?: (res: Res) => void): Exact => ({ status, code, check });
  const areaBody = () => ({ name: `Cánh đồng ${hex()}`, crop: 'Bắp cải', declaredAreaHa: 2, householdCount: 10, address: { communeCode: 11065 }, standard: 'VietGAP' });
  const stampPath = () => `/01/${F.productA.gtin}/10/${encodeURIComponent(F.batchA.lotCode)}/21/${F.serials[0]}`;
  const file = (data: Buffer, name: string, type: string) => ({ file: { data, name, type } });
  const onboardingCsv = () =>
    csv([
      ['Mã số thuế HTX', 'Mã HTX (ID)', 'Tên sản phẩm*', 'Loại sản phẩm*', 'Đơn vị bán*', 'Khối lượng/thể tích tịnh*', 'Đơn vị tính*'],
      ['', A(), 'Nước mắm nhập thử', 'Nước mắm', 'chai', '0.5', 'LTR'],
    ]);
  const bulkCsv = () => csv([['Sản phẩm (ID hoặc GTIN)', 'Sàn', 'Giá bán (VNĐ)', 'Tồn kho'], [F.productA.id, 'postmart', '91000', '5']]);
  /** A dry run the caller may make, but whose one row names a cooperative outside their scope. */
  const rowOutOfScope = S(200, undefined, (res) => expect(res.body).toMatchObject({ dryRun: true, totalRows: 1, validRows: 0, errorRows: 1 }));
  const rowAccepted = S(200, undefined, (res) => expect(res.body).toMatchObject({ dryRun: true, totalRows: 1, validRows: 1, errorRows: 0 }));
  const notFoundForAll = every(S(404, 'ROUTE_NOT_FOUND'));

  const ROWS: Row[] = [
    // Public: health, reference data, docs, metrics, robots.
    { route: 'GET /health/live', expect: POLICY.public, call: (c) => c.go('/health/live') },
    { route: 'GET /health/ready', expect: POLICY.public, call: (c) => c.go('/health/ready') },
    { route: 'GET /metrics', expect: POLICY.public, call: (c) => c.go('/metrics') },
    { route: 'GET /admin-units/provinces', expect: POLICY.public, call: (c) => c.go('/admin-units/provinces') },
    { route: 'GET /admin-units/provinces/{code}/communes', expect: POLICY.public, call: (c) => c.go('/admin-units/provinces/31/communes?q=truong%20tan') },
    { route: 'GET /admin-units/old-communes/{code}', expect: POLICY.public, call: (c) => c.go('/admin-units/old-communes/11065') },
    { route: 'GET /ocop/reference-groups', expect: POLICY.public, call: (c) => c.go('/ocop/reference-groups') },
    { route: 'GET /robots.txt', expect: POLICY.public, call: (c) => c.go('/robots.txt') },
    { route: 'GET /docs', expect: POLICY.public, call: (c) => c.go('/docs') },
    { route: 'GET /docs/', expect: POLICY.public, call: (c) => c.go('/docs/') },
    { route: 'GET /docs/index.html', expect: POLICY.public, call: (c) => c.go('/docs/index.html') },
    { route: 'GET /docs/swagger-ui-init.js', expect: POLICY.public, call: (c) => c.go('/docs/swagger-ui-init.js') },
    { route: 'GET /docs/docs/swagger-ui-init.js', expect: POLICY.public, call: (c) => c.go('/docs/docs/swagger-ui-init.js') },
    // Registered by the OpenAPI UI plugin, but the file is not shipped: the common 404, for everyone.
    { route: 'GET /docs/LICENSE', expect: notFoundForAll, call: (c) => c.go('/docs/LICENSE') },
    { route: 'GET /docs/openapi.json', expect: POLICY.public, call: (c) => c.go('/docs/openapi.json') },
    { route: 'GET /docs/*', expect: POLICY.public, call: (c) => c.go('/docs/swagger-ui.css') },
    { route: 'GET /docs-yaml', expect: POLICY.public, call: (c) => c.go('/docs-yaml') },

    // Public media and origin pages (what a phone sees after scanning; A's data on them is public).
    { route: 'GET /cooperatives/{id}/logo/{size}', expect: POLICY.public, call: (c) => c.go(`/cooperatives/${A()}/logo/small`) },
    { route: 'GET /products/{id}/images/{imageId}/{size}', expect: POLICY.public, call: (c) => c.go(`/products/${F.productA.id}/images/${F.imageA.id}/small`) },
    { route: 'GET /01/{gtin}/10/{lot}/21/{serial}', expect: POLICY.public, exposesA: true, call: (c) => c.go(stampPath()) },
    { route: 'POST /01/{gtin}/10/{lot}/21/{serial}', expect: POLICY.public, exposesA: true, call: (c) => c.go(stampPath(), { json: { pin: '00000000' } }) },
    { route: 'GET /01/{gtin}/10/{lot}', expect: POLICY.public, exposesA: true, call: (c) => c.go(`/01/${F.productA.gtin}/10/${encodeURIComponent(F.batchA.lotCode)}`) },
    { route: 'GET /s/{serial}', expect: POLICY.public, exposesA: true, call: (c) => c.go(`/s/${F.serials[1]}`) },
    { route: 'POST /s/{serial}', expect: POLICY.public, exposesA: true, call: (c) => c.go(`/s/${F.serials[1]}`, { json: { pin: '00000000' } }) },

    // Auth.
    // Reaching validation (not the guard's 401) shows the route is public; logins themselves (each a slow
    // password hash) are tested in auth-hardening.
    { route: 'POST /auth/login', expect: every(S(400, 'VALIDATION_FAILED')), call: (c) => c.go('/auth/login', { json: { login: w.users.managerA.email, password: '' } }) },
    { route: 'GET /auth/me', expect: POLICY.anyUser, call: (c) => c.go('/auth/me') },
    // Past the guard to validation: open to every user; nobody's password changes here (auth-hardening does).
    { route: 'POST /auth/password', expect: authenticated(S(400, 'VALIDATION_FAILED')), call: (c) => c.go('/auth/password', { json: { currentPassword: 'x', newPassword: 'short' } }) },
    { route: 'POST /auth/api-tokens', expect: POLICY.anyUser, call: (c) => c.go('/auth/api-tokens', { json: { name: `Tích hợp của ${c.role}` } }) },
    { route: 'GET /auth/api-tokens', expect: POLICY.anyUser, call: (c) => c.go('/auth/api-tokens'), shows: (r) => (r === 'managerA' ? F.tokenA.id : undefined) },
    {
      route: 'DELETE /auth/api-tokens/{id}',
      expect: POLICY.ownerOnly,
      call: async (c) => {
        const id = c.allowed ? (await ok(send('POST', '/auth/api-tokens', { token: managerA(), json: { name: 'Token để thu hồi' } }), 'token')).id : F.tokenA.id;
        return c.go(`/auth/api-tokens/${id}`);
      },
    },

    // Users.
    {
      route: 'POST /users',
      expect: POLICY.publishOrCreateUsers,
      call: (c) =>
        c.go('/users', { json: { email: `moi.${c.role.toLowerCase()}.${hex()}@test.vn`, fullName: 'Nhân viên mới', password: TEST_PASSWORD, role: 'cooperative_staff', cooperativeId: A() } }),
    },
    { route: 'GET /users', expect: POLICY.anyUser, call: (c) => c.go('/users?pageSize=100'), shows: () => w.users.staffA.id },
    { route: 'GET /users/{id}', expect: POLICY.coopRead, call: (c) => c.go(`/users/${w.users.staffA.id}`) },
    // Staff may rename themselves, so every insider may make this change to staffA.
    { route: 'PATCH /users/{id}', expect: POLICY.coopRead, call: (c) => c.go(`/users/${w.users.staffA.id}`, { json: { fullName: `Nhân viên A (${c.role})` } }) },

    // Cooperatives.
    { route: 'POST /cooperatives', expect: POLICY.registerCooperative, call: (c) => c.go('/cooperatives', { json: { name: `HTX mới ${hex()}`, address: { communeCode: 11065 } } }) },
    { route: 'GET /cooperatives', expect: POLICY.anyUser, call: (c) => c.go(`/cooperatives?pageSize=100&provinceCode=31`), shows: () => A() },
    { route: 'GET /cooperatives/{id}', expect: POLICY.coopRead, call: (c) => c.go(`/cooperatives/${A()}`) },
    { route: 'PATCH /cooperatives/{id}', expect: POLICY.coopManage, call: (c) => c.go(`/cooperatives/${A()}`, { json: { legalRepresentative: `Đại diện (${c.role})` } }) },
    { route: 'PUT /cooperatives/{id}/logo', expect: POLICY.coopManage, call: (c) => c.go(`/cooperatives/${A()}/logo`, file(tinyPng(), 'logo.png', 'image/png')) },
    { route: 'POST /cooperatives/{id}/planting-areas', expect: POLICY.coopManage, call: (c) => c.go(`/cooperatives/${A()}/planting-areas`, { json: areaBody() }) },
    {
      route: 'POST /cooperatives/{id}/products',
      expect: POLICY.coopManage,
      call: (c) => c.go(`/cooperatives/${A()}/products`, { json: { nameVi: 'Bắp cải mới', category: 'Rau củ', unitOfSale: 'túi', netContent: 1, netContentUnit: 'KGM' } }),
    },
    {
      // One account per cooperative and marketplace: each allowed caller gets to create the Voso one anew.
      route: 'POST /cooperatives/{id}/marketplace-accounts',
      expect: POLICY.coopManage,
      call: async (c) => {
        if (c.allowed) await db.query(`DELETE FROM marketplace_account WHERE cooperative_id = $1 AND marketplace = 'voso'`, [A()]);
        return c.go(`/cooperatives/${A()}/marketplace-accounts`, { json: { marketplace: 'voso', mode: 'assisted' } });
      },
    },
    { route: 'GET /cooperatives/{id}/marketplace-accounts', expect: POLICY.coopRead, call: (c) => c.go(`/cooperatives/${A()}/marketplace-accounts`), shows: () => F.accountA.id },
    { route: 'GET /audit/{entityType}/{entityId}', expect: POLICY.coopRead, call: (c) => c.go(`/audit/planting_area/${F.areaA.id}`), shows: () => F.areaA.name },

    // Planting areas, seasons, diary, codes.
    { route: 'GET /planting-areas', expect: POLICY.anyUser, call: (c) => c.go(`/planting-areas?pageSize=100&cooperativeId=${A()}`), shows: () => F.areaA.id },
    { route: 'GET /planting-areas/{id}', expect: POLICY.coopRead, call: (c) => c.go(`/planting-areas/${F.areaA.id}`) },
    { route: 'PATCH /planting-areas/{id}', expect: POLICY.coopManage, call: (c) => c.go(`/planting-areas/${F.areaA.id}`, { json: { householdCount: 10 + ROLES.indexOf(c.role) } }) },
    {
      route: 'POST /planting-areas/{id}/seasons',
      expect: POLICY.coopManage,
      call: (c) =>
        c.go(`/planting-areas/${F.areaA.id}/seasons`, {
          json: { name: 'Vụ xuân', startDate: daysAgo(60), expectedHarvestFrom: daysAgo(5), expectedHarvestTo: addDays(today, 20), expectedYieldKg: 500, targetMarket: 'Nội địa' },
        }),
    },
    { route: 'GET /planting-areas/{id}/seasons', expect: POLICY.coopRead, call: (c) => c.go(`/planting-areas/${F.areaA.id}/seasons`) },
    {
      route: 'PATCH /planting-areas/{id}/seasons/{seasonId}',
      expect: POLICY.coopManage,
      call: (c) => c.go(`/planting-areas/${F.areaA.id}/seasons/${F.seasonA.id}`, { json: { targetMarket: `Nội địa (${c.role})` } }),
    },
    {
      route: 'POST /planting-areas/{id}/seasons/{seasonId}/diary',
      expect: POLICY.coopRead,
      call: (c) => c.go(`/planting-areas/${F.areaA.id}/seasons/${F.seasonA.id}/diary`, { json: { activity: 'fertilising', occurredAt: iso(7_200_000), notes: `Ghi bởi ${c.role}` } }),
    },
    { route: 'GET /planting-areas/{id}/seasons/{seasonId}/diary', expect: POLICY.coopRead, call: (c) => c.go(`/planting-areas/${F.areaA.id}/seasons/${F.seasonA.id}/diary`) },
    // Written by managerA: staff may edit only their own entries.
    { route: 'PATCH /diary-entries/{id}', expect: POLICY.coopManage, call: (c) => c.go(`/diary-entries/${F.diaryA.id}`, { json: { notes: `Sửa bởi ${c.role}` } }) },
    {
      route: 'POST /planting-areas/{id}/codes',
      expect: POLICY.coopManage,
      call: (c) => c.go(`/planting-areas/${F.areaA.id}/codes`, { json: { code: freshCode(), scope: 'domestic', issuer: 'Chi cục TT&BVTV Hải Phòng', issuedOn: daysAgo(30) } }),
    },
    { route: 'GET /planting-areas/{id}/codes', expect: POLICY.coopRead, call: (c) => c.go(`/planting-areas/${F.areaA.id}/codes`) },
    {
      route: 'POST /planting-areas/{id}/codes/{codeId}/status',
      expect: POLICY.stateDecides,
      call: async (c) => {
        const code = c.allowed ? await pendingCode() : F.codePending;
        return c.go(`/planting-areas/${F.areaA.id}/codes/${code.id}/status`, { json: { status: 'active', reason: 'Đã đối chiếu quyết định cấp mã' } });
      },
    },

    // Products, images, OCOP.
    { route: 'GET /products', expect: POLICY.anyUser, call: (c) => c.go(`/products?pageSize=100&cooperativeId=${A()}`), shows: () => F.productA.id },
    { route: 'GET /products/{id}', expect: POLICY.coopRead, call: (c) => c.go(`/products/${F.productA.id}`) },
    { route: 'PATCH /products/{id}', expect: POLICY.coopManage, call: (c) => c.go(`/products/${F.productA.id}`, { json: { description: `Mô tả (${c.role})` } }) },
    { route: 'POST /products/{id}/images', expect: POLICY.coopManage, call: (c) => c.go(`/products/${F.productA.id}/images`, file(tinyPng(), 'anh.png', 'image/png')) },
    {
      route: 'DELETE /products/{id}/images/{imageId}',
      expect: POLICY.coopManage,
      call: async (c) => c.go(`/products/${F.productDel.id}/images/${(c.allowed ? await addImage(F.productDel.id) : F.imageSpare).id}`),
    },
    { route: 'POST /products/{id}/ocop-certifications', expect: POLICY.coopManage, call: (c) => c.go(`/products/${F.productA.id}/ocop-certifications`, { json: ocopBody() }) },
    { route: 'GET /products/{id}/ocop-certifications', expect: POLICY.coopRead, call: (c) => c.go(`/products/${F.productA.id}/ocop-certifications`) },
    { route: 'GET /ocop-certifications/expiring', expect: POLICY.adminOfficer, call: (c) => c.go('/ocop-certifications/expiring?pageSize=100'), shows: (r) => (r === 'admin' || r === 'officerIn' ? F.ocopA.id : undefined) },
    {
      route: 'POST /ocop-certifications/{id}/revoke',
      expect: POLICY.stateDecides,
      call: async (c) => c.go(`/ocop-certifications/${(c.allowed ? await newOcop() : F.ocopSpare).id}/revoke`, { json: { reason: 'Thu hồi theo quyết định của UBND' } }),
    },

    // Certifications.
    {
      route: 'POST /certifications',
      expect: POLICY.coopManage,
      call: (c) =>
        c.go('/certifications', {
          json: { subjectType: 'product', subjectId: F.productA.id, scheme: 'HACCP', certificateNo: `H-${hex()}`, certBody: 'Quacert', issuedOn: daysAgo(10), validUntil: addDays(today, 100) },
        }),
    },
    { route: 'GET /certifications', expect: POLICY.anyUser, call: (c) => c.go(`/certifications?pageSize=100&cooperativeId=${A()}`), shows: () => F.certA.id },
    { route: 'GET /certifications/{id}', expect: POLICY.coopRead, call: (c) => c.go(`/certifications/${F.certA.id}`) },
    { route: 'POST /certifications/{id}/revoke', expect: POLICY.coopManage, call: (c) => c.go(`/certifications/${F.certRevoke.id}/revoke`, { json: { reason: 'Hết hiệu lực sớm' } }) },
    { route: 'PUT /certifications/{id}/file', expect: POLICY.coopManage, call: (c) => c.go(`/certifications/${F.certA.id}/file`, file(tinyPdf(), 'gcn.pdf', 'application/pdf')) },
    { route: 'GET /certifications/{id}/file', expect: POLICY.coopRead, call: (c) => c.go(`/certifications/${F.certA.id}/file`) },

    // Bulk onboarding: templates for everyone; an upload is refused to staff, and for others each row's
    // cooperative must be one they manage (a row naming A is an error row for an outsider, not a 404).
    { route: 'GET /onboarding/templates/{kind}.xlsx', expect: POLICY.anyUser, call: (c) => c.go('/onboarding/templates/products.xlsx') },
    { route: 'GET /onboarding/templates/{kind}.csv', expect: POLICY.anyUser, call: (c) => c.go('/onboarding/templates/products.csv') },
    {
      route: 'POST /onboarding/{kind}',
      expect: { anonymous: 401, admin: rowAccepted, officerIn: rowAccepted, officerOut: rowOutOfScope, managerA: rowAccepted, staffA: 403, managerB: rowOutOfScope, staffB: 403 },
      call: (c) => c.go('/onboarding/products?dryRun=true', file(onboardingCsv(), 'san-pham.csv', 'text/csv')),
      echoes: () => [A()],
    },

    // Harvest batches, trace events, EPCIS.
    {
      route: 'POST /batches',
      expect: POLICY.coopRead,
      call: (c) =>
        c.go('/batches', {
          json: { productId: F.productA.id, plantingAreaId: F.areaA.id, seasonId: F.seasonA.id, lotCode: `LN-${hex()}`, harvestDateFrom: daysAgo(3), quantity: 5, unit: 'KGM' },
        }),
    },
    { route: 'GET /batches', expect: POLICY.anyUser, call: (c) => c.go(`/batches?pageSize=100&cooperativeId=${A()}`), shows: () => F.batchA.id },
    { route: 'GET /batches/{id}', expect: POLICY.coopRead, call: (c) => c.go(`/batches/${F.batchA.id}`) },
    { route: 'PATCH /batches/{id}', expect: POLICY.coopRead, call: (c) => c.go(`/batches/${F.batchOpen.id}`, { json: { notes: `Ghi chú (${c.role})` } }) },
    { route: 'POST /batches/{id}/close', expect: POLICY.coopManage, call: async (c) => c.go(`/batches/${(c.allowed ? await newBatch() : F.batchOpen).id}/close`) },
    {
      route: 'POST /batches/{id}/phi-overrides',
      expect: POLICY.managerDecides,
      call: (c) => c.go(`/batches/${F.batchPhi.id}/phi-overrides`, { json: { diaryEntryId: F.spray.id, reason: 'Đã xét nghiệm dư lượng đạt, phiếu số 123/KN' } }),
    },
    {
      route: 'POST /batches/{id}/recall',
      expect: POLICY.coopManage,
      call: async (c) => c.go(`/batches/${(c.allowed ? await newBatch({ close: true }) : F.batchRecallSpare).id}/recall`, { json: { reason: 'Phát hiện dư lượng vượt ngưỡng' } }),
    },
    {
      route: 'POST /batches/{id}/trace-events',
      expect: POLICY.coopRead,
      call: (c) => c.go(`/batches/${F.batchA.id}/trace-events`, { json: { step: 'storing', eventTime: iso(1_800_000), locationCode: `KHO-${c.role}` } }),
    },
    { route: 'GET /batches/{id}/trace-events', expect: POLICY.coopRead, call: (c) => c.go(`/batches/${F.batchA.id}/trace-events`) },
    { route: 'GET /batches/{id}/epcis', expect: POLICY.coopRead, call: (c) => c.go(`/batches/${F.batchA.id}/epcis`) },

    // Stamps.
    { route: 'POST /batches/{id}/stamps', expect: POLICY.coopManage, call: (c) => c.go(`/batches/${F.batchA.id}/stamps`, { json: { count: 1 } }) },
    { route: 'GET /batches/{id}/stamps', expect: POLICY.coopRead, call: (c) => c.go(`/batches/${F.batchA.id}/stamps`) },
    { route: 'GET /stamp-issuances/{id}', expect: POLICY.coopRead, call: (c) => c.go(`/stamp-issuances/${F.issuanceA.id}`) },
    { route: 'POST /stamp-issuances/{id}/activate', expect: POLICY.coopManage, call: async (c) => c.go(`/stamp-issuances/${(c.allowed ? await newIssuance() : F.issuanceSpare).id}/activate`, { json: {} }) },
    {
      route: 'POST /stamp-issuances/{id}/void',
      expect: POLICY.coopManage,
      call: async (c) => c.go(`/stamp-issuances/${(c.allowed ? await newIssuance() : F.issuanceSpare).id}/void`, { json: { reason: 'Cuộn tem bị hỏng' } }),
    },
    { route: 'POST /stamp-issuances/{id}/printed', expect: POLICY.coopManage, call: (c) => c.go(`/stamp-issuances/${F.issuancePrinted.id}/printed`) },
    // Print files carry every serial (and PINs until printed): managers, not staff.
    { route: 'GET /stamp-issuances/{id}/print.pdf', expect: POLICY.coopManage, call: (c) => c.go(`/stamp-issuances/${F.issuanceA.id}/print.pdf`) },
    { route: 'GET /stamp-issuances/{id}/stamps.csv', expect: POLICY.coopManage, call: (c) => c.go(`/stamp-issuances/${F.issuanceA.id}/stamps.csv`) },
    { route: 'GET /stamps/{serial}/image.{format}', expect: POLICY.coopRead, call: (c) => c.go(`/stamps/${F.serials[0]}/image.svg`) },
    { route: 'GET /scan-stats', expect: POLICY.anyUser, call: (c) => c.go(`/scan-stats?cooperativeId=${A()}`), shows: () => F.serials[0] },

    // Marketplace accounts and listings.
    { route: 'GET /marketplace-accounts/{id}', expect: POLICY.coopRead, call: (c) => c.go(`/marketplace-accounts/${F.accountA.id}`) },
    { route: 'PATCH /marketplace-accounts/{id}', expect: POLICY.coopManage, call: (c) => c.go(`/marketplace-accounts/${F.accountA.id}`, { json: { status: 'active' } }) },
    { route: 'GET /marketplace-accounts/{id}/assisted-export.xlsx', expect: POLICY.coopRead, call: (c) => c.go(`/marketplace-accounts/${F.accountA.id}/assisted-export.xlsx`) },
    { route: 'POST /listings', expect: POLICY.coopManage, call: (c) => c.go('/listings', { json: { accountId: F.accountA.id, productId: F.productA.id, priceVnd: 85_000, stock: 40 } }) },
    { route: 'GET /listings', expect: POLICY.anyUser, call: (c) => c.go(`/listings?pageSize=100&cooperativeId=${A()}`), shows: () => F.listingA.id },
    { route: 'GET /listings/{id}', expect: POLICY.coopRead, call: (c) => c.go(`/listings/${F.listingA.id}`) },
    { route: 'PATCH /listings/{id}', expect: POLICY.coopManage, call: (c) => c.go(`/listings/${F.listingA.id}`, { json: { priceVnd: 86_000 + ROLES.indexOf(c.role) } }) },
    { route: 'POST /listings/{id}/unlist', expect: POLICY.coopManage, call: (c) => c.go(`/listings/${F.listingR.id}/unlist`, { json: { reason: 'Hết hàng theo mùa' } }) },
    {
      route: 'POST /listings/{id}/retry',
      expect: POLICY.coopManage,
      call: async (c) => {
        if (c.allowed) await ok(send('POST', `/listings/${F.listingR.id}/unlist`, { token: admin(), json: { reason: 'Gỡ để gửi lại' } }), 'unlist');
        return c.go(`/listings/${F.listingR.id}/retry`);
      },
    },
    {
      // Only a listing awaiting the officer can be acknowledged; each allowed caller finds it in that state.
      route: 'POST /listings/{id}/manual-ack',
      expect: POLICY.coopManage,
      call: async (c) => {
        if (c.allowed) await db.query(`UPDATE listing SET status = 'awaiting_manual_action' WHERE id = $1`, [F.listingM.id]);
        return c.go(`/listings/${F.listingM.id}/manual-ack`, { json: { status: 'live', externalId: `PM-${hex()}`, url: 'https://postmart.vn/p/san-pham-43160.html' } });
      },
    },
    {
      route: 'POST /bulk-publish',
      expect: POLICY.publishOrCreateUsers,
      call: (c) => c.go('/bulk-publish', { json: { items: [{ productId: F.productA.id, marketplace: 'postmart', priceVnd: 91_000, stock: 5 }] } }),
    },
    { route: 'POST /bulk-publish/upload', expect: POLICY.publishOrCreateUsers, call: (c) => c.go('/bulk-publish/upload', file(bulkCsv(), 'dang-ban.csv', 'text/csv')) },
    { route: 'GET /bulk-publish/{id}', expect: POLICY.creatorOrAdmin, call: (c) => c.go(`/bulk-publish/${F.bulkA.id}`) },
    { route: 'GET /bulk-publish/{id}/report.xlsx', expect: POLICY.creatorOrAdmin, call: (c) => c.go(`/bulk-publish/${F.bulkA.id}/report.xlsx`) },
  ];

  // ---------------------------------------------------------------------------------------------------

  it('has exactly one row for every served route', () => {
    const served = servedRoutes(t.app);
    const rows = ROWS.map((r) => r.route);
    expect(rows.filter((r, i) => rows.indexOf(r) !== i)).toEqual([]);
    // A new route fails here until someone decides who may call it.
    expect(served.filter((r) => !rows.includes(r))).toEqual([]);
    expect(rows.filter((r) => !served.includes(r))).toEqual([]);
    console.log(`security matrix: ${ROWS.length} routes × ${ROLES.length} roles = ${ROWS.length * ROLES.length} cases`);
  });

  for (const row of ROWS) {
    it(row.route, async () => {
      const method = row.route.split(' ')[0] as Method;
      const problems: string[] = [];
      for (const role of ROLES) {
        const expected = row.expect[role];
        const allowed = expected === 'ok' || (typeof expected === 'object' && expected.status < 400);
        const token = tokens[role];
        const res = await row.call({ role, token, allowed, go: (url, options = {}) => send(method, url, { ...options, token }) });
        const problem = judge(res, expected, role);
        if (problem) {
          problems.push(`${role}: ${problem} — ${res.status} ${res.text.slice(0, 200)}`);
          continue;
        }
        if (res.status >= 400) {
          if (!res.body || res.body.statusCode !== res.status || typeof res.body.code !== 'string' || typeof res.body.requestId !== 'string') {
            problems.push(`${role}: error ${res.status} without the common error body`);
          }
        }
        if (OUTSIDERS.includes(role) && !row.exposesA) {
          const echoed = new Set(row.echoes?.() ?? []);
          const leaked = [...aStrings].filter((s) => !echoed.has(s) && res.text.includes(s));
          if (leaked.length) problems.push(`${role}: response leaks cooperative A's ${leaked.join(', ')}`);
        }
        const shown = INSIDERS.includes(role) && res.status < 300 ? row.shows?.(role) : undefined;
        if (shown && !res.text.includes(shown)) problems.push(`${role}: expected to see ${shown} of cooperative A`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('left untouched what refused callers aimed at', async () => {
    const spare = await ok(send('GET', `/stamp-issuances/${F.issuanceSpare.id}`, { token: admin() }), 'issuance');
    expect(spare.statusCounts).toEqual({ issued: 1 });
    const codes = await ok(send('GET', `/planting-areas/${F.areaA.id}/codes?pageSize=100`, { token: admin() }), 'codes');
    expect(codes.items.find((x: { id: string }) => x.id === F.codePending.id).status).toBe('pending');
    const ocop = await ok(send('GET', `/products/${F.productA.id}/ocop-certifications`, { token: admin() }), 'ocop');
    expect(ocop.find((x: { id: string }) => x.id === F.ocopSpare.id).status).toBe('valid');
    expect((await ok(send('GET', `/batches/${F.batchRecallSpare.id}`, { token: admin() }), 'batch')).status).toBe('closed');
    expect((await ok(send('GET', `/batches/${F.batchOpen.id}`, { token: admin() }), 'batch')).status).toBe('open');
    const product = await ok(send('GET', `/products/${F.productDel.id}`, { token: admin() }), 'product');
    expect(product.images.map((i: { id: string }) => i.id)).toContain(F.imageSpare.id);
    const mine = await ok(send('GET', '/auth/api-tokens', { token: managerA() }), 'tokens');
    expect(mine.find((x: { id: string }) => x.id === F.tokenA.id).revokedAt).toBeNull();
    expect((await send('GET', '/auth/me', { token: F.tokenA.token })).status).toBe(200);
  });
});

/** Why a response does not meet the expectation, or null when it does. */
function judge(res: Res, expected: Outcome, role: Role): string | null {
  if (expected === 'ok') return res.status >= 200 && res.status < 300 ? null : 'expected 2xx';
  if (expected === 401) {
    // Anonymous callers are stopped by the guard, before any lookup.
    return res.status === 401 && res.body?.code === 'UNAUTHENTICATED' ? null : `expected 401 UNAUTHENTICATED (${role})`;
  }
  if (expected === 403) return res.status === 403 ? null : 'expected 403';
  if (expected === 404) {
    // NOT_FOUND from scoping, not ROUTE_NOT_FOUND from a mistyped URL in this table.
    return res.status === 404 && res.body?.code === 'NOT_FOUND' ? null : 'expected 404 NOT_FOUND';
  }
  if (res.status !== expected.status) return `expected ${expected.status}${expected.code ? ` ${expected.code}` : ''}`;
  if (expected.code && res.body?.code !== expected.code) return `expected code ${expected.code}`;
  if (expected.check) {
    try {
      expected.check(res);
    } catch (error) {
      return `check failed: ${(error as Error).message.split('\n').slice(0, 6).join(' ')}`;
    }
  }
  return null;
}
