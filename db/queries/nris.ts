import type { Db } from '../open';
import { stmt } from './statements';

/* ---- The NRI directory (one for all forums) ---- */

export interface NriRecord {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  region: string | null;
  website: string;
  contactName: string;
  contactEmail: string;
  notes: string;
  createdAt: number;
  updatedAt: number;
}

export interface NriListRow extends NriRecord {
  sessionCount: number;
}

const NRI_COLUMNS = `n.id, n.name, n.kind, n.country, n.region, n.website,
  n.contact_name AS contactName, n.contact_email AS contactEmail, n.notes,
  n.created_at AS createdAt, n.updated_at AS updatedAt`;

export function listNris(db: Db): NriListRow[] {
  return stmt(
    db,
    `SELECT ${NRI_COLUMNS},
       (SELECT count(*) FROM onsite_sessions s WHERE s.nri_id = n.id) AS sessionCount
     FROM nris n ORDER BY n.name COLLATE NOCASE, n.id`,
  ).all() as NriListRow[];
}

export function getNri(db: Db, id: string): NriListRow | undefined {
  return stmt(
    db,
    `SELECT ${NRI_COLUMNS},
       (SELECT count(*) FROM onsite_sessions s WHERE s.nri_id = n.id) AS sessionCount
     FROM nris n WHERE n.id = ?`,
  ).get(id) as NriListRow | undefined;
}

export function countNris(db: Db): number {
  return stmt(db, 'SELECT count(*) FROM nris').pluck().get() as number;
}

export function upsertNri(db: Db, row: NriRecord): void {
  stmt(
    db,
    `INSERT INTO nris (id, name, kind, country, region, website, contact_name, contact_email, notes,
       created_at, updated_at)
     VALUES (@id, @name, @kind, @country, @region, @website, @contactName, @contactEmail, @notes,
       @createdAt, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
       country = excluded.country, region = excluded.region, website = excluded.website,
       contact_name = excluded.contact_name, contact_email = excluded.contact_email,
       notes = excluded.notes, updated_at = excluded.updated_at`,
  ).run(row);
}

/** Deletes an NRI; its sessions stay, unlinked (the foreign key is ON DELETE SET NULL). */
export function deleteNri(db: Db, id: string): void {
  stmt(db, 'DELETE FROM nris WHERE id = ?').run(id);
}

/* ---- Onsite sessions at NRI events ---- */

export interface SessionRecord {
  id: string;
  forumId: string;
  nriId: string | null;
  title: string;
  startAt: number;
  durationMinutes: number;
  zone: string;
  venue: string;
  format: string;
  localHosts: string;
  notes: string;
  outcomes: string;
  status: string;
  sequence: number;
  createdAt: number;
  updatedAt: number;
}

export interface SessionListRow extends SessionRecord {
  nriName: string | null;
  attendedCount: number;
}

const SESSION_COLUMNS = `s.id, s.forum_id AS forumId, s.nri_id AS nriId, s.title,
  s.start_at AS startAt, s.duration_minutes AS durationMinutes, s.zone, s.venue, s.format,
  s.local_hosts AS localHosts, s.notes, s.outcomes, s.status, s.sequence,
  s.created_at AS createdAt, s.updated_at AS updatedAt, n.name AS nriName,
  (SELECT count(*) FROM session_attendance a WHERE a.session_id = s.id AND a.status = 'attended')
    AS attendedCount`;

export function listSessions(db: Db, forumId: string): SessionListRow[] {
  return stmt(
    db,
    `SELECT ${SESSION_COLUMNS} FROM onsite_sessions s LEFT JOIN nris n ON n.id = s.nri_id
     WHERE s.forum_id = ? ORDER BY s.start_at, s.id`,
  ).all(forumId) as SessionListRow[];
}

export function getSession(db: Db, id: string): SessionListRow | undefined {
  return stmt(
    db,
    `SELECT ${SESSION_COLUMNS} FROM onsite_sessions s LEFT JOIN nris n ON n.id = s.nri_id
     WHERE s.id = ?`,
  ).get(id) as SessionListRow | undefined;
}

export function upsertSession(db: Db, row: SessionRecord): void {
  stmt(
    db,
    `INSERT INTO onsite_sessions (id, forum_id, nri_id, title, start_at, duration_minutes, zone,
       venue, format, local_hosts, notes, outcomes, status, sequence, created_at, updated_at)
     VALUES (@id, @forumId, @nriId, @title, @startAt, @durationMinutes, @zone, @venue, @format,
       @localHosts, @notes, @outcomes, @status, @sequence, @createdAt, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET nri_id = excluded.nri_id, title = excluded.title,
       start_at = excluded.start_at, duration_minutes = excluded.duration_minutes,
       zone = excluded.zone, venue = excluded.venue, format = excluded.format,
       local_hosts = excluded.local_hosts, notes = excluded.notes, outcomes = excluded.outcomes,
       status = excluded.status, sequence = excluded.sequence, updated_at = excluded.updated_at`,
  ).run(row);
}

/** Deletes a session and its attendance (cascade). */
export function deleteSession(db: Db, id: string): void {
  stmt(db, 'DELETE FROM onsite_sessions WHERE id = ?').run(id);
}

/** Sessions of a forum that start in [from, to) (epoch ms), for the timeline. */
export function listSessionsBetween(
  db: Db,
  forumId: string,
  from: number,
  to: number,
): SessionListRow[] {
  return stmt(
    db,
    `SELECT ${SESSION_COLUMNS} FROM onsite_sessions s LEFT JOIN nris n ON n.id = s.nri_id
     WHERE s.forum_id = ? AND s.start_at >= ? AND s.start_at < ? ORDER BY s.start_at, s.id`,
  ).all(forumId, from, to) as SessionListRow[];
}

/* ---- Attendance at a session ---- */

export interface SessionAttendanceRow {
  participantId: string;
  status: string;
  fullName: string;
  stakeholderGroup: string;
  isProtected: number;
  pseudonym: string | null;
  consentListed: number;
}

/** Recorded attendance of a session, with the participants (removed participants left out). */
export function listSessionAttendance(db: Db, sessionId: string): SessionAttendanceRow[] {
  return stmt(
    db,
    `SELECT a.participant_id AS participantId, a.status, p.full_name AS fullName,
       p.stakeholder_group AS stakeholderGroup, p.is_protected AS isProtected, p.pseudonym,
       p.consent_listed AS consentListed
     FROM session_attendance a JOIN participants p ON p.id = a.participant_id
     WHERE a.session_id = ? AND p.removed_at IS NULL
     ORDER BY p.sort_name, p.id`,
  ).all(sessionId) as SessionAttendanceRow[];
}

export function setSessionAttendance(
  db: Db,
  sessionId: string,
  participantId: string,
  status: string,
): void {
  stmt(
    db,
    `INSERT INTO session_attendance (session_id, participant_id, status) VALUES (?, ?, ?)
     ON CONFLICT(session_id, participant_id) DO UPDATE SET status = excluded.status`,
  ).run(sessionId, participantId, status);
}

export function clearSessionAttendance(db: Db, sessionId: string, participantId: string): void {
  stmt(db, 'DELETE FROM session_attendance WHERE session_id = ? AND participant_id = ?').run(
    sessionId,
    participantId,
  );
}
