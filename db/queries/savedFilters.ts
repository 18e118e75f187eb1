import { stmt } from './statements';
import type { Db } from '../open';

/** A saved filter as stored (`params` is JSON text). */
export interface SavedFilterRecord {
  id: string;
  forumId: string;
  list: string;
  name: string;
  params: string;
  createdAt: number;
}

const SELECT = `SELECT id, forum_id AS forumId, list, name, params, created_at AS createdAt
  FROM saved_filters`;

export function listSavedFilters(db: Db, forumId: string, list: string): SavedFilterRecord[] {
  return stmt(db, `${SELECT} WHERE forum_id = ? AND list = ? ORDER BY id`).all(
    forumId,
    list,
  ) as SavedFilterRecord[];
}

export function getSavedFilter(db: Db, id: string): SavedFilterRecord | undefined {
  return stmt(db, `${SELECT} WHERE id = ?`).get(id) as SavedFilterRecord | undefined;
}

export function findSavedFilterByName(
  db: Db,
  forumId: string,
  list: string,
  name: string,
): SavedFilterRecord | undefined {
  return stmt(db, `${SELECT} WHERE forum_id = ? AND list = ? AND name = ?`).get(
    forumId,
    list,
    name,
  ) as SavedFilterRecord | undefined;
}

export function countSavedFilters(db: Db, forumId: string, list: string): number {
  return stmt(db, 'SELECT count(*) FROM saved_filters WHERE forum_id = ? AND list = ?')
    .pluck()
    .get(forumId, list) as number;
}

export function insertSavedFilter(db: Db, row: SavedFilterRecord): void {
  stmt(
    db,
    `INSERT INTO saved_filters (id, forum_id, list, name, params, created_at)
       VALUES (@id, @forumId, @list, @name, @params, @createdAt)`,
  ).run(row);
}

export function updateSavedFilterParams(db: Db, id: string, params: string): void {
  stmt(db, 'UPDATE saved_filters SET params = ? WHERE id = ?').run(params, id);
}

export function deleteSavedFilter(db: Db, id: string): void {
  stmt(db, 'DELETE FROM saved_filters WHERE id = ?').run(id);
}
