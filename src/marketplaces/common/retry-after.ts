// When no usable Retry-After comes with a 429, wait this long rather than hammering again at once.
export const DEFAULT_RETRY_AFTER_MS = 1_000;

/** Retry-After is either delta-seconds ("2") or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string | null | undefined, now: number = Date.now()): number {
  if (value == null || value.trim() === '') return DEFAULT_RETRY_AFTER_MS;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return DEFAULT_RETRY_AFTER_MS;
  return Math.max(0, at - now);
}
