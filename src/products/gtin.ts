import { verifyGs1CheckDigit } from '../common/validation/gs1-check-digit';

// GTIN as printed under barcodes: EAN-8, UPC-A (12), EAN-13 or GTIN-14. Stored as 14 digits (GTIN-14 with
// leading zeros) so that one trade item has one key however it was typed; zero-padding keeps the check
// digit valid because GS1 weights run from the right.
export const GTIN_LENGTHS = [8, 12, 13, 14] as const;

export type GtinCheck =
  | { ok: true; gtin14: string }
  | { ok: false; reason: 'format' | 'zero' }
  | { ok: false; reason: 'check_digit'; expected: number; corrected: string };

export function checkGtin(input: string): GtinCheck {
  const digits = input.replace(/\s+/g, '');
  if (!/^\d+$/.test(digits) || !(GTIN_LENGTHS as readonly number[]).includes(digits.length)) return { ok: false, reason: 'format' };
  // All zeros passes mod-10 but is the placeholder people type when they have no barcode.
  if (/^0+$/.test(digits)) return { ok: false, reason: 'zero' };
  const check = verifyGs1CheckDigit(digits);
  if (!check.ok) return { ok: false, reason: 'check_digit', expected: check.expected, corrected: digits.slice(0, -1) + check.expected };
  return { ok: true, gtin14: digits.padStart(14, '0') };
}

/** The 14-digit form of a valid GTIN, or null. */
export const toGtin14 = (input: string): string | null => {
  const check = checkGtin(input);
  return check.ok ? check.gtin14 : null;
};
