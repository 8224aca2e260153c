import { backoffDelayMs } from './listing-job-settings';

describe('backoff with jitter', () => {
  const settings = { backoffBaseMs: 1_000, backoffMaxMs: 60_000 };

  it('doubles per attempt, keeps half fixed and half random, and caps', () => {
    expect(backoffDelayMs(settings, 1, () => 0)).toBe(500);
    expect(backoffDelayMs(settings, 1, () => 1)).toBe(1_000);
    expect(backoffDelayMs(settings, 3, () => 0)).toBe(2_000);
    expect(backoffDelayMs(settings, 3, () => 1)).toBe(4_000);
    expect(backoffDelayMs(settings, 20, () => 1)).toBe(60_000);
  });

  it('spreads retries of many listings over the window', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(settings, 4)));
    expect(delays.size).toBeGreaterThan(20);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(4_000);
      expect(d).toBeLessThanOrEqual(8_000);
    }
  });
});
