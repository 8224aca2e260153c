import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import fc from 'fast-check';
import { checkTaxCode } from '../../src/common/validation/tax-code';
import { IsVnPhone, IsVnTaxCode } from '../../src/common/validation/validators';
import { normaliseVnPhone } from '../../src/common/validation/vn-phone';
import { phoneFromNumber, taxCodeFromNumber } from '../../src/onboarding/kinds/column-spec';
import { digits, sprinkle, taxCheckDigitByTrial, unicodeText } from './oracles';

// Tax codes (mã số thuế) against the congruence of oracles.ts; phone numbers against how they are written.

const nineWithCheck = digits(9).filter((nine) => taxCheckDigitByTrial(nine) !== null);
const taxCode = nineWithCheck.map((nine) => nine + taxCheckDigitByTrial(nine));
const branch = fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0'));
const whitespace = fc.constantFrom('', '', '', ' ', '\t', '\u00a0', '\n');

class TaxHolder {
  @IsVnTaxCode()
  taxCode!: unknown;
}

class PhoneHolder {
  @IsVnPhone()
  phone!: unknown;
}

describe('tax code (property)', () => {
  it('accepts every generated code, with or without a branch, dash and stray whitespace, in one normalised form', () => {
    const written = fc.tuple(taxCode, fc.option(branch), fc.boolean()).chain(([main, br, dash]) => {
      const normalised = br ? `${main}-${br}` : main;
      const typed = br ? `${main}${dash ? '-' : ''}${br}` : main;
      return fc.tuple(fc.constant(normalised), sprinkle(typed, whitespace));
    });
    fc.assert(
      fc.property(written, ([normalised, typed]) => {
        expect(checkTaxCode(typed)).toEqual({ ok: true, normalised });
        expect(checkTaxCode(normalised)).toEqual({ ok: true, normalised });
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the check-digit congruence on every 10-digit string, naming the expected digit', () => {
    fc.assert(
      fc.property(fc.oneof(digits(10), taxCode), (code) => {
        const expected = taxCheckDigitByTrial(code.slice(0, 9));
        const result = checkTaxCode(code);
        if (expected === Number(code[9])) expect(result).toEqual({ ok: true, normalised: code });
        else expect(result).toEqual({ ok: false, reason: 'check_digit', expected });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text, and whatever it accepts is canonical and accepted again unchanged', () => {
    const input = fc.oneof(fc.string(), unicodeText(), fc.string({ unit: fc.constantFrom(...'0123456789- \t') }));
    fc.assert(
      fc.property(input, (typed) => {
        const result = checkTaxCode(typed);
        if (!result.ok) return;
        expect(result.normalised).toMatch(/^\d{10}(-(?!000)\d{3})?$/);
        expect(taxCheckDigitByTrial(result.normalised.slice(0, 9))).toBe(Number(result.normalised[9]));
        expect(checkTaxCode(result.normalised)).toEqual(result);
        // Only whitespace and the branch dash may be dropped from what was typed.
        expect(typed.replace(/[\s-]/g, '')).toBe(result.normalised.replace('-', ''));
      }),
      { numRuns: 300 },
    );
  });

  it('IsVnTaxCode accepts what checkTaxCode accepts, and says which digit is expected otherwise', async () => {
    const input = fc.oneof(taxCode, digits(10), fc.string(), fc.integer());
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const errors = await validate(Object.assign(new TaxHolder(), { taxCode: value }));
        const result = typeof value === 'string' ? checkTaxCode(value) : null;
        expect(errors.length === 0).toBe(result?.ok === true);
        if (result && !result.ok && result.reason === 'check_digit' && result.expected !== null) {
          expect(errors[0].constraints?.isVnTaxCode).toContain(`the 10th digit should be ${result.expected}`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gets back the leading zero Excel drops from a tax code typed into a number cell', () => {
    fc.assert(
      fc.property(taxCode, (code) => {
        expect(checkTaxCode(taxCodeFromNumber(Number(code)))).toEqual({ ok: true, normalised: code });
      }),
      { numRuns: 200 },
    );
  });
});

// National significant numbers: mobile 9 digits starting 3/5/7/8/9, landline 10 digits starting 2.
const mobile = fc.tuple(fc.constantFrom('3', '5', '7', '8', '9'), digits(8)).map(([a, b]) => a + b);
const landline = digits(9).map((rest) => `2${rest}`);
const national = fc.oneof(mobile, landline);
const separator = fc.constantFrom('', '', '', ' ', '.', '-', '(', ')', ' - ');
const E164_VN = /^\+84([35789]\d{8}|2\d{9})$/;

describe('Vietnamese phone numbers (property)', () => {
  it('normalises 0…, 84… and +84… forms with any spacing, dots, dashes and brackets to one E.164 number', () => {
    const written = fc.tuple(national, fc.constantFrom('0', '84', '+84')).chain(([n, prefix]) =>
      fc.tuple(fc.constant(n), sprinkle(prefix + n, separator), whitespace, whitespace),
    );
    fc.assert(
      fc.property(written, ([n, typed, before, after]) => {
        expect(normaliseVnPhone(before + typed + after)).toBe(`+84${n}`);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws; whatever it returns is E.164, a fixed point, and made of the digits that were typed', () => {
    const phoneish = fc.string({ unit: fc.constantFrom(...'0123456789+ .-()84'), maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(fc.string(), unicodeText(), phoneish), (typed) => {
        const result = normaliseVnPhone(typed);
        if (result === null) return;
        expect(result).toMatch(E164_VN);
        expect(normaliseVnPhone(result)).toBe(result);
        const nsn = result.slice(3);
        expect(['0' + nsn, '84' + nsn, '+84' + nsn]).toContain(typed.replace(/[\s.\-()]/g, ''));
      }),
      { numRuns: 1000 },
    );
  });

  it('IsVnPhone stores the E.164 form of every valid number and refuses what normaliseVnPhone refuses', async () => {
    const input = fc.oneof(national.map((n) => `0${n}`), national.map((n) => `+84 ${n}`), fc.string(), fc.integer());
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const dto = plainToInstance(PhoneHolder, { phone: value });
        const errors = await validate(dto);
        const expected = typeof value === 'string' ? normaliseVnPhone(value) : null;
        expect(errors.length === 0).toBe(expected !== null);
        if (expected) expect(dto.phone).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('gets back the leading zero Excel drops from a phone number typed into a number cell', () => {
    fc.assert(
      fc.property(national, fc.constantFrom('0', '84'), (n, prefix) => {
        expect(normaliseVnPhone(phoneFromNumber(Number(prefix + n)))).toBe(`+84${n}`);
      }),
      { numRuns: 200 },
    );
  });
});
