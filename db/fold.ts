/**
 * `fold(text)` in SQL: the app's case- and accent-folded form (shared/domain/fold.ts), the sort key
 * of names and titles. Participants store it (`sort_name`, indexed for 100,000 people); lists of
 * a few thousand rows (contributions) sort by it computed per query instead, so no stored copy of
 * a title or name has to follow edits, redaction or retention.
 */
import { fold } from '../shared/domain/fold';
import type { Db } from './open';

/** Registers `fold(text)` on a connection (NULL stays NULL). */
export function registerFoldFunction(db: Db): void {
  db.function('fold', { deterministic: true }, (s: unknown) =>
    s === null ? null : fold(String(s)),
  );
}
