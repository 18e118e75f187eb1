import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerRecordKeyFunction } from './recordKey';

export type Db = Database.Database;

export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  /** Path of the database file, or ':memory:'. */
  file: string;
  /** Where drizzle-kit's output lives; the packaged app passes its own copy. */
  migrationsFolder?: string;
}

/** Opens (creating if needed) the database with the settings the app relies on, and migrates it. */
export function openDatabase({
  file,
  migrationsFolder = DEFAULT_MIGRATIONS_FOLDER,
}: OpenOptions): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  registerRecordKeyFunction(db);
  migrate(drizzle(db), { migrationsFolder });
  return db;
}
