// Vietnamese phone numbers to E.164. Mobile: 0 + 9 digits starting 3/5/7/8/9; landline: 0 + 2 + 9 digits.
// Accepts the ways people write them: "0912 345 678", "+84 912.345.678", "84912345678", "(024) 3825 1234".
export function normaliseVnPhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  const national = /^\+84(\d+)$/.exec(compact)?.[1] ?? /^84(\d{9,10})$/.exec(compact)?.[1] ?? /^0(\d+)$/.exec(compact)?.[1];
  if (!national) return null;
  const mobile = /^[35789]\d{8}$/.test(national);
  const landline = /^2\d{9}$/.test(national);
  return mobile || landline ? `+84${national}` : null;
}
