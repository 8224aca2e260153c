// EPCIS times carry the offset of the place where the event happened, so a reader sees the local clock
// time people recorded. Vietnam is UTC+7 all year (no daylight saving).
export const VIETNAM_OFFSET = '+07:00';

/** ISO 8601 with milliseconds in the given offset: 2026-03-02T06:00:00.000+07:00. */
export function formatWithOffset(instant: Date, offset: string = VIETNAM_OFFSET): string {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) throw new Error(`Not a time zone offset: ${offset}`);
  const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  return new Date(instant.getTime() + minutes * 60_000).toISOString().replace('Z', offset);
}
