// GS1 AI encodable character set 82: what a lot (AI 10) or serial (AI 21) may contain.
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

export function isCset82(value: string): boolean {
  return CSET82.test(value);
}

/** The characters of `value` outside CSET 82, each once, in order of appearance. */
export function nonCset82Characters(value: string): string[] {
  return [...new Set([...value].filter((ch) => !CSET82.test(ch)))];
}
