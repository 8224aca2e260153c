import { formatVnDate } from '../common/time/vn-date';

// Dates and times as the origin page shows them: dd/mm/yyyy in Vietnamese, "22 Nov 2026" in English,
// always on the Vietnamese wall clock.

// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact for every
// instant the page can show, and cheaper per request than Intl with a time zone.
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// Date.parse alone is lenient ("vụ đông 2026" parses as 1 January): accept ISO 8601 instants only.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Wall-clock parts in Asia/Ho_Chi_Minh; null for a string that is not a date or instant. */
function vnParts(value: string): { date: string; time: string } | null {
  if (DATE_ONLY.test(value)) return { date: value, time: '' };
  const ms = ISO_INSTANT.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms + VN_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

function enDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${EN_MONTHS[Number(m) - 1]} ${y}`;
}

// A value we cannot parse is shown as sent rather than hidden: a raw date beats a missing one.
export const viDate = (value: string) => {
  const p = vnParts(value);
  return p ? formatVnDate(p.date) : value;
};
export const enDateOf = (value: string) => {
  const p = vnParts(value);
  return p ? enDate(p.date) : value;
};
export const viDateTime = (value: string, joiner: string) => {
  const p = vnParts(value);
  if (!p) return value;
  return p.time ? `${p.time}${joiner}${formatVnDate(p.date)}` : formatVnDate(p.date);
};
export const enDateTime = (value: string, joiner: string) => {
  const p = vnParts(value);
  if (!p) return value;
  return p.time ? `${enDate(p.date)}${joiner}${p.time}` : enDate(p.date);
};
