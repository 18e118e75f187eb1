/**
 * Which tables belong to a forum, read from the drizzle schema (not a hand-kept list), so a table
 * added later is packaged, remapped and swept by retention without anyone remembering to: a table
 * belongs to a forum when it is `forums` or has a NOT NULL foreign key to a table that does.
 * Rows are read and written as they are stored (column names, SQLite values).
 */
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../schema';
import type { Db } from '../open';

export type SqlValue = string | number | null;
export type StoredRow = Record<string, SqlValue>;

export interface ForeignKey {
  columns: string[];
  table: string;
  foreignColumns: string[];
  notNull: boolean;
}

export interface TableInfo {
  name: string;
  columns: string[];
  textColumns: string[];
  /** The single-column primary key, or null for a composite one (link tables). */
  primaryKey: string | null;
  foreignKeys: ForeignKey[];
}

/** Roots of the coordinators-only safeguards: packaged only when asked for, with a warning. */
export const SAFEGUARD_ROOTS = ['incidents', 'disruptive_actors'] as const;

/**
 * Tables outside any forum, or with a forum column but deliberately not packaged, and why.
 * Every table of the schema is either forum-owned or listed here (a test checks it).
 */
export const NOT_PACKAGED: Record<string, string> = {
  audit_log: "This installation's record of what was done; the import writes its own entry.",
  settings: "This installation's preferences (last forum opened, names).",
  nris: 'The directory shared by all forums: the NRIs a package refers to travel alongside it and are reused when already present.',
  // Derived from the packaged rows by the triggers of migration 0009: importing them as rows too
  // would count every person twice.
  representation_people:
    'Derived: rebuilt by triggers as the imported participants and attendance are written.',
  representation_counts:
    'Derived: rebuilt by triggers as the imported participants and attendance are written.',
  representation_call_counts: 'Derived: rebuilt by triggers as the imported attendance is written.',
  representation_session_counts:
    'Derived: rebuilt by triggers as the imported attendance is written.',
  forum_data_versions:
    'Derived: change counters of this installation, bumped by triggers on import.',
  trash:
    'Deleted items kept for Undo for one day on this installation; not handed over (retention empties it).',
  // The team server's accounts (issue 14) belong to the server, not to a forum: a package must
  // not carry accounts, password or token hashes, and retention must not touch them.
  team_users: "The team server's accounts (password hashes, authenticator keys); never packaged.",
  team_memberships:
    "The team server's roles per forum: they point at accounts, which are not packaged.",
  team_invitations: "The team server's one-time invitations (token hashes); not handed over.",
  team_sessions: "The team server's signed-in browsers (token hashes); never packaged.",
  team_login_attempts: "The team server's failed sign-ins by address (rate limit); never packaged.",
};

let cached: Map<string, TableInfo> | undefined;

/** Every table of the drizzle schema, by SQL name. */
export function schemaTables(): Map<string, TableInfo> {
  if (cached) return cached;
  const out = new Map<string, TableInfo>();
  for (const t of Object.values(schema)) {
    if (!(t instanceof SQLiteTable)) continue;
    const c = getTableConfig(t);
    const pk = c.columns.filter((col) => col.primary).map((col) => col.name);
    out.set(c.name, {
      name: c.name,
      columns: c.columns.map((col) => col.name),
      textColumns: c.columns
        .filter((col) => col.columnType === 'SQLiteText')
        .map((col) => col.name),
      primaryKey: pk.length === 1 ? pk[0] : null,
      foreignKeys: c.foreignKeys.map((f) => {
        const r = f.reference();
        return {
          columns: r.columns.map((col) => col.name),
          table: getTableConfig(r.foreignTable).name,
          foreignColumns: r.foreignColumns.map((col) => col.name),
          notNull: r.columns.every((col) => col.notNull),
        };
      }),
    });
  }
  cached = out;
  return out;
}

export interface ForumTable extends TableInfo {
  /** The NOT NULL foreign key through which its rows belong to a forum (null for `forums`). */
  owner: ForeignKey | null;
  /** Part of the safeguards (incidents, actors and what hangs off them). */
  safeguard: boolean;
}

/** The forum-owned tables in insertion order (parents before children). */
export function forumTables(): ForumTable[] {
  const tables = schemaTables();
  const owned = new Map<string, ForumTable>();
  owned.set('forums', { ...tables.get('forums')!, owner: null, safeguard: false });
  // Fixpoint: a table joins once one of its NOT NULL keys reaches an owned table.
  for (let changed = true; changed;) {
    changed = false;
    for (const t of tables.values()) {
      if (owned.has(t.name) || t.name in NOT_PACKAGED) continue;
      const candidates = t.foreignKeys.filter((f) => f.notNull && owned.has(f.table));
      if (candidates.length === 0) continue;
      // A direct key to forums is preferred; otherwise the first one (all lead to the same forum).
      const owner = candidates.find((f) => f.table === 'forums') ?? candidates[0];
      owned.set(t.name, { ...t, owner, safeguard: false });
      changed = true;
    }
  }
  // Safeguards: the roots and every table with a NOT NULL key to a safeguard table.
  for (const name of SAFEGUARD_ROOTS) owned.get(name)!.safeguard = true;
  for (let changed = true; changed;) {
    changed = false;
    for (const t of owned.values()) {
      if (t.safeguard) continue;
      if (t.foreignKeys.some((f) => f.notNull && owned.get(f.table)?.safeguard)) {
        t.safeguard = true;
        changed = true;
      }
    }
  }
  // Topological order over every key between owned tables (nullable ones too).
  const order: ForumTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`Foreign keys form a cycle at ${name}`);
    state.set(name, 'visiting');
    const t = owned.get(name)!;
    for (const f of t.foreignKeys) if (owned.has(f.table) && f.table !== name) visit(f.table);
    state.set(name, 'done');
    order.push(t);
  };
  for (const name of [...owned.keys()].sort()) visit(name);
  return order;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows of `table` whose `column` is one of `values` (as stored). */
export function rowsWhereIn(db: Db, table: string, column: string, values: string[]): StoredRow[] {
  if (values.length === 0) return [];
  return db
    .prepare(
      `SELECT * FROM ${quote(table)} WHERE ${quote(column)} IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
    )
    .all(JSON.stringify(values)) as StoredRow[];
}

/** The values of `column` among `values` that `table` already holds. */
export function existingValues(
  db: Db,
  table: string,
  column: string,
  values: string[],
): Set<string> {
  if (values.length === 0) return new Set();
  return new Set(
    db
      .prepare(
        `SELECT ${quote(column)} FROM ${quote(table)} WHERE ${quote(column)} IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(JSON.stringify(values)) as string[],
  );
}

/** Inserts one row with the given columns (the rest take their defaults). */
export function insertStoredRow(db: Db, table: string, row: StoredRow): void {
  const cols = Object.keys(row);
  db.prepare(
    `INSERT INTO ${quote(table)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
  ).run(...cols.map((c) => row[c]));
}

/** Sets some columns of the row whose `keyColumn` is `key` (rowid-free tables included). */
export function updateStoredRow(db: Db, table: string, where: StoredRow, set: StoredRow): void {
  const cols = Object.keys(set);
  if (cols.length === 0) return;
  const keys = Object.keys(where);
  db.prepare(
    `UPDATE ${quote(table)} SET ${cols.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${keys
      .map((k) => `${quote(k)} = ?`)
      .join(' AND ')}`,
  ).run(...cols.map((c) => set[c]), ...keys.map((k) => where[k]));
}

/** Rows of a forum's audit log (not a forum-owned table by key, but kept per forum). */
export function forumAuditRows(db: Db, forumId: string): StoredRow[] {
  return rowsWhereIn(db, 'audit_log', 'forum_id', [forumId]);
}

/**
 * Every row of one forum, table by table (forum-owned tables in insertion order), following the
 * owner keys down from the forum. Safeguard tables only when asked.
 */
export function collectForumRows(
  db: Db,
  forumId: string,
  includeSafeguards: boolean,
): Map<string, StoredRow[]> {
  const out = new Map<string, StoredRow[]>();
  for (const t of forumTables()) {
    if (t.safeguard && !includeSafeguards) continue;
    if (!t.owner) {
      out.set(t.name, rowsWhereIn(db, t.name, 'id', [forumId]));
      continue;
    }
    const parent = out.get(t.owner.table) ?? [];
    const parentCol = t.owner.foreignColumns[0];
    out.set(
      t.name,
      rowsWhereIn(
        db,
        t.name,
        t.owner.columns[0],
        parent.map((r) => String(r[parentCol])),
      ),
    );
  }
  return out;
}
