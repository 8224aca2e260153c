import { checkTaxCode } from './tax-code';

// Expected check digits below were computed by hand with weights 31,29,23,19,17,13,7,5,3 and
// check = 10 − (Σ dᵢ·wᵢ mod 11):
//   030058856 → Σ = 375, 375 mod 11 = 1 → 9   (Vinamilk 0300588569)
//   010010910 → Σ = 114, 114 mod 11 = 4 → 6   (Viettel 0100109106)
//   100000008 → Σ = 31 + 24 = 55, 55 mod 11 = 0 → 10 (never issued)
describe('checkTaxCode', () => {
  it('accepts the real tax code of Vinamilk (0300588569)', () => {
    expect(checkTaxCode('0300588569')).toEqual({ ok: true, normalised: '0300588569' });
  });

  it('accepts the real tax code of Viettel (0100109106)', () => {
    expect(checkTaxCode('0100109106')).toEqual({ ok: true, normalised: '0100109106' });
  });

  it('ignores surrounding and inner whitespace', () => {
    expect(checkTaxCode('  0100 109 106 ')).toEqual({ ok: true, normalised: '0100109106' });
  });

  it('rejects a wrong last digit and reports the correct one', () => {
    expect(checkTaxCode('0300588568')).toEqual({ ok: false, reason: 'check_digit', expected: 9 });
    expect(checkTaxCode('0100109107')).toEqual({ ok: false, reason: 'check_digit', expected: 6 });
    expect(checkTaxCode('0100109100')).toEqual({ ok: false, reason: 'check_digit', expected: 6 });
  });

  it('normalises a branch code written with or without the dash to NNNNNNNNNN-BBB', () => {
    expect(checkTaxCode('0100109106-001')).toEqual({ ok: true, normalised: '0100109106-001' });
    expect(checkTaxCode('0100109106001')).toEqual({ ok: true, normalised: '0100109106-001' });
  });

  it('checks the check digit of the head office part of a branch code', () => {
    expect(checkTaxCode('0100109107-001')).toEqual({ ok: false, reason: 'check_digit', expected: 6 });
  });

  it('rejects branch number 000', () => {
    expect(checkTaxCode('0100109106-000')).toEqual({ ok: false, reason: 'format' });
    expect(checkTaxCode('0100109106000')).toEqual({ ok: false, reason: 'format' });
  });

  it.each([
    ['9 digits', '010010910'],
    ['11 digits', '01001091061'],
    ['12 digits', '010010910600'],
    ['letters', '01001O9106'],
    ['letters in branch', '0100109106-0A1'],
    ['two-digit branch', '0100109106-01'],
    ['empty', ''],
  ])('rejects %s as a format error', (_label, input) => {
    expect(checkTaxCode(input)).toEqual({ ok: false, reason: 'format' });
  });

  it('reports expected null when the check computes to 10 (such prefixes are never issued)', () => {
    for (let last = 0; last <= 9; last++) {
      expect(checkTaxCode(`100000008${last}`)).toEqual({ ok: false, reason: 'check_digit', expected: null });
    }
  });
});
