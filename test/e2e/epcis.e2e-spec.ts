import { CooperativesService } from '../../src/cooperatives/cooperatives.service';
import { EpcisExportService } from '../../src/epcis/epcis-export.service';
import type { EpcisObjectEvent } from '../../src/epcis/epcis.types';
import { HarvestBatchesService } from '../../src/harvest-batches/harvest-batches.service';
import { TraceEventsService } from '../../src/harvest-batches/trace-events/trace-events.service';
import { ProductsService } from '../../src/products/products.service';
import { Role } from '../../src/users/role.enum';
import { epcisErrors, readJson } from '../epcis/epcis-schema';
import { addActiveCode, daysAgo, Fixture, makeArea, makeProduct, makeSeason } from '../utils/registry';
import { bearer, TestApp } from '../utils/test-app';
import { makeWorld, World } from '../utils/world';

const COOP_GLN = '8934588000010';
const LGTIN = 'https://id.gs1.org/01/08934588012228/10/EP-2026%2F01';

describe('EPCIS 2.0 export of a batch', () => {
  let t: TestApp;
  let w: World;
  let batch: Fixture;
  let shippingId: string;
  let correctionId: string;

  const at = (date: string, time: string) => `${date}T${time}+07:00`;
  const traceEvent = (body: Record<string, unknown>) =>
    t.http().post(`/batches/${batch.id}/trace-events`).set(bearer(w.tokens.staffA)).send(body).expect(201);
  const exportOf = (id: string, token: string) => t.http().get(`/batches/${id}/epcis`).set(bearer(token));
  const byStep = (events: EpcisObjectEvent[], step: string) => events.filter((e) => e['nguon:step'] === step);

  beforeAll(async () => {
    t = await TestApp.start();
    w = await makeWorld(t);
    await t.http().patch(`/cooperatives/${w.coopA.id}`).set(bearer(w.tokens.admin)).send({ gln: COOP_GLN }).expect(200);
    const area = await makeArea(t, w.tokens.managerA, w.coopA.id, { name: 'Cánh đồng Trường Tân' });
    const season = await makeSeason(t, w.tokens.managerA, area.id);
    await addActiveCode(t, w.tokens.admin, area.id, 'VN-HPOR-0042');
    const product = await makeProduct(t, w.tokens.managerA, w.coopA.id, { gtin: '8934588012228' });
    batch = (
      await t.http().post('/batches').set(bearer(w.tokens.staffA)).send({
        productId: product.id, plantingAreaId: area.id, seasonId: season.id, lotCode: 'EP-2026/01', quantity: 100, unit: 'KGM', harvestDateFrom: daysAgo(2),
      }).expect(201)
    ).body;
    const day = daysAgo(1);
    await traceEvent({ step: 'packing', eventTime: at(day, '08:00:00'), locationCode: 'VNHPPH-0001', locationName: 'Nhà sơ chế HTX', quantity: 98, unit: 'KGM' });
    shippingId = (
      await traceEvent({
        step: 'shipping', eventTime: at(day, '10:00:00'), locationCode: 'VNHPPH-0001', documentNo: 'PX-0001',
        destinationParty: { name: 'Bưu điện Hải Phòng (Postmart)', gln: '8936001000010', locationCode: 'Kho Postmart Hải Phòng' },
      })
    ).body.id;
    // The shipment went to another warehouse: corrected by a new event, the first one stays.
    correctionId = (
      await traceEvent({
        step: 'shipping', eventTime: at(day, '10:00:00'), locationCode: 'VNHPPH-0001', documentNo: 'PX-0001', correctsEventId: shippingId,
        destinationParty: { name: 'Bưu điện Hải Phòng (Postmart)', gln: '8936001000010', locationCode: '8936002000026' },
      })
    ).body.id;
    await traceEvent({ step: 'receiving', eventTime: at(day, '15:00:00'), locationCode: '8936002000026', sourceParty: { name: 'Nhà xe Hoàng Long' } });
    await t.http().post(`/batches/${batch.id}/recall`).set(bearer(w.tokens.managerA)).send({ reason: 'Phát hiện dư lượng thuốc vượt ngưỡng' }).expect(200);
  });
  afterAll(async () => t?.stop());

  it('validates against the official GS1 EPCIS 2.0 JSON Schema', async () => {
    const res = await exportOf(batch.id, w.tokens.managerA).expect(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(epcisErrors(res.body)).toEqual([]);
    expect(res.body).toMatchObject({
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { nguon: 'https://nguon.vn/epcis/' }],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: expect.stringMatching(/\+07:00$/),
    });
    const events: EpcisObjectEvent[] = res.body.epcisBody.eventList;
    expect(events.map((e) => e['nguon:step'])).toEqual(['harvesting', 'packing', 'shipping', 'shipping', 'receiving', 'recall']);
    for (const e of events) {
      expect(e.eventTimeZoneOffset).toBe('+07:00');
      expect(e.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+07:00$/);
    }
  });

  it('has the harvest as ObjectEvent ADD commissioning the lot, with harvest date and planting-area code as ILMD', async () => {
    const [harvest] = byStep((await exportOf(batch.id, w.tokens.managerA)).body.epcisBody.eventList, 'harvesting');
    expect(harvest).toMatchObject({
      type: 'ObjectEvent',
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      eventTime: `${daysAgo(2)}T00:00:00.000+07:00`,
      quantityList: [{ epcClass: LGTIN, quantity: 100, uom: 'KGM' }],
      readPoint: { id: 'https://nguon.vn/location/VN-HPOR-0042' },
      bizLocation: { id: `https://id.gs1.org/414/${COOP_GLN}` },
      ilmd: {
        'nguon:harvestDate': daysAgo(2),
        'nguon:plantingAreaCode': 'VN-HPOR-0042',
        'cbvmda:harvestStartDate': daysAgo(2),
        'cbvmda:lotNumber': 'EP-2026/01',
      },
    });
    expect(harvest.eventID).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it('has packing, shipping with its destination, receiving with its source, and the recall', async () => {
    const events: EpcisObjectEvent[] = (await exportOf(batch.id, w.tokens.managerA)).body.epcisBody.eventList;
    expect(byStep(events, 'packing')[0]).toMatchObject({ action: 'OBSERVE', bizStep: 'packing', quantityList: [{ epcClass: LGTIN, quantity: 98, uom: 'KGM' }], 'nguon:locationName': 'Nhà sơ chế HTX' });
    expect(byStep(events, 'shipping')[0]).toMatchObject({
      bizStep: 'shipping',
      disposition: 'in_transit',
      eventTime: `${daysAgo(1)}T10:00:00.000+07:00`,
      destinationList: [
        { type: 'owning_party', destination: 'https://id.gs1.org/417/8936001000010' },
        { type: 'location', destination: 'https://nguon.vn/location/Kho%20Postmart%20H%E1%BA%A3i%20Ph%C3%B2ng' },
      ],
      bizTransactionList: [{ bizTransaction: `urn:nguon:doc:${w.coopA.id}:PX-0001` }],
    });
    expect(byStep(events, 'receiving')[0]).toMatchObject({
      bizStep: 'receiving',
      disposition: 'in_progress',
      readPoint: { id: 'https://id.gs1.org/414/8936002000026' },
      sourceList: [{ type: 'owning_party', source: 'https://nguon.vn/party/Nh%C3%A0%20xe%20Ho%C3%A0ng%20Long' }],
      'nguon:sourcePartyName': 'Nhà xe Hoàng Long',
    });
    expect(byStep(events, 'recall')[0]).toMatchObject({ bizStep: 'holding', disposition: 'recalled', 'nguon:recallReason': 'Phát hiện dư lượng thuốc vượt ngưỡng' });
  });

  it('declares the error on the corrected shipping, pointing at the correction', async () => {
    const events: EpcisObjectEvent[] = (await exportOf(batch.id, w.tokens.managerA)).body.epcisBody.eventList;
    const original = events.find((e) => e.eventID === `urn:uuid:${shippingId}`)!;
    expect(original.errorDeclaration).toEqual({ declarationTime: expect.stringMatching(/\+07:00$/), reason: 'incorrect_data', correctiveEventIDs: [`urn:uuid:${correctionId}`] });
    expect(events.find((e) => e.eventID === `urn:uuid:${correctionId}`)!.errorDeclaration).toBeUndefined();
  });

  it('fails validation when the document is broken, so the schema check can fail', async () => {
    expect(epcisErrors(readJson('Example_9.6.1-ObjectEvent.jsonld'))).toEqual([]);
    expect(epcisErrors(readJson('Example_9.6.1-ObjectEventWithDigitalLink.jsonld'))).toEqual([]);
    const doc = (await exportOf(batch.id, w.tokens.managerA)).body;
    delete doc.epcisBody.eventList[1].eventTime;
    expect(epcisErrors(doc)).toContain("/epcisBody/eventList/1 must have required property 'eventTime'");
  });

  it('answers plain JSON when asked, and a named file with ?download=1', async () => {
    const json = await exportOf(batch.id, w.tokens.staffA).set('accept', 'application/json').expect(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toBeUndefined();
    const file = await t.http().get(`/batches/${batch.id}/epcis?download=1`).set(bearer(w.tokens.staffA)).expect(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="epcis-EP-2026_01.jsonld"');
    expect(JSON.parse(file.text).type).toBe('EPCISDocument');
    expect((await t.http().get(`/batches/${batch.id}/epcis?download=maybe`).set(bearer(w.tokens.staffA))).status).toBe(400);
  });

  it('is only for those who can see the batch', async () => {
    for (const actor of ['managerB', 'staffB', 'officerOut'] as const) {
      const res = await exportOf(batch.id, w.tokens[actor]);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await exportOf(batch.id, w.tokens.officerIn)).status).toBe(200);
    expect((await t.http().get(`/batches/${batch.id}/epcis`)).status).toBe(401);
    expect((await exportOf('00000000-0000-4000-8000-000000000000', w.tokens.admin)).status).toBe(404);
  });

  it('includes stamp commissioning from a stamp source, as SGTINs that validate', async () => {
    const serials = Array.from({ length: 3 }, (_, i) => `7Q2KX9M4T1B8${i}`);
    const source = { commissioningFor: jest.fn().mockResolvedValue([{ eventTime: new Date(`${daysAgo(1)}T12:00:00+07:00`), serials, issuanceId: 'issuance-1' }]) };
    const service = new EpcisExportService(t.app.get(HarvestBatchesService), t.app.get(TraceEventsService), t.app.get(ProductsService), t.app.get(CooperativesService), source);
    const actor = { id: w.users.managerA.id, role: Role.CooperativeManager, cooperativeId: w.coopA.id, provinceCodes: [] };
    const { document } = await service.export(actor, batch.id as string);
    expect(source.commissioningFor).toHaveBeenCalledWith(batch.id);
    expect(epcisErrors(document)).toEqual([]);
    const [stamps] = byStep(document.epcisBody.eventList, 'stamp_commissioning');
    expect(stamps).toMatchObject({ action: 'ADD', bizStep: 'commissioning', epcList: serials.map((s) => `https://id.gs1.org/01/08934588012228/21/${s}`) });
    expect(document.epcisBody.eventList.map((e) => e['nguon:step'])).toEqual(['harvesting', 'packing', 'shipping', 'shipping', 'stamp_commissioning', 'receiving', 'recall']);
  });

  it('is documented in OpenAPI with both content types', async () => {
    const doc = (await t.http().get('/docs/openapi.json').expect(200)).body;
    const op = doc.paths['/batches/{id}/epcis'].get;
    expect(op.summary).toContain('EPCIS 2.0');
    expect(Object.keys(op.responses['200'].content)).toEqual(['application/ld+json', 'application/json']);
  });
});
