import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseLockedError, lockDatabaseFile } from './lock';
import { registerRecordKeyFunction } from './recordKey';

export type Db = Database.Database;

export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  /** Path of the database file, or ':memory:'. */
  file: string;
  /** Where drizzle-kit's output lives; the packaged app passes its own copy. */
  migrationsFolder?: string;
  /**
   * Create the file's folder when it is missing. The app-data default does; a folder the user
   * named (`--db`) must exist unless they asked for it (`--create`), so a typo is not a new
   * empty database.
   */
  createFolder?: boolean;
}

/**
 * Why the database could not be opened: one line that names the file, shown as is by the shells
 * (no stack trace).
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

const MIGRATIONS_TABLE = '__drizzle_migrations';

/** The app's schema version: how many migrations it ships (stored in `PRAGMA user_version`). */
export function schemaVersionOf(migrationsFolder = DEFAULT_MIGRATIONS_FOLDER): number {
  return readMigrationFiles({ migrationsFolder }).length;
}

const isCorruption = (e: unknown) => {
  const code = (e as { code?: unknown }).code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_VTAB';
};

const corrupt = (file: string, detail: string) =>
  new StartupError(
    `${file} is damaged (${detail.replace(/\s+/g, ' ').slice(0, 200)}); nothing was changed. ` +
      'Restore it from a backup copy of that file, or start with another file (--db PATH).',
  );

/** Refuses a file that a newer Intersession wrote; reads only. */
function refuseNewerSchema(db: Db, file: string, migrationsFolder: string): void {
  const known = readMigrationFiles({ migrationsFolder });
  const appVersion = known.length;
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  const newer = (n: number) =>
    new StartupError(
      `${file} was written by a newer Intersession (schema ${n}); update the app. Nothing was changed.`,
    );
  if (userVersion > appVersion) throw newer(userVersion);
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATIONS_TABLE);
  if (!hasTable) return;
  const rows = db
    .prepare(`SELECT hash, created_at AS createdAt FROM "${MIGRATIONS_TABLE}"`)
    .all() as { hash: string; createdAt: number | string }[];
  const hashes = new Set(known.map((m) => m.hash));
  const lastKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  // drizzle applies only migrations newer than the last row, so a row it does not know (or one
  // dated after its last migration) means a newer app changed this file.
  if (rows.some((r) => !hashes.has(r.hash) || Number(r.createdAt) > lastKnown))
    throw newer(Math.max(rows.length, userVersion, appVersion + 1));
}

/**
 * Opens (creating if needed) the database with the settings the app relies on, and migrates it.
 * Before anything is written it checks, in order: the folder, the lock (one process per file),
 * the file's integrity (`PRAGMA quick_check`) and its schema (refusing one written by a newer
 * app). When opening fails the file is left as it was: no lock, `-wal` or `-shm` file is left.
 */
export function openDatabase({
  file,
  migrationsFolder = DEFAULT_MIGRATIONS_FOLDER,
  createFolder = true,
}: OpenOptions): Db {
  if (file === ':memory:') {
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    registerRecordKeyFunction(db);
    migrate(drizzle(db), { migrationsFolder });
    db.pragma(`user_version = ${schemaVersionOf(migrationsFolder)}`);
    return db;
  }
  const folder = dirname(file);
  if (!existsSync(folder)) {
    if (!createFolder)
      throw new StartupError(
        `The folder of ${file} does not exist; check the path, or add --create to create it.`,
      );
    mkdirSync(folder, { recursive: true });
  }
  if (existsSync(file) && statSync(file).isDirectory())
    throw new StartupError(`${file} is a folder, not a database file; name a file with --db.`);

  let release: () => void;
  try {
    release = lockDatabaseFile(file);
  } catch (e) {
    if (e instanceof DatabaseLockedError) throw new StartupError(e.message);
    throw new StartupError(`${file} could not be locked (${(e as Error).message}).`);
  }
  // Files this open may create (the database itself when new, its -wal and -shm); the ones that
  // were there before are left alone.
  const sideFiles = [file, `${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f));
  let db: Db | undefined;
  try {
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
    let problems: string[];
    try {
      problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    } catch (e) {
      if (isCorruption(e)) throw corrupt(file, (e as Error).message);
      throw e;
    }
    if (problems.length !== 1 || problems[0] !== 'ok') throw corrupt(file, problems.join('; '));
    refuseNewerSchema(db, file, migrationsFolder);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    registerRecordKeyFunction(db);
    migrate(drizzle(db), { migrationsFolder });
    db.pragma(`user_version = ${schemaVersionOf(migrationsFolder)}`);
  } catch (e) {
    try {
      db?.close();
    } catch {
      // Closing a damaged file can fail too; the original error is the one to report.
    }
    for (const f of sideFiles) rmSync(f, { force: true });
    release();
    if (e instanceof StartupError) throw e;
    if (isCorruption(e)) throw corrupt(file, (e as Error).message);
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC')
      throw new StartupError(`${file} could not be opened: the disk is full; nothing was changed.`);
    throw new StartupError(
      `${file} could not be opened (${String((e as Error).message ?? e).replace(/\s+/g, ' ')}).`,
    );
  }
  // Closing the connection also gives the file back to other processes.
  const close = db.close.bind(db);
  db.close = () => {
    try {
      return close();
    } finally {
      release();
    }
  };
  return db;
}
