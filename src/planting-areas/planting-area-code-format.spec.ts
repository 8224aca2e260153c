import { CodeStyle } from './planting-area-kinds';
import { partsOf, readPlantingAreaCode } from './planting-area-code-format';

describe('readPlantingAreaCode', () => {
  it('parses the numeric TCCS 774 style with pre-2025 unit codes', () => {
    expect(readPlantingAreaCode('VN-66-650-24370-94-21')).toEqual({
      code: 'VN-66-650-24370-94-21',
      parsed: { style: 'tccs774', provinceCode: '66', districtCode: '650', communeCode: '24370', facility: '94', year: 2021 },
    });
  });

  it('accepts a four-digit year and spaces around the dashes', () => {
    expect(readPlantingAreaCode(' vn - 66 - 650 - 24370 - 94 - 2021 ')).toMatchObject({
      code: 'VN-66-650-24370-94-2021',
      parsed: { style: 'tccs774', year: 2021 },
    });
  });

  it('parses export orchard codes and writes them canonically', () => {
    const expected = { code: 'VN-DTOR-0017', parsed: { style: 'export_orchard', province: 'DT', sequence: '0017' } };
    expect(readPlantingAreaCode('VN-DTOR-0017')).toEqual(expected);
    expect(readPlantingAreaCode('  vn-dtor-0017 ')).toEqual(expected);
    expect(readPlantingAreaCode('VN DTOR 0017')).toEqual(expected);
    expect(readPlantingAreaCode('VNDTOR0017')).toEqual(expected);
    expect(readPlantingAreaCode('VN\u2013DTOR\u20130017')).toEqual(expected); // en dashes
  });

  it('parses packing-house codes in their observed spelling', () => {
    const expected = { code: 'VNDTPH-0001', parsed: { style: 'export_packing_house', province: 'DT', sequence: '0001' } };
    expect(readPlantingAreaCode('VNDTPH-0001')).toEqual(expected);
    expect(readPlantingAreaCode('vndtph-0001')).toEqual(expected);
    expect(readPlantingAreaCode('VN-DTPH-0001')).toEqual(expected);
  });

  it('splits province abbreviations that themselves end like the kind marker', () => {
    expect(readPlantingAreaCode('VN-BPPH-0002').parsed).toEqual({ style: 'export_packing_house', province: 'BP', sequence: '0002' });
    expect(readPlantingAreaCode('VN-HCMOR-123').parsed).toEqual({ style: 'export_orchard', province: 'HCM', sequence: '123' });
  });

  it('keeps unknown shapes as typed, tidied, with style unknown', () => {
    expect(readPlantingAreaCode('  msvt   hb-0012/2023 ')).toEqual({ code: 'MSVT HB-0012/2023', parsed: { style: 'unknown' } });
    expect(readPlantingAreaCode('VN-66-650-2437-94-21').parsed.style).toBe('unknown'); // commune code has 5 digits
    expect(readPlantingAreaCode('VN-DTXX-0017').parsed.style).toBe('unknown');
  });

  it('stores parts without the style, and nothing for unknown codes', () => {
    expect(partsOf(readPlantingAreaCode('VN-DTOR-0017').parsed)).toEqual({ province: 'DT', sequence: '0017' });
    expect(partsOf({ style: CodeStyle.Unknown })).toBeNull();
  });
});
