/**
 * Cell-key perturbation of published counts, the method of the ABS TableBuilder and the UK 2021
 * census, with the perturbation table of random rounding to base 3 (as Statistics New Zealand
 * publishes its census tables):
 *
 * 1. Record key: every record (a participant, an attendance, a contribution) gets a stable
 *    pseudo-random 32-bit key, the first 4 bytes of HMAC-SHA-256(forum secret, tag || record id).
 *    Without the forum's secret nobody can compute it; with it, it never changes.
 * 2. Cell key: the sum of the record keys of the records counted in a cell, mod 2^32. The same
 *    records give the same cell key in every table and every release; one record more or less
 *    gives an unrelated one.
 * 3. Perturbation table: a fixed table indexed by (count mod 3, top byte of the cell key) gives
 *    the noise added to the count. A count that is not a multiple of 3 is rounded up to
 *    the next multiple of 3 for a share of the cell keys equal to its distance from the lower
 *    one (1/3 or 2/3), down otherwise; a multiple of 3 is kept for 2/3 of the keys and moved to
 *    the multiple below or above for 1/6 each. The published value is unbiased, a multiple of
 *    3 and within 3 of the truth. Zero stays 0 and nothing becomes negative; 1 and 2 are never
 *    published as such (they become 0 or 3).
 *
 * Why base 3 and not independent noise of +-2: with bounded noise that grows with the count, two
 * releases one person apart can pin it (the lowest value of n next to the highest of n + 1), and
 * publishing a 0 that later becomes "<3" says the cell holds exactly 1. With rounding to base 3
 * every published pair (before, after) is consistent with at least two true counts
 * (`countsConsistentWith`, property-tested), and a published 0 may hide 1 or 2 people.
 *
 * Margins and totals are never perturbed separately: they are the sums of the published cells of
 * their table (shared/domain/statistics/release.ts), so subtracting shown cells from a total
 * gives back published values, never a true count.
 *
 * Pure: the backend computes the same record keys with node:crypto for speed
 * (db/recordKey.ts, tested equal to `recordKey` here).
 */
import { hmacSha256 } from '../sha256';

/** Domain separation: a record key is never equal to a pseudonym's HMAC. */
export const RECORD_KEY_TAG = 'intersession/record-key/v1\u0000';
/**
 * Buckets (of 256) in which a multiple of 3 is moved down, and as many up: without it, n = 3k + 1
 * published as 3k + 3 and then n + 1 = 3k + 2 published as 3k would pin n (found by the
 * property test, kept as a case).
 */
export const MOVED_MULTIPLE_BUCKETS = 43;
/** Cell keys live in [0, CELL_KEY_RANGE). */
export const CELL_KEY_RANGE = 2 ** 32;
/** The base published values are rounded to. */
export const ROUNDING_BASE = 3;
/** Columns of the perturbation table: the top byte of the cell key. */
export const CELL_KEY_BUCKETS = 256;

/** The record key from the HMAC digest: its first 4 bytes, big-endian. */
export function recordKeyFromDigest(digest: Uint8Array): number {
  return ((digest[0] << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]) >>> 0;
}

/** The record key of one record of a forum (reference implementation, pure). */
export function recordKey(forumSecret: string, recordId: string): number {
  if (forumSecret.length === 0) throw new RangeError('forum secret must not be empty');
  return recordKeyFromDigest(hmacSha256(forumSecret, `${RECORD_KEY_TAG}${recordId}`));
}

/** Adds a record key (or a partial sum of them) to a cell key. */
export const addCellKey = (cellKey: number, key: number): number =>
  (cellKey + (key % CELL_KEY_RANGE)) % CELL_KEY_RANGE;

/** The cell key of a set of records: the sum of their keys mod 2^32 (any order). */
export function cellKeyOf(keys: Iterable<number>): number {
  let sum = 0;
  for (const k of keys) sum = addCellKey(sum, k);
  return sum;
}

/** A key sum as SQL returns it (sum of 32-bit keys, up to 2^53), reduced to a cell key. */
export const cellKeyFromSum = (sum: number | bigint | null | undefined): number =>
  sum === null || sum === undefined ? 0 : Number(BigInt(sum) % BigInt(CELL_KEY_RANGE));

/**
 * The perturbation table: row = count mod 3, column = cell key bucket (top byte), value = the
 * noise added to the count. Row 0: -3 for the first 43 buckets, +3 for the last 43, else 0; in
 * row r the first round(256 r / 3) buckets round up (+3 - r), the others down (-r).
 */
export const PERTURBATION_TABLE: readonly (readonly number[])[] = Array.from(
  { length: ROUNDING_BASE },
  (_, r) =>
    Array.from({ length: CELL_KEY_BUCKETS }, (_, b) =>
      r === 0
        ? // A multiple of 3 moves to the next multiple down or up for 1/6 of the keys each.
          b < MOVED_MULTIPLE_BUCKETS
          ? -ROUNDING_BASE
          : b >= CELL_KEY_BUCKETS - MOVED_MULTIPLE_BUCKETS
            ? ROUNDING_BASE
            : 0
        : b < Math.round((CELL_KEY_BUCKETS * r) / ROUNDING_BASE)
          ? ROUNDING_BASE - r
          : -r,
    ),
);

/** The published value of a cell counting `count` records whose cell key is `cellKey`. */
export function perturbCount(count: number, cellKey: number): number {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (count === 0) return 0;
  const bucket = Math.floor(
    (((cellKey % CELL_KEY_RANGE) + CELL_KEY_RANGE) % CELL_KEY_RANGE) / 2 ** 24,
  );
  return count + PERTURBATION_TABLE[count % ROUNDING_BASE][bucket];
}

/**
 * Every true count that can be published as `published` under the table: what a reader who
 * knows the method (but not the secret) can infer from one published value.
 */
export function countsConsistentWith(published: number): number[] {
  const out: number[] = [];
  for (let n = Math.max(0, published - ROUNDING_BASE); n <= published + ROUNDING_BASE; n++)
    if (reachable(n).includes(published)) out.push(n);
  return out;
}

/** The values a count can be published as (over all cell keys). */
export function reachable(count: number): number[] {
  if (count === 0) return [0];
  return [...new Set(PERTURBATION_TABLE[count % ROUNDING_BASE].map((d) => count + d))].sort(
    (a, b) => a - b,
  );
}

/**
 * The sentence every published table and the report's methodology section print about the
 * method (one text, so the report says exactly what was done).
 */
export const PERTURBATION_NOTE =
  'Counts of people, attendances and contributions are perturbed before publication (cell-key perturbation with random rounding to base 3): each count is shown as a multiple of 3 within 3 of the true count, the same records always give the same figure, and 0 may stand for 1 or 2. Totals are the sums of the figures shown, so they can differ slightly between tables.';

/** The note on protected participants, printed with every table of people. */
export const PROTECTED_NOTE =
  'Protected participants are counted; their development status, gender and organisation are counted as "Not recorded" in every table.';
