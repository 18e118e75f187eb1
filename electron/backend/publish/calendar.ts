/**
 * iCalendar (RFC 5545) files from plain event descriptions: recurring events (weekly RRULE with
 * INTERVAL, COUNT or UNTIL in UTC, EXDATE), overrides of single occurrences (RECURRENCE-ID), and a
 * VTIMEZONE for every TZID, generated from the runtime's Intl data for the years the file covers.
 *
 * Reusable by every area that exports calendars (call series, single calls, onsite sessions). It only
 * formats: what goes in has already been through the redaction policy of ./policy.ts.
 *
 * Times are UTC epoch ms plus the IANA zone they are planned in. ical-generator formats a plain Date
 * in the machine's zone when an event has a TZID, so zoned times are passed as TZDate; UTC times
 * (zone 'UTC') are written with a trailing Z and no TZID.
 */
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventStatus } from 'ical-generator';
import { zoneOffsetMinutes } from '../../../shared/domain/zones';

export interface CalendarRecurrence {
  /** Weekly, every `intervalWeeks` weeks, from the event's start. */
  intervalWeeks: number;
  /** Number of occurrences (cancelled ones included), or... */
  count?: number;
  /** ...the start of the last occurrence (written in UTC). */
  until?: number;
  /** Original starts of cancelled occurrences. */
  exdates?: number[];
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
  /** 'UTC' or an IANA zone: DTSTART, DTEND, EXDATE and RECURRENCE-ID are written in it. */
  zone: string;
  status?: 'confirmed' | 'cancelled' | 'tentative';
  recurrence?: CalendarRecurrence;
  /** For an override of one occurrence: that occurrence's original start. */
  recurrenceId?: number;
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
const PRODID = '//Intersession//Intersession calendar//EN';

const isUtc = (zone: string) => zone === 'UTC' || zone === 'Etc/UTC';

/** A value ical-generator writes in `zone` (never in the machine's zone). */
const inZone = (ms: number, zone: string): Date =>
  isUtc(zone) ? new Date(ms) : new TZDate(ms, zone);

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

/** The last instant an event covers (its last occurrence's end). */
function lastInstant(e: CalendarEvent): number {
  const r = e.recurrence;
  let last = e.start;
  if (r?.until !== undefined) last = Math.max(last, r.until);
  else if (r?.count) last = e.start + (r.count - 1) * r.intervalWeeks * WEEK;
  return last + e.durationMinutes * MINUTE;
}

const STATUS = {
  confirmed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  tentative: ICalEventStatus.TENTATIVE,
};

/** The .ics text (CRLF line ends, lines folded at 75 octets). */
export function buildCalendar(input: CalendarInput): string {
  const years = input.events.flatMap((e) => [
    new Date(Math.min(e.start, e.recurrenceId ?? e.start)).getUTCFullYear(),
    new Date(lastInstant(e)).getUTCFullYear(),
  ]);
  const fromYear = years.length ? Math.min(...years) - 1 : 2000;
  const toYear = years.length ? Math.max(...years) + 1 : 2000;
  const cal = ical({
    prodId: PRODID,
    name: input.name,
    method: input.method === 'request' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (DTSTAMP and UNTIL stay in UTC); a VTIMEZONE for every event's TZID.
    timezone: { name: null, generator: (zone) => vtimezone(zone, fromYear, toYear) },
  });
  for (const e of input.events) {
    const zone = isUtc(e.zone) ? null : e.zone;
    const r = e.recurrence;
    cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: new Date(input.stamp),
      start: inZone(e.start, e.zone),
      end: inZone(e.start + e.durationMinutes * MINUTE, e.zone),
      timezone: zone,
      summary: e.summary,
      description: e.description || null,
      location: e.location || null,
      url: e.url || null,
      status: e.status ? STATUS[e.status] : null,
      recurrenceId: e.recurrenceId === undefined ? null : inZone(e.recurrenceId, e.zone),
      repeating: r
        ? {
            freq: ICalEventRepeatingFreq.WEEKLY,
            interval: r.intervalWeeks,
            ...(r.count !== undefined ? { count: r.count } : {}),
            ...(r.until !== undefined ? { until: new Date(r.until) } : {}),
            ...(r.exdates?.length ? { exclude: r.exdates.map((x) => inZone(x, e.zone)) } : {}),
          }
        : null,
    });
  }
  return `${cal.toString()}\r\n`;
}
