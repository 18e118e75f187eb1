/**
 * Time-zone arithmetic on UTC epoch milliseconds and IANA zones, from the runtime's Intl data.
 * Nothing here reads the machine's local zone: every function takes the zone it works in.
 *
 * Local wall times that do not exist or exist twice follow RFC 5545 (3.3.5), so a plan computed here
 * expands to the same instants as the calendar files we write:
 * - in a gap (spring forward), the wall time is read with the offset from before the gap
 *   (02:30 in Berlin on the last Sunday of March is 01:30 UTC, i.e. 03:30 CEST);
 * - in an overlap (fall back), the first of the two instants is taken.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(zone: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in minutes (Asia/Kathmandu: 345; New York in July: -240). */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  const name = offsetFormat(zone)
    .formatToParts(new Date(utcMs))
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /^GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/.exec(name ?? '');
  if (!m) throw new Error(`Cannot read the offset of ${zone}: ${name}`);
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0) + Number(m[4] ?? 0) / 60;
  return m[1] === '-' ? -minutes : minutes;
}

/** A wall-clock date and time (no zone). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock time in `zone` at an instant. */
export function wallTimeAt(zone: string, utcMs: number): WallTime & { weekday: number } {
  const d = new Date(utcMs + zoneOffsetMinutes(zone, utcMs) * MINUTE);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

/** The instant of a wall-clock time in `zone` (gaps and overlaps as in RFC 5545, see above). */
export function zonedTimeToUtc(zone: string, wall: WallTime): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = zoneOffsetMinutes(zone, asUtc - DAY / 2);
  const after = zoneOffsetMinutes(zone, asUtc + DAY / 2);
  const valid = [...new Set([before, after])]
    .map((o) => asUtc - o * MINUTE)
    .filter((u) => zoneOffsetMinutes(zone, u) * MINUTE === asUtc - u)
    .sort((a, b) => a - b);
  if (valid.length > 0) return valid[0];
  // A wall time inside a gap: read it with the offset from before the gap.
  return asUtc - before * MINUTE;
}

/** 'YYYY-MM-DD' + 'HH:mm' in `zone` -> UTC epoch ms. */
export function localToUtc(zone: string, date: string, time: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return zonedTimeToUtc(zone, { year, month, day, hour, minute });
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' of an instant in `zone`. */
export function isoDateIn(zone: string, utcMs: number): string {
  const w = wallTimeAt(zone, utcMs);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** 'HH:mm' of an instant in `zone`. */
export function timeIn(zone: string, utcMs: number): string {
  const w = wallTimeAt(zone, utcMs);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** Calendar-date arithmetic on 'YYYY-MM-DD' (no zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** '+05:45', '-03:00', '+00:00'. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(minutes));
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'Wed 4 Mar 2026, 14:00' in `zone` (English, 24-hour clock; independent of the machine). */
export function formatInZone(zone: string, utcMs: number): string {
  const w = wallTimeAt(zone, utcMs);
  return `${WEEKDAYS[w.weekday]} ${w.day} ${MONTHS[w.month - 1]} ${w.year}, ${pad(w.hour)}:${pad(w.minute)}`;
}

/** 'UTC' or 'Europe/Berlin (UTC+01:00)' at that instant. */
export function zoneLabel(zone: string, utcMs: number): string {
  if (zone === 'UTC') return 'UTC';
  return `${zone} (UTC${formatOffset(zoneOffsetMinutes(zone, utcMs))})`;
}

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
