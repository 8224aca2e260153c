import { addDays, todayInVietnam } from '../../src/common/time/vn-date';
import { CertificationsService } from '../../src/certifications/certifications.service';
import { CertificationSubject } from '../../src/certifications/certification.entity';
import { tinyPng } from '../utils/images';
import { daysAgo, makeArea, makeProduct } from '../utils/registry';
import { bearer, TestApp } from '../utils/test-app';
import { makeWorld, World } from '../utils/world';

describe('certifications', () => {
  let t: TestApp;
  let w: World;
  let areaId: string;
  let productId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await makeWorld(t);
    areaId = (await makeArea(t, w.tokens.managerA, w.coopA.id)).id;
    productId = (await makeProduct(t, w.tokens.managerA, w.coopA.id)).id;
  });
  afterAll(async () => t?.stop());

  const vietgap = (subjectType: string, subjectId: string, extra: Record<string, unknown> = {}) => ({
    subjectType, subjectId, scheme: 'VietGAP', certificateNo: 'VG-123/2025', certBody: 'Trung tâm Chứng nhận TQC',
    issuedOn: daysAgo(200), validUntil: addDays(todayInVietnam(), 500), scopeText: 'Cải bắp, dưa chuột; 15,5 ha', ...extra,
  });

  it('records certificates for a planting area, a product and a cooperative', async () => {
    for (const [type, id] of [['planting_area', areaId], ['product', productId], ['cooperative', w.coopA.id]]) {
      const res = await t.http().post('/certifications').set(bearer(w.tokens.managerA)).send(vietgap(type, id));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ subjectType: type, subjectId: id, cooperativeId: w.coopA.id, status: 'valid', fileUrl: null });
    }
  });

  it('checks dates and the scheme name', async () => {
    const order = await t.http().post('/certifications').set(bearer(w.tokens.managerA)).send(vietgap('product', productId, { validUntil: daysAgo(300) }));
    expect(order.body.details).toEqual([{ field: 'validUntil', message: 'Ngày hết hạn phải sau ngày cấp' }]);
    const badDate = await t.http().post('/certifications').set(bearer(w.tokens.managerA)).send(vietgap('product', productId, { issuedOn: '2025-02-30' }));
    expect(badDate.body.details[0].field).toBe('issuedOn');
    const other = await t.http().post('/certifications').set(bearer(w.tokens.managerA)).send(vietgap('product', productId, { scheme: 'other' }));
    expect(other.body.details[0].field).toBe('schemeName');
  });

  it('derives expired and revoked status, and answers which are valid on a date', async () => {
    const old = (await t.http().post('/certifications').set(bearer(w.tokens.managerA)).send(vietgap('planting_area', areaId, { scheme: 'GlobalGAP', issuedOn: daysAgo(800), validUntil: daysAgo(100) }))).body;
    expect(old.status).toBe('expired');
    const onHarvest = await t.app.get(CertificationsService).validOn([{ type: CertificationSubject.PlantingArea, id: areaId }], daysAgo(150));
    expect(onHarvest.map((c) => c.scheme).sort()).toEqual(['GlobalGAP', 'VietGAP']);
    const revoked = await t.http().post(`/certifications/${old.id}/revoke`).set(bearer(w.tokens.officerIn)).send({ reason: 'Cấp sai phạm vi' });
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedReason: 'Cấp sai phạm vi' });
    const after = await t.app.get(CertificationsService).validOn([{ type: CertificationSubject.PlantingArea, id: areaId }], daysAgo(150));
    expect(after.map((c) => c.scheme)).toEqual(['VietGAP']);
    const listed = await t.http().get(`/certifications?subjectId=${areaId}&validOn=${daysAgo(150)}`).set(bearer(w.tokens.staffA));
    expect(listed.body.items.map((c: { scheme: string }) => c.scheme)).toEqual(['VietGAP']);
  });

  it('stores the scanned certificate, PDF as is and images re-encoded', async () => {
    const cert = (await t.http().post('/certifications').set(bearer(w.tokens.managerA)).send(vietgap('product', productId))).body;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const up = await t.http().put(`/certifications/${cert.id}/file`).set(bearer(w.tokens.managerA)).attach('file', pdf, 'vietgap.pdf');
    expect(up.body.fileUrl).toBe(`https://nguon.test/certifications/${cert.id}/file`);
    const down = await t.http().get(`/certifications/${cert.id}/file`).set(bearer(w.tokens.staffA)).buffer(true);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(down.body).equals(pdf)).toBe(true);
    const img = await t.http().put(`/certifications/${cert.id}/file`).set(bearer(w.tokens.managerA)).attach('file', tinyPng(), 'scan.png');
    expect(img.status).toBe(200);
    expect((await t.http().get(`/certifications/${cert.id}/file`).set(bearer(w.tokens.managerA))).headers['content-type']).toBe('image/webp');
    const junk = await t.http().put(`/certifications/${cert.id}/file`).set(bearer(w.tokens.managerA)).attach('file', Buffer.from('hello'), 'x.txt');
    expect(junk.body.code).toBe('UNSUPPORTED_IMAGE');
  });

  it('keeps certificates within scope and lets only managers record them', async () => {
    const cert = (await t.http().post('/certifications').set(bearer(w.tokens.managerA)).send(vietgap('product', productId))).body;
    expect((await t.http().post('/certifications').set(bearer(w.tokens.staffA)).send(vietgap('product', productId))).status).toBe(403);
    expect((await t.http().post('/certifications').set(bearer(w.tokens.managerB)).send(vietgap('product', productId))).status).toBe(404);
    expect((await t.http().get(`/certifications/${cert.id}`).set(bearer(w.tokens.managerB))).status).toBe(404);
    expect((await t.http().get(`/certifications/${cert.id}`).set(bearer(w.tokens.officerOut))).status).toBe(404);
    expect((await t.http().get(`/certifications/${cert.id}`).set(bearer(w.tokens.officerIn))).status).toBe(200);
    expect((await t.http().post(`/certifications/${cert.id}/revoke`).set(bearer(w.tokens.staffA)).send({ reason: 'không đúng' })).status).toBe(403);
    const audit = await t.http().get(`/audit/certification/${cert.id}`).set(bearer(w.tokens.managerA));
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['created']);
  });
});
