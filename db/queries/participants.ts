import { stmt } from './statements';
import type { Db } from '../open';

/** A participant row as stored (lists as JSON text, booleans as 0/1). */
export interface ParticipantRecord {
  id: string;
  forumId: string;
  fullName: string;
  preferredName: string | null;
  email: string | null;
  emailKey: string | null;
  organisation: string | null;
  stakeholderGroup: string;
  country: string | null;
  region: string | null;
  developmentStatus: string | null;
  gender: string | null;
  genderSelfDescribed: string | null;
  languages: string;
  timeZone: string | null;
  aliases: string;
  handles: string;
  consentListed: number;
  consentInvitations: number;
  role: string;
  notes: string | null;
  searchText: string;
  sortName: string;
  isProtected: number;
  pseudonym: string | null;
  removedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS: [keyof ParticipantRecord, string][] = [
  ['id', 'id'],
  ['forumId', 'forum_id'],
  ['fullName', 'full_name'],
  ['preferredName', 'preferred_name'],
  ['email', 'email'],
  ['emailKey', 'email_key'],
  ['organisation', 'organisation'],
  ['stakeholderGroup', 'stakeholder_group'],
  ['country', 'country'],
  ['region', 'region'],
  ['developmentStatus', 'development_status'],
  ['gender', 'gender'],
  ['genderSelfDescribed', 'gender_self_described'],
  ['languages', 'languages'],
  ['timeZone', 'time_zone'],
  ['aliases', 'aliases'],
  ['handles', 'handles'],
  ['consentListed', 'consent_listed'],
  ['consentInvitations', 'consent_invitations'],
  ['role', 'role'],
  ['notes', 'notes'],
  ['searchText', 'search_text'],
  ['sortName', 'sort_name'],
  ['isProtected', 'is_protected'],
  ['pseudonym', 'pseudonym'],
  ['removedAt', 'removed_at'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
];

const SELECT_ALL = COLUMNS.map(([k, c]) => `${c} AS ${k}`).join(', ');

export const INSERT_PARTICIPANT_SQL = `INSERT INTO participants (${COLUMNS.map(([, c]) => c).join(', ')})
  VALUES (${COLUMNS.map(([k]) => `@${k}`).join(', ')})`;

const UPDATABLE = COLUMNS.filter(
  ([k]) => !['id', 'forumId', 'createdAt', 'removedAt', 'isProtected', 'pseudonym'].includes(k),
);
const UPDATE_SQL = `UPDATE participants SET ${UPDATABLE.map(([k, c]) => `${c} = @${k}`).join(', ')}
  WHERE id = @id`;

export function insertParticipant(db: Db, row: ParticipantRecord): void {
  stmt(db, INSERT_PARTICIPANT_SQL).run(row);
}

export function updateParticipant(db: Db, row: ParticipantRecord): void {
  stmt(db, UPDATE_SQL).run(row);
}

export function getParticipant(db: Db, id: string): ParticipantRecord | undefined {
  return stmt(db, `SELECT ${SELECT_ALL} FROM participants WHERE id = ?`).get(id) as
    ParticipantRecord | undefined;
}

export function findActiveByEmailKey(
  db: Db,
  forumId: string,
  emailKey: string,
): ParticipantRecord | undefined {
  return stmt(
    db,
    `SELECT ${SELECT_ALL} FROM participants
       WHERE forum_id = ? AND email_key = ? AND removed_at IS NULL`,
  ).get(forumId, emailKey) as ParticipantRecord | undefined;
}

export function setRemoved(db: Db, id: string, removedAt: number | null, updatedAt: number): void {
  stmt(db, 'UPDATE participants SET removed_at = ?, updated_at = ? WHERE id = ?').run(
    removedAt,
    updatedAt,
    id,
  );
}

/** Deletes for good the participants removed before `before` (the undo window has passed). */
export function purgeRemoved(db: Db, before: number): number {
  return stmt(db, 'DELETE FROM participants WHERE removed_at IS NOT NULL AND removed_at < ?').run(
    before,
  ).changes;
}

export interface ParticipantListQuery {
  forumId: string;
  /** Folded search terms; every term must appear in name, organisation or e-mail. */
  terms: string[];
  stakeholderGroup?: string;
  region?: string;
  role?: string;
  consent?: 'listed' | 'not_listed' | 'invitations' | 'no_invitations';
  sort: 'name' | 'organisation' | 'stakeholderGroup' | 'country' | 'role' | 'created';
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
  /**
   * Search and sort protected participants by their pseudonym only (the view of audiences that
   * must not learn their names, not even by what a search finds).
   */
  pseudonymsOnly?: boolean;
  /** Only those who consented to be listed (the directory outside coordinators). */
  listedOnly?: boolean;
  /** Only protected people ('only') or only the others ('none'). */
  protection?: 'only' | 'none';
  /**
   * Read the page by walking the sort's index and testing each row's text, without the trigram
   * prefilter: faster when the search matches many people and the page is near the top
   * (listParticipants decides from the count).
   */
  walkIndex?: boolean;
}

export interface ParticipantListRow {
  id: string;
  fullName: string;
  preferredName: string | null;
  email: string | null;
  organisation: string | null;
  stakeholderGroup: string;
  country: string | null;
  region: string | null;
  role: string;
  consentListed: number;
  consentInvitations: number;
  isProtected: number;
  pseudonym: string | null;
}

const SORT_COLUMNS: Record<ParticipantListQuery['sort'], string> = {
  name: 'sort_name',
  organisation: "coalesce(organisation, '') COLLATE NOCASE",
  stakeholderGroup: 'stakeholder_group',
  country: "coalesce(country, '')",
  role: 'role',
  created: 'created_at',
};

const CONSENT_CONDITIONS: Record<NonNullable<ParticipantListQuery['consent']>, string> = {
  listed: 'consent_listed = 1',
  not_listed: 'consent_listed = 0',
  invitations: 'consent_invitations = 1',
  no_invitations: 'consent_invitations = 0',
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const PAGE_COLUMNS = `id, full_name AS fullName, preferred_name AS preferredName, email, organisation,
      stakeholder_group AS stakeholderGroup, country, region, role, consent_listed AS consentListed,
      consent_invitations AS consentInvitations, is_protected AS isProtected, pseudonym`;

/**
 * Builds the SQL and parameters of one list page (exported so the bench can run it raw).
 *
 * With `pseudonymsOnly`, protected people are searched and sorted by their pseudonym and have no
 * organisation or country to sort by. One expression for both kinds (a CASE on `is_protected`) would
 * defeat every index and sort all matching rows for each page (5x the coordinators' page at 100,000
 * people, issue 10). So the page is a compound of two arms, one per kind, each with plain columns:
 * the unprotected arm is read in order from an index, the protected arm (few rows) is sorted on its
 * own, and SQLite merges the two ordered arms under the LIMIT. The arms give only the keys and the
 * id; the page's rows are read after the LIMIT, so a deep page does not read the rows it skips. For
 * the public directory (listed, unprotected people) the arm's index is a partial index of exactly
 * those people (migration 0015): the listing flags are not read per row, and the coordinators'
 * plans, which cannot use a partial index, stay as they were without ANALYZE.
 */
export function participantListSql(q: ParticipantListQuery): {
  countSql: string;
  pageSql: string;
  params: Record<string, string | number>;
} {
  const common = ['forum_id = @forumId', 'removed_at IS NULL'];
  const params: Record<string, string | number> = { forumId: q.forumId };
  if (q.stakeholderGroup) {
    common.push('stakeholder_group = @stakeholderGroup');
    params.stakeholderGroup = q.stakeholderGroup;
  }
  if (q.region) {
    common.push('region = @region');
    params.region = q.region;
  }
  if (q.role) {
    common.push('role = @role');
    params.role = q.role;
  }
  if (q.consent) common.push(CONSENT_CONDITIONS[q.consent]);
  if (q.listedOnly) common.push('consent_listed = 1');
  // With pseudonymsOnly, `protection` picks the arms below instead (no arm that can match nothing).
  if (q.protection && !q.pseudonymsOnly)
    common.push(q.protection === 'only' ? 'is_protected = 1' : 'is_protected = 0');

  q.terms.forEach((term, i) => (params[`t${i}`] = `%${escapeLike(term)}%`));
  const like = (column: string) => q.terms.map((_, i) => `${column} LIKE @t${i} ESCAPE '\\'`);
  // Terms of 3+ characters narrow the rows through the trigram index first (migration 0005).
  const indexed = q.terms.filter((t) => [...t].length >= 3);
  if (indexed.length > 0)
    params.trigrams = indexed.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
  const candidates = `id IN (SELECT participant_id FROM participant_search_keys WHERE key IN
      (SELECT rowid FROM participants_trigram WHERE participants_trigram MATCH @trigrams))`;
  const byName = [
    ...like('search_text'),
    ...(indexed.length > 0 && !q.walkIndex ? [candidates] : []),
  ];
  // A protected person's pseudonym: searched as lower-case text, ordered by its collation key.
  const pseudonymText = "lower(coalesce(pseudonym, ''))";
  const pseudonym = "sort_key(coalesce(pseudonym, ''))";

  const dir = q.direction === 'desc' ? 'DESC' : 'ASC';
  params.limit = q.limit;
  params.offset = q.offset;

  if (!q.pseudonymsOnly) {
    const whereSql = [...common, ...byName].join(' AND ');
    const order =
      q.sort === 'name'
        ? `sort_name ${dir}, id ${dir}`
        : `${SORT_COLUMNS[q.sort]} ${dir}, sort_name ${dir}, id ${dir}`;
    return {
      countSql: `SELECT count(*) FROM participants WHERE ${whereSql}`,
      pageSql: `SELECT ${PAGE_COLUMNS}
      FROM participants WHERE ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      params,
    };
  }

  // Protected people are found by their pseudonym only: no name search, no trigram prefilter.
  const openWhere = [...common, 'is_protected = 0', ...byName].join(' AND ');
  const protectedWhere = [...common, 'is_protected = 1', ...like(pseudonymText)].join(' AND ');
  const hidden = q.sort === 'organisation' || q.sort === 'country';
  const openKey = q.sort === 'name' ? '' : `${SORT_COLUMNS[q.sort]} AS sortKey, `;
  const protectedKey =
    q.sort === 'name' ? '' : `${hidden ? "''" : SORT_COLUMNS[q.sort]} AS sortKey, `;
  const keyOrder = (of: string) =>
    q.sort === 'name'
      ? ''
      : `${of}sortKey${q.sort === 'organisation' ? ' COLLATE NOCASE' : ''} ${dir}, `;
  const arms = [
    ...(q.protection === 'only'
      ? []
      : [{ select: `${openKey}sort_name AS nameKey`, from: 'participants', where: openWhere }]),
    ...(q.protection === 'none'
      ? []
      : [
          {
            select: `${protectedKey}${pseudonym} AS nameKey`,
            // Protected people are few: found through their flag, then sorted. Left to the planner
            // (with PRAGMA optimize's statistics) it walked an index in sort order instead and read
            // every participant of the forum to find them (20x the coordinators' page by date).
            from: 'participants INDEXED BY participants_forum_protected_idx',
            where: protectedWhere,
          },
        ]),
  ];
  const countSql = `SELECT ${arms.map((a) => `(SELECT count(*) FROM ${a.from} WHERE ${a.where})`).join(' + ')}`;
  const order = `ORDER BY ${keyOrder('')}nameKey ${dir}, id ${dir}`;
  const keys = (a: (typeof arms)[number]) =>
    `SELECT id, ${a.select} FROM ${a.from} WHERE ${a.where}`;
  const rows = `SELECT ${PAGE_COLUMNS} FROM page JOIN participants USING (id)
      ORDER BY ${keyOrder('page.')}page.nameKey ${dir}, page.id ${dir}`;
  if (arms.length === 1)
    return {
      countSql,
      pageSql: `WITH page AS (${keys(arms[0])} ${order} LIMIT @limit OFFSET @offset)\n      ${rows}`,
      params,
    };
  // Both arms. Merging them under the LIMIT would step the compound through every key before the
  // offset (1.65x the coordinators' page near the end of the directory). The P protected people
  // can move an open row by at most P places, so the open arm is read only from a window that
  // starts P rows before the offset (skipped in its index, as the coordinators' page skips them)
  // and is P rows wider than the page. In the merge of that window with all protected rows, a row
  // at or after the window's first open row stands at (window start + its place), and every
  // protected row before that first open row stands before the page; so the page is the merge's
  // slice at (offset − window start).
  const [open, hiddenArm] = arms;
  return {
    countSql,
    pageSql: `WITH protectedCount AS (SELECT count(*) AS n FROM ${hiddenArm.from} WHERE ${hiddenArm.where}),
      windowStart AS (SELECT max(0, @offset - n) AS s, n FROM protectedCount),
      openWindow AS (${keys(open)} ${order}
        LIMIT @limit + (SELECT n FROM windowStart) OFFSET (SELECT s FROM windowStart)),
      page AS (SELECT * FROM openWindow UNION ALL ${keys(hiddenArm)}
        ${order} LIMIT @limit OFFSET @offset - (SELECT s FROM windowStart))
      ${rows}`,
    params,
  };
}

/** Below this many matches the trigram prefilter's sort is cheap whatever the page. */
const WALK_MIN_MATCHES = 1000;

export function listParticipants(
  db: Db,
  q: ParticipantListQuery,
): { total: number; rows: ParticipantListRow[] } {
  const { countSql, params } = participantListSql(q);
  const { limit: _limit, offset: _offset, ...countParams } = params;
  const total = stmt(db, countSql).pluck().get(countParams) as number;
  // The trigram prefilter reads every match, then sorts them all for one page: 70 ms for a common
  // surname matching 20,000 of 100,000 people. When the page lies within the first tenth of the
  // matches, walking the sort's index and testing each row reads at most about ten rows a match
  // (the page's rows times the forum's share of matches), a few hundred rows for that search.
  const walkIndex =
    q.terms.length > 0 && total >= WALK_MIN_MATCHES && (q.offset + q.limit) * 10 <= total;
  const { pageSql } = participantListSql({ ...q, walkIndex });
  const rows = stmt(db, pageSql).all(params) as ParticipantListRow[];
  return { total, rows };
}

/** Every active participant of a forum (for exports and redaction), ordered by name. */
export function listAllParticipants(db: Db, forumId: string): ParticipantRecord[] {
  return stmt(
    db,
    `SELECT ${SELECT_ALL} FROM participants WHERE forum_id = ? AND removed_at IS NULL
       ORDER BY sort_name, id`,
  ).all(forumId) as ParticipantRecord[];
}

/** Every protected participant of a forum, removed ones included (their names may be in old text). */
export function listProtectedParticipants(db: Db, forumId: string): ParticipantRecord[] {
  return stmt(
    db,
    `SELECT ${SELECT_ALL} FROM participants WHERE forum_id = ? AND is_protected = 1 ORDER BY id`,
  ).all(forumId) as ParticipantRecord[];
}

/** The e-mail keys in use in a forum (to check many imported rows with one query). */
export function activeEmailKeys(db: Db, forumId: string): Set<string> {
  return new Set(
    stmt(
      db,
      'SELECT email_key FROM participants WHERE forum_id = ? AND removed_at IS NULL AND email_key IS NOT NULL',
    )
      .pluck()
      .all(forumId) as string[],
  );
}
