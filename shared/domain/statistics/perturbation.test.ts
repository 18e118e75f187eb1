import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellKeyOf,
  countsConsistentWith,
  PERTURBATION_TABLE,
  perturbCount,
  reachable,
} from './perturbation';

const key = fc.nat({ max: 2 ** 32 - 1 });

describe('cell-key perturbation', () => {
  it('never publishes 1 or 2, never a negative, stays within 3 and keeps 0 (property)', () => {
    fc.assert(
      fc.property(fc.nat(10_000), key, (n, k) => {
        const v = perturbCount(n, k);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(Math.abs(v - n)).toBeLessThanOrEqual(3);
        expect(v % 3).toBe(0);
        if (n === 0) expect(v).toBe(0);
        if (n === 1 || n === 2) expect([0, 3]).toContain(v);
      }),
    );
  });

  it('is unbiased over the cell keys (the table rounds up r/3 of the buckets)', () => {
    for (let r = 0; r < 3; r++) {
      const mean = PERTURBATION_TABLE[r].reduce((s, d) => s + d, 0) / PERTURBATION_TABLE[r].length;
      expect(Math.abs(mean)).toBeLessThan(0.01);
    }
  });

  it('two releases one person apart never pin the true count (property)', () => {
    // For each cell: the count before (n) and after (n + 1) one more record with key k.
    fc.assert(
      fc.property(fc.nat(500), key, key, (n, ck, k) => {
        const before = perturbCount(n, n === 0 ? 0 : ck);
        const after = perturbCount(n + 1, cellKeyOf([ck, k]));
        const consistent = countsConsistentWith(before).filter((m) =>
          countsConsistentWith(after).includes(m + 1),
        );
        expect(consistent).toContain(n);
        expect(consistent.length).toBeGreaterThan(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('exhaustively: every reachable (before, after) pair is consistent with 2 or more counts', () => {
    for (let n = 0; n < 60; n++)
      for (const a of reachable(n))
        for (const b of reachable(n + 1)) {
          const c = countsConsistentWith(a).filter((m) => countsConsistentWith(b).includes(m + 1));
          expect(c.length, `n=${n} before=${a} after=${b}`).toBeGreaterThan(1);
        }
  });

  it('the "0 then <3" pattern cannot occur: a cell of 1 may be published as 0', () => {
    expect(reachable(1)).toEqual([0, 3]);
    expect(countsConsistentWith(0)).toEqual([0, 1, 2, 3]);
  });

  it('the cell key is order-independent and one record changes it', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 30 }), key, (keys, extra) => {
        expect(cellKeyOf([...keys].reverse())).toBe(cellKeyOf(keys));
        if (extra !== 0) expect(cellKeyOf([...keys, extra])).not.toBe(cellKeyOf(keys));
      }),
    );
  });
});
