// GS1 mod-10 check digit (GTIN, GLN, SSCC): weights 3,1,3,… from the rightmost data digit.
export function gs1CheckDigit(dataDigits: string): number {
  let sum = 0;
  for (let i = dataDigits.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) {
    sum += Number(dataDigits[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

export type Gs1CheckResult = { ok: true } | { ok: false; expected: number };

export function verifyGs1CheckDigit(digits: string): Gs1CheckResult {
  const expected = gs1CheckDigit(digits.slice(0, -1));
  return Number(digits.at(-1)) === expected ? { ok: true } : { ok: false, expected };
}
