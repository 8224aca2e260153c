import { EpcisExportInput, ExportedTraceEvent, toEpcisDocument } from '../../src/epcis/epcis-document.mapper';
import { TraceStep } from '../../src/harvest-batches/trace-events/trace-event.entity';
import { epcisErrors, readJson } from './epcis-schema';

// Contract test: whatever the mapper can produce validates against the official GS1 schema. The e2e test
// checks a real export; this one covers shapes that are awkward to reach over HTTP (stamps, corrections,
// no GTIN or GLN, lot codes and names full of reserved characters).

const at = (local: string) => new Date(`${local}+07:00`);
let n = 0;
const event = (step: TraceStep, action: string, bizStep: string, disposition: string, overrides: Partial<ExportedTraceEvent> = {}): ExportedTraceEvent => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  step, action, bizStep, disposition,
  eventTime: at('2026-03-02T06:00:00'), eventTimeZoneOffset: '+07:00', recordTime: at('2026-03-02T06:01:00'),
  locationCode: 'VN-HPOR-0017', locationName: null, sourceParty: null, destinationParty: null,
  quantity: null, unit: null, documentNo: null, ilmd: null, notes: null, correctsEventId: null,
  ...overrides,
});

function everything(overrides: Partial<EpcisExportInput> = {}): EpcisExportInput {
  const party = { name: 'Công ty "Xanh" & Sạch / Hải Phòng', gln: null, locationCode: 'Kho số 2, ngõ 5 (Lê Chân)' };
  const shipping = event(TraceStep.Shipping, 'OBSERVE', 'shipping', 'in_transit', { destinationParty: { ...party, gln: '8936001000010' }, documentNo: 'PX 01/03#', quantity: 50, unit: 'KGM' });
  return {
    now: new Date(),
    batch: { id: '5f0c7c2e-4a57-4d8e-9a34-0d6b1f1e2a11', cooperativeId: '0b7e3a52-9d1c-4f7a-8e2b-3c4d5e6f7a8b', lotCode: `A&B+1/"x"?%`, expiryDate: '2026-04-01' },
    gtin: '08934588012228',
    cooperativeGln: '8934588000010',
    events: [
      event(TraceStep.Harvesting, 'ADD', 'commissioning', 'active', { quantity: 100, unit: 'KGM', ilmd: { harvestDate: '2026-03-01', harvestDateTo: '2026-03-02', plantingAreaCode: 'VN-HPOR-0017' } }),
      event(TraceStep.Packing, 'OBSERVE', 'packing', 'active', { locationName: 'Nhà sơ chế', notes: 'Loại bỏ lá úa' }),
      event(TraceStep.Storing, 'OBSERVE', 'storing', 'active', { locationCode: '8936002000026' }),
      event(TraceStep.Processing, 'OBSERVE', 'commissioning', 'active'),
      shipping,
      event(TraceStep.Shipping, 'OBSERVE', 'shipping', 'in_transit', { destinationParty: party, correctsEventId: shipping.id }),
      event(TraceStep.Receiving, 'OBSERVE', 'receiving', 'in_progress', { sourceParty: party, destinationParty: { name: 'HTX', gln: '8936002000026', locationCode: null } }),
      event(TraceStep.Recall, 'OBSERVE', 'holding', 'recalled', { notes: 'Dư lượng vượt ngưỡng' }),
    ],
    stampCommissioning: [
      { eventTime: at('2026-03-02T10:00:00'), serials: ['7Q2KX9M4T1B8C', 'A&B/1?', '7Q2KX9M4T1B8C'], issuanceId: 'f2c9c8a4-1111-4222-8333-944455556666' },
      { eventTime: at('2026-03-02T11:00:00'), serials: ['ZZ'], issuanceId: 'x y', gtin: '08934588099991' },
    ],
    ...overrides,
  };
}

describe('EPCIS 2.0 JSON Schema (official GS1 schema, ajv)', () => {
  it('accepts the standard’s own examples, so the validator is set up right', () => {
    expect(epcisErrors(readJson('Example_9.6.1-ObjectEvent.jsonld'))).toEqual([]);
    expect(epcisErrors(readJson('Example_9.6.1-ObjectEventWithDigitalLink.jsonld'))).toEqual([]);
  });

  it('rejects broken documents, so a passing test means something', () => {
    const example = readJson('Example_9.6.1-ObjectEvent.jsonld') as { epcisBody: { eventList: Record<string, unknown>[] } };
    const broken = (change: (e: Record<string, unknown>) => void) => {
      const copy = structuredClone(example);
      change(copy.epcisBody.eventList[0]);
      return epcisErrors(copy);
    };
    expect(broken((e) => delete e.eventTime)).toContain("/epcisBody/eventList/0 must have required property 'eventTime'");
    expect(broken((e) => (e.bizStep = 'harvesting')).length).toBeGreaterThan(0);
    expect(broken((e) => (e.eventTimeZoneOffset = '+7'))).toEqual(expect.arrayContaining([expect.stringContaining('/eventTimeZoneOffset')]));
    expect(broken((e) => (e.ilmd = { 'nguon:harvestDate': '2026-03-02' })).length).toBeGreaterThan(0); // ILMD on OBSERVE
    expect(epcisErrors({ ...(example as object), '@context': undefined })).toContain("/ must have required property '@context'");
  });

  it('accepts everything the mapper produces', () => {
    const doc = toEpcisDocument(everything());
    expect(doc.epcisBody.eventList).toHaveLength(10);
    expect(epcisErrors(doc)).toEqual([]);
  });

  it('accepts the export of a product without GTIN from a cooperative without GLN', () => {
    expect(epcisErrors(toEpcisDocument(everything({ gtin: null, cooperativeGln: null })))).toEqual([]);
  });
});
