import { collectForumRows, forumTables } from './forumTables';
import { stmt } from './statements';
import type { Db } from '../open';

export interface ForumRow {
  id: string;
  title: string;
  topic: string;
  year: number;
  mandate: string;
  secret: string;
  createdAt: number;
  updatedAt: number;
  archivedAt?: number | null;
}

export interface MilestoneRow {
  id: string;
  forumId: string;
  kind: string;
  label: string;
  date: string;
  position: number;
}

const FORUM_COLUMNS =
  'id, title, topic, year, mandate, secret, created_at AS createdAt, updated_at AS updatedAt, archived_at AS archivedAt';

export function listForums(db: Db): ForumRow[] {
  return stmt(
    db,
    `SELECT ${FORUM_COLUMNS} FROM forums ORDER BY year DESC, title COLLATE NOCASE`,
  ).all() as ForumRow[];
}

/** The ids of the `limit` open (not archived) forums changed last. */
export function recentlyChangedForumIds(db: Db, limit: number): string[] {
  return stmt(
    db,
    'SELECT id FROM forums WHERE archived_at IS NULL ORDER BY updated_at DESC, id LIMIT ?',
  )
    .pluck()
    .all(limit) as string[];
}

export function getForum(db: Db, id: string): ForumRow | undefined {
  return stmt(db, `SELECT ${FORUM_COLUMNS} FROM forums WHERE id = ?`).get(id) as
    ForumRow | undefined;
}

export function insertForum(db: Db, row: ForumRow): void {
  stmt(
    db,
    `INSERT INTO forums (id, title, topic, year, mandate, secret, created_at, updated_at)
     VALUES (@id, @title, @topic, @year, @mandate, @secret, @createdAt, @updatedAt)`,
  ).run(row);
}

export function updateForum(
  db: Db,
  row: Pick<ForumRow, 'id' | 'title' | 'topic' | 'year' | 'mandate' | 'updatedAt'>,
): void {
  stmt(
    db,
    `UPDATE forums SET title = @title, topic = @topic, year = @year, mandate = @mandate,
     updated_at = @updatedAt WHERE id = @id`,
  ).run(row);
}

export function listMilestones(db: Db, forumId: string): MilestoneRow[] {
  return stmt(
    db,
    `SELECT id, forum_id AS forumId, kind, label, date, position FROM milestones
       WHERE forum_id = ? ORDER BY date, position`,
  ).all(forumId) as MilestoneRow[];
}

export function replaceMilestones(db: Db, forumId: string, rows: MilestoneRow[]): void {
  stmt(db, 'DELETE FROM milestones WHERE forum_id = ?').run(forumId);
  const insert = stmt(
    db,
    `INSERT INTO milestones (id, forum_id, kind, label, date, position)
     VALUES (@id, @forumId, @kind, @label, @date, @position)`,
  );
  for (const row of rows) insert.run(row);
}

export function countActiveParticipants(db: Db, forumId: string): number {
  return stmt(db, 'SELECT count(*) FROM participants WHERE forum_id = ? AND removed_at IS NULL')
    .pluck()
    .get(forumId) as number;
}

export function setForumArchived(db: Db, id: string, archivedAt: number | null, now: number): void {
  stmt(db, 'UPDATE forums SET archived_at = ?, updated_at = ? WHERE id = ?').run(
    archivedAt,
    now,
    id,
  );
}

/**
 * Which forum a write touches, for the methods that name a record rather than the forum: the
 * method's prefix (or the input field) picks the table, joined up to the forum.
 */
const FORUM_OF: Record<string, string> = {
  participant: 'SELECT forum_id FROM participants WHERE id = ?',
  incident: 'SELECT forum_id FROM incidents WHERE id = ?',
  actor: 'SELECT forum_id FROM disruptive_actors WHERE id = ?',
  callSeries: 'SELECT forum_id FROM call_series WHERE id = ?',
  call: 'SELECT forum_id FROM calls WHERE id = ?',
  actionItem: 'SELECT forum_id FROM action_items WHERE id = ?',
  trash: 'SELECT forum_id FROM trash WHERE id = ?',
  theme: 'SELECT forum_id FROM themes WHERE id = ?',
  contribution: 'SELECT forum_id FROM contributions WHERE id = ?',
  session: 'SELECT forum_id FROM onsite_sessions WHERE id = ?',
  report: 'SELECT forum_id FROM reports WHERE id = ?',
  savedFilter: 'SELECT forum_id FROM saved_filters WHERE id = ?',
  reportSection: `SELECT r.forum_id FROM report_sections s JOIN reports r ON r.id = s.report_id
    WHERE s.id = ?`,
  round: `SELECT r.forum_id FROM comment_rounds c JOIN reports r ON r.id = c.report_id
    WHERE c.id = ?`,
  comment: `SELECT r.forum_id FROM report_comments m JOIN comment_rounds c ON c.id = m.round_id
    JOIN reports r ON r.id = c.report_id WHERE m.id = ?`,
};

export type ForumOwnedKind = keyof typeof FORUM_OF;

export function forumIdOfRecord(db: Db, kind: ForumOwnedKind, id: string): string | undefined {
  return stmt(db, FORUM_OF[kind]).pluck().get(id) as string | undefined;
}

/** Derived and Undo tables that have a forum column but no cascading foreign key to it. */
const FORUM_SIDE_TABLES = [
  'trash',
  'representation_people',
  'representation_counts',
  'representation_settings',
  'forum_data_versions',
  'audit_log',
];

/**
 * Deletes every row of the forum, children before parents (so the triggers that keep the derived
 * counters still find their forum), then the side tables and the forum row itself.
 */
export function deleteForumRows(db: Db, id: string): void {
  const rows = collectForumRows(db, id, true);
  for (const t of forumTables().reverse()) {
    if (!t.owner) continue;
    const parentCol = t.owner.foreignColumns[0];
    const parentIds = (rows.get(t.owner.table) ?? []).map((r) => String(r[parentCol]));
    if (parentIds.length === 0) continue;
    db.prepare(
      `DELETE FROM "${t.name}" WHERE "${t.owner.columns[0]}" IN (SELECT value FROM json_each(?))`,
    ).run(JSON.stringify(parentIds));
  }
  for (const table of FORUM_SIDE_TABLES)
    stmt(db, `DELETE FROM ${table} WHERE forum_id = ?`).run(id);
  stmt(db, 'DELETE FROM forums WHERE id = ?').run(id);
}
