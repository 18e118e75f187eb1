import { stmt } from './statements';
import type { Db } from '../open';

export function getSetting(db: Db, key: string): string | undefined {
  return stmt(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as
    string | undefined;
}

export function setSetting(db: Db, key: string, value: string): void {
  stmt(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
