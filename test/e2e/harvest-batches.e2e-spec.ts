import { DataSource } from 'typeorm';
import { addDays, todayInVietnam } from '../../src/common/time/vn-date';
import { addActiveCode, daysAgo, Fixture, makeArea, makeProduct, makeSeason } from '../utils/registry';
import { bearer, TestApp } from '../utils/test-app';
import { makeWorld, World } from '../utils/world';

describe('farming diary, harvest batches and trace events', () => {
  let t: TestApp;
  let w: World;
  let area: Fixture;
  let season: Fixture;
  let product: Fixture;
  let code: Fixture;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await makeWorld(t);
    area = await makeArea(t, w.tokens.managerA, w.coopA.id);
    season = await makeSeason(t, w.tokens.managerA, area.id);
    code = await addActiveCode(t, w.tokens.admin, area.id, 'VN-HPOR-0017');
    product = await makeProduct(t, w.tokens.managerA, w.coopA.id, { gtin: '8934588012228' });
  });
  afterAll(async () => t?.stop());

  const diary = (token: string, body: Record<string, unknown>, s = season) =>
    t.http().post(`/planting-areas/${area.id}/seasons/${s.id}/diary`).set(bearer(token)).send(body);
  const batch = (token: string, body: Record<string, unknown>) =>
    t.http().post('/batches').set(bearer(token)).send({
      productId: product.id, plantingAreaId: area.id, seasonId: season.id, quantity: 100, unit: 'KGM', harvestDateFrom: daysAgo(1), ...body,
    });
  const at = (date: string, time = '07:30:00') => `${date}T${time}+07:00`;

  describe('farming diary', () => {
    it('requires an explicit pre-harvest interval for every sprayed product', async () => {
      const res = await diary(w.tokens.staffA, {
        activity: 'spraying', occurredAt: at(daysAgo(3)),
        inputs: [{ name: 'Regent 800WG', dose: 1, doseUnit: 'g/bình 16 lít', preHarvestIntervalDays: 7 }, { name: 'Ridomil Gold', dose: 50, doseUnit: 'g/bình' }],
      });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'inputs[1].preHarvestIntervalDays', message: 'Cần ghi thời gian cách ly (ngày) của Ridomil Gold theo nhãn thuốc' }]);
      const none = await diary(w.tokens.staffA, { activity: 'spraying', occurredAt: at(daysAgo(3)) });
      expect(none.body.details[0].field).toBe('inputs');
    });

    it('records server time, flags late entries and refuses the future', async () => {
      const late = await diary(w.tokens.staffA, { activity: 'fertilising', occurredAt: at(daysAgo(20)), inputs: [{ name: 'NPK 16-16-8', dose: 20, doseUnit: 'kg/sào' }] });
      expect(late.status).toBe(201);
      expect(late.body).toMatchObject({ late: true, actorId: w.users.staffA.id });
      expect(Math.abs(Date.parse(late.body.recordedAt) - Date.now())).toBeLessThan(10_000);
      const timely = await diary(w.tokens.staffA, { activity: 'irrigating', occurredAt: at(daysAgo(2)) });
      expect(timely.body.late).toBe(false);
      const future = await diary(w.tokens.staffA, { activity: 'irrigating', occurredAt: at(addDays(todayInVietnam(), 2)) });
      expect(future.status).toBe(400);
      expect(future.body.details[0].field).toBe('occurredAt');
    });

    it('allows edits for 24 hours, then only corrections that reference the entry', async () => {
      const entry = (await diary(w.tokens.staffA, { activity: 'pruning', occurredAt: at(daysAgo(1)), notes: 'Tỉa lá già' })).body;
      const edited = await t.http().patch(`/diary-entries/${entry.id}`).set(bearer(w.tokens.staffA)).send({ notes: 'Tỉa lá già, lá sâu' });
      expect(edited.body.notes).toBe('Tỉa lá già, lá sâu');
      const other = await t.http().patch(`/diary-entries/${entry.id}`).set(bearer(w.tokens.staffB)).send({ notes: 'x' });
      expect(other.status).toBe(404);
      await t.app.get(DataSource).query(`UPDATE farming_diary_entry SET recorded_at = now() - interval '25 hours' WHERE id = $1`, [entry.id]);
      const locked = await t.http().patch(`/diary-entries/${entry.id}`).set(bearer(w.tokens.staffA)).send({ notes: 'sửa muộn' });
      expect(locked.status).toBe(409);
      expect(locked.body.code).toBe('DIARY_ENTRY_LOCKED');
      const correction = await diary(w.tokens.staffA, { activity: 'pruning', occurredAt: at(daysAgo(1)), notes: 'Đính chính: tỉa cành', correctsEntryId: entry.id });
      expect(correction.status).toBe(201);
      const again = await diary(w.tokens.staffA, { activity: 'pruning', occurredAt: at(daysAgo(1)), correctsEntryId: entry.id });
      expect(again.status).toBe(409);
      const list = (await t.http().get(`/planting-areas/${area.id}/seasons/${season.id}/diary`).set(bearer(w.tokens.managerA))).body;
      expect(list.find((e: { id: string }) => e.id === entry.id)).toMatchObject({ notes: 'Tỉa lá già, lá sâu', correctedByEntryId: correction.body.id });
      const audit = await t.http().get(`/audit/farming_diary_entry/${entry.id}`).set(bearer(w.tokens.managerA));
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['created', 'updated']);
    });

    it('is hidden from other cooperatives', async () => {
      const res = await t.http().get(`/planting-areas/${area.id}/seasons/${season.id}/diary`).set(bearer(w.tokens.managerB));
      expect(res.status).toBe(404);
      expect((await diary(w.tokens.officerOut, { activity: 'irrigating', occurredAt: at(daysAgo(1)) })).status).toBe(404);
    });
  });

  describe('harvest batches', () => {
    it('creates a batch with its harvest trace event at the active planting-area code', async () => {
      const res = await batch(w.tokens.staffA, { lotCode: 'BC-2026-001', packDate: daysAgo(1), expiryDate: addDays(todayInVietnam(), 10) });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        lotCode: 'BC-2026-001', quantity: 100, unit: 'KGM', unitName: 'kg', status: 'open', flags: [],
        productTracingCode: 'https://nguon.test/01/08934588012228/10/BC-2026-001',
      });
      const events = (await t.http().get(`/batches/${res.body.id}/trace-events`).set(bearer(w.tokens.staffA))).body;
      expect(events).toEqual([
        expect.objectContaining({ step: 'harvesting', action: 'ADD', bizStep: 'commissioning', disposition: 'active', locationCode: 'VN-HPOR-0017', eventTimeZoneOffset: '+07:00' }),
      ]);
    });

    it('says which lot characters are not allowed', async () => {
      const res = await batch(w.tokens.staffA, { lotCode: 'LÔ 01#' });
      expect(res.status).toBe(400);
      expect(res.body.details[0]).toEqual({ field: 'lotCode', message: expect.stringContaining('"Ô", dấu cách, "#"') });
      const long = await batch(w.tokens.staffA, { lotCode: 'A'.repeat(21) });
      expect(long.body.details[0].message).toContain('1–20 ký tự (đang có 21)');
    });

    it('refuses a future harvest date and impossible pack/expiry dates', async () => {
      const future = await batch(w.tokens.staffA, { lotCode: 'F1', harvestDateFrom: addDays(todayInVietnam(), 1) });
      expect(future.status).toBe(400);
      expect(future.body.details[0].field).toBe('harvestDateFrom');
      const expiry = await batch(w.tokens.staffA, { lotCode: 'F2', packDate: daysAgo(1), expiryDate: daysAgo(2) });
      expect(expiry.body.details[0].field).toBe('expiryDate');
    });

    it('refuses a duplicate lot code for the same product, not for another product', async () => {
      await batch(w.tokens.staffA, { lotCode: 'DUP-1' }).expect(201);
      const dup = await batch(w.tokens.staffA, { lotCode: 'DUP-1' });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'BATCH_LOT_CODE_TAKEN', details: [{ field: 'lotCode' }] });
      const other = await makeProduct(t, w.tokens.managerA, w.coopA.id, { nameVi: 'Dưa chuột' });
      expect((await batch(w.tokens.staffA, { lotCode: 'DUP-1', productId: other.id })).status).toBe(201);
    });

    it('needs an active planting-area code on the harvest date, naming the codes and their status', async () => {
      const bare = await makeArea(t, w.tokens.managerA, w.coopA.id);
      const bareSeason = await makeSeason(t, w.tokens.managerA, bare.id);
      const none = await batch(w.tokens.staffA, { lotCode: 'NC-1', plantingAreaId: bare.id, seasonId: bareSeason.id });
      expect(none.status).toBe(422);
      expect(none.body.message).toContain('chưa có mã số vùng trồng');
      await t.http().post(`/planting-areas/${bare.id}/codes`).set(bearer(w.tokens.managerA)).send({ code: 'VN-HPOR-0999', scope: 'domestic', issuer: 'Chi cục', issuedOn: daysAgo(100) }).expect(201);
      const pending = await batch(w.tokens.staffA, { lotCode: 'NC-2', plantingAreaId: bare.id, seasonId: bareSeason.id });
      expect(pending.status).toBe(422);
      expect(pending.body.code).toBe('BATCH_NO_ACTIVE_PLANTING_AREA_CODE');
      expect(pending.body.message).toContain('VN-HPOR-0999 (chờ duyệt)');
      // Suspended since 10 days: a harvest 5 days ago is refused, one 20 days ago is accepted.
      await t.http().post(`/planting-areas/${area.id}/codes/${code.id}/status`).set(bearer(w.tokens.officerIn)).send({ status: 'suspended', reason: 'Phát hiện dư lượng', effectiveFrom: daysAgo(10) }).expect(200);
      const suspended = await batch(w.tokens.staffA, { lotCode: 'SU-1', harvestDateFrom: daysAgo(5) });
      expect(suspended.status).toBe(422);
      expect(suspended.body.message).toContain('VN-HPOR-0017 (tạm đình chỉ)');
      expect((await batch(w.tokens.staffA, { lotCode: 'SU-2', harvestDateFrom: daysAgo(20) })).status).toBe(201);
      await t.http().post(`/planting-areas/${area.id}/codes/${code.id}/status`).set(bearer(w.tokens.officerIn)).send({ status: 'active', reason: 'Đã khắc phục', effectiveFrom: daysAgo(4) }).expect(200);
    });

    it('flags harvests beyond the expected yield of the season', async () => {
      const a = await makeArea(t, w.tokens.managerA, w.coopA.id);
      const s = await makeSeason(t, w.tokens.managerA, a.id, { expectedYieldKg: 1000 });
      await addActiveCode(t, w.tokens.admin, a.id);
      const first = await batch(w.tokens.staffA, { lotCode: 'Y-1', plantingAreaId: a.id, seasonId: s.id, quantity: 800 });
      expect(first.body.flags).toEqual([]);
      const second = await batch(w.tokens.staffA, { lotCode: 'Y-2', plantingAreaId: a.id, seasonId: s.id, quantity: 0.5, unit: 'TNE' });
      expect(second.body.flags).toEqual(['over_expected_yield']);
      const flagged = await t.http().get('/batches?flag=over_expected_yield').set(bearer(w.tokens.officerIn));
      expect(flagged.body.items.map((b: { lotCode: string }) => b.lotCode)).toEqual(['Y-2']);
    });

    it('refuses to close while a spray interval runs, until a manager overrides with a reason', async () => {
      const a = await makeArea(t, w.tokens.managerA, w.coopA.id);
      const s = await makeSeason(t, w.tokens.managerA, a.id);
      await addActiveCode(t, w.tokens.admin, a.id);
      const spray = (await t.http().post(`/planting-areas/${a.id}/seasons/${s.id}/diary`).set(bearer(w.tokens.staffA)).send({
        activity: 'spraying', occurredAt: at(daysAgo(4)),
        inputs: [{ name: 'Regent 800WG', activeIngredient: 'Fipronil', dose: 1, doseUnit: 'g/bình', preHarvestIntervalDays: 7 }],
      })).body;
      const b = (await batch(w.tokens.staffA, { lotCode: 'PHI-1', plantingAreaId: a.id, seasonId: s.id, harvestDateFrom: daysAgo(1) })).body;
      const refused = await t.http().post(`/batches/${b.id}/close`).set(bearer(w.tokens.managerA));
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('BATCH_PHI_NOT_ELAPSED');
      const [y, m, d] = addDays(daysAgo(4), 7).split('-');
      expect(refused.body.message).toContain(`Regent 800WG`);
      expect(refused.body.message).toContain(`Ngày thu hoạch sớm nhất được phép: ${d}/${m}/${y}`);
      expect((await t.http().post(`/batches/${b.id}/close`).set(bearer(w.tokens.staffA))).status).toBe(403);
      const staffOverride = await t.http().post(`/batches/${b.id}/phi-overrides`).set(bearer(w.tokens.staffA)).send({ diaryEntryId: spray.id, reason: 'Mẫu kiểm nghiệm số 123/KN không phát hiện dư lượng' });
      expect(staffOverride.status).toBe(403);
      const override = await t.http().post(`/batches/${b.id}/phi-overrides`).set(bearer(w.tokens.managerA)).send({ diaryEntryId: spray.id, reason: 'Mẫu kiểm nghiệm số 123/KN không phát hiện dư lượng' });
      expect(override.status).toBe(201);
      expect(override.body.phiOverrides).toEqual([expect.objectContaining({ diaryEntryId: spray.id, reason: 'Mẫu kiểm nghiệm số 123/KN không phát hiện dư lượng', actorId: w.users.managerA.id })]);
      const closed = await t.http().post(`/batches/${b.id}/close`).set(bearer(w.tokens.managerA));
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
      const audit = await t.http().get(`/audit/harvest_batch/${b.id}`).set(bearer(w.tokens.managerA));
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['created', 'phi_override_recorded', 'closed']);
    });

    it('seals closed batches; corrections are new batches that supersede them', async () => {
      const b = (await batch(w.tokens.staffA, { lotCode: 'SEAL-1', harvestDateFrom: daysAgo(30) })).body;
      await t.http().post(`/batches/${b.id}/close`).set(bearer(w.tokens.managerA)).expect(200);
      const edit = await t.http().patch(`/batches/${b.id}`).set(bearer(w.tokens.managerA)).send({ quantity: 120 });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('BATCH_SEALED');
      const fix = await batch(w.tokens.managerA, { lotCode: 'SEAL-1', harvestDateFrom: daysAgo(30), quantity: 120, correctsBatchId: b.id });
      expect(fix.status).toBe(201);
      expect(fix.body.correctsBatchId).toBe(b.id);
      const old = await t.http().get(`/batches/${b.id}`).set(bearer(w.tokens.managerA));
      expect(old.body).toMatchObject({ status: 'closed', quantity: 100, supersededByBatchId: fix.body.id });
    });

    it('records shipping and receiving one step back and forward, append-only', async () => {
      const b = (await batch(w.tokens.staffA, { lotCode: 'TR-1' })).body;
      const noDest = await t.http().post(`/batches/${b.id}/trace-events`).set(bearer(w.tokens.staffA)).send({ step: 'shipping', eventTime: at(todayInVietnam(), '00:00:01'), locationCode: 'Kho HTX' });
      expect(noDest.status).toBe(400);
      expect(noDest.body.details[0].field).toBe('destinationParty');
      const ship = await t.http().post(`/batches/${b.id}/trace-events`).set(bearer(w.tokens.staffA)).send({
        step: 'shipping', eventTime: at(todayInVietnam(), '00:00:01'), locationCode: 'VNHPPH-0001',
        destinationParty: { name: 'Bưu điện Hải Phòng (Postmart)', gln: '8936001000010', locationCode: 'Kho Postmart Hải Phòng' }, quantity: 100, unit: 'KGM', documentNo: 'PX-0001',
      });
      expect(ship.status).toBe(201);
      expect(ship.body).toMatchObject({ bizStep: 'shipping', disposition: 'in_transit', productTracingCode: 'https://nguon.test/01/08934588012228/10/TR-1' });
      await expect(t.app.get(DataSource).query(`UPDATE trace_event SET location_code = 'x' WHERE id = $1`, [ship.body.id])).rejects.toThrow(/append-only/);
      await expect(t.app.get(DataSource).query(`DELETE FROM trace_event WHERE id = $1`, [ship.body.id])).rejects.toThrow(/append-only/);
      const steps = (await t.http().get(`/batches/${b.id}/trace-events`).set(bearer(w.tokens.managerA))).body.map((e: { step: string }) => e.step);
      expect(steps).toEqual(['harvesting', 'shipping']);
    });

    it('recalls with a reason, once', async () => {
      const b = (await batch(w.tokens.staffA, { lotCode: 'RC-1' })).body;
      expect((await t.http().post(`/batches/${b.id}/recall`).set(bearer(w.tokens.managerA)).send({ reason: 'x' })).status).toBe(400);
      const recalled = await t.http().post(`/batches/${b.id}/recall`).set(bearer(w.tokens.managerA)).send({ reason: 'Phát hiện dư lượng thuốc vượt ngưỡng' });
      expect(recalled.body).toMatchObject({ status: 'recalled', recallReason: 'Phát hiện dư lượng thuốc vượt ngưỡng' });
      const twice = await t.http().post(`/batches/${b.id}/recall`).set(bearer(w.tokens.managerA)).send({ reason: 'Phát hiện dư lượng thuốc vượt ngưỡng' });
      expect(twice.status).toBe(409);
      const events = (await t.http().get(`/batches/${b.id}/trace-events`).set(bearer(w.tokens.managerA))).body;
      expect(events.at(-1)).toMatchObject({ step: 'recall', disposition: 'recalled', notes: 'Phát hiện dư lượng thuốc vượt ngưỡng' });
    });

    it('keeps batches within their cooperative', async () => {
      const b = (await batch(w.tokens.staffA, { lotCode: 'TEN-1' })).body;
      for (const actor of ['managerB', 'staffB', 'officerOut'] as const) {
        expect((await t.http().get(`/batches/${b.id}`).set(bearer(w.tokens[actor]))).status).toBe(404);
        expect((await t.http().post(`/batches/${b.id}/close`).set(bearer(w.tokens[actor]))).status).toBe(404);
      }
      expect((await t.http().get(`/batches/${b.id}`).set(bearer(w.tokens.officerIn))).status).toBe(200);
      const list = await t.http().get('/batches?pageSize=100').set(bearer(w.tokens.managerB));
      expect(list.body.items).toEqual([]);
      const productB = await makeProduct(t, w.tokens.managerB, w.coopB.id);
      const cross = await batch(w.tokens.admin, { lotCode: 'X-1', productId: productB.id });
      expect(cross.status).toBe(400);
      expect(cross.body.details[0].field).toBe('plantingAreaId');
    });
  });
});
