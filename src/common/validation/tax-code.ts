// Vietnamese tax code (mã số thuế): 10 digits whose 10th is a check digit, optionally followed by
// "-" and a 3-digit branch number. Check digit = 10 − (Σ dᵢ·wᵢ mod 11); a result of 10 is never issued.
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export type TaxCodeCheck =
  | { ok: true; normalised: string }
  | { ok: false; reason: 'format' }
  | { ok: false; reason: 'check_digit'; expected: number | null };

export function checkTaxCode(input: string): TaxCodeCheck {
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(input.trim().replace(/\s+/g, ''));
  if (!match) return { ok: false, reason: 'format' };
  const [, main, branch] = match;
  if (branch === '000') return { ok: false, reason: 'format' };
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(main[i]), 0);
  const expected = 10 - (sum % 11);
  if (expected === 10) return { ok: false, reason: 'check_digit', expected: null };
  if (Number(main[9]) !== expected) return { ok: false, reason: 'check_digit', expected };
  return { ok: true, normalised: branch ? `${main}-${branch}` : main };
}
