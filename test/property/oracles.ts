import fc from 'fast-check';

// Independent re-statements of the rules under test, written from the standards rather than from the
// code in src/, so that a property compares two implementations instead of one with itself.

/**
 * GS1 General Specifications §7.9.1, stated as a whole-key check: with weights 1 on the check digit and
 * alternately 3, 1, 3… going left, the weighted sum of all digits of a valid key is a multiple of 10.
 */
export function gs1KeyIsValid(key: string): boolean {
  if (!/^\d{2,}$/.test(key)) return false;
  let sum = 0;
  for (let i = 0; i < key.length; i++) {
    const fromRight = key.length - 1 - i; // 0 = the check digit
    sum += Number(key[i]) * (fromRight % 2 === 0 ? 1 : 3);
  }
  return sum % 10 === 0;
}

/** The digit that makes `data + digit` a valid key, found by trying all ten. */
export function gs1CheckDigitByTrial(data: string): number {
  for (let d = 0; d <= 9; d++) if (gs1KeyIsValid(data + d)) return d;
  throw new Error('unreachable: exactly one digit completes a GS1 key');
}

/** GS1 General Specifications Figure 7.11-1: AI encodable character set 82, listed one by one. */
export const CSET82_CHARS = [
  '!', '"', '%', '&', "'", '(', ')', '*', '+', ',', '-', '.', '/',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
  ':', ';', '<', '=', '>', '?',
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z',
  '_',
  'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z',
];
export const CSET82 = new Set(CSET82_CHARS);

/** Crockford's base32: the 36 digits and capitals minus I, L, O and U (https://www.crockford.com/base32.html). */
export const CROCKFORD = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((c) => !'ILOU'.includes(c)).join('');

/**
 * Vietnamese tax code (mã số thuế), stated as a congruence rather than as a formula: with weights 31, 29, 23, 19, 17, 13, 7, 5, 3 on the first nine digits, the tenth digit d satisfies
 * Σ + d ≡ 10 (mod 11). Returns the digit, or null when no digit 0–9 satisfies it.
 */
export function taxCheckDigitByTrial(nine: string): number | null {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const sum = [...nine].reduce((acc, ch, i) => acc + Number(ch) * weights[i], 0);
  for (let d = 0; d <= 9; d++) if ((sum + d) % 11 === 10) return d;
  return null;
}

export const digits = (min: number, max = min) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Inserts strings produced by `filler` at random places of `s`. */
export const sprinkle = (s: string, filler: fc.Arbitrary<string>) => {
  const chars = [...s];
  return fc
    .array(filler, { minLength: chars.length + 1, maxLength: chars.length + 1 })
    .map((fill) => chars.map((ch, i) => fill[i] + ch).join('') + fill[chars.length]);
};

/**
 * Any Unicode scalar value (every code point but the surrogates) as a one-character string. Same domain as
 * fast-check's `unit: 'binary'`, which takes seconds to set up in each test file.
 */
export const unicodeChar = fc.integer({ min: 0, max: 0x10ffff - 0x800 }).map((n) => String.fromCodePoint(n >= 0xd800 ? n + 0x800 : n));
export const unicodeText = (constraints: { minLength?: number; maxLength?: number } = {}) => fc.string({ unit: unicodeChar, ...constraints });
