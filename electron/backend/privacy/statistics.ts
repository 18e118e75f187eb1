/**
 * The backend's entry point to published statistics (shared/domain/statistics): the parameters
 * the aggregates need to sum record keys (the forum's secret), and keyed counts of records the
 * caller already holds by id. Every published count of participant data is made through here and
 * the pure release; coordinators' own views may use exact counts.
 */
import { recordKeyOf } from '../../../db/recordKey';
import { addCellKey } from '../../../shared/domain/statistics/perturbation';
import {
  publishCount,
  type FigureCell,
  type KeyedCount,
} from '../../../shared/domain/statistics/release';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';

export { PERTURBATION_NOTE, PROTECTED_NOTE } from '../../../shared/domain/statistics/perturbation';

/** What the aggregate queries take: forum, clock and the forum's secret (for record keys). */
export function statisticsParams(ctx: BackendContext, forumId: string) {
  const forum = requireForum(ctx, forumId, 'forumId');
  return { forumId, now: ctx.now(), secret: forum.secret };
}

/** The records with these ids, counted with their cell key. */
export function keyedCountOf(secret: string, ids: Iterable<string>): KeyedCount {
  let count = 0;
  let key = 0;
  for (const id of ids) {
    count++;
    key = addCellKey(key, recordKeyOf(secret, id));
  }
  return { count, key };
}

/** The published figure of the records with these ids. */
export const publishedCountOf = (secret: string, ids: Iterable<string>): FigureCell =>
  publishCount(keyedCountOf(secret, ids));

/** Keyed counts of records by a category (records given as [id, category] pairs). */
export function keyedBy<T>(
  secret: string,
  records: Iterable<T>,
  id: (r: T) => string,
  category: (r: T) => string | null,
): Map<string | null, KeyedCount> {
  const out = new Map<string | null, KeyedCount>();
  for (const r of records) {
    const k = category(r);
    const prev = out.get(k) ?? { count: 0, key: 0 };
    out.set(k, { count: prev.count + 1, key: addCellKey(prev.key, recordKeyOf(secret, id(r))) });
  }
  return out;
}
