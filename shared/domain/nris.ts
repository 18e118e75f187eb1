/**
 * National and Regional IGF Initiatives (NRIs) and the BPF's onsite sessions at their events
 * (DOMAIN.md). Vocabulary plus the pure conversion between a venue's wall-clock time and the UTC
 * instant that is stored. Conversions go through @date-fns/tz, never the machine's local zone.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const NRI_KINDS = ['national', 'sub_regional', 'regional', 'youth'] as const;
export type NriKind = (typeof NRI_KINDS)[number];
export const NRI_KIND_LABELS: Record<NriKind, string> = {
  national: 'National',
  sub_regional: 'Sub-regional',
  regional: 'Regional',
  youth: 'Youth',
};

export const SESSION_FORMATS = ['workshop', 'roundtable', 'open_forum'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export const SESSION_FORMAT_LABELS: Record<SessionFormat, string> = {
  workshop: 'Workshop',
  roundtable: 'Roundtable',
  open_forum: 'Open forum',
};

export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
};

export const SESSION_ATTENDANCE_STATUSES = ['attended', 'apologies', 'absent'] as const;
export type SessionAttendanceStatus = (typeof SESSION_ATTENDANCE_STATUSES)[number];
export const SESSION_ATTENDANCE_LABELS: Record<SessionAttendanceStatus, string> = {
  attended: 'Attended',
  apologies: 'Apologies',
  absent: 'Absent',
};

/** A wall-clock time of day, 'HH:mm' (24-hour). */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The moment a venue's clock shows `date` ('YYYY-MM-DD') at `time` ('HH:mm'): UTC epoch ms. */
export function venueTimeToInstant(date: string, time: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new TZDate(y, m - 1, d, hh, mm, zone).getTime();
}

/** What a clock in `zone` shows at the instant `ms`: date 'YYYY-MM-DD' and time 'HH:mm'. */
export function instantToVenueTime(ms: number, zone: string): { date: string; time: string } {
  const local = new TZDate(ms, zone);
  return { date: format(local, 'yyyy-MM-dd'), time: format(local, 'HH:mm') };
}

/**
 * True when the venue's clock really shows this time on this date: false inside the hour skipped
 * when clocks go forward (e.g. 02:30 on the day daylight-saving time starts).
 */
export function venueTimeExists(date: string, time: string, zone: string): boolean {
  const back = instantToVenueTime(venueTimeToInstant(date, time, zone), zone);
  return back.date === date && back.time === time;
}

/** The UTC offset of `zone` at `ms`, as shown next to a time ('UTC−03:00', 'UTC+05:45'). */
export function utcOffsetLabel(ms: number, zone: string): string {
  const offset = format(new TZDate(ms, zone), 'xxx');
  return offset === '+00:00' ? 'UTC' : `UTC${offset.replace('-', '−')}`;
}
