import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames, sortByName } from './collate';

describe('compareNames', () => {
  it('does not put Ø, Cyrillic, Arabic or CJK names after every Latin one by code point', () => {
    const sorted = sortByName(['Zoe', 'Øystein', 'Ольга', 'عمر', '王芳', 'Anna'], (s) => s);
    expect(sorted[0]).toBe('Anna');
    // Øystein sorts with the O names, before Zoe.
    expect(sorted.indexOf('Øystein')).toBeLessThan(sorted.indexOf('Zoe'));
  });

  it('orders numbers numerically and ignores case and accents', () => {
    expect(sortByName(['Call 10', 'Call 2'], (s) => s)).toEqual(['Call 2', 'Call 10']);
    expect(compareNames('élodie', 'Elodie')).toBe(0);
  });

  it('is a consistent order: antisymmetric, and sorting is idempotent', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (names) => {
        const once = sortByName(names, (s) => s);
        expect(sortByName(once, (s) => s)).toEqual(once);
        for (let i = 1; i < once.length; i++)
          expect(compareNames(once[i - 1], once[i])).toBeLessThanOrEqual(0);
      }),
    );
  });
});
