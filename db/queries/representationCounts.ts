/**
 * Reading the representation counters (issue 15) that the triggers of migration 0009 keep up to
 * date on write: the same figures as the GROUP BY statements of ./representation.ts
 * (REPRESENTATION_SQL), read from a few thousand counter rows instead of 100,000 participants and
 * 1,000,000 attendance records. Each statement groups only as finely as the dashboard shows (cells,
 * or one event by group, or by gender), so it returns hundreds of rows, not the counters' thousands. NULL attributes are stored as '' (a primary key needs a value),
 * and turned back into NULL here; key sums are stored mod 2^32, which gives the same cell keys
 * (cellKeyFromSum reduces mod 2^32 as well).
 *
 * `RAW_COUNTER_SQL` recomputes every counter table from the raw tables (as the migration's
 * backfill does): tests compare it with the maintained tables.
 */
import type { CubeRow } from '../../shared/domain/representation';
import type { Db } from '../open';
import type { Params } from './representation';
import { stmt } from './statements';

const CELL = `stakeholder_group AS stakeholderGroup, nullif(region, '') AS region,
  nullif(development_status, '') AS developmentStatus, nullif(gender, '') AS gender,
  is_protected AS isProtected`;
const CELL_GROUP = 'stakeholder_group, region, development_status, gender, is_protected';
const HELD_CALLS = `SELECT id FROM calls WHERE forum_id = @forumId AND status <> 'cancelled' AND start_at <= @now`;
const HELD_SESSIONS = `SELECT id FROM onsite_sessions WHERE forum_id = @forumId AND status <> 'cancelled' AND start_at <= @now`;

export const COUNTER_SQL = {
  registered: `SELECT ${CELL}, sum(count) AS count, sum(key_sum) AS keySum FROM representation_counts
    WHERE forum_id = @forumId AND count > 0 GROUP BY ${CELL_GROUP}`,
  /** first_call_at is the first non-cancelled attended call: held iff it started by now. */
  callPeople: `SELECT ${CELL}, sum(count) AS count, sum(key_sum) AS keySum
    FROM representation_counts WHERE forum_id = @forumId AND first_call_at <= @now AND count > 0
    GROUP BY ${CELL_GROUP}`,
  /** How many people first attended at each call's start (the coordinators' cumulative line). */
  firstCalls: `SELECT first_call_at AS firstAt, sum(count) AS count FROM representation_counts
    WHERE forum_id = @forumId AND first_call_at <= @now AND count > 0 GROUP BY first_call_at`,
  sessionPeople: `SELECT ${CELL}, sum(count) AS count, sum(key_sum) AS keySum FROM representation_counts
    WHERE forum_id = @forumId AND first_session_at <= @now AND count > 0 GROUP BY ${CELL_GROUP}`,
  /**
   * Attendance per held call by group (in the primary key's order: no sort), and by gender apart
   * (coordinators' alerts only): each a few hundred rows out of the tens of thousands of cells.
   */
  callGroups: `SELECT call_id AS callId, stakeholder_group AS stakeholderGroup,
      sum(count) AS count, sum(key_sum) AS keySum
    FROM representation_call_counts WHERE call_id IN (${HELD_CALLS}) AND count > 0
    GROUP BY call_id, stakeholder_group`,
  callGenders: `SELECT call_id AS callId, nullif(gender, '') AS gender, sum(count) AS count
    FROM representation_call_counts WHERE call_id IN (${HELD_CALLS}) AND count > 0
    GROUP BY call_id, gender`,
  oneCallPeople: `SELECT ${CELL}, sum(count) AS count, sum(key_sum) AS keySum
    FROM representation_call_counts WHERE call_id = @callId AND count > 0 GROUP BY ${CELL_GROUP}`,
  sessionGroups: `SELECT session_id AS sessionId, stakeholder_group AS stakeholderGroup,
      sum(count) AS count, sum(key_sum) AS keySum
    FROM representation_session_counts WHERE session_id IN (${HELD_SESSIONS}) AND count > 0
    GROUP BY session_id, stakeholder_group`,
  sessionGenders: `SELECT session_id AS sessionId, nullif(gender, '') AS gender, sum(count) AS count
    FROM representation_session_counts WHERE session_id IN (${HELD_SESSIONS}) AND count > 0
    GROUP BY session_id, gender`,
};

/** Attendance of one event (call or session) by stakeholder group, with its cell-key sum. */
export type EventGroupRow<K extends string> = {
  stakeholderGroup: string;
  count: number;
  keySum: number;
} & Record<K, string>;
/** Attendance of one event by gender (NULL: not recorded). */
export type EventGenderRow<K extends string> = { gender: string | null; count: number } & Record<
  K,
  string
>;

const forumNow = (p: Params) => ({ forumId: p.forumId, now: p.now });

export const countedRegistered = (db: Db, p: Params) =>
  stmt(db, COUNTER_SQL.registered).all({ forumId: p.forumId }) as CubeRow[];
export const countedCallPeople = (db: Db, p: Params) =>
  stmt(db, COUNTER_SQL.callPeople).all(forumNow(p)) as CubeRow[];
export const countedFirstCalls = (db: Db, p: Params) =>
  stmt(db, COUNTER_SQL.firstCalls).all(forumNow(p)) as { firstAt: number; count: number }[];
export const countedSessionPeople = (db: Db, p: Params) =>
  stmt(db, COUNTER_SQL.sessionPeople).all(forumNow(p)) as CubeRow[];
export const countedCallGroups = (db: Db, p: Params) =>
  stmt(db, COUNTER_SQL.callGroups).all(forumNow(p)) as EventGroupRow<'callId'>[];
export const countedCallGenders = (db: Db, p: Params) =>
  stmt(db, COUNTER_SQL.callGenders).all(forumNow(p)) as EventGenderRow<'callId'>[];
export const countedOneCallPeople = (db: Db, callId: string) =>
  stmt(db, COUNTER_SQL.oneCallPeople).all({ callId }) as CubeRow[];
export const countedSessionGroups = (db: Db, p: Params) =>
  stmt(db, COUNTER_SQL.sessionGroups).all(forumNow(p)) as EventGroupRow<'sessionId'>[];
export const countedSessionGenders = (db: Db, p: Params) =>
  stmt(db, COUNTER_SQL.sessionGenders).all(forumNow(p)) as EventGenderRow<'sessionId'>[];

const NEVER = 9007199254740991;
const MOD = 4294967296;
const VALS = `p.stakeholder_group, coalesce(p.region, ''), coalesce(p.development_status, ''),
  coalesce(p.gender, ''), p.is_protected`;
const MEMBER = `participants p JOIN forums f ON f.id = p.forum_id`;

/** Every counter table recomputed from the raw tables, in a canonical order (for tests). */
export const RAW_COUNTER_SQL = {
  people: `SELECT p.id AS participantId, p.forum_id AS forumId,
      coalesce((SELECT min(c.start_at) FROM attendance a JOIN calls c ON c.id = a.call_id
        WHERE a.participant_id = p.id AND a.status = 'attended' AND c.status <> 'cancelled'
          AND c.forum_id = p.forum_id), ${NEVER}) AS firstCallAt,
      coalesce((SELECT min(s.start_at) FROM session_attendance sa JOIN onsite_sessions s ON s.id = sa.session_id
        WHERE sa.participant_id = p.id AND sa.status = 'attended' AND s.status <> 'cancelled'
          AND s.forum_id = p.forum_id), ${NEVER}) AS firstSessionAt
    FROM participants p ORDER BY 1`,
  counts: `SELECT forum_id, stakeholder_group, region, development_status, gender, is_protected,
      first_call_at, first_session_at, count, key_sum FROM (
      SELECT p.forum_id AS forum_id, p.stakeholder_group AS stakeholder_group,
        coalesce(p.region, '') AS region, coalesce(p.development_status, '') AS development_status,
        coalesce(p.gender, '') AS gender, p.is_protected AS is_protected, x.firstCallAt AS first_call_at, x.firstSessionAt AS first_session_at,
        count(*) AS count, sum(record_key(f.secret, p.id)) % ${MOD} AS key_sum
      FROM ${MEMBER} JOIN (SELECT p.id AS pid,
        coalesce((SELECT min(c.start_at) FROM attendance a JOIN calls c ON c.id = a.call_id
          WHERE a.participant_id = p.id AND a.status = 'attended' AND c.status <> 'cancelled'
            AND c.forum_id = p.forum_id), ${NEVER}) AS firstCallAt,
        coalesce((SELECT min(s.start_at) FROM session_attendance sa JOIN onsite_sessions s ON s.id = sa.session_id
          WHERE sa.participant_id = p.id AND sa.status = 'attended' AND s.status <> 'cancelled'
            AND s.forum_id = p.forum_id), ${NEVER}) AS firstSessionAt
        FROM participants p) x ON x.pid = p.id
      WHERE p.removed_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8)
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
  callCounts: `SELECT a.call_id, ${VALS}, count(*) AS count, sum(record_key(f.secret, p.id)) % ${MOD} AS key_sum
    FROM ${MEMBER} JOIN attendance a ON a.participant_id = p.id AND a.status = 'attended'
      JOIN calls c ON c.id = a.call_id AND c.forum_id = p.forum_id
    WHERE p.removed_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
  sessionCounts: `SELECT sa.session_id, ${VALS}, count(*) AS count, sum(record_key(f.secret, p.id)) % ${MOD} AS key_sum
    FROM ${MEMBER} JOIN session_attendance sa ON sa.participant_id = p.id AND sa.status = 'attended'
      JOIN onsite_sessions s ON s.id = sa.session_id AND s.forum_id = p.forum_id
    WHERE p.removed_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
};

/** The maintained counter tables, non-empty cells only, in the order of RAW_COUNTER_SQL. */
export const MAINTAINED_COUNTER_SQL = {
  people: `SELECT participant_id AS participantId, forum_id AS forumId, first_call_at AS firstCallAt,
      first_session_at AS firstSessionAt FROM representation_people ORDER BY 1`,
  counts: `SELECT forum_id, stakeholder_group, region, development_status, gender, is_protected,
      first_call_at, first_session_at, count, key_sum FROM representation_counts WHERE count <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
  callCounts: `SELECT call_id, stakeholder_group, region, development_status, gender, is_protected,
      count, key_sum FROM representation_call_counts WHERE count <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
  sessionCounts: `SELECT session_id, stakeholder_group, region, development_status, gender, is_protected,
      count, key_sum FROM representation_session_counts WHERE count <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
};
