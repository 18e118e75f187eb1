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
  'id, title, topic, year, mandate, secret, created_at AS createdAt, updated_at AS updatedAt';

export function listForums(db: Db): ForumRow[] {
  return stmt(
    db,
    `SELECT ${FORUM_COLUMNS} FROM forums ORDER BY year DESC, title COLLATE NOCASE`,
  ).all() as ForumRow[];
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
