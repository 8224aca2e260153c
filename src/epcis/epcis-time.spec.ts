import { formatWithOffset } from './epcis-time';

describe('formatWithOffset', () => {
  it('writes the Vietnamese clock time with +07:00 by default', () => {
    expect(formatWithOffset(new Date('2026-03-01T23:00:00Z'))).toBe('2026-03-02T06:00:00.000+07:00');
  });

  it('writes other offsets, and refuses what is not one', () => {
    expect(formatWithOffset(new Date('2026-03-01T23:00:00Z'), '-06:00')).toBe('2026-03-01T17:00:00.000-06:00');
    expect(formatWithOffset(new Date('2026-03-01T23:00:00Z'), '+05:45')).toBe('2026-03-02T04:45:00.000+05:45');
    expect(() => formatWithOffset(new Date(), 'GMT+7')).toThrow('Not a time zone offset');
  });

  it('names the same instant', () => {
    const instant = new Date('2026-06-15T12:34:56.789Z');
    expect(new Date(formatWithOffset(instant)).getTime()).toBe(instant.getTime());
  });
});
