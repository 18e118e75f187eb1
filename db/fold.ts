/**
 * Text functions in SQL. `fold(text)` is the app's case- and accent-folded form
 * (shared/domain/fold.ts), what searches match. `sort_key(text)` is the collation key of names and
 * titles (shared/domain/collation.ts: `Intl.Collator`'s order as byte order). Participants store
 * it (`sort_name`, indexed for 100,000 people); lists of a few thousand rows (contributions) sort
 * by it computed per query instead, so no stored copy of a title or name has to follow edits,
 * redaction or retention.
 */
import { sortKey } from '../shared/domain/collation';
import { fold } from '../shared/domain/fold';
import type { Db } from './open';

/** Registers `fold(text)` on a connection (NULL stays NULL). */
export function registerFoldFunction(db: Db): void {
  db.function('fold', { deterministic: true }, (s: unknown) =>
    s === null ? null : fold(String(s)),
  );
}

/** Registers `sort_key(text)` on a connection (NULL stays NULL). */
export function registerSortKeyFunction(db: Db): void {
  db.function('sort_key', { deterministic: true }, (s: unknown) =>
    s === null ? null : sortKey(String(s)),
  );
}
