import { normaliseVnPhone } from './vn-phone';

describe('normaliseVnPhone', () => {
  it.each([
    ['0912 345 678', '+84912345678'],
    ['+84 912.345.678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['0912-345-678', '+84912345678'],
    ['  0386 123 456  ', '+84386123456'],
    ['(024) 3825 1234', '+842438251234'],
    ['+84 24 3825 1234', '+842438251234'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normaliseVnPhone(input)).toBe(expected);
  });

  it.each([
    ['too short', '123'],
    ['old 01x mobile prefix (abolished)', '0123456789'],
    ['old 11-digit 01x mobile', '01234567890'],
    ['a US number', '+1 415 555 0100'],
    ['mobile with one digit too many', '09123456789'],
    ['mobile with one digit too few', '091234567'],
    ['letters', '0912 ABC 678'],
    ['empty', ''],
    ['blank', '   '],
  ])('rejects %s (%j)', (_label, input) => {
    expect(normaliseVnPhone(input)).toBeNull();
  });
});
