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

/**
 * How a wall-clock time maps onto instants in a zone:
 * - `exact`: one instant;
 * - `gap`: none (clocks jump over it); `utc` is RFC 5545's reading (the offset from before the gap),
 *   `nextValid` the first instant after the gap (its wall time is the gap's end, e.g. 03:00);
 * - `fold`: two (clocks go back); `earlier` and `later` with their offsets.
 */
export type LocalResolution =
  | { kind: 'exact'; utc: number; offset: number }
  | {
      kind: 'gap';
      utc: number;
      offsetBefore: number;
      offsetAfter: number;
      nextValid: number;
    }
  | { kind: 'fold'; earlier: number; later: number; offsetEarlier: number; offsetLater: number };

/**
 * Candidate offsets come from a day before and after the naive instant (as Temporal's
 * GetPossibleInstantsFor does): every zone's offset is within -12 h..+14 h, so a window of 12 h
 * misses the true offset in zones more than 12 h ahead (Chatham, Auckland in summer, Kiritimati).
 */
export function resolveLocal(zone: string, wall: WallTime): LocalResolution {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  if (zone === 'UTC' || zone === 'Etc/UTC') return { kind: 'exact', utc: asUtc, offset: 0 };
  const before = zoneOffsetMinutes(zone, asUtc - DAY);
  const after = zoneOffsetMinutes(zone, asUtc + DAY);
  const candidates = [...new Set([before, zoneOffsetMinutes(zone, asUtc), after])];
  const valid = candidates
    .map((o) => ({ utc: asUtc - o * MINUTE, offset: o }))
    .filter((c) => zoneOffsetMinutes(zone, c.utc) === c.offset)
    .sort((a, b) => a.utc - b.utc);
  const distinct = valid.filter((c, i) => i === 0 || c.utc !== valid[i - 1].utc);
  if (distinct.length === 1) return { kind: 'exact', ...distinct[0] };
  if (distinct.length >= 2) {
    const [e, l] = [distinct[0], distinct[distinct.length - 1]];
    return {
      kind: 'fold',
      earlier: e.utc,
      later: l.utc,
      offsetEarlier: e.offset,
      offsetLater: l.offset,
    };
  }
  // A gap: the transition lies between asUtc - after (still the old offset) and asUtc - before.
  let lo = asUtc - after * MINUTE;
  let hi = asUtc - before * MINUTE;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (zoneOffsetMinutes(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return {
    kind: 'gap',
    utc: asUtc - before * MINUTE,
    offsetBefore: before,
    offsetAfter: after,
    nextValid: hi,
  };
}

/** The instant of a wall-clock time in `zone` (gaps and overlaps as in RFC 5545, see above). */
export function zonedTimeToUtc(zone: string, wall: WallTime): number {
  const r = resolveLocal(zone, wall);
  return r.kind === 'fold' ? r.earlier : r.utc;
}

/** Which of the two instants of a repeated wall time is meant. */
export type Fold = 'earlier' | 'later';

/** A wall time that cannot be used as given: it does not exist, or it exists twice. */
export class LocalTimeError extends Error {
  constructor(
    message: string,
    readonly kind: 'gap' | 'fold',
  ) {
    super(message);
  }
}

const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '28 March 2027' */
export function formatLongDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${LONG_MONTHS[m - 1]} ${y}`;
}

/** 'Berlin' from 'Europe/Berlin', 'St Johns' from 'America/St_Johns'. */
export function placeName(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/**
 * The instant of a wall time chosen by a person: a time in a gap is refused (naming the next valid
 * time), a time in the repeated hour needs `fold` (the error names both UTC offsets).
 */
export function chosenLocalToUtc(zone: string, date: string, time: string, fold?: Fold): number {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const r = resolveLocal(zone, { year, month, day, hour, minute });
  if (r.kind === 'exact') return r.utc;
  if (r.kind === 'gap') {
    // The wall clock reads `start` just before the change and `end` just after it.
    const old = new Date(r.nextValid + r.offsetBefore * MINUTE);
    const start = `${pad(old.getUTCHours())}:${pad(old.getUTCMinutes())}`;
    const end = timeIn(zone, r.nextValid);
    throw new LocalTimeError(
      `${time} does not exist on ${formatLongDate(date)} in ${placeName(zone)}; clocks go from ` +
        `${start} to ${end}. Choose ${end} or later.`,
      'gap',
    );
  }
  if (fold === 'earlier') return r.earlier;
  if (fold === 'later') return r.later;
  throw new LocalTimeError(
    `${time} happens twice on ${formatLongDate(date)} in ${placeName(zone)} (clocks go back): ` +
      `choose the earlier (UTC${formatOffset(r.offsetEarlier)}) or the later ` +
      `(UTC${formatOffset(r.offsetLater)}).`,
    'fold',
  );
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
