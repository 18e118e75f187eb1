import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, median, quantile } from './lib';

describe('bench/lib', () => {
  it('median is an observed value with as many timings at or below as at or above it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { minLength: 1 }),
        (xs) => {
          const m = median(xs);
          expect(xs).toContain(m);
          expect(xs.filter((x) => x <= m).length * 2).toBeGreaterThanOrEqual(xs.length);
          expect(xs.filter((x) => x >= m).length * 2).toBeGreaterThanOrEqual(xs.length);
        },
      ),
    );
  });
  it('quantile(1) is the maximum and quantile(0) the minimum', () => {
    expect(quantile([3, 1, 2], 1)).toBe(3);
    expect(quantile([3, 1, 2], 0)).toBe(1);
  });
  it('a failed target sets a non-zero exit code', () => {
    const before = process.exitCode;
    try {
      expect(check('ok', 1, 2)).toBe(true);
      expect(process.exitCode ?? 0).toBe(before ?? 0);
      expect(check('too slow', 3, 2)).toBe(false);
      expect(process.exitCode).toBe(1);
      expect(check('NaN never passes', Number.NaN, 2)).toBe(false);
    } finally {
      process.exitCode = before;
    }
  });
});
