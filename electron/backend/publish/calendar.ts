/**
 * iCalendar (RFC 5545) files from plain event descriptions: recurring events (weekly RRULE with
 * INTERVAL, COUNT or UNTIL in UTC, EXDATE), overrides of single occurrences (RECURRENCE-ID), and a
 * VTIMEZONE for every TZID, generated from the runtime's Intl data for the years the file covers.
 *
 * Reusable by every area that exports calendars (call series, single calls, onsite sessions). It only
 * formats: what goes in has already been through the redaction policy of ./policy.ts.
 *
 * Hand-written serialiser (ical-generator was used before): ical-generator writes every date-time of
 * an event in one zone and derives the wall time from the instant, so it cannot write a series
 * whose nominal time falls in a gap (02:30 on the spring-forward day came out as 03:30, shifting
 * every later call by an hour), nor a RECURRENCE-ID in the series' zone for a call moved to another
 * zone, nor the later of two repeated wall times. Here:
 * - a recurring event's DTSTART, EXDATEs and RECURRENCE-IDs are its NOMINAL wall times in its zone
 *   (what the RRULE generates), and its length is a DURATION (exact, so never zero in a fold);
 * - a single event (override or one call) is written in its own zone, or in UTC when its start or
 *   end wall time does not exist or exists twice there (a TZID wall time cannot say which);
 * - zone 'UTC' is written with a trailing Z and no TZID.
 * Text is escaped (backslash, semicolon, comma, newline) and lines are folded at 75 octets without
 * splitting a character (RFC 5545 3.1, 3.3.11).
 */
import { resolveLocal, wallTimeAt, type WallTime } from '../../../shared/domain/zones';
import { zoneOffsetMinutes } from '../../../shared/domain/zones';

/** An occurrence named by its instant (read as wall time in the series' zone) or its nominal wall time. */
export type RecurrenceRef = number | WallTime;

export interface CalendarRecurrence {
  /** Weekly, every `intervalWeeks` weeks, from the event's start. */
  intervalWeeks: number;
  /** Number of occurrences (cancelled ones included), or... */
  count?: number;
  /** ...the start of the last occurrence (written in UTC). */
  until?: number;
  /** Original starts of cancelled occurrences. */
  exdates?: RecurrenceRef[];
}

export interface CalendarEvent {
  /** Stable across exports: the same series or call always has the same UID. */
  uid: string;
  sequence: number;
  summary: string;
  description?: string;
  /** A place or a meeting link. */
  location?: string;
  url?: string;
  /** Start, UTC epoch ms. */
  start: number;
  durationMinutes: number;
  /** 'UTC' or an IANA zone: DTSTART and DTEND (or DURATION) are written in it. */
  zone: string;
  /** A recurring event's nominal first wall time in `zone`, when it is not the wall time of `start`. */
  startWall?: WallTime;
  status?: 'confirmed' | 'cancelled' | 'tentative';
  recurrence?: CalendarRecurrence;
  /** For an override of one occurrence: that occurrence's original start (or nominal wall time)... */
  recurrenceId?: RecurrenceRef;
  /** ...in the series' zone (default: `zone`). */
  recurrenceIdZone?: string;
  /** Reminders: minutes before the start, each written as a display VALARM. */
  alarms?: number[];
}

export interface CalendarInput {
  name: string;
  /** PUBLISH (a calendar to subscribe to or import) or REQUEST (an invitation). */
  method?: 'publish' | 'request';
  /** DTSTAMP of every event: when the file was made. */
  stamp: number;
  events: CalendarEvent[];
}

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;
const PRODID = '-//Intersession//Intersession calendar//EN';
const CRLF = '\r\n';

const isUtc = (zone: string) => zone === 'UTC' || zone === 'Etc/UTC';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(minutes));
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** Wall time 'YYYYMMDDTHHMMSS' of an instant at a fixed offset. */
function localStamp(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * MINUTE);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

export interface ZoneTransition {
  at: number;
  from: number;
  to: number;
}

/** The instants in [from, to) when `zone`'s UTC offset changes (found by scanning, to the minute). */
export function zoneTransitions(zone: string, from: number, to: number): ZoneTransition[] {
  const out: ZoneTransition[] = [];
  const step = 12 * 60 * MINUTE;
  let t = from;
  let offset = zoneOffsetMinutes(zone, t);
  while (t < to) {
    const next = Math.min(t + step, to);
    const nextOffset = zoneOffsetMinutes(zone, next);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (zoneOffsetMinutes(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return out;
}

/**
 * A VTIMEZONE for `zone` covering the years [fromYear, toYear]: one component for the offset at the
 * start of the range, then one STANDARD or DAYLIGHT component per transition, each with its own
 * DTSTART (local time before the change, as RFC 5545 wants). No RRULEs: explicit onsets are what
 * the zone really did, and every reader understands them.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const initial = zoneOffsetMinutes(zone, start);
  const transitions = zoneTransitions(zone, start, end);
  const kind = (from: number, to: number) => (to > from ? 'DAYLIGHT' : 'STANDARD');
  const firstKind =
    transitions.length > 0 && transitions[0].to < transitions[0].from ? 'DAYLIGHT' : 'STANDARD';
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    `BEGIN:${firstKind}`,
    `DTSTART:${localStamp(start, initial)}`,
    `TZOFFSETFROM:${formatOffset(initial)}`,
    `TZOFFSETTO:${formatOffset(initial)}`,
    `END:${firstKind}`,
  ];
  for (const tr of transitions) {
    const k = kind(tr.from, tr.to);
    lines.push(
      `BEGIN:${k}`,
      `DTSTART:${localStamp(tr.at, tr.from)}`,
      `TZOFFSETFROM:${formatOffset(tr.from)}`,
      `TZOFFSETTO:${formatOffset(tr.to)}`,
      `END:${k}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

const stampOf = (w: WallTime) =>
  `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}00`;
const utcStamp = (ms: number) => `${localStamp(ms, 0)}Z`;

/** The instant an occurrence reference stands for, read in `zone` as RFC 5545 does. */
function refInstant(ref: RecurrenceRef, zone: string): number {
  if (typeof ref === 'number') return ref;
  const r = resolveLocal(zone, ref);
  return r.kind === 'fold' ? r.earlier : r.utc;
}

/** `NAME;TZID=zone:wall` or `NAME:utcZ` for an occurrence reference in a recurring event's zone. */
function refProperty(name: string, ref: RecurrenceRef, zone: string): string {
  if (isUtc(zone)) return `${name}:${utcStamp(refInstant(ref, zone))}`;
  const wall = typeof ref === 'number' ? wallTimeAt(zone, ref) : ref;
  return `${name};TZID=${zone}:${stampOf(wall)}`;
}

/** True when the wall time of `ms` in `zone` names exactly one instant. */
function unambiguousAt(zone: string, ms: number): boolean {
  return resolveLocal(zone, wallTimeAt(zone, ms)).kind === 'exact';
}

/** RFC 5545 TEXT escaping. */
const escapeText = (s: string) =>
  s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');

/** Folds a content line at 75 octets, never inside a UTF-8 sequence or a surrogate pair. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/** The last instant an event covers (its last occurrence's end). */
function lastInstant(e: CalendarEvent): number {
  const r = e.recurrence;
  let last = e.start;
  if (r?.until !== undefined) last = Math.max(last, r.until);
  else if (r?.count) last = e.start + (r.count - 1) * r.intervalWeeks * WEEK;
  return last + e.durationMinutes * MINUTE + 2 * 60 * MINUTE;
}

const STATUS = { confirmed: 'CONFIRMED', cancelled: 'CANCELLED', tentative: 'TENTATIVE' };

function eventLines(e: CalendarEvent, stamp: number): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utcStamp(stamp)}`,
  ];
  const end = e.start + e.durationMinutes * MINUTE;
  const r = e.recurrence;
  if (r) {
    // The RRULE repeats the nominal wall time; DURATION keeps every occurrence's length exact.
    lines.push(refProperty('DTSTART', e.startWall ?? e.start, e.zone));
    lines.push(`DURATION:PT${e.durationMinutes}M`);
    const rule = [`FREQ=WEEKLY`];
    if (r.count !== undefined) rule.push(`COUNT=${r.count}`);
    rule.push(`INTERVAL=${r.intervalWeeks}`);
    if (r.until !== undefined) rule.push(`UNTIL=${utcStamp(r.until)}`);
    lines.push(`RRULE:${rule.join(';')}`);
    for (const x of r.exdates ?? []) lines.push(refProperty('EXDATE', x, e.zone));
  } else if (isUtc(e.zone) || !unambiguousAt(e.zone, e.start) || !unambiguousAt(e.zone, end)) {
    lines.push(`DTSTART:${utcStamp(e.start)}`, `DTEND:${utcStamp(end)}`);
  } else {
    const off = (ms: number) => zoneOffsetMinutes(e.zone, ms);
    lines.push(
      `DTSTART;TZID=${e.zone}:${localStamp(e.start, off(e.start))}`,
      `DTEND;TZID=${e.zone}:${localStamp(end, off(end))}`,
    );
  }
  if (e.recurrenceId !== undefined)
    lines.push(refProperty('RECURRENCE-ID', e.recurrenceId, e.recurrenceIdZone ?? e.zone));
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.status) lines.push(`STATUS:${STATUS[e.status]}`);
  if (e.url) lines.push(`URL:${e.url.replace(/[\r\n]/g, '')}`);
  // RFC 5545 3.6.6: a DISPLAY alarm needs ACTION, TRIGGER and DESCRIPTION; the trigger is relative
  // to the start, so every occurrence of a recurring event gets it.
  for (const minutes of [...new Set(e.alarms ?? [])].sort((a, b) => b - a))
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(`Reminder: ${e.summary}`)}`,
      `TRIGGER:-PT${minutes}M`,
      'END:VALARM',
    );
  lines.push('END:VEVENT');
  return lines;
}

/** The .ics text (CRLF line ends, lines folded at 75 octets). */
export function buildCalendar(input: CalendarInput): string {
  const firsts = input.events.map((e) =>
    Math.min(
      e.start,
      e.recurrenceId === undefined
        ? e.start
        : refInstant(e.recurrenceId, e.recurrenceIdZone ?? e.zone),
    ),
  );
  const years = [
    ...firsts.map((t) => new Date(t - 2 * 24 * 60 * MINUTE).getUTCFullYear()),
    ...input.events.map((e) => new Date(lastInstant(e)).getUTCFullYear()),
  ];
  const fromYear = years.length ? Math.min(...years) - 1 : 2000;
  const toYear = years.length ? Math.max(...years) + 1 : 2000;
  const zones = new Set<string>();
  for (const e of input.events) {
    if (!isUtc(e.zone)) zones.add(e.zone);
    if (e.recurrenceIdZone && !isUtc(e.recurrenceIdZone)) zones.add(e.recurrenceIdZone);
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method === 'request' ? 'REQUEST' : 'PUBLISH'}`,
    `NAME:${escapeText(input.name)}`,
    `X-WR-CALNAME:${escapeText(input.name)}`,
    ...[...zones].sort().flatMap((z) => vtimezone(z, fromYear, toYear).split(CRLF)),
    ...input.events.flatMap((e) => eventLines(e, input.stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
