import { DataSource } from 'typeorm';
import type { AuthUser } from '../../src/auth/auth-user';
import { todayInVietnam } from '../../src/common/time/vn-date';
import { PlantingAreasService } from '../../src/planting-areas/planting-areas.service';
import { Role } from '../../src/users/role.enum';
import { bearer, TestApp } from '../utils/test-app';
import { makeWorld, World } from '../utils/world';

type Actor = keyof World['tokens'];
type Body = Record<string, unknown>;

// A 0.001° × 0.001° square at 21° N covers 1.1569 ha (exact value derived in boundary-geometry.spec.ts).
const square = (lon: number, lat: number, size = 0.001) => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});
const HECTARE_SQUARE = square(106.3, 21);
const daysFromToday = (days: number) => todayInVietnam(new Date(Date.now() + days * 86_400_000));

describe('planting areas', () => {
  let t: TestApp;
  let w: World;
  let sequence = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await makeWorld(t);
  });
  afterAll(async () => t?.stop());

  const as = (actor: Actor) => bearer(w.tokens[actor]);
  const postArea = (actor: Actor, body: Body = {}, cooperativeId = w.coopA.id, lang = 'vi') =>
    t
      .http()
      .post(`/cooperatives/${cooperativeId}/planting-areas`)
      .set(as(actor))
      .set('accept-language', lang)
      .send({
        name: 'Vùng vải thiều Phạm Trấn',
        crop: 'Vải thiều',
        variety: 'Thanh Hà',
        declaredAreaHa: 1.2,
        householdCount: 12,
        address: { oldCommuneCode: 11053, street: 'Thôn Phạm Trấn' },
        ...body,
      });
  const makeArea = async (body: Body = {}, actor: Actor = 'managerA', cooperativeId = w.coopA.id) => {
    const res = await postArea(actor, body, cooperativeId);
    if (res.status !== 201) throw new Error(`create area failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; [k: string]: unknown };
  };
  const nextCode = () => `VN-HPOR-${String(++sequence).padStart(4, '0')}`;
  const postCode = (actor: Actor, areaId: string, body: Body = {}) =>
    t
      .http()
      .post(`/planting-areas/${areaId}/codes`)
      .set(as(actor))
      .send({ code: nextCode(), scope: 'export:CN', issuer: 'Cục Bảo vệ thực vật', decisionNo: '123/QĐ-BVTV-KD', issuedOn: '2024-03-01', ...body });
  const makeCode = async (areaId: string, body: Body = {}) => {
    const res = await postCode('managerA', areaId, body);
    if (res.status !== 201) throw new Error(`create code failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; code: string; [k: string]: unknown };
  };
  const setStatus = (actor: Actor, areaId: string, codeId: string, body: Body, lang = 'vi') =>
    t.http().post(`/planting-areas/${areaId}/codes/${codeId}/status`).set(as(actor)).set('accept-language', lang).send(body);
  const detailsOf = (body: { details?: { field: string; message: string }[] }) =>
    Object.fromEntries((body.details ?? []).map((d) => [d.field, d.message]));

  describe('areas', () => {
    it('registers an area with a pre-2025 commune converted to the units in force, numbers as JSON numbers', async () => {
      const res = await postArea('managerA');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        cooperativeId: w.coopA.id,
        name: 'Vùng vải thiều Phạm Trấn',
        crop: 'Vải thiều',
        variety: 'Thanh Hà',
        cropType: null,
        declaredAreaHa: 1.2,
        householdCount: 12,
        standard: 'none',
        boundary: null,
        computedAreaHa: null,
        warnings: [],
        address: {
          provinceCode: 31,
          communeCode: 11065,
          communeName: 'Xã Trường Tân',
          fullText: 'Thôn Phạm Trấn, Xã Trường Tân, Thành phố Hải Phòng',
          convertedFrom: { oldCommuneCode: 11053, oldCommuneName: 'Xã Phạm Trấn', oldDistrict: 'Huyện Gia Lộc', oldProvince: 'Tỉnh Hải Dương' },
        },
      });
      const again = await t.http().get(`/planting-areas/${res.body.id}`).set(as('staffA'));
      expect(again.status).toBe(200);
      // Re-read from numeric(10,4): still a JSON number, not "1.2000".
      expect(again.body.declaredAreaHa).toBe(1.2);
      expect(again.body.address.convertedFrom.oldCommuneName).toBe('Xã Phạm Trấn');
    });

    it('checks the address against the official units, naming the field', async () => {
      const res = await postArea('managerA', { address: { oldCommuneCode: 99999 } });
      expect(res.status).toBe(400);
      expect(detailsOf(res.body)).toEqual({ 'address.oldCommuneCode': 'Mã xã cũ 99999 không có trong bảng chuyển đổi chính thức' });
    });

    it('refuses an unclosed ring, naming the ring', async () => {
      const ring = HECTARE_SQUARE.coordinates[0].slice(0, 4);
      const res = await postArea('managerA', { boundary: { type: 'Polygon', coordinates: [[...ring, [106.3, 21.0005]]] } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual([
        {
          field: 'boundary.coordinates[0]',
          message: 'boundary.coordinates[0]: vòng chưa khép kín, điểm cuối [106.3, 21.0005] phải trùng điểm đầu [106.3, 21]',
        },
      ]);
    });

    it('refuses a boundary outside Vietnam and hints at swapped coordinates, in the caller language', async () => {
      const bangkok = await postArea('managerA', { boundary: square(100.5, 13.75) });
      expect(bangkok.status).toBe(400);
      expect(bangkok.body.details[0]).toEqual({
        field: 'boundary.coordinates[0][0]',
        message: 'boundary.coordinates[0][0]: điểm [100.5, 13.75] nằm ngoài Việt Nam (vĩ độ 8–24° Bắc, kinh độ 102–118° Đông)',
      });
      const swapped = { type: 'Polygon', coordinates: [HECTARE_SQUARE.coordinates[0].map(([lon, lat]) => [lat, lon])] };
      const en = await postArea('managerA', { boundary: swapped }, w.coopA.id, 'en');
      expect(en.body.details[0].message).toContain('is outside Vietnam (latitude 8–24° N, longitude 102–118° E); it looks swapped: GeoJSON is [longitude, latitude]');
    });

    it('refuses other geometry types and non-objects', async () => {
      const point = await postArea('managerA', { boundary: { type: 'Point', coordinates: [106.3, 21] } });
      expect(point.status).toBe(400);
      expect(point.body.details).toEqual([
        { field: 'boundary.type', message: 'boundary.type phải là "Polygon" hoặc "MultiPolygon", không phải "Point"' },
      ]);
      const feature = await postArea('managerA', { boundary: { type: 'Feature', geometry: HECTARE_SQUARE } });
      expect(feature.body.details[0].message).toContain('hãy gửi phần geometry của Feature');
      const text = await postArea('managerA', { boundary: 'POLYGON((106.3 21, ...))' });
      expect(detailsOf(text.body)).toEqual({ boundary: 'boundary: phải là một hình GeoJSON (đối tượng JSON)' });
    });

    it('warns when the boundary area differs from the declared one by more than 20 %', async () => {
      const res = await postArea('managerA', { declaredAreaHa: 2, boundary: HECTARE_SQUARE });
      expect(res.status).toBe(201);
      expect(res.body.computedAreaHa).toBe(1.1569);
      expect(res.body.boundary).toEqual(HECTARE_SQUARE);
      expect(res.body.warnings).toEqual([
        {
          field: 'declaredAreaHa',
          code: 'PLANTING_AREA_SIZE_MISMATCH',
          message:
            'Diện tích tính từ ranh giới là 1,1569 ha, nhỏ hơn 42 % so với diện tích khai báo 2 ha (cho phép lệch ±20 %); hãy kiểm tra lại ranh giới hoặc diện tích khai báo',
        },
      ]);
      const en = await t.http().get(`/planting-areas/${res.body.id}?lang=en`).set(as('managerA'));
      expect(en.body.warnings[0].message).toBe(
        'The area computed from the boundary is 1.1569 ha, 42 % less than the declared 2 ha (tolerance ±20 %); check the boundary or the declared area',
      );
      // Correcting the declared area clears the warning; removing the boundary clears the computed area.
      const fixed = await t.http().patch(`/planting-areas/${res.body.id}`).set(as('managerA')).send({ declaredAreaHa: 1.15 });
      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({ declaredAreaHa: 1.15, computedAreaHa: 1.1569, warnings: [] });
      const cleared = await t.http().patch(`/planting-areas/${res.body.id}`).set(as('managerA')).send({ boundary: null });
      expect(cleared.body).toMatchObject({ boundary: null, computedAreaHa: null, warnings: [] });
    });

    it('gives no warning within ±20 %, and accepts a MultiPolygon with a hole', async () => {
      const close = await postArea('managerA', { declaredAreaHa: 1.2, boundary: HECTARE_SQUARE });
      expect(close.body.warnings).toEqual([]);
      const multi = {
        type: 'MultiPolygon',
        coordinates: [[...square(106.3, 21, 0.002).coordinates, square(106.3005, 21.0005).coordinates[0]], square(106.31, 21).coordinates],
      };
      const res = await postArea('managerA', { declaredAreaHa: 4.6, boundary: multi });
      expect(res.status).toBe(201);
      // A 0.002° square (≈ 4 × 1.1569 ha) minus a 0.001° hole, plus a separate 0.001° square: ≈ 4.63 ha.
      expect(res.body.computedAreaHa).toBeCloseTo(4.6276, 3);
      expect(res.body.warnings).toEqual([]);
    });

    it('warns when a perennial area is below the 1 ha guidance', async () => {
      const res = await postArea('managerA', { cropType: 'perennial', declaredAreaHa: 0.5 });
      expect(res.status).toBe(201);
      expect(res.body.warnings).toEqual([
        {
          field: 'declaredAreaHa',
          code: 'PLANTING_AREA_BELOW_MINIMUM',
          message: 'Vùng trồng cây lâu năm thường cần tối thiểu 1 ha để được cấp mã số vùng trồng; diện tích khai báo là 0,5 ha',
        },
      ]);
    });

    it('validates numbers and the standard with messages naming the field', async () => {
      const res = await postArea('managerA', { declaredAreaHa: 1.23456, householdCount: 0, standard: 'gap' });
      expect(res.status).toBe(400);
      const byField = detailsOf(res.body);
      expect(Object.keys(byField).sort()).toEqual(['declaredAreaHa', 'householdCount', 'standard']);
      expect(byField.declaredAreaHa).toContain('tối đa 4 chữ số thập phân');
      expect(byField.householdCount).toBe('householdCount: số nông hộ phải là số nguyên từ 1 trở lên');
      expect(byField.standard).toBe('standard: chọn vietgap, globalgap, organic hoặc none');
      expect(detailsOf((await postArea('managerA', { declaredAreaHa: 0 })).body).declaredAreaHa).toContain('lớn hơn 0');
      const gap = await postArea('managerA', { standard: ' VietGAP ' });
      expect(gap.body.standard).toBe('vietgap');
    });

    it('updates an area, refusing null for required fields and clearing optional ones', async () => {
      const area = await makeArea();
      const nulls = await t.http().patch(`/planting-areas/${area.id}`).set(as('managerA')).send({ name: null, householdCount: null });
      expect(nulls.status).toBe(400);
      expect(detailsOf(nulls.body)).toEqual({ name: 'name không được để trống (null)', householdCount: 'householdCount không được để trống (null)' });
      const res = await t
        .http()
        .patch(`/planting-areas/${area.id}`)
        .set(as('officerIn'))
        .send({ variety: null, householdCount: 15, standard: 'globalgap', address: { communeCode: 11065, street: 'Thôn 2' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ variety: null, householdCount: 15, standard: 'globalgap', address: { street: 'Thôn 2', convertedFrom: null } });
    });

    it('lets staff read but not change, saying why', async () => {
      const area = await makeArea();
      const res = await t.http().patch(`/planting-areas/${area.id}`).set(as('staffA')).send({ householdCount: 3 });
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('Nhân viên hợp tác xã chỉ được xem vùng trồng; quản lý hợp tác xã hoặc cán bộ mới được thay đổi');
      const create = await postArea('staffA');
      expect(create.status).toBe(403);
    });

    it('lists within scope, with cooperative, province and accent-insensitive crop filters', async () => {
      await makeArea({ crop: 'Bưởi Diễn', declaredAreaHa: 3 });
      await makeArea({ crop: 'Bưởi da xanh', declaredAreaHa: 5 });
      await makeArea({ crop: 'Bưởi Diễn', declaredAreaHa: 2, address: { communeCode: 13531 } }, 'managerB', w.coopB.id);
      const crops = async (actor: Actor, query: string) => {
        const res = await t.http().get(`/planting-areas?${query}`).set(as(actor));
        expect(res.status).toBe(200);
        return res.body.items.map((a: { crop: string; declaredAreaHa: number }) => `${a.crop} ${a.declaredAreaHa}`);
      };
      expect(await crops('admin', 'crop=buoi&sort=-declaredAreaHa')).toEqual(['Bưởi da xanh 5', 'Bưởi Diễn 3', 'Bưởi Diễn 2']);
      expect(await crops('admin', 'crop=BUOI%20DIEN&provinceCode=37')).toEqual(['Bưởi Diễn 2']);
      expect(await crops('admin', `crop=buoi&cooperativeId=${w.coopB.id}`)).toEqual(['Bưởi Diễn 2']);
      expect(await crops('managerA', 'crop=buoi&sort=declaredAreaHa')).toEqual(['Bưởi Diễn 3', 'Bưởi da xanh 5']);
      expect(await crops('managerA', `crop=buoi&cooperativeId=${w.coopB.id}`)).toEqual([]);
      expect(await crops('officerIn', 'crop=buoi&sort=declaredAreaHa')).toEqual(['Bưởi Diễn 3', 'Bưởi da xanh 5']);
      expect(await crops('officerOut', 'crop=buoi')).toEqual([]);
      expect(await crops('staffB', 'crop=buoi')).toEqual(['Bưởi Diễn 2']);
      const page = await t.http().get('/planting-areas?crop=buoi&pageSize=1&page=2&sort=-declaredAreaHa').set(as('admin'));
      expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 1, items: [{ crop: 'Bưởi Diễn', declaredAreaHa: 3 }] });
      const bad = await t.http().get('/planting-areas?sort=secret&cooperativeId=x').set(as('admin'));
      expect(bad.status).toBe(400);
      expect(Object.keys(detailsOf(bad.body)).sort()).toEqual(['cooperativeId', 'sort']);
    });
  });

  describe('seasons', () => {
    const season = (overrides: Body = {}) => ({
      name: 'Vụ vải 2025',
      startDate: '2025-01-10',
      expectedHarvestFrom: '2025-05-25',
      expectedHarvestTo: '2025-06-30',
      expectedYieldKg: 12500.5,
      targetMarket: 'Trung Quốc',
      ...overrides,
    });

    it('opens seasons and lists them latest first, yields as numbers', async () => {
      const area = await makeArea();
      const first = await t.http().post(`/planting-areas/${area.id}/seasons`).set(as('managerA')).send(season({ name: 'Vụ vải 2024', startDate: '2024-01-10', expectedHarvestFrom: '2024-05-25', expectedHarvestTo: '2024-06-30' }));
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ plantingAreaId: area.id, startDate: '2024-01-10', expectedYieldKg: 12500.5, actualYieldKg: null, closedAt: null });
      await t.http().post(`/planting-areas/${area.id}/seasons`).set(as('officerIn')).send(season());
      const list = await t.http().get(`/planting-areas/${area.id}/seasons`).set(as('staffA'));
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(2);
      expect(list.body.items.map((s: { name: string; expectedYieldKg: number }) => [s.name, s.expectedYieldKg])).toEqual([
        ['Vụ vải 2025', 12500.5],
        ['Vụ vải 2024', 12500.5],
      ]);
    });

    it('refuses harvest dates out of order, naming each field', async () => {
      const area = await makeArea();
      const res = await t
        .http()
        .post(`/planting-areas/${area.id}/seasons`)
        .set(as('managerA'))
        .send(season({ startDate: '2025-03-01', expectedHarvestFrom: '2025-02-01', expectedHarvestTo: '2025-01-15' }));
      expect(res.status).toBe(400);
      expect(detailsOf(res.body)).toEqual({
        expectedHarvestFrom: 'expectedHarvestFrom (2025-02-01) không được trước ngày bắt đầu vụ startDate (2025-03-01)',
        expectedHarvestTo: 'expectedHarvestTo (2025-01-15) không được trước expectedHarvestFrom (2025-02-01)',
      });
      const impossible = await t.http().post(`/planting-areas/${area.id}/seasons`).set(as('managerA')).send(season({ startDate: '2025-02-30', expectedHarvestTo: '30/06/2025' }));
      expect(detailsOf(impossible.body)).toEqual({
        startDate: 'startDate: ngày phải có thật và viết theo dạng YYYY-MM-DD (ví dụ 2025-03-15)',
        expectedHarvestTo: 'expectedHarvestTo: ngày phải có thật và viết theo dạng YYYY-MM-DD (ví dụ 2025-03-15)',
      });
    });

    it('records the actual yield at the end, closing the season, and checks a patched date against the stored ones', async () => {
      const area = await makeArea();
      const created = await t.http().post(`/planting-areas/${area.id}/seasons`).set(as('managerA')).send(season());
      const url = `/planting-areas/${area.id}/seasons/${created.body.id}`;
      const closed = await t.http().patch(url).set(as('managerA')).send({ actualYieldKg: 11800 });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ actualYieldKg: 11800, expectedYieldKg: 12500.5, closedAt: expect.any(String) });
      const early = await t.http().patch(url).set(as('managerA')).send({ expectedHarvestTo: '2025-05-01' });
      expect(early.status).toBe(400);
      expect(detailsOf(early.body)).toEqual({ expectedHarvestTo: 'expectedHarvestTo (2025-05-01) không được trước expectedHarvestFrom (2025-05-25)' });
      const staff = await t.http().patch(url).set(as('staffA')).send({ actualYieldKg: 1 });
      expect(staff.status).toBe(403);
      const other = await makeArea();
      const wrongArea = await t.http().patch(`/planting-areas/${other.id}/seasons/${created.body.id}`).set(as('managerA')).send({ actualYieldKg: 1 });
      expect(wrongArea.status).toBe(404);
      expect(wrongArea.body.message).toBe('Không tìm thấy mùa vụ của vùng trồng này');
    });

    it('gives other modules a season only through its own area', async () => {
      const service = t.app.get(PlantingAreasService);
      const area = await makeArea();
      const other = await makeArea();
      const created = await t.http().post(`/planting-areas/${area.id}/seasons`).set(as('managerA')).send(season());
      await expect(service.getSeasonOrThrow(area.id, created.body.id)).resolves.toMatchObject({ id: created.body.id, startDate: '2025-01-10' });
      await expect(service.getSeasonOrThrow(other.id, created.body.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const managerB: AuthUser = { id: w.users.managerB.id, role: Role.CooperativeManager, cooperativeId: w.coopB.id, provinceCodes: [] };
      await expect(service.getVisibleOrThrow(managerB, area.id)).rejects.toMatchObject({ code: 'NOT_FOUND', bilingualMessage: { vi: 'Không tìm thấy vùng trồng' } });
    });
  });

  describe('codes', () => {
    it('parses the numeric TCCS 774 style, normalising what was typed', async () => {
      // Xã Ea Tân (24370, Huyện Krông Năng, Đắk Lắk) before July 2025: the commune named in the code.
      const area = await makeArea({ address: { oldCommuneCode: 24370 } });
      const res = await postCode('managerA', area.id, { code: ' vn - 66-650-24370-94-21 ', scope: 'domestic', issuedOn: '2021-06-15' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        code: 'VN-66-650-24370-94-21',
        style: 'tccs774',
        parsed: { provinceCode: '66', districtCode: '650', communeCode: '24370', facility: '94', year: 2021 },
        scope: 'domestic',
        status: 'pending',
        statusToday: 'pending',
        warnings: [],
      });
    });

    it('warns when the commune of a TCCS 774 code lies outside the area province', async () => {
      const area = await makeArea(); // in Hải Phòng
      const res = await postCode('managerA', area.id, { code: 'VN-66-650-24370-94-22', scope: 'domestic' });
      expect(res.status).toBe(201);
      expect(res.body.warnings).toMatchObject([{ field: 'code', code: 'PLANTING_AREA_CODE_COMMUNE_ELSEWHERE' }]);
    });

    it('parses export orchard and packing-house codes, and records the first timeline event', async () => {
      const area = await makeArea();
      const orchard = await postCode('managerA', area.id, { code: 'vn dtor 0017', scope: ' Export: cn ' });
      expect(orchard.status).toBe(201);
      expect(orchard.body).toMatchObject({
        code: 'VN-DTOR-0017',
        style: 'export_orchard',
        parsed: { province: 'DT', sequence: '0017' },
        scope: 'export:CN',
        issuer: 'Cục Bảo vệ thực vật',
        decisionNo: '123/QĐ-BVTV-KD',
        issuedOn: '2024-03-01',
        validUntil: null,
        warnings: [],
        timeline: [
          {
            status: 'pending',
            effectiveFrom: '2024-03-01',
            reason: 'Mã được khai báo, chờ xác minh',
            actorId: w.users.managerA.id,
            actorRole: 'cooperative_manager',
            recordedAt: expect.any(String),
          },
        ],
      });
      const packing = await postCode('managerA', area.id, { code: 'vndtph-0001' });
      expect(packing.body).toMatchObject({ code: 'VNDTPH-0001', style: 'export_packing_house', parsed: { province: 'DT', sequence: '0001' } });
    });

    it('stores a code of unknown shape as typed, with a warning', async () => {
      const area = await makeArea();
      const res = await postCode('managerA', area.id, { code: ' msvt-hb 0012/2023 ', scope: 'domestic' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code: 'MSVT-HB 0012/2023', style: 'unknown', parsed: null });
      expect(res.body.warnings).toEqual([
        {
          field: 'code',
          code: 'PLANTING_AREA_CODE_UNRECOGNISED',
          message:
            'Mã MSVT-HB 0012/2023 không theo dạng nào đã biết (TCCS 774: VN-66-650-24370-94-21; xuất khẩu: VN-DTOR-0017, cơ sở đóng gói: VNDTPH-0001); đã lưu nguyên văn, hãy đối chiếu với quyết định cấp mã',
        },
      ]);
      const list = await t.http().get(`/planting-areas/${area.id}/codes?lang=en`).set(as('staffA'));
      expect(list.body.items.map((c: { code: string }) => c.code)).toEqual(['MSVT-HB 0012/2023']);
      expect(list.body.items[0].warnings[0].message).toContain('has no known shape');
    });

    it('refuses a code another cooperative already holds (409), however it is written, without naming the holder', async () => {
      const areaA = await makeArea();
      const areaB = await makeArea({ address: { communeCode: 13531 } }, 'managerB', w.coopB.id);
      await makeCode(areaA.id, { code: 'VN-DTOR-0099' });
      const res = await postCode('managerB', areaB.id, { code: 'vn-dtor 0099' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'PLANTING_AREA_CODE_TAKEN',
        message: 'Mã VN-DTOR-0099 đã được một hợp tác xã khác khai báo; nếu mã này là của bạn, hãy liên hệ cán bộ khuyến nông để giải quyết',
        details: [{ field: 'code', message: 'Mã đã được khai báo' }],
      });
      expect(JSON.stringify(res.body)).not.toContain('HTX A');
      const own = await postCode('managerA', (await makeArea()).id, { code: 'VNDTOR0099' });
      expect(own.status).toBe(409);
      expect(own.body.message).toBe('Mã VN-DTOR-0099 đã được khai báo cho một vùng trồng của hợp tác xã này');
    });

    it('gives one 201 and one 409 when two cooperatives claim a code at the same moment', async () => {
      const areaA = await makeArea();
      const areaB = await makeArea({ address: { communeCode: 13531 } }, 'managerB', w.coopB.id);
      for (let round = 0; round < 3; round++) {
        const code = `VN-CTOR-${700 + round}`;
        const results = await Promise.all([postCode('managerA', areaA.id, { code }), postCode('managerB', areaB.id, { code })]);
        expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
        expect(results.find((r) => r.status === 409)!.body.code).toBe('PLANTING_AREA_CODE_TAKEN');
      }
    });

    it('validates scope and dates with messages naming the field', async () => {
      const area = await makeArea();
      const res = await postCode('managerA', area.id, { scope: 'export:XX', issuedOn: '2024-02-30', validUntil: 'soon' });
      expect(res.status).toBe(400);
      expect(detailsOf(res.body)).toEqual({
        scope: 'scope: XX không phải mã quốc gia ISO 3166-1 hai chữ cái (ví dụ CN Trung Quốc, US Hoa Kỳ, JP Nhật Bản)',
        issuedOn: 'issuedOn: ngày phải có thật và viết theo dạng YYYY-MM-DD (ví dụ 2025-03-15)',
        validUntil: 'validUntil: ngày phải có thật và viết theo dạng YYYY-MM-DD (ví dụ 2025-03-15)',
      });
      expect(detailsOf((await postCode('managerA', area.id, { scope: 'export:VN' })).body).scope).toBe('scope: thị trường trong nước ghi "domestic", không phải export:VN');
      const order = await postCode('managerA', area.id, { issuedOn: '2024-03-01', validUntil: '2024-03-01' });
      expect(detailsOf(order.body)).toEqual({ validUntil: 'validUntil (2024-03-01) phải sau ngày cấp issuedOn (2024-03-01)' });
      const future = await postCode('managerA', area.id, { issuedOn: daysFromToday(2) });
      expect(detailsOf(future.body).issuedOn).toContain('không được ở tương lai');
      expect((await postCode('managerA', area.id, { scope: 'export:EU' })).status).toBe(201);
    });

    it('lets only an admin or the province officer activate a code', async () => {
      const area = await makeArea();
      const code = await makeCode(area.id);
      const manager = await setStatus('managerA', area.id, code.id, { status: 'active', reason: 'Đã có quyết định' });
      expect(manager.status).toBe(403);
      expect(manager.body).toMatchObject({
        code: 'PLANTING_AREA_CODE_STATUS_OFFICER_ONLY',
        message:
          'Mã số vùng trồng chỉ có hiệu lực khi quản trị viên hoặc cán bộ khuyến nông phụ trách tỉnh đã đối chiếu với quyết định cấp mã; hợp tác xã không tự kích hoạt được',
      });
      const staff = await setStatus('staffA', area.id, code.id, { status: 'revoked', reason: 'x' });
      expect(staff.status).toBe(403);
      expect(staff.body.message).toBe('Chỉ quản trị viên hoặc cán bộ khuyến nông phụ trách tỉnh được thay đổi trạng thái mã số vùng trồng');
      const outside = await setStatus('officerOut', area.id, code.id, { status: 'active', reason: 'Đối chiếu' });
      expect(outside.status).toBe(404);
      expect(outside.body.message).toBe('Không tìm thấy vùng trồng');
      const officer = await setStatus('officerIn', area.id, code.id, { status: 'active', reason: 'Đã đối chiếu Quyết định 123/QĐ-BVTV-KD' });
      expect(officer.status).toBe(200);
      expect(officer.body).toMatchObject({ status: 'active', statusToday: 'active' });
      expect(officer.body.timeline.at(-1)).toMatchObject({
        status: 'active',
        effectiveFrom: todayInVietnam(),
        reason: 'Đã đối chiếu Quyết định 123/QĐ-BVTV-KD',
        actorId: w.users.officerIn.id,
        actorRole: 'officer',
      });
    });

    it('refuses illegal transitions, naming the current and requested status', async () => {
      const area = await makeArea();
      const code = await makeCode(area.id);
      const skip = await setStatus('admin', area.id, code.id, { status: 'suspended', reason: 'Thử' });
      expect(skip.status).toBe(409);
      expect(skip.body).toMatchObject({
        code: 'PLANTING_AREA_CODE_ILLEGAL_TRANSITION',
        message: `Không thể chuyển mã ${code.code} từ "pending" (chờ xác minh) sang "suspended" (tạm dừng): từ trạng thái này chỉ chuyển được sang active, revoked`,
      });
      expect((await setStatus('admin', area.id, code.id, { status: 'revoked', reason: 'Quyết định bị hủy' })).status).toBe(200);
      const back = await setStatus('officerIn', area.id, code.id, { status: 'active', reason: 'Cấp lại' }, 'en');
      expect(back.status).toBe(409);
      expect(back.body.message).toBe(`Code ${code.code} cannot move from "revoked" (revoked) to "active" (active): this is a final status`);
      const unknown = await setStatus('admin', area.id, code.id, { status: 'archived', reason: 'x' });
      expect(detailsOf(unknown.body)).toEqual({ status: 'status: chọn active, suspended, revoked hoặc expired' });
    });

    it('needs a reason and an effective date that is neither in the future nor before the current status', async () => {
      const area = await makeArea();
      const code = await makeCode(area.id, { issuedOn: '2024-03-01' });
      const blank = await setStatus('admin', area.id, code.id, { status: 'active', reason: '   ' });
      expect(detailsOf(blank.body)).toEqual({ reason: 'reason: cần ghi lý do thay đổi trạng thái' });
      const future = await setStatus('admin', area.id, code.id, { status: 'active', reason: 'Đối chiếu', effectiveFrom: daysFromToday(2) });
      expect(detailsOf(future.body).effectiveFrom).toContain('không được ở tương lai');
      const beforeIssue = await setStatus('admin', area.id, code.id, { status: 'active', reason: 'Đối chiếu', effectiveFrom: '2024-02-29' });
      expect(detailsOf(beforeIssue.body)).toEqual({ effectiveFrom: 'effectiveFrom (2024-02-29) không được trước ngày cấp mã (2024-03-01)' });
      expect((await setStatus('admin', area.id, code.id, { status: 'active', reason: 'Đối chiếu', effectiveFrom: '2024-06-01' })).status).toBe(200);
      const rewrite = await setStatus('admin', area.id, code.id, { status: 'suspended', reason: 'Lùi ngày', effectiveFrom: '2024-05-01' });
      expect(rewrite.status).toBe(400);
      expect(detailsOf(rewrite.body).effectiveFrom).toBe(
        'effectiveFrom (2024-05-01) không được trước ngày trạng thái hiện tại có hiệu lực (2024-06-01); lịch sử trạng thái chỉ được ghi tiếp, không sửa lùi',
      );
    });

    it('returns the timeline in order with reasons and actors, and answers codesOn for any past date', async () => {
      const area = await makeArea();
      const code = await makeCode(area.id, { issuedOn: '2024-03-01', validUntil: '2025-02-28' });
      const steps: [Actor, string, string, string][] = [
        ['officerIn', 'active', '2024-04-01', 'Đã đối chiếu Quyết định 123/QĐ-BVTV-KD'],
        ['admin', 'suspended', '2024-09-01', 'GACC tạm dừng theo thông báo'],
        ['officerIn', 'active', '2024-10-15', 'GACC cho phép trở lại'],
      ];
      for (const [actor, status, effectiveFrom, reason] of steps) {
        const res = await setStatus(actor, area.id, code.id, { status, effectiveFrom, reason });
        expect(res.status).toBe(200);
      }
      const adminId = (await t.http().get('/auth/me').set(as('admin'))).body.id;
      const list = await t.http().get(`/planting-areas/${area.id}/codes`).set(as('staffA'));
      const [listed] = list.body.items;
      expect(listed.timeline.map((e: Body) => [e.status, e.effectiveFrom, e.reason, e.actorId, e.actorRole])).toEqual([
        ['pending', '2024-03-01', 'Mã được khai báo, chờ xác minh', w.users.managerA.id, 'cooperative_manager'],
        ['active', '2024-04-01', 'Đã đối chiếu Quyết định 123/QĐ-BVTV-KD', w.users.officerIn.id, 'officer'],
        ['suspended', '2024-09-01', 'GACC tạm dừng theo thông báo', adminId, 'admin'],
        ['active', '2024-10-15', 'GACC cho phép trở lại', w.users.officerIn.id, 'officer'],
      ]);
      // Active in the timeline, but past validUntil today.
      expect(listed).toMatchObject({ status: 'active', statusToday: 'expired' });
      expect(listed.warnings).toMatchObject([{ field: 'validUntil', code: 'PLANTING_AREA_CODE_EXPIRED' }]);

      const service = t.app.get(PlantingAreasService);
      const on = async (date: string) => (await service.codesOn(area.id, date)).map((c) => c.status);
      expect(await on('2024-02-29')).toEqual(['not_yet_issued']);
      expect(await on('2024-03-01')).toEqual(['pending']);
      expect(await on('2024-03-31')).toEqual(['pending']);
      expect(await on('2024-04-01')).toEqual(['active']);
      expect(await on('2024-09-01')).toEqual(['suspended']);
      expect(await on('2024-10-14')).toEqual(['suspended']);
      expect(await on('2024-10-15')).toEqual(['active']);
      expect(await on('2025-02-28')).toEqual(['active']);
      expect(await on('2025-03-01')).toEqual(['expired']);
      expect(await service.codesOn(area.id, '2024-05-01')).toEqual([{ id: code.id, code: code.code, scope: 'export:CN', status: 'active' }]);
      expect(await service.hasActiveCodeOn(area.id, '2024-05-01')).toBe(true);
      expect(await service.hasActiveCodeOn(area.id, '2024-09-10')).toBe(false);
      expect(await service.hasActiveCodeOn(area.id, '2025-03-01')).toBe(false);
      await expect(service.codesOn(area.id, '01/05/2024')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('answers codesOn for each code of an area, revoked codes staying revoked', async () => {
      const area = await makeArea();
      const kept = await makeCode(area.id, { code: 'VN-HPOR-9001', issuedOn: '2024-01-01' });
      const lost = await makeCode(area.id, { code: 'VN-HPOR-9002', issuedOn: '2024-01-01', validUntil: '2024-12-31' });
      await setStatus('admin', area.id, kept.id, { status: 'active', reason: 'Đối chiếu', effectiveFrom: '2024-01-01' });
      await setStatus('admin', area.id, lost.id, { status: 'active', reason: 'Đối chiếu', effectiveFrom: '2024-01-01' });
      await setStatus('admin', area.id, lost.id, { status: 'revoked', reason: 'Gian lận mã', effectiveFrom: '2024-06-01' });
      const service = t.app.get(PlantingAreasService);
      expect((await service.codesOn(area.id, '2024-05-31')).map((c) => [c.code, c.status])).toEqual([['VN-HPOR-9001', 'active'], ['VN-HPOR-9002', 'active']]);
      expect((await service.codesOn(area.id, '2025-01-15')).map((c) => [c.code, c.status])).toEqual([['VN-HPOR-9001', 'active'], ['VN-HPOR-9002', 'revoked']]);
      expect(await service.codesOn((await makeArea()).id, '2025-01-15')).toEqual([]);
    });

    it('keeps the status timeline append-only in the database itself', async () => {
      const area = await makeArea();
      await makeCode(area.id);
      const db = t.app.get(DataSource);
      await expect(db.query(`UPDATE planting_area_code_status_event SET reason = 'sửa lén'`)).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM planting_area_code_status_event`)).rejects.toThrow(/append-only/);
    });
  });

  describe('audit', () => {
    it('records every change with its actor, readable by the owning cooperative only', async () => {
      const area = await makeArea();
      await t.http().patch(`/planting-areas/${area.id}`).set(as('officerIn')).send({ householdCount: 20, name: 'Vùng vải thiều Phạm Trấn' });
      // A refused change leaves no trace.
      await t.http().patch(`/planting-areas/${area.id}`).set(as('managerA')).send({ boundary: square(100.5, 13.75) });
      const res = await t.http().get(`/audit/planting_area/${area.id}`).set(as('managerA'));
      expect(res.status).toBe(200);
      expect(res.body.items.map((e: Body) => [e.action, e.actorId, e.actorRole])).toEqual([
        ['created', w.users.managerA.id, 'cooperative_manager'],
        ['updated', w.users.officerIn.id, 'officer'],
      ]);
      expect(res.body.items[0].after).toMatchObject({ name: 'Vùng vải thiều Phạm Trấn', declaredAreaHa: 1.2, communeCode: 11065 });
      // Only what changed, before and after.
      expect(res.body.items[1]).toMatchObject({ before: { householdCount: 12 }, after: { householdCount: 20 } });
      const other = await t.http().get(`/audit/planting_area/${area.id}`).set(as('managerB'));
      expect(other.status).toBe(404);
      expect((await t.http().get(`/audit/planting_area/${area.id}`).set(as('officerOut'))).status).toBe(404);
    });

    it('records seasons and code status changes with the reason', async () => {
      const area = await makeArea();
      const season = await t.http().post(`/planting-areas/${area.id}/seasons`).set(as('managerA')).send({
        name: 'Vụ 2025', startDate: '2025-01-01', expectedHarvestFrom: '2025-05-01', expectedHarvestTo: '2025-06-01', expectedYieldKg: 1000, targetMarket: 'Nội địa',
      });
      await t.http().patch(`/planting-areas/${area.id}/seasons/${season.body.id}`).set(as('managerA')).send({ actualYieldKg: 950 });
      const seasonAudit = await t.http().get(`/audit/planting_season/${season.body.id}`).set(as('staffA'));
      expect(seasonAudit.body.items.map((e: Body) => [e.action, e.after])).toEqual([
        ['created', expect.objectContaining({ plantingAreaId: area.id, expectedYieldKg: 1000 })],
        ['updated', { actualYieldKg: 950 }],
      ]);
      const code = await makeCode(area.id);
      await setStatus('officerIn', area.id, code.id, { status: 'active', reason: 'Đã đối chiếu quyết định' });
      const codeAudit = await t.http().get(`/audit/planting_area_code/${code.id}`).set(as('managerA'));
      expect(codeAudit.body.items.map((e: Body) => [e.action, e.before, e.after, e.reason, e.actorRole])).toEqual([
        ['created', null, expect.objectContaining({ code: code.code, status: 'pending' }), null, 'cooperative_manager'],
        ['status_changed', { status: 'pending' }, { status: 'active', effectiveFrom: todayInVietnam() }, 'Đã đối chiếu quyết định', 'officer'],
      ]);
      expect((await t.http().get(`/audit/planting_area_code/${code.id}`).set(as('managerB'))).status).toBe(404);
    });
  });

  describe('OpenAPI', () => {
    it('documents the endpoints with summaries and the DTO fields', async () => {
      const doc = (await t.http().get('/docs/openapi.json')).body as {
        paths: Record<string, Record<string, { summary?: string }>>;
        components: { schemas: Record<string, { properties?: Record<string, { description?: string }> }> };
      };
      const ours = Object.entries(doc.paths).filter(([path]) => path.includes('planting-areas') && !path.endsWith('/diary'));
      expect(ours.flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort()).toEqual([
        'GET /planting-areas',
        'GET /planting-areas/{id}',
        'GET /planting-areas/{id}/codes',
        'GET /planting-areas/{id}/seasons',
        'PATCH /planting-areas/{id}',
        'PATCH /planting-areas/{id}/seasons/{seasonId}',
        'POST /cooperatives/{id}/planting-areas',
        'POST /planting-areas/{id}/codes',
        'POST /planting-areas/{id}/codes/{codeId}/status',
        'POST /planting-areas/{id}/seasons',
      ]);
      for (const [, ops] of ours) for (const op of Object.values(ops)) expect(op.summary).toMatch(/ \/ /);
      expect(doc.components.schemas.CreatePlantingAreaDto.properties!.boundary.description).toContain('GeoJSON Polygon or MultiPolygon');
      expect(doc.components.schemas.CreatePlantingAreaCodeDto.properties!.code.description).toContain('VN-66-650-24370-94-21');
      expect(doc.components.schemas.ChangeCodeStatusDto.properties!.reason.description).toContain('Required');
    });
  });
});

// Who may do what to cooperative A's planting area (Hải Phòng, province 31). 404 where the actor may not
// even know it exists; 403 where they may see it but not change it.
const ACTORS: Actor[] = ['admin', 'officerIn', 'officerOut', 'managerA', 'staffA', 'managerB', 'staffB'];
const MATRIX: Record<string, Record<Actor, number>> = {
  'POST /cooperatives/A/planting-areas': { admin: 201, officerIn: 201, officerOut: 404, managerA: 201, staffA: 403, managerB: 404, staffB: 404 },
  'GET /planting-areas/X': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 200, managerB: 404, staffB: 404 },
  'PATCH /planting-areas/X': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 403, managerB: 404, staffB: 404 },
  'POST /planting-areas/X/seasons': { admin: 201, officerIn: 201, officerOut: 404, managerA: 201, staffA: 403, managerB: 404, staffB: 404 },
  'GET /planting-areas/X/seasons': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 200, managerB: 404, staffB: 404 },
  'PATCH /planting-areas/X/seasons/S': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 403, managerB: 404, staffB: 404 },
  'POST /planting-areas/X/codes': { admin: 201, officerIn: 201, officerOut: 404, managerA: 201, staffA: 403, managerB: 404, staffB: 404 },
  'GET /planting-areas/X/codes': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 200, managerB: 404, staffB: 404 },
  'POST /planting-areas/X/codes/C/status (activate)': { admin: 200, officerIn: 200, officerOut: 404, managerA: 403, staffA: 403, managerB: 404, staffB: 404 },
  'POST /planting-areas/X/codes/C/status (suspend)': { admin: 200, officerIn: 200, officerOut: 404, managerA: 403, staffA: 403, managerB: 404, staffB: 404 },
  'GET /audit/planting_area/X': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 200, managerB: 404, staffB: 404 },
};

describe('planting areas: tenant isolation matrix', () => {
  let t: TestApp;
  let w: World;
  let areaId: string;
  let seasonId: string;
  let n = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await makeWorld(t);
    const area = await t
      .http()
      .post(`/cooperatives/${w.coopA.id}/planting-areas`)
      .set(bearer(w.tokens.managerA))
      .send({ name: 'Vùng A', crop: 'Nhãn', declaredAreaHa: 2, householdCount: 4, address: { communeCode: 11065 } });
    areaId = area.body.id;
    const season = await t.http().post(`/planting-areas/${areaId}/seasons`).set(bearer(w.tokens.managerA)).send({
      name: 'Vụ nhãn 2025', startDate: '2025-02-01', expectedHarvestFrom: '2025-07-20', expectedHarvestTo: '2025-08-31', expectedYieldKg: 8000, targetMarket: 'Nội địa',
    });
    seasonId = season.body.id;
  });
  afterAll(async () => t?.stop());

  // A fresh code per call, pending (to activate) or already active (to suspend), so each call tests
  // permission rather than the state left by the previous actor.
  const freshCode = async (active: boolean) => {
    const code = await t.http().post(`/planting-areas/${areaId}/codes`).set(bearer(w.tokens.admin)).send({
      code: `VN-HPOR-${String(++n).padStart(4, '0')}`, scope: 'export:CN', issuer: 'Cục Bảo vệ thực vật', issuedOn: '2024-01-01',
    });
    if (active) await t.http().post(`/planting-areas/${areaId}/codes/${code.body.id}/status`).set(bearer(w.tokens.admin)).send({ status: 'active', reason: 'Đối chiếu' });
    return code.body.id as string;
  };

  const call = async (route: string, actor: Actor) => {
    const auth = bearer(w.tokens[actor]);
    switch (route) {
      case 'POST /cooperatives/A/planting-areas':
        return t.http().post(`/cooperatives/${w.coopA.id}/planting-areas`).set(auth).send({ name: `Vùng của ${actor}`, crop: 'Nhãn', declaredAreaHa: 1, householdCount: 1, address: { communeCode: 11065 } });
      case 'GET /planting-areas/X':
        return t.http().get(`/planting-areas/${areaId}`).set(auth);
      case 'PATCH /planting-areas/X':
        return t.http().patch(`/planting-areas/${areaId}`).set(auth).send({ householdCount: ACTORS.indexOf(actor) + 5 });
      case 'POST /planting-areas/X/seasons':
        return t.http().post(`/planting-areas/${areaId}/seasons`).set(auth).send({
          name: `Vụ của ${actor}`, startDate: '2025-02-01', expectedHarvestFrom: '2025-07-20', expectedHarvestTo: '2025-08-31', expectedYieldKg: 1, targetMarket: 'Nội địa',
        });
      case 'GET /planting-areas/X/seasons':
        return t.http().get(`/planting-areas/${areaId}/seasons`).set(auth);
      case 'PATCH /planting-areas/X/seasons/S':
        return t.http().patch(`/planting-areas/${areaId}/seasons/${seasonId}`).set(auth).send({ expectedYieldKg: ACTORS.indexOf(actor) + 8000 });
      case 'POST /planting-areas/X/codes':
        return t.http().post(`/planting-areas/${areaId}/codes`).set(auth).send({ code: `VN-HPOR-${String(++n).padStart(4, '0')}`, scope: 'domestic', issuer: 'Chi cục', issuedOn: '2024-01-01' });
      case 'GET /planting-areas/X/codes':
        return t.http().get(`/planting-areas/${areaId}/codes`).set(auth);
      case 'POST /planting-areas/X/codes/C/status (activate)':
        return t.http().post(`/planting-areas/${areaId}/codes/${await freshCode(false)}/status`).set(auth).send({ status: 'active', reason: 'Đối chiếu' });
      case 'POST /planting-areas/X/codes/C/status (suspend)':
        return t.http().post(`/planting-areas/${areaId}/codes/${await freshCode(true)}/status`).set(auth).send({ status: 'suspended', reason: 'Tạm dừng' });
      case 'GET /audit/planting_area/X':
        return t.http().get(`/audit/planting_area/${areaId}`).set(auth);
      default:
        throw new Error(route);
    }
  };

  for (const [route, expected] of Object.entries(MATRIX)) {
    for (const actor of ACTORS) {
      it(`${route} as ${actor} → ${expected[actor]}`, async () => {
        const res = await call(route, actor);
        expect(res.status).toBe(expected[actor]);
        if (res.status >= 400) {
          expect(res.body).toMatchObject({ statusCode: res.status, code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
        }
        if (res.status === 404 && route.includes('/planting-areas/X')) expect(res.body.message).toBe('Không tìm thấy vùng trồng');
      });
    }
  }

  it('lists areas within scope only', async () => {
    const ids = async (actor: Actor) => ((await t.http().get('/planting-areas?pageSize=100').set(bearer(w.tokens[actor]))).body.items as { id: string }[]).map((a) => a.id);
    for (const actor of ['admin', 'officerIn', 'managerA', 'staffA'] as Actor[]) expect(await ids(actor)).toContain(areaId);
    for (const actor of ['officerOut', 'managerB', 'staffB'] as Actor[]) expect(await ids(actor)).not.toContain(areaId);
  });
});
