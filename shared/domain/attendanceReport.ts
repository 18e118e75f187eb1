/**
 * Reads a meeting platform's participant report (CSV) into attendees with their minutes in the
 * call. The format is detected from the header row, wherever it sits (Teams and Zoom put a
 * summary block above it). Parsing is papaparse's (delimiter detection covers Teams' tab-separated
 * files); only the header detection and duration reading are ours.
 *
 * Layouts, from the platforms' documentation as remembered (no network to re-check here):
 * - Zoom, Reports > Usage > Participants, "Export with meeting data" off:
 *   `Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest[,Recording
 *   Consent,In Waiting Room]`; with meeting data on, a meeting summary block comes first.
 *   (support.zoom.us "Generating usage reports")
 * - Microsoft Teams attendance report (meeting chat > Attendance, .csv, often UTF-16 with tabs):
 *   "1. Summary" block (Meeting title, Attended participants, Start time, End time, Meeting
 *   duration...), then "2. Participants" with `Name, First Join, Last Leave, In-Meeting Duration,
 *   Email, Participant ID (UPN), Role`; the older layout has `Full Name, Join Time, Leave Time,
 *   Duration, Email, Role`. Durations read "1h 2m 3s". (learn.microsoft.com "Manage attendance
 *   reports")
 * - Webex Meetings attendee report: `Name,Email,Date,Invited,Registered,Join Time,Leave Time,
 *   Duration,Connection Type,...`, the duration in minutes. (help.webex.com "Attendance report")
 * - Google Meet attendance tracking (Workspace): `First name,Last name,Email,Duration,Time joined,
 *   Time exited`, and the Meet participant export `Full name,First seen,Time in call,Participant
 *   email`; durations read "1 hr 5 min" or "01:05:00". (support.google.com/meet "Track attendance")
 */
import Papa from 'papaparse';
import { fold } from './fold';

export const ATTENDANCE_FORMATS = ['zoom', 'teams', 'webex', 'meet'] as const;
export type AttendanceFormat = (typeof ATTENDANCE_FORMATS)[number];
export const ATTENDANCE_FORMAT_LABELS: Record<AttendanceFormat, string> = {
  zoom: 'Zoom',
  teams: 'Microsoft Teams',
  webex: 'Webex',
  meet: 'Google Meet',
};

export interface ReportAttendee {
  /** Stable within one report: the e-mail or the folded name. */
  key: string;
  name: string;
  email: string | null;
  /** Minutes in the call, summed over re-joins; null when the report gives no duration. */
  minutes: number | null;
}

export interface AttendanceReport {
  format: AttendanceFormat;
  attendees: ReportAttendee[];
}

export class AttendanceReportError extends Error {}

const norm = (h: unknown) =>
  String(h ?? '')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

interface Layout {
  format: AttendanceFormat;
  /** Each entry: the alternatives for one column; all entries must be present. */
  required: string[][];
  name: string[];
  firstName?: string;
  lastName?: string;
  email: string[];
  duration: string[];
  /** The unit of a bare number in the duration column. */
  bareUnit: 'minutes' | 'seconds';
}

// Most specific first: Teams' header is the most generic.
const LAYOUTS: Layout[] = [
  {
    format: 'zoom',
    required: [['name (original name)', 'name'], ['user email'], ['duration (minutes)']],
    name: ['name (original name)', 'name'],
    email: ['user email'],
    duration: ['duration (minutes)'],
    bareUnit: 'minutes',
  },
  {
    format: 'webex',
    required: [['name'], ['email'], ['invited'], ['registered'], ['duration']],
    name: ['name'],
    email: ['email'],
    duration: ['duration'],
    bareUnit: 'minutes',
  },
  {
    format: 'meet',
    required: [
      ['full name', 'participant name', 'first name'],
      ['participant email', 'email'],
      ['time in call', 'duration'],
      ['first seen', 'time joined'],
    ],
    name: ['full name', 'participant name'],
    firstName: 'first name',
    lastName: 'last name',
    email: ['participant email', 'email'],
    duration: ['time in call', 'duration'],
    bareUnit: 'minutes',
  },
  {
    format: 'teams',
    required: [
      ['full name', 'name'],
      ['join time', 'first join'],
      ['duration', 'in-meeting duration'],
      ['role'],
    ],
    name: ['full name', 'name'],
    email: ['email', 'participant id (upn)'],
    duration: ['in-meeting duration', 'duration'],
    bareUnit: 'seconds',
  },
];

const has = (headers: string[], alternatives: string[]) =>
  alternatives.some((a) => headers.includes(a));

export function detectLayout(headers: string[]): Layout | undefined {
  const h = headers.map(norm);
  return LAYOUTS.find((l) => l.required.every((alts) => has(h, alts)));
}

const UNIT_MINUTES: Record<string, number> = {
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
  s: 1 / 60,
  sec: 1 / 60,
  secs: 1 / 60,
  second: 1 / 60,
  seconds: 1 / 60,
};

/** "65", "1h 5m 3s", "1 hr 5 min", "01:05:03", "05:03" (mm:ss) -> minutes; null if unreadable. */
export function parseDuration(
  raw: string,
  bareUnit: 'minutes' | 'seconds' = 'minutes',
): number | null {
  const s = raw.trim().toLowerCase();
  if (s === '') return null;
  if (/^\d+(\.\d+)?$/.test(s)) return bareUnit === 'minutes' ? Number(s) : Number(s) / 60;
  const clock = /^(\d+):(\d{1,2})(?::(\d{1,2}))?$/.exec(s);
  if (clock) {
    const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3] ? Number(clock[3]) : null];
    return c === null ? a + b / 60 : a * 60 + b + c / 60;
  }
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('').length < s.replace(/[\s,]/g, '').length)
    return null;
  let total = 0;
  for (const [, n, unit] of parts) {
    const k = UNIT_MINUTES[unit];
    if (k === undefined) return null;
    total += Number(n) * k;
  }
  return total;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Zoom shows a renamed attendee as "New Name (Original Name)": both are tried when matching. */
export function nameVariants(name: string): string[] {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(name);
  return m && m[1] ? [name, m[1], m[2]] : [name];
}

export function readAttendanceReport(csv: string): AttendanceReport {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
    skipEmptyLines: false,
    delimitersToGuess: ['\t', ',', ';'],
  });
  const rows = parsed.data;
  const headerIndex = rows.findIndex((r) => detectLayout(r) !== undefined);
  if (headerIndex < 0)
    throw new AttendanceReportError(
      'This file is not a participant report of Zoom, Microsoft Teams, Webex or Google Meet: no header row with their columns was found.',
    );
  const headers = rows[headerIndex].map(norm);
  const layout = detectLayout(headers)!;
  const col = (alts: string[] | string | undefined) => {
    for (const a of typeof alts === 'string' ? [alts] : (alts ?? [])) {
      const i = headers.indexOf(a);
      if (i >= 0) return i;
    }
    return -1;
  };
  const nameCol = col(layout.name);
  const firstCol = col(layout.firstName);
  const lastCol = col(layout.lastName);
  const emailCols = layout.email.map((e) => col(e)).filter((i) => i >= 0);
  const durationCol = col(layout.duration);
  const byKey = new Map<string, ReportAttendee>();
  for (const row of rows.slice(headerIndex + 1)) {
    // A blank line or the next numbered section ("3. In-Meeting Activities") ends the table.
    if (row.every((c) => c.trim() === '')) {
      if (byKey.size > 0) break;
      continue;
    }
    if (row.length === 1 && /^\d+\.\s/.test(row[0].trim())) break;
    const cell = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
    const name = cell(nameCol) || [cell(firstCol), cell(lastCol)].filter(Boolean).join(' ').trim();
    const email = emailCols.map(cell).find((e) => EMAIL.test(e)) ?? null;
    if (!name && !email) continue;
    const minutes = parseDuration(cell(durationCol), layout.bareUnit);
    const key = email ? `e:${email.toLowerCase()}` : `n:${fold(name)}`;
    const seen = byKey.get(key);
    if (seen)
      seen.minutes =
        seen.minutes === null && minutes === null ? null : (seen.minutes ?? 0) + (minutes ?? 0);
    else byKey.set(key, { key, name: name || email!, email, minutes });
  }
  for (const a of byKey.values())
    if (a.minutes !== null) a.minutes = Math.round(a.minutes * 10) / 10;
  return { format: layout.format, attendees: [...byKey.values()] };
}
