import Database from 'better-sqlite3-multiple-ciphers';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyKey, isPlaintextDatabase } from './cipher';
import { encryptInPlace, recoverInPlaceEncryption } from './encrypt';
import { DatabaseLockedError, lockDatabaseFile } from './lock';
import { registerFoldFunction, registerSortKeyFunction } from './fold';
import { COLLATION_VERSION } from '../shared/domain/collation';
import { registerRecordKeyFunction } from './recordKey';

export type Db = Database.Database;

// Beside this file in the source tree; from a bundle in out/<shell>/ (serve, main) the project's
// db/migrations, two folders up (a forum package's schema version is read from here).
export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(
  new URL(
    import.meta.url.endsWith('.ts') ? './migrations' : '../../db/migrations',
    import.meta.url,
  ),
);

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
  /**
   * The raw 32-byte SQLCipher key (db/cipher.ts). The shells always pass one; without it the file
   * is plain SQLite (unit tests, ':memory:'). A plain file from an earlier version opened with a
   * key is encrypted in place first (db/encrypt.ts) and `onNotice` is told.
   */
  key?: Buffer;
  /** One sentence for the user about something done at open (the in-place encryption). */
  onNotice?: (message: string) => void;
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

/** The key does not open the file: shown as "Wrong passphrase" (the key itself is never named). */
export class WrongKeyError extends StartupError {
  constructor(file: string) {
    super(`Wrong passphrase: ${file} cannot be opened with it; nothing was changed.`);
    this.name = 'WrongKeyError';
  }
}

/** The app's SQL functions, on every connection (writer, readers, in-memory). */
function registerFunctions(db: Db): void {
  registerRecordKeyFunction(db);
  registerFoldFunction(db);
  registerSortKeyFunction(db);
}

/**
 * Makes the stored sort keys of names again when they were made by another version of the
 * collation (shared/domain/collation.ts), or by the fold of earlier versions of the app; the
 * version is kept in `settings`. Runs on the writer at open, in one transaction.
 */
export function refreshSortKeys(db: Db): void {
  const stored = db.prepare("SELECT value FROM settings WHERE key = 'collation'").pluck().get();
  if (stored === COLLATION_VERSION) return;
  db.transaction(() => {
    db.prepare(
      'UPDATE participants SET sort_name = sort_key(full_name) WHERE sort_name IS NOT sort_key(full_name)',
    ).run();
    db.prepare(
      "INSERT INTO settings (key, value) VALUES ('collation', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(COLLATION_VERSION);
  })();
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
 * Reads only: the file's integrity (`PRAGMA quick_check`) and its schema. An encrypted file
 * that does not read is a wrong key (or no key), not damage.
 */
function checkFile(
  db: Db,
  file: string,
  migrationsFolder: string,
  encryptedFile: boolean,
  keyed = false,
): void {
  let problems: string[];
  try {
    problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  } catch (e) {
    if (isCorruption(e) && encryptedFile && keyed) throw new WrongKeyError(file);
    // Without a key, junk and an encrypted file look the same.
    if (isCorruption(e) && encryptedFile)
      throw corrupt(file, 'not a plain database: damaged, or encrypted and opened without its key');
    if (isCorruption(e)) throw corrupt(file, (e as Error).message);
    throw e;
  }
  if (problems.length !== 1 || problems[0] !== 'ok') throw corrupt(file, problems.join('; '));
  refuseNewerSchema(db, file, migrationsFolder);
}

/**
 * Keeps the query planner's statistics current, as SQLite recommends for long-lived connections
 * (https://sqlite.org/lang_analyze.html#recommended_usage_pattern): at open `optimize=0x10002`
 * examines every table (not only those this connection used) and runs ANALYZE where statistics
 * are missing or stale; `analysis_limit=400` bounds each ANALYZE to about 400 rows per index, so
 * it takes milliseconds even at 100,000 participants. Also run after imports (many rows at once).
 */
export function optimizeDatabase(db: Db, { atOpen = false }: { atOpen?: boolean } = {}): void {
  db.pragma('analysis_limit = 400');
  db.pragma(atOpen ? 'optimize = 0x10002' : 'optimize');
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
  key,
  onNotice,
}: OpenOptions): Db {
  if (file === ':memory:') {
    const db = new Database(file);
    if (key) applyKey(db, key);
    db.pragma('foreign_keys = ON');
    registerFunctions(db);
    migrate(drizzle(db), { migrationsFolder });
    db.pragma(`user_version = ${schemaVersionOf(migrationsFolder)}`);
    refreshSortKeys(db);
    optimizeDatabase(db, { atOpen: true });
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
  let sideFiles: string[] = [];
  let db: Db | undefined;
  try {
    if (key) {
      // An interrupted encryption is finished or undone first.
      recoverInPlaceEncryption(file, key);
      if (isPlaintextDatabase(file)) {
        // A plain file of an earlier version: checked as it is (read only), then encrypted.
        const plain = new Database(file, { readonly: true, fileMustExist: true });
        try {
          checkFile(plain, file, migrationsFolder, false);
        } finally {
          plain.close();
        }
        const { copy } = encryptInPlace(file, key);
        onNotice?.(
          `${file} was not encrypted (written by an earlier Intersession); it is now encrypted. ` +
            `A copy was kept at ${copy} until the encrypted file passed its integrity check, then removed.`,
        );
      }
    }
    // Files this open may create (the database itself when new, its -wal and -shm); the ones
    // that were there before are left alone.
    sideFiles = [file, `${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f));
    const encryptedFile =
      !sideFiles.includes(file) && statSync(file).size > 0 && !isPlaintextDatabase(file);
    db = new Database(file);
    if (key) applyKey(db, key);
    db.pragma('busy_timeout = 5000');
    checkFile(db, file, migrationsFolder, encryptedFile, key !== undefined);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma(CACHE_SIZE);
    registerFunctions(db);
    migrate(drizzle(db), { migrationsFolder });
    db.pragma(`user_version = ${schemaVersionOf(migrationsFolder)}`);
    refreshSortKeys(db);
    optimizeDatabase(db, { atOpen: true });
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

/**
 * Each connection's page cache: 64 MiB at most (SQLite's default is 2 MiB). Pages of an encrypted
 * file are decrypted (and their HMAC checked) each time they come into the cache, so a search that
 * reads 20,000 participants of 100,000 through a 2 MiB cache decrypted the same pages over and over:
 * 620 ms through serve against 140 ms on the plain file (bench/pages). The cache grows only as
 * pages are read; a writer and two readers stay under 200 MiB with the largest forums.
 */
const CACHE_SIZE = 'cache_size = -65536';

/**
 * A read-only connection to a database that openDatabase already opened (and migrated) in this
 * process: reader workers use it so heavy reads run beside the writer (WAL). It takes no lock,
 * runs no check and no migration; it takes the same options object as openDatabase so a setting
 * added there (a key) applies to both.
 */
export function openReadOnly({ file, key }: OpenOptions): Db {
  if (file === ':memory:')
    throw new StartupError('A read-only connection needs a database file, not :memory:.');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (key) applyKey(db, key);
    db.pragma('busy_timeout = 5000');
    db.pragma(CACHE_SIZE);
    registerFunctions(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
