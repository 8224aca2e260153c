import { documentId, exportFileName, isGln, itemId, locationId, lotClassId, partyId, stampEventId } from './epcis-identifiers';

describe('EPCIS identifiers', () => {
  it('uses canonical GS1 Digital Link URIs for GS1 keys', () => {
    expect(lotClassId('08934588012228', 'A&B+1', 'b1')).toBe('https://id.gs1.org/01/08934588012228/10/A%26B%2B1');
    expect(itemId('08934588012228', 'Xy7/2')).toBe('https://id.gs1.org/01/08934588012228/21/Xy7%2F2');
    expect(partyId({ name: 'Postmart', gln: '8936001000010' })).toBe('https://id.gs1.org/417/8936001000010');
    expect(locationId('8936001000010')).toBe('https://id.gs1.org/414/8936001000010');
  });

  it('falls back to our namespace without a GS1 key', () => {
    expect(lotClassId(null, 'L1', '5f0c7c2e-4a57-4d8e-9a34-0d6b1f1e2a11')).toBe('urn:nguon:lot:5f0c7c2e-4a57-4d8e-9a34-0d6b1f1e2a11');
    expect(itemId(null, 'S 1')).toBe('urn:nguon:stamp:S%201');
    expect(partyId({ name: 'HTX Tân Minh Đức', gln: null })).toBe('https://nguon.vn/party/HTX%20T%C3%A2n%20Minh%20%C4%90%E1%BB%A9c');
    expect(locationId('Số 5, đường Lạch Tray')).toBe('https://nguon.vn/location/S%E1%BB%91%205%2C%20%C4%91%C6%B0%E1%BB%9Dng%20L%E1%BA%A1ch%20Tray');
    expect(documentId('c1', 'PX-01/2')).toBe('urn:nguon:doc:c1:PX-01%2F2');
  });

  it('treats only 13 digits with a valid check digit as a GLN', () => {
    expect(isGln('8936001000010')).toBe(true);
    expect(isGln('8936001000011')).toBe(false);
    expect(isGln('893600100001')).toBe(false);
    expect(locationId('8936001000011')).toBe('https://nguon.vn/location/8936001000011');
  });

  it('gives stamp events a stable id per issuance and activation', () => {
    const at = new Date('2026-03-02T09:00:00Z');
    expect(stampEventId('iss 1', at)).toBe(`urn:nguon:stamp-commissioning:iss%201:${at.getTime()}`);
    expect(stampEventId('iss 1', at)).toBe(stampEventId('iss 1', new Date(at)));
  });

  it('makes a safe download file name from any CSET 82 lot code', () => {
    expect(exportFileName('BC-2026-001')).toBe('epcis-BC-2026-001.jsonld');
    expect(exportFileName('A"B/C;1')).toBe('epcis-A_B_C_1.jsonld');
  });
});
