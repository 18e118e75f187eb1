/** SQL of the outcome report: reports, sections, versions, comment rounds, comments. */
import type { Db } from '../open';
import { stmt } from './statements';

export interface ReportRecord {
  id: string;
  forumId: string;
  title: string;
  createdAt: number;
  updatedAt: number;
}

export interface SectionRecord {
  id: string;
  reportId: string;
  position: number;
  level: number;
  title: string;
  kind: string;
  markdown: string;
  revision: number;
  fingerprint: string | null;
  /** The inputs' fingerprint when generated (forumInputsFingerprint); null before issue 15. */
  inputFingerprint: string | null;
  generatedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface VersionRecord {
  id: string;
  reportId: string;
  name: string;
  /** JSON: VersionSection[] */
  sections: string;
  createdAt: number;
}

export interface RoundRecord {
  id: string;
  reportId: string;
  phase: number;
  title: string;
  versionId: string;
  opensOn: string | null;
  closesOn: string | null;
  status: string;
  createdAt: number;
  updatedAt: number;
}

export interface CommentRecord {
  id: string;
  roundId: string;
  ref: string;
  sectionId: string | null;
  paragraph: number | null;
  participantId: string | null;
  commenterName: string;
  anonymous: number;
  stakeholderGroup: string | null;
  channel: string;
  receivedOn: string | null;
  text: string;
  disposition: string;
  response: string;
  createdAt: number;
  updatedAt: number;
}

const REPORT_SELECT =
  'id, forum_id AS forumId, title, created_at AS createdAt, updated_at AS updatedAt';
const SECTION_SELECT = `id, report_id AS reportId, position, level, title, kind, markdown, revision,
  fingerprint, input_fingerprint AS inputFingerprint, generated_at AS generatedAt,
  created_at AS createdAt, updated_at AS updatedAt`;
const VERSION_SELECT = 'id, report_id AS reportId, name, sections, created_at AS createdAt';
const ROUND_SELECT = `id, report_id AS reportId, phase, title, version_id AS versionId,
  opens_on AS opensOn, closes_on AS closesOn, status, created_at AS createdAt, updated_at AS updatedAt`;
const COMMENT_SELECT = `id, round_id AS roundId, ref, section_id AS sectionId, paragraph,
  participant_id AS participantId, commenter_name AS commenterName, anonymous,
  stakeholder_group AS stakeholderGroup, channel, received_on AS receivedOn, text, disposition,
  response, created_at AS createdAt, updated_at AS updatedAt`;

/* ---- reports ---- */

export function insertReport(db: Db, r: ReportRecord): void {
  stmt(
    db,
    `INSERT INTO reports (id, forum_id, title, created_at, updated_at)
     VALUES (@id, @forumId, @title, @createdAt, @updatedAt)`,
  ).run(r);
}

export function getReportRow(db: Db, id: string): ReportRecord | undefined {
  return stmt(db, `SELECT ${REPORT_SELECT} FROM reports WHERE id = ?`).get(id) as
    ReportRecord | undefined;
}

export function listReportRows(
  db: Db,
  forumId: string,
): (ReportRecord & { sectionCount: number; versionCount: number })[] {
  return stmt(
    db,
    `SELECT ${REPORT_SELECT},
       (SELECT COUNT(*) FROM report_sections s WHERE s.report_id = reports.id) AS sectionCount,
       (SELECT COUNT(*) FROM report_versions v WHERE v.report_id = reports.id) AS versionCount
     FROM reports WHERE forum_id = ? ORDER BY created_at DESC, id DESC`,
  ).all(forumId) as (ReportRecord & { sectionCount: number; versionCount: number })[];
}

export function setReportTitle(db: Db, id: string, title: string, at: number): void {
  stmt(db, 'UPDATE reports SET title = ?, updated_at = ? WHERE id = ?').run(title, at, id);
}

export function touchReport(db: Db, id: string, at: number): void {
  stmt(db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(at, id);
}

export function deleteReport(db: Db, id: string): void {
  // Rounds reference versions with RESTRICT: remove them first.
  stmt(db, 'DELETE FROM comment_rounds WHERE report_id = ?').run(id);
  stmt(db, 'DELETE FROM reports WHERE id = ?').run(id);
}

/* ---- sections ---- */

export function insertSection(db: Db, s: SectionRecord): void {
  stmt(
    db,
    `INSERT INTO report_sections (id, report_id, position, level, title, kind, markdown, revision,
       fingerprint, input_fingerprint, generated_at, created_at, updated_at)
     VALUES (@id, @reportId, @position, @level, @title, @kind, @markdown, @revision, @fingerprint,
       @inputFingerprint, @generatedAt, @createdAt, @updatedAt)`,
  ).run(s);
}

export function listSectionRows(db: Db, reportId: string): SectionRecord[] {
  return stmt(
    db,
    `SELECT ${SECTION_SELECT} FROM report_sections WHERE report_id = ? ORDER BY position, id`,
  ).all(reportId) as SectionRecord[];
}

export function getSectionRow(db: Db, id: string): SectionRecord | undefined {
  return stmt(db, `SELECT ${SECTION_SELECT} FROM report_sections WHERE id = ?`).get(id) as
    SectionRecord | undefined;
}

export function setSectionPlace(db: Db, id: string, position: number, level: number): void {
  stmt(db, 'UPDATE report_sections SET position = ?, level = ? WHERE id = ?').run(
    position,
    level,
    id,
  );
}

export function setSectionMeta(db: Db, id: string, title: string, kind: string, at: number): void {
  stmt(db, 'UPDATE report_sections SET title = ?, kind = ?, updated_at = ? WHERE id = ?').run(
    title,
    kind,
    at,
    id,
  );
}

/** Writes the text if the revision is still `baseRevision`; false if someone saved in between. */
export function saveSectionText(
  db: Db,
  id: string,
  markdown: string,
  baseRevision: number,
  at: number,
  generated?: { fingerprint: string; inputFingerprint: string },
): boolean {
  const r = generated
    ? stmt(
        db,
        `UPDATE report_sections SET markdown = ?, revision = revision + 1, updated_at = ?,
           fingerprint = ?, input_fingerprint = ?, generated_at = ? WHERE id = ? AND revision = ?`,
      ).run(markdown, at, generated.fingerprint, generated.inputFingerprint, at, id, baseRevision)
    : stmt(
        db,
        `UPDATE report_sections SET markdown = ?, revision = revision + 1, updated_at = ?
         WHERE id = ? AND revision = ?`,
      ).run(markdown, at, id, baseRevision);
  return r.changes === 1;
}

export function deleteSection(db: Db, id: string): void {
  stmt(db, 'DELETE FROM report_sections WHERE id = ?').run(id);
}

/* ---- versions ---- */

export function insertVersion(db: Db, v: VersionRecord): void {
  stmt(
    db,
    `INSERT INTO report_versions (id, report_id, name, sections, created_at)
     VALUES (@id, @reportId, @name, @sections, @createdAt)`,
  ).run(v);
}

export function getVersionRow(db: Db, id: string): VersionRecord | undefined {
  return stmt(db, `SELECT ${VERSION_SELECT} FROM report_versions WHERE id = ?`).get(id) as
    VersionRecord | undefined;
}

export function findVersionByName(
  db: Db,
  reportId: string,
  name: string,
): { id: string } | undefined {
  return stmt(
    db,
    'SELECT id FROM report_versions WHERE report_id = ? AND name = ? COLLATE NOCASE',
  ).get(reportId, name) as { id: string } | undefined;
}

export function listVersionRows(db: Db, reportId: string): VersionRecord[] {
  return stmt(
    db,
    `SELECT ${VERSION_SELECT} FROM report_versions WHERE report_id = ? ORDER BY created_at, id`,
  ).all(reportId) as VersionRecord[];
}

/* ---- comment rounds ---- */

export function insertRound(db: Db, r: RoundRecord): void {
  stmt(
    db,
    `INSERT INTO comment_rounds (id, report_id, phase, title, version_id, opens_on, closes_on,
       status, created_at, updated_at)
     VALUES (@id, @reportId, @phase, @title, @versionId, @opensOn, @closesOn, @status, @createdAt,
       @updatedAt)`,
  ).run(r);
}

export function updateRoundRow(db: Db, r: RoundRecord): void {
  stmt(
    db,
    `UPDATE comment_rounds SET title = @title, opens_on = @opensOn, closes_on = @closesOn,
       status = @status, updated_at = @updatedAt WHERE id = @id`,
  ).run(r);
}

export function getRoundRow(db: Db, id: string): RoundRecord | undefined {
  return stmt(db, `SELECT ${ROUND_SELECT} FROM comment_rounds WHERE id = ?`).get(id) as
    RoundRecord | undefined;
}

export function listRoundRows(
  db: Db,
  reportId: string,
): (RoundRecord & { commentCount: number; pendingCount: number })[] {
  return stmt(
    db,
    `SELECT ${ROUND_SELECT},
       (SELECT COUNT(*) FROM report_comments c WHERE c.round_id = comment_rounds.id) AS commentCount,
       (SELECT COUNT(*) FROM report_comments c WHERE c.round_id = comment_rounds.id
          AND c.disposition = 'pending') AS pendingCount
     FROM comment_rounds WHERE report_id = ? ORDER BY created_at, id`,
  ).all(reportId) as (RoundRecord & { commentCount: number; pendingCount: number })[];
}

/* ---- comments ---- */

export function insertComment(db: Db, c: CommentRecord): void {
  stmt(
    db,
    `INSERT INTO report_comments (id, round_id, ref, section_id, paragraph, participant_id,
       commenter_name, anonymous, stakeholder_group, channel, received_on, text, disposition,
       response, created_at, updated_at)
     VALUES (@id, @roundId, @ref, @sectionId, @paragraph, @participantId, @commenterName,
       @anonymous, @stakeholderGroup, @channel, @receivedOn, @text, @disposition, @response,
       @createdAt, @updatedAt)`,
  ).run(c);
}

export function updateCommentRow(db: Db, c: CommentRecord): void {
  stmt(
    db,
    `UPDATE report_comments SET ref = @ref, section_id = @sectionId, paragraph = @paragraph,
       participant_id = @participantId, commenter_name = @commenterName, anonymous = @anonymous,
       stakeholder_group = @stakeholderGroup, channel = @channel, received_on = @receivedOn,
       text = @text, disposition = @disposition, response = @response, updated_at = @updatedAt
     WHERE id = @id`,
  ).run(c);
}

export function getCommentRow(db: Db, id: string): CommentRecord | undefined {
  return stmt(db, `SELECT ${COMMENT_SELECT} FROM report_comments WHERE id = ?`).get(id) as
    CommentRecord | undefined;
}

export function listCommentRows(db: Db, roundId: string): CommentRecord[] {
  return stmt(
    db,
    `SELECT ${COMMENT_SELECT} FROM report_comments WHERE round_id = ? ORDER BY created_at, id`,
  ).all(roundId) as CommentRecord[];
}

/** Every comment of every round of a report, with its round's phase and title (for the appendix). */
export function listReportComments(
  db: Db,
  reportId: string,
): (CommentRecord & { phase: number; roundTitle: string })[] {
  return stmt(
    db,
    `SELECT c.id, c.round_id AS roundId, c.ref, c.section_id AS sectionId, c.paragraph,
       c.participant_id AS participantId, c.commenter_name AS commenterName, c.anonymous,
       c.stakeholder_group AS stakeholderGroup, c.channel, c.received_on AS receivedOn, c.text,
       c.disposition, c.response, c.created_at AS createdAt, c.updated_at AS updatedAt,
       r.phase AS phase, r.title AS roundTitle
     FROM report_comments c JOIN comment_rounds r ON r.id = c.round_id
     WHERE r.report_id = ? ORDER BY r.created_at, r.id, c.created_at, c.id`,
  ).all(reportId) as (CommentRecord & { phase: number; roundTitle: string })[];
}

export function deleteComment(db: Db, id: string): void {
  stmt(db, 'DELETE FROM report_comments WHERE id = ?').run(id);
}

/* ---- inputs of the generated sections ---- */

export interface ForumParticipantStat {
  id: string;
  fullName: string;
  organisation: string | null;
  stakeholderGroup: string;
  region: string | null;
  developmentStatus: string | null;
  gender: string | null;
  consentListed: number;
  isProtected: number;
  pseudonym: string | null;
}

/**
 * What the generated sections of a forum's report are made from, as of `now`: the forum's data
 * versions (bumped by triggers on every write, migration 0009) and which calls and sessions have
 * been held by now (time alone changes that). A few rows, whatever the forum's size.
 */
export function forumInputs(db: Db, forumId: string, now: number): unknown[] {
  const versions = stmt(
    db,
    'SELECT area, version FROM forum_data_versions WHERE forum_id = ? ORDER BY area',
  )
    .raw()
    .all(forumId);
  const held = stmt(
    db,
    `SELECT (SELECT count(*) FROM calls WHERE forum_id = @forumId AND start_at <= @now),
       (SELECT count(*) FROM onsite_sessions WHERE forum_id = @forumId AND start_at <= @now)`,
  )
    .raw()
    .get({ forumId, now });
  return [versions, held];
}

export function listParticipantStats(db: Db, forumId: string): ForumParticipantStat[] {
  return stmt(
    db,
    `SELECT id, full_name AS fullName, organisation, stakeholder_group AS stakeholderGroup, region,
       development_status AS developmentStatus, gender, consent_listed AS consentListed,
       is_protected AS isProtected, pseudonym
     FROM participants WHERE forum_id = ? AND removed_at IS NULL ORDER BY sort_name, id`,
  ).all(forumId) as ForumParticipantStat[];
}

export interface HeldCall {
  id: string;
  title: string;
  startAt: number;
  zone: string;
  attended: number;
}

export function listCallsHeld(db: Db, forumId: string, before: number): HeldCall[] {
  return stmt(
    db,
    `SELECT c.id, c.title, c.start_at AS startAt, c.zone,
       (SELECT COUNT(*) FROM attendance a WHERE a.call_id = c.id AND a.status = 'attended') AS attended
     FROM calls c WHERE c.forum_id = ? AND c.status = 'scheduled' AND c.start_at <= ?
     ORDER BY c.start_at, c.id`,
  ).all(forumId, before) as HeldCall[];
}

export interface HeldSession {
  id: string;
  title: string;
  startAt: number;
  zone: string;
  nriName: string | null;
  status: string;
}

export function listSessionsForReport(db: Db, forumId: string): HeldSession[] {
  return stmt(
    db,
    `SELECT s.id, s.title, s.start_at AS startAt, s.zone, n.name AS nriName, s.status
     FROM onsite_sessions s LEFT JOIN nris n ON n.id = s.nri_id
     WHERE s.forum_id = ? ORDER BY s.start_at, s.id`,
  ).all(forumId) as HeldSession[];
}

export function citableTitles(
  db: Db,
  forumId: string,
): { kind: string; id: string; title: string; date: string | number | null }[] {
  return stmt(
    db,
    `SELECT 'contribution' AS kind, id, title, received_on AS date FROM contributions WHERE forum_id = @forumId
     UNION ALL SELECT 'call', id, title, start_at FROM calls WHERE forum_id = @forumId
     UNION ALL SELECT 'session', id, title, start_at FROM onsite_sessions WHERE forum_id = @forumId`,
  ).all({ forumId }) as { kind: string; id: string; title: string; date: string | number | null }[];
}

/** The citable records among `keys` (kind and id), as `citableTitles` gives them. */
export function citedTitles(
  db: Db,
  forumId: string,
  keys: readonly { kind: string; id: string }[],
): { kind: string; id: string; title: string; date: string | number | null }[] {
  if (keys.length === 0) return [];
  const ids = (kind: string) =>
    JSON.stringify(keys.filter((k) => k.kind === kind).map((k) => k.id));
  return stmt(
    db,
    `SELECT 'contribution' AS kind, id, title, received_on AS date FROM contributions
       WHERE forum_id = @forumId AND id IN (SELECT value FROM json_each(@contributions))
     UNION ALL SELECT 'call', id, title, start_at FROM calls
       WHERE forum_id = @forumId AND id IN (SELECT value FROM json_each(@calls))
     UNION ALL SELECT 'session', id, title, start_at FROM onsite_sessions
       WHERE forum_id = @forumId AND id IN (SELECT value FROM json_each(@sessions))`,
  ).all({
    forumId,
    contributions: ids('contribution'),
    calls: ids('call'),
    sessions: ids('session'),
  }) as { kind: string; id: string; title: string; date: string | number | null }[];
}

/** A report's saved versions without their text: the section count is taken in SQL. */
export function listVersionSummaries(
  db: Db,
  reportId: string,
): { id: string; reportId: string; name: string; sectionCount: number; createdAt: number }[] {
  return stmt(
    db,
    `SELECT id, report_id AS reportId, name, json_array_length(sections) AS sectionCount,
       created_at AS createdAt FROM report_versions WHERE report_id = ? ORDER BY created_at, id`,
  ).all(reportId) as {
    id: string;
    reportId: string;
    name: string;
    sectionCount: number;
    createdAt: number;
  }[];
}
