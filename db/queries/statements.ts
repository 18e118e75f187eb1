import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../open';

const caches = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per database connection and SQL text. */
export function stmt(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
