import {
  CONTRIBUTION_KINDS_BY_LABEL,
  CONTRIBUTION_STATUSES_BY_LABEL,
} from '../../shared/domain/contributions';
import { HIT_END, HIT_START } from '../../shared/domain/search';
import type { Db } from '../open';
import { stmt } from './statements';

/* ---- Themes ---- */

export interface ThemeRecord {
  id: string;
  forumId: string;
  name: string;
  position: number;
  contributionCount: number;
}

const THEME_COLUMNS = `t.id AS id, t.forum_id AS forumId, t.name AS name, t.position AS position,
  (SELECT count(*) FROM contribution_themes ct WHERE ct.theme_id = t.id) AS contributionCount`;

export function listThemes(db: Db, forumId: string): ThemeRecord[] {
  return stmt(
    db,
    `SELECT ${THEME_COLUMNS} FROM themes t WHERE t.forum_id = ? ORDER BY t.position, t.name`,
  ).all(forumId) as ThemeRecord[];
}

export function getTheme(db: Db, id: string): ThemeRecord | undefined {
  return stmt(db, `SELECT ${THEME_COLUMNS} FROM themes t WHERE t.id = ?`).get(id) as
    ThemeRecord | undefined;
}

export function findThemeByName(db: Db, forumId: string, name: string): ThemeRecord | undefined {
  return stmt(
    db,
    `SELECT ${THEME_COLUMNS} FROM themes t WHERE t.forum_id = ? AND lower(t.name) = lower(?)`,
  ).get(forumId, name) as ThemeRecord | undefined;
}

export function insertTheme(
  db: Db,
  row: { id: string; forumId: string; name: string; position?: number },
): void {
  stmt(
    db,
    `INSERT INTO themes (id, forum_id, name, position)
     VALUES (@id, @forumId, @name,
       coalesce(@position, (SELECT coalesce(max(position), -1) + 1 FROM themes WHERE forum_id = @forumId)))`,
  ).run({ position: null, ...row });
}

export function renameTheme(db: Db, id: string, name: string): void {
  stmt(db, 'UPDATE themes SET name = ? WHERE id = ?').run(name, id);
}

export function deleteTheme(db: Db, id: string): void {
  stmt(db, 'DELETE FROM themes WHERE id = ?').run(id);
}

/* ---- Contributions ---- */

/** A contribution row as stored (links as JSON text, booleans as 0/1). */
export interface ContributionRecord {
  id: string;
  forumId: string;
  title: string;
  summary: string;
  body: string;
  kind: string;
  country: string | null;
  region: string | null;
  source: string;
  sourceCallId: string | null;
  sourceSessionId: string | null;
  contributorId: string | null;
  contributorName: string;
  contributorOrganisation: string;
  language: string;
  receivedOn: string;
  links: string;
  attribution: string;
  mayPublish: number;
  consentGivenOn: string | null;
  consentMethod: string | null;
  consentWithdrawnAt: number | null;
  consentWithdrawnScope: string | null;
  status: string;
  reviewerNotes: string;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS: [keyof ContributionRecord, string][] = [
  ['id', 'id'],
  ['forumId', 'forum_id'],
  ['title', 'title'],
  ['summary', 'summary'],
  ['body', 'body'],
  ['kind', 'kind'],
  ['country', 'country'],
  ['region', 'region'],
  ['source', 'source'],
  ['sourceCallId', 'source_call_id'],
  ['sourceSessionId', 'source_session_id'],
  ['contributorId', 'contributor_id'],
  ['contributorName', 'contributor_name'],
  ['contributorOrganisation', 'contributor_organisation'],
  ['language', 'language'],
  ['receivedOn', 'received_on'],
  ['links', 'links'],
  ['attribution', 'attribution'],
  ['mayPublish', 'may_publish'],
  ['consentGivenOn', 'consent_given_on'],
  ['consentMethod', 'consent_method'],
  ['consentWithdrawnAt', 'consent_withdrawn_at'],
  ['consentWithdrawnScope', 'consent_withdrawn_scope'],
  ['status', 'status'],
  ['reviewerNotes', 'reviewer_notes'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
];

const SELECT_ALL = COLUMNS.map(([k, c]) => `c.${c} AS ${k}`).join(', ');

export const INSERT_CONTRIBUTION_SQL = `INSERT INTO contributions (${COLUMNS.map(([, c]) => c).join(', ')})
  VALUES (${COLUMNS.map(([k]) => `@${k}`).join(', ')})`;

const UPDATABLE = COLUMNS.filter(([k]) => !['id', 'forumId', 'createdAt'].includes(k));
const UPDATE_SQL = `UPDATE contributions SET ${UPDATABLE.map(([k, c]) => `${c} = @${k}`).join(', ')}
  WHERE id = @id`;

export function insertContribution(db: Db, row: ContributionRecord): void {
  stmt(db, INSERT_CONTRIBUTION_SQL).run(row);
}

export function updateContributionRow(db: Db, row: ContributionRecord): void {
  stmt(db, UPDATE_SQL).run(row);
}

export function getContributionRow(db: Db, id: string): ContributionRecord | undefined {
  return stmt(db, `SELECT ${SELECT_ALL} FROM contributions c WHERE c.id = ?`).get(id) as
    ContributionRecord | undefined;
}

export function themeIdsOf(db: Db, contributionId: string): string[] {
  return stmt(
    db,
    `SELECT ct.theme_id FROM contribution_themes ct JOIN themes t ON t.id = ct.theme_id
     WHERE ct.contribution_id = ? ORDER BY t.position, t.name`,
  )
    .pluck()
    .all(contributionId) as string[];
}

export function setContributionThemes(db: Db, contributionId: string, themeIds: string[]): void {
  stmt(db, 'DELETE FROM contribution_themes WHERE contribution_id = ?').run(contributionId);
  addContributionThemes(db, contributionId, themeIds);
}

/** Tags a contribution with more themes (for new contributions: no delete first). */
export function addContributionThemes(db: Db, contributionId: string, themeIds: string[]): void {
  const insert = stmt(
    db,
    'INSERT OR IGNORE INTO contribution_themes (contribution_id, theme_id) VALUES (?, ?)',
  );
  for (const t of themeIds) insert.run(contributionId, t);
}

/** Theme names of many contributions at once: id -> names (in theme order). */
export function themeNamesOf(db: Db, contributionIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (contributionIds.length === 0) return out;
  const rows = stmt(
    db,
    `SELECT ct.contribution_id AS id, t.name AS name FROM contribution_themes ct
     JOIN themes t ON t.id = ct.theme_id
     WHERE ct.contribution_id IN (SELECT value FROM json_each(?)) ORDER BY t.position, t.name`,
  ).all(JSON.stringify(contributionIds)) as { id: string; name: string }[];
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.name]);
  return out;
}

export interface HistoryRecord {
  id: string;
  contributionId: string;
  at: number;
  actor: string;
  action: string;
  detail: string;
}

export function insertHistory(db: Db, row: HistoryRecord): void {
  stmt(
    db,
    `INSERT INTO contribution_history (id, contribution_id, at, actor, action, detail)
     VALUES (@id, @contributionId, @at, @actor, @action, @detail)`,
  ).run(row);
}

export function listHistory(db: Db, contributionId: string): HistoryRecord[] {
  return stmt(
    db,
    `SELECT id, contribution_id AS contributionId, at, actor, action, detail
     FROM contribution_history WHERE contribution_id = ? ORDER BY at DESC, rowid DESC`,
  ).all(contributionId) as HistoryRecord[];
}

/* ---- The list: filters, full-text search ---- */

export interface ContributionFilters {
  forumId: string;
  status?: string;
  themeId?: string;
  region?: string;
  kind?: string;
  source?: string;
  stakeholderGroup?: string;
  /** Only contributions an export for public or participants could use. */
  publishableOnly?: boolean;
}

export interface ContributionListQuery extends ContributionFilters {
  /** An FTS5 query (see shared/domain/search.ts), or null for no search. */
  match: string | null;
  /** A column order; without it the newest first (`received_on`), or the best match first. */
  order?: { by: ContributionOrder; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/**
 * The columns the list query sorts by. `contributor` is the name on record (the coordinators'
 * label, protected people by their real name) and `title` the stored title: an audience that is
 * shown pseudonyms and redacted titles must be sorted by what it is shown (the service does that),
 * or the page order would reveal what the redaction hides.
 */
export type ContributionOrder = 'title' | 'kind' | 'status' | 'contributor' | 'received';

/** A CASE giving each value of `column` its place in `order` (codes sorted by their label). */
const rank = (column: string, order: readonly string[]) =>
  `CASE ${column} ${order.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} ELSE ${order.length} END`;

/**
 * The sort key of each order. Text sorts by `sort_key` (db/fold.ts), as participants sort by
 * `sort_name`; kinds and statuses by their labels' order; the contributor as the coordinators'
 * list labels them (`rowFor` in the contributions service: the participant's name, else the
 * outside contributor's name or organisation, else "Not recorded").
 */
const ORDER_KEYS: Record<ContributionOrder, string> = {
  title: 'sort_key(c.title)',
  kind: rank('c.kind', CONTRIBUTION_KINDS_BY_LABEL),
  status: rank('c.status', CONTRIBUTION_STATUSES_BY_LABEL),
  contributor: `sort_key(coalesce(p.full_name, nullif(c.contributor_name, ''),
    nullif(c.contributor_organisation, ''), 'Not recorded'))`,
  received: 'c.received_on',
};

export interface ContributionListRow {
  id: string;
  title: string;
  summary: string;
  kind: string;
  status: string;
  source: string;
  country: string | null;
  region: string | null;
  receivedOn: string;
  attribution: string;
  mayPublish: number;
  consentWithdrawnScope: string | null;
  contributorName: string;
  contributorOrganisation: string;
  participantName: string | null;
  participantOrganisation: string | null;
  stakeholderGroup: string | null;
  isProtected: number | null;
  pseudonym: string | null;
  /** With a search: its key in contributions_fts. */
  key: number | null;
  total: number;
}

const LIST_COLUMNS = `c.id AS id, c.title AS title, c.summary AS summary, c.kind AS kind,
  c.status AS status, c.source AS source, c.country AS country, c.region AS region,
  c.received_on AS receivedOn, c.attribution AS attribution, c.may_publish AS mayPublish,
  c.consent_withdrawn_scope AS consentWithdrawnScope, c.contributor_name AS contributorName,
  c.contributor_organisation AS contributorOrganisation, p.full_name AS participantName,
  p.organisation AS participantOrganisation, p.stakeholder_group AS stakeholderGroup,
  p.is_protected AS isProtected, p.pseudonym AS pseudonym`;

/** Column weights of contributions_fts (title, summary, body, forum): the forum never ranks. */
const BM25 = '10.0, 4.0, 1.0, 0.0';

/** The forum's token in contributions_fts's `forum` column (migration 0009). */
export const forumToken = (forumId: string) => `f${forumId.replace(/-/g, '').toLowerCase()}`;

/** A search scoped to one forum inside the full-text query. */
export const forumMatch = (forumId: string, match: string) =>
  `forum : ${forumToken(forumId)} AND (${match})`;

/** The list's filters as SQL conditions on `c` (contributions) and `p` (their participant). */
function listFilters(q: ContributionFilters): { where: string[]; params: Record<string, unknown> } {
  const where = ['c.forum_id = @forumId'];
  const params: Record<string, unknown> = { forumId: q.forumId };
  const eq = (column: string, key: keyof ContributionFilters) => {
    if (q[key] === undefined) return;
    where.push(`${column} = @${key}`);
    params[key] = q[key];
  };
  eq('c.status', 'status');
  eq('c.region', 'region');
  eq('c.kind', 'kind');
  eq('c.source', 'source');
  eq('p.stakeholder_group', 'stakeholderGroup');
  if (q.themeId !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM contribution_themes ct WHERE ct.contribution_id = c.id AND ct.theme_id = @themeId)',
    );
    params.themeId = q.themeId;
  }
  if (q.publishableOnly)
    where.push("c.may_publish = 1 AND coalesce(c.consent_withdrawn_scope, '') <> 'publication'");
  return { where, params };
}

/**
 * The page query (count in the same pass): plain SQL, so benchmarks can run it raw. With an
 * `order`, rows sort by its key and then by id (the same direction), so equal keys still page in
 * one fixed order: pages are disjoint and cover the list. The count reads every matching row
 * anyway, so a sort costs one sort of the forum's matching rows (thousands), as the default order
 * does (plans.test.ts): no index per column.
 */
export function contributionListSql(q: ContributionListQuery): {
  sql: string;
  params: Record<string, unknown>;
} {
  const { where, params } = listFilters(q);
  params.limit = q.limit;
  params.offset = q.offset;
  const dir = q.order?.direction === 'desc' ? 'DESC' : 'ASC';
  const sortKey = q.order ? ORDER_KEYS[q.order.by] : null;
  if (q.match !== null) {
    params.match = forumMatch(q.forumId, q.match);
    // The forum is in the FTS query itself; with no other filter (and no order by a column) the
    // hits come from the FTS index alone (as fast as the bare query), and only the page's rows
    // are read.
    const filtered = where.length > 1 || sortKey !== null;
    const people = q.stakeholderGroup !== undefined || q.order?.by === 'contributor';
    const hits = filtered
      ? `SELECT f.rowid AS key, bm25(contributions_fts, ${BM25}) AS score
            ${sortKey ? `, ${sortKey} AS sortKey, c.id AS id` : ''}
          FROM contributions_fts f
          JOIN contribution_search_keys k ON k.key = f.rowid
          JOIN contributions c ON c.id = k.contribution_id
          ${people ? 'LEFT JOIN participants p ON p.id = c.contributor_id' : ''}
          WHERE contributions_fts MATCH @match AND ${where.join(' AND ')}`
      : `SELECT rowid AS key, bm25(contributions_fts, ${BM25}) AS score
          FROM contributions_fts WHERE contributions_fts MATCH @match`;
    const order = (of: string) => (sortKey ? `${of}sortKey ${dir}, ${of}id ${dir}` : `${of}score`);
    return {
      // Rank narrow rows first (key, score), then read the columns of the page's rows only.
      sql: `WITH hits AS MATERIALIZED (${hits}),
        page AS MATERIALIZED (
          SELECT *, count(*) OVER () AS total FROM hits
          ORDER BY ${order('')} LIMIT @limit OFFSET @offset
        )
        SELECT ${LIST_COLUMNS}, page.key AS key, page.total AS total
        FROM page JOIN contribution_search_keys k ON k.key = page.key
        JOIN contributions c ON c.id = k.contribution_id
        LEFT JOIN participants p ON p.id = c.contributor_id
        WHERE c.forum_id = @forumId
        ORDER BY ${order('page.')}`,
      params,
    };
  }
  return {
    sql: `SELECT ${LIST_COLUMNS}, NULL AS key, count(*) OVER () AS total
      FROM contributions c
      LEFT JOIN participants p ON p.id = c.contributor_id
      WHERE ${where.join(' AND ')}
      ORDER BY ${sortKey ? `${sortKey} ${dir}, c.id ${dir}` : 'c.received_on DESC, c.id DESC'}
      LIMIT @limit OFFSET @offset`,
    params,
  };
}

export function listContributions(
  db: Db,
  q: ContributionListQuery,
): { total: number; rows: ContributionListRow[] } {
  const { sql, params } = contributionListSql(q);
  const rows = stmt(db, sql).all(params) as ContributionListRow[];
  if (rows.length > 0) return { total: rows[0].total, rows };
  if (q.offset === 0) return { total: 0, rows };
  // Past the end: the first row still carries the total.
  const first = contributionListSql({ ...q, offset: 0, limit: 1 });
  const head = stmt(db, first.sql).get(first.params) as ContributionListRow | undefined;
  return { total: head?.total ?? 0, rows };
}

/** What the list shows of a contribution that a sort can order by (no summary, themes or count). */
export type ContributionSortRow = Pick<
  ContributionListRow,
  | 'id'
  | 'title'
  | 'kind'
  | 'status'
  | 'receivedOn'
  | 'attribution'
  | 'mayPublish'
  | 'consentWithdrawnScope'
  | 'contributorName'
  | 'contributorOrganisation'
  | 'participantName'
  | 'participantOrganisation'
  | 'isProtected'
  | 'pseudonym'
>;

/**
 * Every contribution matching the filters, with only what a sort by the shown text needs (a
 * service sorts them and reads the page's rows with `contributionRowsByIds`).
 */
export function listContributionSortRows(db: Db, q: ContributionFilters): ContributionSortRow[] {
  const { where, params } = listFilters(q);
  return stmt(
    db,
    `SELECT c.id AS id, c.title AS title, c.kind AS kind, c.status AS status,
       c.received_on AS receivedOn, c.attribution AS attribution, c.may_publish AS mayPublish,
       c.consent_withdrawn_scope AS consentWithdrawnScope, c.contributor_name AS contributorName,
       c.contributor_organisation AS contributorOrganisation, p.full_name AS participantName,
       p.organisation AS participantOrganisation, p.is_protected AS isProtected,
       p.pseudonym AS pseudonym
     FROM contributions c LEFT JOIN participants p ON p.id = c.contributor_id
     WHERE ${where.join(' AND ')}`,
  ).all(params) as ContributionSortRow[];
}

/** A list row without what the page query adds (search key, total). */
export type ContributionRowColumns = Omit<ContributionListRow, 'key' | 'total'>;

/** The list rows of these contributions, in the order of `ids`. */
export function contributionRowsByIds(db: Db, ids: string[]): ContributionRowColumns[] {
  if (ids.length === 0) return [];
  return stmt(
    db,
    `SELECT ${LIST_COLUMNS}
     FROM json_each(?) j JOIN contributions c ON c.id = j.value
     LEFT JOIN participants p ON p.id = c.contributor_id
     ORDER BY j.key`,
  ).all(JSON.stringify(ids)) as ContributionRowColumns[];
}

export interface SnippetRow {
  key: number;
  title: string;
  snippet: string;
}

export const SNIPPET_SQL = `SELECT rowid AS key,
    highlight(contributions_fts, 0, '${HIT_START}', '${HIT_END}') AS title,
    snippet(contributions_fts, -1, '${HIT_START}', '${HIT_END}', '…', 24) AS snippet
  FROM contributions_fts
  WHERE contributions_fts MATCH @match AND rowid IN (SELECT value FROM json_each(@keys))`;

/** Highlighted title and best passage of the given search results. */
export function contributionSnippets(db: Db, match: string, keys: number[]): SnippetRow[] {
  if (keys.length === 0) return [];
  return stmt(db, SNIPPET_SQL).all({ match, keys: JSON.stringify(keys) }) as SnippetRow[];
}

/** Contributions of a forum whose words overlap `match` (an OR query), best first. */
export function similarCandidates(
  db: Db,
  forumId: string,
  match: string,
  limit: number,
): { id: string; title: string; summary: string; body: string; status: string }[] {
  return stmt(
    db,
    `SELECT c.id, c.title, c.summary, c.body, c.status
     FROM contributions_fts f
     JOIN contribution_search_keys k ON k.key = f.rowid
     JOIN contributions c ON c.id = k.contribution_id
     WHERE contributions_fts MATCH @match AND c.forum_id = @forumId
     ORDER BY bm25(contributions_fts, ${BM25}) LIMIT @limit`,
  ).all({ match: forumMatch(forumId, match), forumId, limit }) as {
    id: string;
    title: string;
    summary: string;
    body: string;
    status: string;
  }[];
}

export interface NoteHitRow {
  type: 'call' | 'session';
  id: string;
  title: string;
  startAt: number | null;
  snippet: string;
  /** The whole indexed text (minutes or notes): what a public search checks and cuts from. */
  body: string;
}

/** Call minutes and NRI session notes matching `match`, best first. */
export function searchNotes(db: Db, forumId: string, match: string, limit: number): NoteHitRow[] {
  return stmt(
    db,
    `SELECT k.doc_type AS type, k.doc_id AS id, n.title AS title,
       coalesce((SELECT start_at FROM calls WHERE id = k.doc_id AND k.doc_type = 'call'),
                (SELECT start_at FROM onsite_sessions WHERE id = k.doc_id AND k.doc_type = 'session')) AS startAt,
       snippet(notes_fts, -1, '${HIT_START}', '${HIT_END}', '…', 24) AS snippet,
       coalesce(n.body, '') AS body
     FROM notes_fts n JOIN note_search_keys k ON k.key = n.rowid
     WHERE notes_fts MATCH @match AND k.forum_id = @forumId
     ORDER BY bm25(notes_fts, 5.0, 1.0) LIMIT @limit`,
  ).all({ match, forumId, limit }) as NoteHitRow[];
}

/* ---- Coverage ---- */

/** Accepted contributions whose publication was not withdrawn. */
const USABLE = `c.forum_id = @forumId AND c.status = 'accepted'
  AND coalesce(c.consent_withdrawn_scope, '') <> 'publication'`;

/** A count with the sum of its contributions' record keys (db/recordKey.ts). */
export interface KeyedRow<K> {
  key: K;
  count: number;
  keySum: number;
}

export interface CoverageCounts {
  accepted: number;
  acceptedKeySum: number;
  byRegion: KeyedRow<string | null>[];
  byKind: KeyedRow<string>[];
  byStakeholderGroup: KeyedRow<string | null>[];
  byTheme: KeyedRow<string>[];
}

/**
 * Counts of usable accepted contributions; `publishableOnly` also requires "may be published".
 * Each count comes with the sum of the contributions' record keys (`secret`: the forum's).
 */
export function coverageCounts(
  db: Db,
  forumId: string,
  publishableOnly: boolean,
  secret: string,
): CoverageCounts {
  const filter = publishableOnly ? `${USABLE} AND c.may_publish = 1` : USABLE;
  const params = { forumId, secret };
  const KEYS = 'count(*) AS count, sum(record_key(@secret, c.id)) AS keySum';
  const total = stmt(
    db,
    `SELECT count(*) AS count, sum(record_key(@secret, c.id)) AS keySum FROM contributions c WHERE ${filter}`,
  ).get(params) as { count: number; keySum: number | null };
  return {
    accepted: total.count,
    acceptedKeySum: total.keySum ?? 0,
    byRegion: stmt(
      db,
      `SELECT c.region AS key, ${KEYS} FROM contributions c WHERE ${filter} GROUP BY c.region`,
    ).all(params) as CoverageCounts['byRegion'],
    byKind: stmt(
      db,
      `SELECT c.kind AS key, ${KEYS} FROM contributions c WHERE ${filter} GROUP BY c.kind`,
    ).all(params) as CoverageCounts['byKind'],
    byStakeholderGroup: stmt(
      db,
      `SELECT p.stakeholder_group AS key, ${KEYS} FROM contributions c
       LEFT JOIN participants p ON p.id = c.contributor_id WHERE ${filter} GROUP BY p.stakeholder_group`,
    ).all(params) as CoverageCounts['byStakeholderGroup'],
    byTheme: stmt(
      db,
      `SELECT ct.theme_id AS key, ${KEYS} FROM contributions c
       JOIN contribution_themes ct ON ct.contribution_id = c.id WHERE ${filter} GROUP BY ct.theme_id`,
    ).all(params) as CoverageCounts['byTheme'],
  };
}

/** Every contribution of a forum (for exports), oldest first. */
export function listAllContributions(db: Db, forumId: string): ContributionRecord[] {
  return stmt(
    db,
    `SELECT ${SELECT_ALL} FROM contributions c WHERE c.forum_id = ? ORDER BY c.received_on, c.id`,
  ).all(forumId) as ContributionRecord[];
}

/* ---- Sources ---- */

export function callTitle(db: Db, id: string): { title: string; forumId: string } | undefined {
  return stmt(db, 'SELECT title, forum_id AS forumId FROM calls WHERE id = ?').get(id) as
    { title: string; forumId: string } | undefined;
}

export function sessionTitle(db: Db, id: string): { title: string; forumId: string } | undefined {
  return stmt(db, 'SELECT title, forum_id AS forumId FROM onsite_sessions WHERE id = ?').get(id) as
    { title: string; forumId: string } | undefined;
}

export function listCallOptions(
  db: Db,
  forumId: string,
): { id: string; title: string; startAt: number }[] {
  return stmt(
    db,
    'SELECT id, title, start_at AS startAt FROM calls WHERE forum_id = ? ORDER BY start_at',
  ).all(forumId) as { id: string; title: string; startAt: number }[];
}

export function listSessionOptions(
  db: Db,
  forumId: string,
): { id: string; title: string; startAt: number }[] {
  return stmt(
    db,
    'SELECT id, title, start_at AS startAt FROM onsite_sessions WHERE forum_id = ? ORDER BY start_at',
  ).all(forumId) as { id: string; title: string; startAt: number }[];
}
