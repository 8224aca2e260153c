import { validate } from 'class-validator';
import fc from 'fast-check';
import { gs1CheckDigit, verifyGs1CheckDigit } from '../../src/common/validation/gs1-check-digit';
import { IsGs1Key } from '../../src/common/validation/validators';
import { isGln } from '../../src/epcis/epcis-identifiers';
import { checkGtin, toGtin14 } from '../../src/products/gtin';
import { IsGtin } from '../../src/products/product-validators';
import { plainToInstance } from 'class-transformer';
import { digits, gs1CheckDigitByTrial, gs1KeyIsValid, sprinkle, unicodeText } from './oracles';

// GS1 mod-10 keys (GTIN-8/12/13/14, GLN, SSCC) against the whole-key rule of oracles.ts.

/** Data digits of a GTIN-8, GTIN-12, GTIN-13 / GLN, GTIN-14 or SSCC (the key without its check digit). */
const keyData = fc.constantFrom(7, 11, 12, 13, 17).chain((n) => digits(n));
const withCheck = (data: string) => data + gs1CheckDigitByTrial(data);
const validGtin = fc
  .constantFrom(7, 11, 12, 13)
  .chain((n) => digits(n))
  .map(withCheck)
  .filter((g) => !/^0+$/.test(g));

class GlnHolder {
  @IsGs1Key(13, 'GLN')
  gln!: unknown;
}

class GtinHolder {
  @IsGtin()
  gtin!: unknown;
}

describe('GS1 check digits (property)', () => {
  it('appending the computed check digit always yields a valid key', () => {
    fc.assert(
      fc.property(keyData, (data) => {
        const key = data + gs1CheckDigit(data);
        expect(gs1KeyIsValid(key)).toBe(true);
        expect(verifyGs1CheckDigit(key)).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('detects every single-digit substitution and names the right check digit', () => {
    fc.assert(
      fc.property(keyData.map(withCheck), fc.nat(), fc.integer({ min: 1, max: 9 }), (key, at, shift) => {
        const i = at % key.length;
        const changed = key.slice(0, i) + ((Number(key[i]) + shift) % 10) + key.slice(i + 1);
        expect(gs1KeyIsValid(changed)).toBe(false);
        expect(verifyGs1CheckDigit(changed)).toEqual({ ok: false, expected: gs1CheckDigitByTrial(changed.slice(0, -1)) });
      }),
      { numRuns: 300 },
    );
  });

  it('detects an adjacent transposition exactly when the two digits differ by other than 5', () => {
    // The known blind spot of weights 3/1: swapping a and b changes the sum by 2(a − b), a multiple of 10 iff |a − b| = 5.
    fc.assert(
      fc.property(keyData.map(withCheck), fc.nat(), (key, at) => {
        const i = at % (key.length - 1);
        const [a, b] = [Number(key[i]), Number(key[i + 1])];
        fc.pre(a !== b);
        const swapped = key.slice(0, i) + b + a + key.slice(i + 2);
        expect(verifyGs1CheckDigit(swapped).ok).toBe(Math.abs(a - b) === 5);
      }),
      { numRuns: 300 },
    );
  });
});

describe('GTIN normalisation (property)', () => {
  it('stores any valid GTIN-8/12/13/14 as its zero-padded GTIN-14, however it is spaced or padded', () => {
    const spacing = fc.constantFrom('', '', '', ' ', '  ', '\t');
    fc.assert(
      fc.property(
        validGtin.chain((g) => fc.tuple(fc.constant(g), sprinkle(g, spacing))),
        ([gtin, typed]) => {
          const gtin14 = gtin.padStart(14, '0');
          expect(checkGtin(typed)).toEqual({ ok: true, gtin14 });
          expect(gs1KeyIsValid(gtin14)).toBe(true);
          // Every shorter form it can be padded from maps to the same key.
          for (const n of [8, 12, 13, 14].filter((len) => len >= gtin.length)) expect(toGtin14(gtin.padStart(n, '0'))).toBe(gtin14);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a wrong check digit with the expected digit and a corrected GTIN that passes', () => {
    fc.assert(
      fc.property(validGtin, fc.integer({ min: 1, max: 9 }), (gtin, shift) => {
        const wrong = gtin.slice(0, -1) + ((Number(gtin.at(-1)) + shift) % 10);
        const result = checkGtin(wrong);
        expect(result).toEqual({ ok: false, reason: 'check_digit', expected: Number(gtin.at(-1)), corrected: gtin });
        expect(toGtin14(wrong)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary input, and accepts only digit strings of a GTIN length with a valid check digit', () => {
    const input = fc.oneof(fc.string(), unicodeText(), digits(0, 16), validGtin);
    fc.assert(
      fc.property(input, (typed) => {
        const result = checkGtin(typed);
        const compact = typed.replace(/\s+/g, '');
        const shaped = /^\d+$/.test(compact) && [8, 12, 13, 14].includes(compact.length);
        if (result.ok) {
          expect(shaped && gs1KeyIsValid(compact) && !/^0+$/.test(compact)).toBe(true);
          expect(result.gtin14).toBe(compact.padStart(14, '0'));
        } else {
          expect(result.reason).toBe(!shaped ? 'format' : /^0+$/.test(compact) ? 'zero' : 'check_digit');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('IsGtin turns any accepted form into the GTIN-14 and rejects the rest with a message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(validGtin, digits(8, 14), fc.string()), async (typed) => {
        const dto = plainToInstance(GtinHolder, { gtin: typed });
        const errors = await validate(dto);
        const expected = toGtin14(typed);
        if (expected) {
          expect(errors).toEqual([]);
          expect(dto.gtin).toBe(expected);
        } else {
          expect(errors.map((e) => e.property)).toEqual(['gtin']);
          expect(Object.values(errors[0].constraints ?? {}).join()).toMatch(/^gtin: /);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('GLN (property)', () => {
  const gln = digits(12).map(withCheck);

  it('IsGs1Key(13) and isGln accept exactly the 13-digit keys with a valid check digit', async () => {
    const input = fc.oneof(gln, digits(13), digits(11, 14), fc.string(), fc.integer());
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const expected = typeof value === 'string' && /^\d{13}$/.test(value) && gs1KeyIsValid(value);
        const errors = await validate(Object.assign(new GlnHolder(), { gln: value }));
        expect(errors.length === 0).toBe(expected);
        if (typeof value === 'string') expect(isGln(value)).toBe(expected);
        if (!expected && typeof value === 'string' && /^\d{13}$/.test(value)) {
          // The message names the digit that would make it valid.
          expect(errors[0].constraints?.isGs1Key).toContain(`the last digit should be ${gs1CheckDigitByTrial(value.slice(0, 12))}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
