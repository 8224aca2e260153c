import { checkGtin, toGtin14 } from './gtin';

// Vectors from gs1/gs1-syntax-engine src/c-lib/syntax/lint_csum.c (domain.md §4.2); "invalid" is the
// same key with its last digit + 1.
describe('checkGtin', () => {
  it.each([
    ['GTIN-8', '02345673', '00000002345673'],
    ['GTIN-12', '416000336108', '00416000336108'],
    ['GTIN-13', '1234567890128', '01234567890128'],
    ['GTIN-14', '12345678901231', '12345678901231'],
    ['Vietnamese GTIN-13 with spaces', ' 893 4588 01222 8 ', '08934588012228'],
  ])('accepts the %s %j and stores %s', (_label, input, gtin14) => {
    expect(checkGtin(input)).toEqual({ ok: true, gtin14 });
  });

  it.each([
    ['02345674', 3, '02345673'],
    ['416000336109', 8, '416000336108'],
    ['1234567890129', 8, '1234567890128'],
    ['12345678901232', 1, '12345678901231'],
    ['8934588012220', 8, '8934588012228'],
  ])('rejects %s and names the expected digit %d', (input, expected, corrected) => {
    expect(checkGtin(input)).toEqual({ ok: false, reason: 'check_digit', expected, corrected });
  });

  it.each([
    ['9 digits', '123456789'],
    ['11 digits', '12345678901'],
    ['15 digits', '123456789012345'],
    ['SSCC (18 digits)', '123456789012345675'],
    ['letters', '893458801222A'],
    ['hyphens', '893-4588-012228'],
    ['empty', ''],
  ])('rejects %s as a format error', (_label, input) => {
    expect(checkGtin(input)).toEqual({ ok: false, reason: 'format' });
  });

  it('rejects an all-zero placeholder even though its check digit is right', () => {
    expect(checkGtin('0000000000000')).toEqual({ ok: false, reason: 'zero' });
  });

  it('pads to 14 and keeps the check digit valid', () => {
    expect(toGtin14('02345673')).toBe('00000002345673');
    expect(toGtin14('02345674')).toBeNull();
  });
});
