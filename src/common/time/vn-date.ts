// Dates that people write (harvest day, decision date) are Vietnamese calendar dates: a harvest at
// 06:00 on 2 March in Hải Phòng is 2 March, even though it is still 1 March in UTC.
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in Vietnam as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Vietnamese calendar date of an instant. */
export function vietnamDateOf(instant: Date): string {
  return todayInVietnam(instant);
}

/** YYYY-MM-DD plus n days (n may be negative). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Formats YYYY-MM-DD the Vietnamese way: 02/03/2026. */
export function formatVnDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
