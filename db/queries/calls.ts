import type { Db } from '../open';
import { stmt } from './statements';

/* ---- call_series ---- */

export interface CallSeriesRecord {
  id: string;
  forumId: string;
  title: string;
  firstDate: string;
  cadenceWeeks: number;
  endDate: string | null;
  occurrenceCount: number | null;
  durationMinutes: number;
  /** JSON array of {time, zone}. */
  slots: string;
  meetingLink: string;
  description: string;
  /** JSON array of minutes before the start. */
  reminders: string;
  sequence: number;
  createdAt: number;
  updatedAt: number;
}

const SERIES_COLUMNS: [keyof CallSeriesRecord, string][] = [
  ['id', 'id'],
  ['forumId', 'forum_id'],
  ['title', 'title'],
  ['firstDate', 'first_date'],
  ['cadenceWeeks', 'cadence_weeks'],
  ['endDate', 'end_date'],
  ['occurrenceCount', 'occurrence_count'],
  ['durationMinutes', 'duration_minutes'],
  ['slots', 'slots'],
  ['meetingLink', 'meeting_link'],
  ['description', 'description'],
  ['reminders', 'reminders'],
  ['sequence', 'sequence'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
];
const SERIES_SELECT = SERIES_COLUMNS.map(([k, c]) => `${c} AS ${k}`).join(', ');

export function upsertSeries(db: Db, r: CallSeriesRecord): void {
  stmt(
    db,
    `INSERT INTO call_series (${SERIES_COLUMNS.map(([, c]) => c).join(', ')})
     VALUES (${SERIES_COLUMNS.map(([k]) => `@${k}`).join(', ')})
     ON CONFLICT(id) DO UPDATE SET ${SERIES_COLUMNS.filter(([k]) => k !== 'id' && k !== 'forumId')
       .map(([k, c]) => `${c} = @${k}`)
       .join(', ')}`,
  ).run(r);
}

export function getSeries(db: Db, id: string): CallSeriesRecord | undefined {
  return stmt(db, `SELECT ${SERIES_SELECT} FROM call_series WHERE id = ?`).get(id) as
    CallSeriesRecord | undefined;
}

export function listSeries(db: Db, forumId: string): CallSeriesRecord[] {
  return stmt(
    db,
    `SELECT ${SERIES_SELECT} FROM call_series WHERE forum_id = ? ORDER BY first_date, id`,
  ).all(forumId) as CallSeriesRecord[];
}

export function bumpSeriesSequence(db: Db, id: string, updatedAt: number): void {
  stmt(db, 'UPDATE call_series SET sequence = sequence + 1, updated_at = ? WHERE id = ?').run(
    updatedAt,
    id,
  );
}

/* ---- calls ---- */

export interface CallRecord {
  id: string;
  forumId: string;
  seriesId: string | null;
  occurrenceIndex: number | null;
  originalStartAt: number | null;
  startAt: number;
  durationMinutes: number;
  zone: string;
  title: string;
  status: string;
  moved: number;
  minutes: string;
  sequence: number;
  createdAt: number;
  updatedAt: number;
}

const CALL_COLUMNS: [keyof CallRecord, string][] = [
  ['id', 'id'],
  ['forumId', 'forum_id'],
  ['seriesId', 'series_id'],
  ['occurrenceIndex', 'occurrence_index'],
  ['originalStartAt', 'original_start_at'],
  ['startAt', 'start_at'],
  ['durationMinutes', 'duration_minutes'],
  ['zone', 'zone'],
  ['title', 'title'],
  ['status', 'status'],
  ['moved', 'moved'],
  ['minutes', 'minutes'],
  ['sequence', 'sequence'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
];
const CALL_SELECT = CALL_COLUMNS.map(([k, c]) => `${c} AS ${k}`).join(', ');

export function upsertCall(db: Db, r: CallRecord): void {
  stmt(
    db,
    `INSERT INTO calls (${CALL_COLUMNS.map(([, c]) => c).join(', ')})
     VALUES (${CALL_COLUMNS.map(([k]) => `@${k}`).join(', ')})
     ON CONFLICT(id) DO UPDATE SET ${CALL_COLUMNS.filter(([k]) => k !== 'id' && k !== 'forumId')
       .map(([k, c]) => `${c} = @${k}`)
       .join(', ')}`,
  ).run(r);
}

export function getCall(db: Db, id: string): CallRecord | undefined {
  return stmt(db, `SELECT ${CALL_SELECT} FROM calls WHERE id = ?`).get(id) as
    CallRecord | undefined;
}

export function listSeriesCalls(db: Db, seriesId: string): CallRecord[] {
  return stmt(
    db,
    `SELECT ${CALL_SELECT} FROM calls WHERE series_id = ? ORDER BY occurrence_index, start_at`,
  ).all(seriesId) as CallRecord[];
}

export function listForumCalls(db: Db, forumId: string): CallRecord[] {
  return stmt(db, `SELECT ${CALL_SELECT} FROM calls WHERE forum_id = ? ORDER BY start_at, id`).all(
    forumId,
  ) as CallRecord[];
}

export function deleteCall(db: Db, id: string): void {
  stmt(db, 'DELETE FROM calls WHERE id = ?').run(id);
}

/** Number of calls and start of the next scheduled one, per series of a forum. */
export function seriesCallStats(
  db: Db,
  forumId: string,
  now: number,
): { seriesId: string; callCount: number; nextCallAt: number | null }[] {
  return stmt(
    db,
    `SELECT series_id AS seriesId, count(*) AS callCount,
       min(CASE WHEN status = 'scheduled' AND start_at >= @now THEN start_at END) AS nextCallAt
     FROM calls WHERE forum_id = @forumId AND series_id IS NOT NULL GROUP BY series_id`,
  ).all({ forumId, now }) as { seriesId: string; callCount: number; nextCallAt: number | null }[];
}

/* ---- agenda ---- */

export interface AgendaRecord {
  id: string;
  callId: string;
  position: number;
  title: string;
  ownerId: string | null;
  minutes: string;
}

export function listAgenda(db: Db, callId: string): AgendaRecord[] {
  return stmt(
    db,
    `SELECT id, call_id AS callId, position, title, owner_id AS ownerId, minutes
     FROM agenda_items WHERE call_id = ? ORDER BY position`,
  ).all(callId) as AgendaRecord[];
}

export function replaceAgenda(db: Db, callId: string, items: AgendaRecord[]): void {
  stmt(db, 'DELETE FROM agenda_items WHERE call_id = ?').run(callId);
  const insert = stmt(
    db,
    `INSERT INTO agenda_items (id, call_id, position, title, owner_id, minutes)
     VALUES (@id, @callId, @position, @title, @ownerId, @minutes)`,
  );
  for (const item of items) insert.run(item);
}

/* ---- attendance ---- */

export interface AttendanceRecord {
  participantId: string;
  status: string;
  minutesPresent: number | null;
}

export function listAttendance(db: Db, callId: string): AttendanceRecord[] {
  return stmt(
    db,
    `SELECT participant_id AS participantId, status, minutes_present AS minutesPresent
     FROM attendance WHERE call_id = ?`,
  ).all(callId) as AttendanceRecord[];
}

/** Calls of a forum that started before `now` and are not cancelled, with what was recorded. */
export function pastCallRecords(
  db: Db,
  forumId: string,
  now: number,
): { id: string; attendanceCount: number; agendaMinutes: number }[] {
  return stmt(
    db,
    `SELECT c.id AS id,
       (SELECT count(*) FROM attendance a WHERE a.call_id = c.id AND a.status <> 'invited')
         AS attendanceCount,
       (SELECT count(*) FROM agenda_items g WHERE g.call_id = c.id AND g.minutes <> '')
         AS agendaMinutes
     FROM calls c WHERE c.forum_id = ? AND c.status <> 'cancelled' AND c.start_at <= ?`,
  ).all(forumId, now) as { id: string; attendanceCount: number; agendaMinutes: number }[];
}

/** Records a status with the minutes present (from a platform report; null when by hand). */
export function setAttendanceWithMinutes(
  db: Db,
  callId: string,
  participantId: string,
  status: string,
  minutesPresent: number | null,
): void {
  stmt(
    db,
    `INSERT INTO attendance (call_id, participant_id, status, minutes_present) VALUES (?, ?, ?, ?)
     ON CONFLICT(call_id, participant_id) DO UPDATE SET status = excluded.status,
       minutes_present = excluded.minutes_present`,
  ).run(callId, participantId, status, minutesPresent);
}

export function setAttendance(
  db: Db,
  callId: string,
  participantId: string,
  status: string | null,
): void {
  if (status === null)
    stmt(db, 'DELETE FROM attendance WHERE call_id = ? AND participant_id = ?').run(
      callId,
      participantId,
    );
  else
    stmt(
      db,
      `INSERT INTO attendance (call_id, participant_id, status) VALUES (?, ?, ?)
       ON CONFLICT(call_id, participant_id) DO UPDATE SET status = excluded.status,
         minutes_present = NULL`,
    ).run(callId, participantId, status);
}

/* ---- action items ---- */

export interface ActionItemRecord {
  id: string;
  forumId: string;
  callId: string | null;
  title: string;
  ownerId: string | null;
  dueDate: string | null;
  status: string;
  createdAt: number;
  updatedAt: number;
}

const ACTION_SELECT = `id, forum_id AS forumId, call_id AS callId, title, owner_id AS ownerId,
  due_date AS dueDate, status, created_at AS createdAt, updated_at AS updatedAt`;

export function upsertActionItem(db: Db, r: ActionItemRecord): void {
  stmt(
    db,
    `INSERT INTO action_items (id, forum_id, call_id, title, owner_id, due_date, status, created_at, updated_at)
     VALUES (@id, @forumId, @callId, @title, @ownerId, @dueDate, @status, @createdAt, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET call_id = @callId, title = @title, owner_id = @ownerId,
       due_date = @dueDate, status = @status, updated_at = @updatedAt`,
  ).run(r);
}

export function getActionItem(db: Db, id: string): ActionItemRecord | undefined {
  return stmt(db, `SELECT ${ACTION_SELECT} FROM action_items WHERE id = ?`).get(id) as
    ActionItemRecord | undefined;
}

export function listActionItems(db: Db, forumId: string, callId?: string): ActionItemRecord[] {
  if (callId)
    return stmt(
      db,
      `SELECT ${ACTION_SELECT} FROM action_items WHERE forum_id = ? AND call_id = ?
       ORDER BY coalesce(due_date, '9999'), created_at`,
    ).all(forumId, callId) as ActionItemRecord[];
  return stmt(
    db,
    `SELECT ${ACTION_SELECT} FROM action_items WHERE forum_id = ?
     ORDER BY coalesce(due_date, '9999'), created_at`,
  ).all(forumId) as ActionItemRecord[];
}

export function deleteActionItem(db: Db, id: string): void {
  stmt(db, 'DELETE FROM action_items WHERE id = ?').run(id);
}

export function deleteSeries(db: Db, id: string): void {
  stmt(db, 'DELETE FROM call_series WHERE id = ?').run(id);
}
