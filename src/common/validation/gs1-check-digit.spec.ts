import { gs1CheckDigit, verifyGs1CheckDigit } from './gs1-check-digit';

// Check digits computed by hand with the GS1 mod-10 rule (weights 3,1,3,… from the rightmost data digit,
// check = (10 − Σ mod 10) mod 10):
//   400638133393  → Σ = 89  → 1   (GS1's published example GTIN-13 4006381333931)
//   061414100000  → Σ = 45  → 5   (GS1's published example GLN 0614141000005)
//   893458801222  → Σ = 102 → 8   (Vietnamese-prefix GTIN-13 8934588012228)
//   00614141123456789 → Σ = 120 → 0 (SSCC 006141411234567890: exercises the "Σ mod 10 = 0" case)
describe('gs1CheckDigit', () => {
  it.each([
    ['400638133393', 1],
    ['061414100000', 5],
    ['893458801222', 8],
    ['00614141123456789', 0],
    ['9501234', 6], // GTIN-8 95012346
  ])('computes the check digit of %s as %d', (data, expected) => {
    expect(gs1CheckDigit(data)).toBe(expected);
  });
});

describe('verifyGs1CheckDigit', () => {
  it.each([
    ['GS1 example GTIN-13', '4006381333931'],
    ['GS1 example GLN', '0614141000005'],
    ['Vietnamese GTIN-13', '8934588012228'],
    ['SSCC with check digit 0', '006141411234567890'],
    ['GTIN-8', '95012346'],
  ])('accepts %s %s', (_label, digits) => {
    expect(verifyGs1CheckDigit(digits)).toEqual({ ok: true });
  });

  it('rejects a wrong check digit and reports the right one', () => {
    expect(verifyGs1CheckDigit('4006381333932')).toEqual({ ok: false, expected: 1 });
    expect(verifyGs1CheckDigit('0614141000000')).toEqual({ ok: false, expected: 5 });
    expect(verifyGs1CheckDigit('8934588012220')).toEqual({ ok: false, expected: 8 });
  });

  it('detects a changed data digit', () => {
    // 4006381333941: data 400638133394 → Σ = 89 + 3 = 92 → 8
    expect(verifyGs1CheckDigit('4006381333941')).toEqual({ ok: false, expected: 8 });
  });
});
