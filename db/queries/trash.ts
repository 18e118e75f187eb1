import type { Db } from '../open';
import { stmt } from './statements';

/** The tables whose rows can be kept for Undo (a closed list: names are spliced into SQL). */
export const TRASHABLE_TABLES = [
  'call_series',
  'calls',
  'agenda_items',
  'attendance',
  'action_items',
  'onsite_sessions',
  'session_attendance',
] as const;
export type TrashableTable = (typeof TRASHABLE_TABLES)[number];

export type Row = Record<string, unknown>;

/** A reference the delete will null (ON DELETE SET NULL), so Undo can put it back. */
export interface NulledReference {
  table: 'action_items' | 'contributions' | 'agenda_items';
  column: 'call_id' | 'source_call_id' | 'owner_id';
  value: string;
  ids: string[];
}

export interface TrashPayload {
  rows: Partial<Record<TrashableTable, Row[]>>;
  nulled: NulledReference[];
}

export interface TrashRecord {
  id: string;
  forumId: string;
  kind: string;
  subjectId: string;
  label: string;
  payload: string;
  deletedAt: number;
}

/** Rows of `table` where `column` is one of `values` (every column, as stored). */
export function rowsWhere(db: Db, table: TrashableTable, column: string, values: string[]): Row[] {
  if (values.length === 0) return [];
  const out: Row[] = [];
  // Chunks keep the statement under SQLite's parameter limit.
  for (let i = 0; i < values.length; i += 500) {
    const chunk = values.slice(i, i + 500);
    out.push(
      ...(db
        .prepare(`SELECT * FROM ${table} WHERE ${column} IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as Row[]),
    );
  }
  return out;
}

export function idsReferencing(
  db: Db,
  table: NulledReference['table'],
  column: NulledReference['column'],
  values: string[],
): { value: string; ids: string[] }[] {
  const out: { value: string; ids: string[] }[] = [];
  for (const value of values) {
    const ids = db
      .prepare(`SELECT id FROM ${table} WHERE ${column} = ?`)
      .pluck()
      .all(value) as string[];
    if (ids.length > 0) out.push({ value, ids });
  }
  return out;
}

export function insertRows(db: Db, table: TrashableTable, rows: Row[]): void {
  for (const row of rows) {
    const cols = Object.keys(row);
    db.prepare(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    ).run(row);
  }
}

export function restoreReference(db: Db, ref: NulledReference): void {
  const update = db.prepare(`UPDATE ${ref.table} SET ${ref.column} = ? WHERE id = ?`);
  for (const id of ref.ids) update.run(ref.value, id);
}

export function insertTrash(db: Db, r: TrashRecord): void {
  stmt(
    db,
    `INSERT INTO trash (id, forum_id, kind, subject_id, label, payload, deleted_at)
     VALUES (@id, @forumId, @kind, @subjectId, @label, @payload, @deletedAt)`,
  ).run(r);
}

const TRASH_SELECT = `id, forum_id AS forumId, kind, subject_id AS subjectId, label, payload,
  deleted_at AS deletedAt`;

export function getTrash(db: Db, id: string): TrashRecord | undefined {
  return stmt(db, `SELECT ${TRASH_SELECT} FROM trash WHERE id = ?`).get(id) as
    TrashRecord | undefined;
}

export function deleteTrash(db: Db, id: string): void {
  stmt(db, 'DELETE FROM trash WHERE id = ?').run(id);
}

/** Deletes for good what was deleted before `before`; returns how many entries went. */
export function purgeTrash(db: Db, before: number): number {
  return stmt(db, 'DELETE FROM trash WHERE deleted_at < ?').run(before).changes;
}
