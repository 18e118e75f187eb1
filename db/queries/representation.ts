/**
 * Representation aggregates: GROUP BY over participants joined with what they took part in.
 * Every breakdown query returns a "cube" (group x region x development status x gender x
 * protected) that shared/domain/representation rolls up. The covering indexes of migration 0007
 * (participants_forum_representation_idx, attendance_participant_status_idx,
 * session_attendance_participant_idx) let these run from indexes alone.
 */
import type { CubeRow } from '../../shared/domain/representation';
import type { Db } from '../open';
import { stmt } from './statements';

export interface MapCellRecord {
  id: string;
  forumId: string;
  position: number;
  stakeholderGroup: string | null;
  region: string | null;
  organisation: string | null;
  level: string;
  phases: string;
  targetMin: number | null;
  targetShare: number | null;
  createdAt: number;
  updatedAt: number;
}

export function listMapCells(db: Db, forumId: string): MapCellRecord[] {
  return stmt(
    db,
    `SELECT id, forum_id AS forumId, position, stakeholder_group AS stakeholderGroup, region,
       organisation, level, phases, target_min AS targetMin, target_share AS targetShare,
       created_at AS createdAt, updated_at AS updatedAt
     FROM stakeholder_map_cells WHERE forum_id = ? ORDER BY position`,
  ).all(forumId) as MapCellRecord[];
}

export function replaceMapCells(db: Db, forumId: string, rows: MapCellRecord[]): void {
  stmt(db, 'DELETE FROM stakeholder_map_cells WHERE forum_id = ?').run(forumId);
  const insert = stmt(
    db,
    `INSERT INTO stakeholder_map_cells (id, forum_id, position, stakeholder_group, region,
       organisation, level, phases, target_min, target_share, created_at, updated_at)
     VALUES (@id, @forumId, @position, @stakeholderGroup, @region, @organisation, @level, @phases,
       @targetMin, @targetShare, @createdAt, @updatedAt)`,
  );
  for (const r of rows) insert.run(r);
}

export interface SettingsRecord {
  dominanceShare: number;
  genderThreshold: number;
  recentCalls: number;
  minSample: number;
}

export function getRepresentationSettings(db: Db, forumId: string): SettingsRecord | undefined {
  return stmt(
    db,
    `SELECT dominance_share AS dominanceShare, gender_threshold AS genderThreshold,
       recent_calls AS recentCalls, min_sample AS minSample
     FROM representation_settings WHERE forum_id = ?`,
  ).get(forumId) as SettingsRecord | undefined;
}

export function upsertRepresentationSettings(
  db: Db,
  forumId: string,
  s: SettingsRecord,
  updatedAt: number,
): void {
  stmt(
    db,
    `INSERT INTO representation_settings (forum_id, dominance_share, gender_threshold, recent_calls,
       min_sample, updated_at)
     VALUES (@forumId, @dominanceShare, @genderThreshold, @recentCalls, @minSample, @updatedAt)
     ON CONFLICT(forum_id) DO UPDATE SET dominance_share = excluded.dominance_share,
       gender_threshold = excluded.gender_threshold, recent_calls = excluded.recent_calls,
       min_sample = excluded.min_sample, updated_at = excluded.updated_at`,
  ).run({ forumId, ...s, updatedAt });
}

/* ---- Aggregates ---- */

const CUBE = `p.stakeholder_group AS stakeholderGroup, p.region AS region,
  p.development_status AS developmentStatus, p.gender AS gender, p.is_protected AS isProtected`;
const CUBE_GROUP = 'p.stakeholder_group, p.region, p.development_status, p.gender, p.is_protected';
/** The cell key's input: the sum of the people's record keys (db/recordKey.ts). */
const KEY_SUM = 'sum(record_key(@secret, p.id)) AS keySum';
const ACTIVE = 'p.forum_id = @forumId AND p.removed_at IS NULL';
/** Calls that count: not cancelled and started by now. */
const HELD_CALLS = `SELECT id FROM calls WHERE forum_id = @forumId AND status <> 'cancelled' AND start_at <= @now`;
const HELD_SESSIONS = `SELECT id FROM onsite_sessions WHERE forum_id = @forumId AND status <> 'cancelled' AND start_at <= @now`;

/** The SQL of every dashboard aggregate, by name (the benchmark runs them raw). */
export const REPRESENTATION_SQL = {
  registered: `SELECT ${CUBE}, count(*) AS count, ${KEY_SUM} FROM participants p WHERE ${ACTIVE} GROUP BY ${CUBE_GROUP}`,
  /** Per person: the cube plus the start of their first attended call (for the cumulative line). */
  callPeople: `SELECT stakeholderGroup, region, developmentStatus, gender, isProtected, firstAt,
       count(*) AS count, sum(record_key(@secret, id)) AS keySum FROM (
       SELECT p.id AS id, ${CUBE}, (SELECT min(c.start_at) FROM attendance a JOIN calls c ON c.id = a.call_id
           WHERE a.participant_id = p.id AND a.status = 'attended' AND +a.call_id IN (${HELD_CALLS})) AS firstAt
       FROM participants p WHERE ${ACTIVE})
     WHERE firstAt IS NOT NULL
     GROUP BY stakeholderGroup, region, developmentStatus, gender, isProtected, firstAt`,
  /** Attendance per held call by group and gender (the trend, dominance and gender per call). */
  callAttendance: `SELECT a.call_id AS callId, p.stakeholder_group AS stakeholderGroup, p.gender AS gender,
       count(*) AS count, ${KEY_SUM}
     FROM participants p CROSS JOIN attendance a ON a.participant_id = p.id AND a.status = 'attended'
     WHERE ${ACTIVE} AND +a.call_id IN (${HELD_CALLS})
     GROUP BY a.call_id, p.stakeholder_group, p.gender`,
  heldCalls: `SELECT id, title, start_at AS startAt FROM calls
     WHERE forum_id = @forumId AND status <> 'cancelled' AND start_at <= @now ORDER BY start_at, id`,
  /** People who attended one call (the kick-off). */
  oneCallPeople: `SELECT ${CUBE}, count(*) AS count, ${KEY_SUM} FROM attendance a JOIN participants p ON p.id = a.participant_id
     WHERE a.call_id = @callId AND a.status = 'attended' AND ${ACTIVE} GROUP BY ${CUBE_GROUP}`,
  sessionPeople: `SELECT ${CUBE}, count(*) AS count, ${KEY_SUM} FROM participants p WHERE ${ACTIVE} AND EXISTS (
       SELECT 1 FROM session_attendance sa WHERE sa.participant_id = p.id AND sa.status = 'attended'
         AND +sa.session_id IN (${HELD_SESSIONS}))
     GROUP BY ${CUBE_GROUP}`,
  sessionAttendance: `SELECT sa.session_id AS sessionId, p.stakeholder_group AS stakeholderGroup,
       p.gender AS gender, count(*) AS count, ${KEY_SUM}
     FROM session_attendance sa JOIN participants p ON p.id = sa.participant_id
     WHERE sa.status = 'attended' AND sa.session_id IN (${HELD_SESSIONS}) AND ${ACTIVE}
     GROUP BY sa.session_id, p.stakeholder_group, p.gender`,
  heldSessions: `SELECT id, title, start_at AS startAt FROM onsite_sessions
     WHERE forum_id = @forumId AND status <> 'cancelled' AND start_at <= @now ORDER BY start_at, id`,
};

/** Accepted contributions whose publication was not withdrawn (as the coverage export counts). */
const usableContribution = (publishableOnly: boolean) =>
  `c.forum_id = @forumId AND c.status = 'accepted'
   AND coalesce(c.consent_withdrawn_scope, '') <> 'publication'${publishableOnly ? ' AND c.may_publish = 1' : ''}`;

/**
 * Contributors: the forum's usable contributions read once, then each contributor looked up by
 * id (CROSS JOIN fixes that order whatever the planner's statistics): work in proportion to the
 * contributions, not the members (an IN let it scan every member: 1.5 s at 100,000; a correlated
 * EXISTS scanned the contributions once per member: 6 s at 2,000).
 */
export const contributorPeopleSql = (publishableOnly: boolean) =>
  `SELECT ${CUBE}, count(*) AS count, ${KEY_SUM}
   FROM (SELECT DISTINCT c.contributor_id AS id FROM contributions c
     WHERE ${usableContribution(publishableOnly)} AND c.contributor_id IS NOT NULL) x
   CROSS JOIN participants p ON p.id = x.id
   WHERE ${ACTIVE} GROUP BY ${CUBE_GROUP}`;
export const contributionsByGroupSql = (publishableOnly: boolean) =>
  `SELECT p.stakeholder_group AS stakeholderGroup, count(*) AS count,
     sum(record_key(@secret, c.id)) AS keySum FROM contributions c
   LEFT JOIN participants p ON p.id = c.contributor_id AND p.removed_at IS NULL
   WHERE ${usableContribution(publishableOnly)} GROUP BY p.stakeholder_group`;

export interface Params {
  forumId: string;
  now: number;
  /** The forum's secret: record keys for the cell keys of published figures. */
  secret: string;
}

export interface CallPeopleRow extends CubeRow {
  firstAt: number;
}

export const registeredCube = (db: Db, p: Params) =>
  stmt(db, REPRESENTATION_SQL.registered).all({
    forumId: p.forumId,
    secret: p.secret,
  }) as CubeRow[];
export const callPeopleCube = (db: Db, p: Params) =>
  stmt(db, REPRESENTATION_SQL.callPeople).all(p) as CallPeopleRow[];
export const callAttendance = (db: Db, p: Params) =>
  stmt(db, REPRESENTATION_SQL.callAttendance).all(p) as {
    callId: string;
    stakeholderGroup: string;
    gender: string | null;
    count: number;
    keySum: number;
  }[];
export const heldCalls = (db: Db, p: Params) =>
  stmt(db, REPRESENTATION_SQL.heldCalls).all(p) as { id: string; title: string; startAt: number }[];
export const oneCallPeopleCube = (db: Db, p: Params, callId: string) =>
  stmt(db, REPRESENTATION_SQL.oneCallPeople).all({
    forumId: p.forumId,
    secret: p.secret,
    callId,
  }) as CubeRow[];
export const sessionPeopleCube = (db: Db, p: Params) =>
  stmt(db, REPRESENTATION_SQL.sessionPeople).all(p) as CubeRow[];
export const sessionAttendance = (db: Db, p: Params) =>
  stmt(db, REPRESENTATION_SQL.sessionAttendance).all(p) as {
    sessionId: string;
    stakeholderGroup: string;
    gender: string | null;
    count: number;
    keySum: number;
  }[];
export const heldSessions = (db: Db, p: Params) =>
  stmt(db, REPRESENTATION_SQL.heldSessions).all(p) as {
    id: string;
    title: string;
    startAt: number;
  }[];
export const contributorPeopleCube = (db: Db, p: Params, publishableOnly: boolean) =>
  stmt(db, contributorPeopleSql(publishableOnly)).all({
    forumId: p.forumId,
    secret: p.secret,
  }) as CubeRow[];
export const contributionsByGroup = (db: Db, p: Params, publishableOnly: boolean) =>
  stmt(db, contributionsByGroupSql(publishableOnly)).all({
    forumId: p.forumId,
    secret: p.secret,
  }) as {
    stakeholderGroup: string | null;
    count: number;
    keySum: number;
  }[];

/** True once the outcome report's comment tables exist (issue 6). */
export function hasCommentTables(db: Db): boolean {
  return (
    (stmt(
      db,
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('report_comments', 'comment_rounds', 'reports')",
    )
      .pluck()
      .get() as number) === 3
  );
}

const COMMENTS_OF_FORUM = `SELECT rc.id, rc.participant_id, rc.stakeholder_group FROM report_comments rc
  JOIN comment_rounds r ON r.id = rc.round_id JOIN reports rp ON rp.id = r.report_id
  WHERE rp.forum_id = @forumId`;

/** Commenters who are participants (call only when `hasCommentTables`), looked up by id. */
export const commenterPeopleCube = (db: Db, p: Params) =>
  db
    .prepare(
      `SELECT ${CUBE}, count(*) AS count, ${KEY_SUM}
       FROM (SELECT DISTINCT participant_id AS id FROM (${COMMENTS_OF_FORUM})
         WHERE participant_id IS NOT NULL) x
       CROSS JOIN participants p ON p.id = x.id
       WHERE ${ACTIVE} GROUP BY ${CUBE_GROUP}`,
    )
    .all({ forumId: p.forumId, secret: p.secret }) as CubeRow[];

/** Comments by the commenter's group (the participant's, else as recorded on the comment). */
export const commentsByGroup = (db: Db, p: Params) =>
  db
    .prepare(
      `SELECT coalesce(p.stakeholder_group, x.stakeholder_group) AS stakeholderGroup, count(*) AS count,
         sum(record_key(@secret, x.id)) AS keySum
       FROM (${COMMENTS_OF_FORUM}) x LEFT JOIN participants p ON p.id = x.participant_id
       GROUP BY 1`,
    )
    .all({ forumId: p.forumId, secret: p.secret }) as {
    stakeholderGroup: string | null;
    count: number;
    keySum: number;
  }[];

/** Organisation cells: active members per folded organisation name among `keys`. */
export function organisationMembers(db: Db, forumId: string, excludeProtected: boolean) {
  return stmt(
    db,
    `SELECT p.id, p.organisation, p.stakeholder_group AS stakeholderGroup, p.region
     FROM participants p WHERE ${ACTIVE} AND p.organisation IS NOT NULL AND p.organisation <> ''
       AND (@excludeProtected = 0 OR p.is_protected = 0)`,
  ).all({ forumId, excludeProtected: excludeProtected ? 1 : 0 }) as {
    id: string;
    organisation: string;
    stakeholderGroup: string;
    region: string | null;
  }[];
}

/** Ids of members who took part in a phase (for organisation cells), limited to `ids`. */
export function tookPartIds(
  db: Db,
  phase: string,
  p: Params & { callId?: string | null },
): Set<string> {
  const sql: Record<string, string> = {
    calls: `SELECT DISTINCT a.participant_id FROM attendance a WHERE a.status = 'attended' AND a.call_id IN (${HELD_CALLS})`,
    kick_off: `SELECT participant_id FROM attendance WHERE call_id = @callId AND status = 'attended'`,
    nri_sessions: `SELECT DISTINCT participant_id FROM session_attendance WHERE status = 'attended' AND session_id IN (${HELD_SESSIONS})`,
    drafting: `SELECT DISTINCT c.contributor_id FROM contributions c WHERE c.contributor_id IS NOT NULL AND ${usableContribution(false)}`,
  };
  const q = sql[phase];
  if (!q) return new Set();
  return new Set(
    stmt(db, q)
      .pluck()
      .all({ ...p, callId: p.callId ?? null }) as string[],
  );
}

export interface MemberRow {
  id: string;
  fullName: string;
  stakeholderGroup: string;
  region: string | null;
  isProtected: number;
  consentInvitations: number;
}

export const membersNotAttendingSql = (byGroup: boolean, byRegion: boolean) =>
  `SELECT p.id, p.full_name AS fullName, p.stakeholder_group AS stakeholderGroup, p.region,
     p.is_protected AS isProtected, p.consent_invitations AS consentInvitations
   FROM participants p
   WHERE p.forum_id = @forumId AND p.removed_at IS NULL
     ${byGroup ? 'AND p.stakeholder_group = @group' : ''}
     ${byRegion ? 'AND +p.region = @region' : ''}
     AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.participant_id = p.id
       AND a.status = 'attended' AND a.call_id IN (SELECT value FROM json_each(@recent)))
   ORDER BY p.consent_invitations DESC, p.sort_name, p.id LIMIT @limit`;

/**
 * Registered members matching a group/region (null = any) who attended none of `recentCallIds`:
 * those with consent to invitations first. Walks an index in that order (migration 0013) and
 * stops at `limit`, so it reads about `limit` members, not the whole group; the statement has no
 * `@group IS NULL OR ...` (which would keep the planner from using the index).
 */
export function membersNotAttending(
  db: Db,
  q: {
    forumId: string;
    group: string | null;
    region: string | null;
    recentCallIds: string[];
    limit: number;
  },
): MemberRow[] {
  return stmt(db, membersNotAttendingSql(q.group !== null, q.region !== null)).all({
    forumId: q.forumId,
    ...(q.group === null ? {} : { group: q.group }),
    ...(q.region === null ? {} : { region: q.region }),
    recent: JSON.stringify(q.recentCallIds),
    limit: q.limit,
  }) as MemberRow[];
}

export const RECENT_ATTENDEES_SQL = `SELECT p.id, p.full_name AS fullName,
     p.stakeholder_group AS stakeholderGroup, p.region, p.is_protected AS isProtected,
     p.consent_invitations AS consentInvitations
   FROM participants p
   WHERE p.forum_id = @forumId AND p.removed_at IS NULL AND p.stakeholder_group = @group
     AND EXISTS (SELECT 1 FROM attendance a WHERE a.participant_id = p.id
       AND a.status = 'attended' AND a.call_id IN (SELECT value FROM json_each(@calls)))
   ORDER BY p.sort_name, p.id LIMIT @limit`;

/**
 * The group's members who attended any of `callIds` (the people behind a dominance alert): the
 * group walked in name order (migration 0013's index) until `limit` of them attended.
 */
export function recentAttendees(
  db: Db,
  q: { forumId: string; group: string; callIds: string[]; limit: number },
): MemberRow[] {
  return stmt(db, RECENT_ATTENDEES_SQL).all({
    forumId: q.forumId,
    group: q.group,
    calls: JSON.stringify(q.callIds),
    limit: q.limit,
  }) as MemberRow[];
}
