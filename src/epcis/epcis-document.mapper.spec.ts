import { TraceStep } from '../harvest-batches/trace-events/trace-event.entity';
import { EPCIS_CONTEXT, EpcisExportInput, ExportedTraceEvent, toEpcisDocument } from './epcis-document.mapper';
import type { EpcisObjectEvent } from './epcis.types';

const BATCH_ID = '5f0c7c2e-4a57-4d8e-9a34-0d6b1f1e2a11';
const COOP_ID = '0b7e3a52-9d1c-4f7a-8e2b-3c4d5e6f7a8b';
const LGTIN = 'https://id.gs1.org/01/08934588012228/10/BC-2026-001';

// Harvest at 06:00 on 2 March in Vietnam is still 1 March in UTC: the export must show the local day.
const vn = (local: string) => new Date(`${local}+07:00`);

function traceEvent(step: TraceStep, overrides: Partial<ExportedTraceEvent> = {}): ExportedTraceEvent {
  const cbv: Record<string, [string, string, string]> = {
    harvesting: ['ADD', 'commissioning', 'active'],
    packing: ['OBSERVE', 'packing', 'active'],
    shipping: ['OBSERVE', 'shipping', 'in_transit'],
    receiving: ['OBSERVE', 'receiving', 'in_progress'],
    recall: ['OBSERVE', 'holding', 'recalled'],
  };
  const [action, bizStep, disposition] = cbv[step];
  return {
    id: `00000000-0000-4000-8000-${String(Object.keys(cbv).indexOf(step)).padStart(12, '0')}`,
    step,
    action,
    bizStep,
    disposition,
    eventTime: vn('2026-03-02T06:00:00'),
    eventTimeZoneOffset: '+07:00',
    recordTime: vn('2026-03-02T06:05:00'),
    locationCode: 'VN-HPOR-0017',
    locationName: null,
    sourceParty: null,
    destinationParty: null,
    quantity: null,
    unit: null,
    documentNo: null,
    ilmd: null,
    notes: null,
    correctsEventId: null,
    ...overrides,
  };
}

const harvest = traceEvent(TraceStep.Harvesting, {
  eventTime: vn('2026-03-02T00:00:00'),
  locationName: 'Cánh đồng Trường Tân',
  quantity: 100,
  unit: 'KGM',
  ilmd: { harvestDate: '2026-03-02', harvestDateTo: null, plantingAreaCode: 'VN-HPOR-0017' },
});
const packing = traceEvent(TraceStep.Packing, { eventTime: vn('2026-03-02T14:00:00'), locationCode: 'VNHPPH-0001', quantity: 98.5, unit: 'KGM' });
const shipping = traceEvent(TraceStep.Shipping, {
  eventTime: vn('2026-03-03T07:30:00'),
  locationCode: 'VNHPPH-0001',
  destinationParty: { name: 'Bưu điện Hải Phòng (Postmart)', gln: '8936001000010', locationCode: 'Kho Postmart Hải Phòng' },
  documentNo: 'PX-0001/03',
});
const receiving = traceEvent(TraceStep.Receiving, {
  eventTime: vn('2026-03-03T15:00:00'),
  locationCode: '8936002000026',
  sourceParty: { name: 'Nhà xe Hoàng Long', gln: null, locationCode: null },
});
const recall = traceEvent(TraceStep.Recall, { eventTime: vn('2026-03-05T09:00:00'), notes: 'Phát hiện dư lượng thuốc vượt ngưỡng' });

function input(overrides: Partial<EpcisExportInput> = {}): EpcisExportInput {
  return {
    now: new Date('2026-03-06T03:00:00Z'),
    batch: { id: BATCH_ID, cooperativeId: COOP_ID, lotCode: 'BC-2026-001', expiryDate: '2026-03-20' },
    gtin: '08934588012228',
    cooperativeGln: '8934588000010',
    events: [harvest, packing, shipping, receiving, recall],
    stampCommissioning: [],
    ...overrides,
  };
}

const eventsOf = (i: EpcisExportInput) => toEpcisDocument(i).epcisBody.eventList;
const byStep = (events: EpcisObjectEvent[], step: string) => events.find((e) => e['nguon:step'] === step)!;

describe('toEpcisDocument', () => {
  it('wraps the events in an EPCIS 2.0 document with our namespace in the context', () => {
    const doc = toEpcisDocument(input());
    expect(doc).toMatchObject({
      '@context': [EPCIS_CONTEXT, { nguon: 'https://nguon.vn/epcis/' }],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-03-06T10:00:00.000+07:00',
    });
    expect(doc.epcisBody.eventList.map((e) => e['nguon:step'])).toEqual(['harvesting', 'packing', 'shipping', 'receiving', 'recall']);
  });

  it('exports the harvest as an ObjectEvent ADD commissioning the lot, with harvest date and area code as ILMD', () => {
    const event = byStep(eventsOf(input()), 'harvesting');
    expect(event).toEqual({
      type: 'ObjectEvent',
      eventID: `urn:uuid:${harvest.id}`,
      eventTime: '2026-03-02T00:00:00.000+07:00',
      eventTimeZoneOffset: '+07:00',
      recordTime: '2026-03-02T06:05:00.000+07:00',
      action: 'ADD',
      quantityList: [{ epcClass: LGTIN, quantity: 100, uom: 'KGM' }],
      bizStep: 'commissioning',
      disposition: 'active',
      readPoint: { id: 'https://nguon.vn/location/VN-HPOR-0017' },
      bizLocation: { id: 'https://id.gs1.org/414/8934588000010' },
      ilmd: {
        'cbvmda:harvestStartDate': '2026-03-02',
        'cbvmda:harvestEndDate': '2026-03-02',
        'cbvmda:lotNumber': 'BC-2026-001',
        'cbvmda:countryOfOrigin': 'VN',
        'cbvmda:itemExpirationDate': '2026-03-20',
        'nguon:harvestDate': '2026-03-02',
        'nguon:plantingAreaCode': 'VN-HPOR-0017',
      },
      'nguon:step': 'harvesting',
      'nguon:locationName': 'Cánh đồng Trường Tân',
    });
  });

  it('keeps a multi-day harvest range in the ILMD', () => {
    const ranged = traceEvent(TraceStep.Harvesting, { ilmd: { harvestDate: '2026-03-01', harvestDateTo: '2026-03-03', plantingAreaCode: 'VN-HPOR-0017' } });
    const { ilmd } = eventsOf(input({ events: [ranged] }))[0];
    expect(ilmd).toMatchObject({ 'cbvmda:harvestStartDate': '2026-03-01', 'cbvmda:harvestEndDate': '2026-03-03', 'nguon:harvestDateTo': '2026-03-03' });
  });

  it('shows every time in Vietnam time with +07:00, whatever the server clock', () => {
    const late = traceEvent(TraceStep.Packing, { eventTime: new Date('2026-03-01T23:30:00Z'), recordTime: new Date('2026-03-01T23:31:00.250Z') });
    const event = eventsOf(input({ events: [late] }))[0];
    expect(event.eventTime).toBe('2026-03-02T06:30:00.000+07:00');
    expect(event.recordTime).toBe('2026-03-02T06:31:00.250+07:00');
    expect(event.eventTimeZoneOffset).toBe('+07:00');
  });

  it('exports packing as an OBSERVE of the lot where it happened, without ILMD', () => {
    const event = byStep(eventsOf(input()), 'packing');
    expect(event).toMatchObject({
      action: 'OBSERVE',
      bizStep: 'packing',
      disposition: 'active',
      quantityList: [{ epcClass: LGTIN, quantity: 98.5, uom: 'KGM' }],
      readPoint: { id: 'https://nguon.vn/location/VNHPPH-0001' },
      bizLocation: { id: 'https://nguon.vn/location/VNHPPH-0001' },
    });
    expect(event.ilmd).toBeUndefined();
  });

  it('gives shipping its destination party and location (one step forward) and the delivery note', () => {
    const event = byStep(eventsOf(input()), 'shipping');
    expect(event).toMatchObject({
      bizStep: 'shipping',
      disposition: 'in_transit',
      quantityList: [{ epcClass: LGTIN }],
      readPoint: { id: 'https://nguon.vn/location/VNHPPH-0001' },
      destinationList: [
        { type: 'owning_party', destination: 'https://id.gs1.org/417/8936001000010' },
        { type: 'location', destination: 'https://nguon.vn/location/Kho%20Postmart%20H%E1%BA%A3i%20Ph%C3%B2ng' },
      ],
      bizTransactionList: [{ bizTransaction: `urn:nguon:doc:${COOP_ID}:PX-0001%2F03` }],
      'nguon:destinationPartyName': 'Bưu điện Hải Phòng (Postmart)',
      'nguon:documentNo': 'PX-0001/03',
    });
    // Goods in transit are at no business location.
    expect(event.bizLocation).toBeUndefined();
    expect(event.sourceList).toBeUndefined();
  });

  it('gives receiving its source party (one step back), named in our namespace when it has no GLN', () => {
    const event = byStep(eventsOf(input()), 'receiving');
    expect(event).toMatchObject({
      bizStep: 'receiving',
      disposition: 'in_progress',
      readPoint: { id: 'https://id.gs1.org/414/8936002000026' },
      bizLocation: { id: 'https://id.gs1.org/414/8936002000026' },
      sourceList: [{ type: 'owning_party', source: 'https://nguon.vn/party/Nh%C3%A0%20xe%20Ho%C3%A0ng%20Long' }],
      'nguon:sourcePartyName': 'Nhà xe Hoàng Long',
    });
    expect(event.destinationList).toBeUndefined();
  });

  it('exports a recall with disposition recalled and the reason', () => {
    expect(byStep(eventsOf(input()), 'recall')).toMatchObject({
      action: 'OBSERVE',
      bizStep: 'holding',
      disposition: 'recalled',
      quantityList: [{ epcClass: LGTIN }],
      bizLocation: { id: 'https://id.gs1.org/414/8934588000010' },
      'nguon:recallReason': 'Phát hiện dư lượng thuốc vượt ngưỡng',
    });
  });

  it('declares the error on a corrected event and lists the events that correct it', () => {
    const fix1 = traceEvent(TraceStep.Shipping, { ...shipping, id: '00000000-0000-4000-8000-0000000000f1', recordTime: vn('2026-03-04T08:00:00'), correctsEventId: shipping.id });
    const fix2 = traceEvent(TraceStep.Shipping, { ...shipping, id: '00000000-0000-4000-8000-0000000000f2', recordTime: vn('2026-03-04T09:00:00'), correctsEventId: shipping.id });
    const events = eventsOf(input({ events: [harvest, shipping, fix1, fix2] }));
    expect(events.find((e) => e.eventID === `urn:uuid:${shipping.id}`)!.errorDeclaration).toEqual({
      declarationTime: '2026-03-04T08:00:00.000+07:00',
      reason: 'incorrect_data',
      correctiveEventIDs: [`urn:uuid:${fix1.id}`, `urn:uuid:${fix2.id}`],
    });
    // The corrections themselves are ordinary events.
    expect(events.filter((e) => e.errorDeclaration)).toHaveLength(1);
  });

  describe('stamp commissioning', () => {
    const stamps = { eventTime: vn('2026-03-02T16:00:00'), serials: ['7Q2KX9M4T1B8C', 'A&B/1', '7Q2KX9M4T1B8C'], issuanceId: 'iss-1' };

    it('commissions one SGTIN per stamp, with the lot as ILMD, in time order among the trace events', () => {
      const events = eventsOf(input({ stampCommissioning: [stamps] }));
      expect(events.map((e) => e['nguon:step'])).toEqual(['harvesting', 'packing', 'stamp_commissioning', 'shipping', 'receiving', 'recall']);
      expect(byStep(events, 'stamp_commissioning')).toEqual({
        type: 'ObjectEvent',
        eventID: `urn:nguon:stamp-commissioning:iss-1:${stamps.eventTime.getTime()}`,
        eventTime: '2026-03-02T16:00:00.000+07:00',
        eventTimeZoneOffset: '+07:00',
        action: 'ADD',
        epcList: ['https://id.gs1.org/01/08934588012228/21/7Q2KX9M4T1B8C', 'https://id.gs1.org/01/08934588012228/21/A%26B%2F1'],
        bizStep: 'commissioning',
        disposition: 'active',
        bizLocation: { id: 'https://id.gs1.org/414/8934588000010' },
        ilmd: { 'cbvmda:lotNumber': 'BC-2026-001', 'nguon:stampIssuanceId': 'iss-1' },
        'nguon:step': 'stamp_commissioning',
      });
    });

    it('emits every serial of a large issuance, one event per activation, and skips empty ones', () => {
      const serials = Array.from({ length: 12_000 }, (_, i) => `S${String(i).padStart(12, '0')}`);
      const events = eventsOf(
        input({
          events: [harvest],
          stampCommissioning: [
            { eventTime: vn('2026-03-03T08:00:00'), serials, issuanceId: 'iss-2' },
            { eventTime: vn('2026-03-03T09:00:00'), serials: ['LATE000000001'], issuanceId: 'iss-2' },
            { eventTime: vn('2026-03-03T10:00:00'), serials: [], issuanceId: 'iss-3' },
          ],
        }),
      );
      expect(events).toHaveLength(3);
      expect(events[1].epcList).toHaveLength(12_000);
      expect(events[1].eventID).not.toBe(events[2].eventID);
    });

    it('uses the GTIN printed on the stamps when given, and our namespace without any GTIN', () => {
      const printed = eventsOf(input({ events: [], stampCommissioning: [{ ...stamps, gtin: '08934588099991' }] }))[0];
      expect(printed.epcList![0]).toBe('https://id.gs1.org/01/08934588099991/21/7Q2KX9M4T1B8C');
      const none = eventsOf(input({ events: [], gtin: null, cooperativeGln: null, stampCommissioning: [stamps] }))[0];
      expect(none.epcList).toEqual(['urn:nguon:stamp:7Q2KX9M4T1B8C', 'urn:nguon:stamp:A%26B%2F1']);
      expect(none.bizLocation).toBeUndefined();
    });
  });

  it('identifies the lot in our namespace and locates the harvest by its planting-area code without GTIN or GLN', () => {
    const event = eventsOf(input({ gtin: null, cooperativeGln: null }))[0];
    expect(event.quantityList).toEqual([{ epcClass: `urn:nguon:lot:${BATCH_ID}`, quantity: 100, uom: 'KGM' }]);
    expect(event.readPoint).toEqual({ id: 'https://nguon.vn/location/VN-HPOR-0017' });
    expect(event.bizLocation).toEqual({ id: 'https://nguon.vn/location/VN-HPOR-0017' });
  });
});
