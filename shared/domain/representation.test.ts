import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIONS } from './countries';
import { publishPhase, publishTrend, rollup, type CubeRow } from './representation';
import { countsConsistentWith } from './statistics/perturbation';
import { STAKEHOLDER_GROUPS } from './vocabulary';

const DEVS = ['ldc', 'lldc', 'sids', 'developing', 'developed', null];
const GENDERS = ['woman', 'man', 'non_binary', null];
const cubeRow = fc.record({
  stakeholderGroup: fc.constantFrom(...STAKEHOLDER_GROUPS),
  region: fc.constantFrom(...REGIONS, null),
  developmentStatus: fc.constantFrom(...DEVS),
  gender: fc.constantFrom(...GENDERS),
  isProtected: fc.constantFrom(0, 1),
  count: fc.integer({ min: 1, max: 12 }),
  keySum: fc.nat({ max: 2 ** 32 * 12 }),
});

const sum = (xs: (number | null)[]) => xs.reduce<number>((s, n) => s + (n ?? NaN), 0);

describe('publishing representation figures', () => {
  it('never shows a 1 or 2; every figure is a multiple of 3 consistent with the truth (property)', () => {
    fc.assert(
      fc.property(fc.array(cubeRow, { maxLength: 30 }), (rows: CubeRow[]) => {
        const pub = publishPhase(rows);
        for (const d of ['development_status', 'gender'] as const) {
          const exact = rollup(
            rows.map((r) => (r.isProtected ? { ...r, developmentStatus: null, gender: null } : r)),
            d,
          );
          for (const c of pub.byDimension[d]) {
            expect(c.value.count! % 3).toBe(0);
            expect(countsConsistentWith(c.value.count!)).toContain(exact.get(c.key) ?? 0);
          }
        }
        for (const c of pub.groupRegion) {
          const n = rows
            .filter((r) => r.stakeholderGroup === c.group && (r.region ?? 'unknown') === c.region)
            .reduce((s, r) => s + r.count, 0);
          expect(countsConsistentWith(c.value.count!)).toContain(n);
          expect(['1', '2']).not.toContain(c.value.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('totals and margins are the sums of the published cells, so subtraction reveals nothing new (property)', () => {
    fc.assert(
      fc.property(fc.array(cubeRow, { maxLength: 40 }), (rows: CubeRow[]) => {
        const pub = publishPhase(rows);
        for (const g of pub.byDimension.stakeholder_group) {
          const row = pub.groupRegion.filter((c) => c.group === g.key);
          expect(g.value.count).toBe(sum(row.map((c) => c.value.count)));
          // "Row total minus the other cells" gives the published cell back, never the truth.
          for (const c of row)
            expect(g.value.count! - sum(row.filter((x) => x !== c).map((x) => x.value.count))).toBe(
              c.value.count,
            );
        }
        for (const r of pub.byDimension.region)
          expect(r.value.count).toBe(
            sum(pub.groupRegion.filter((c) => c.region === r.key).map((c) => c.value.count)),
          );
        expect(pub.total.count).toBe(
          sum(pub.byDimension.stakeholder_group.map((c) => c.value.count)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('protected people: changing their development status or gender changes no figure (property)', () => {
    fc.assert(
      fc.property(
        fc.array(cubeRow, { maxLength: 20 }),
        fc.constantFrom(...DEVS),
        fc.constantFrom(...GENDERS),
        (rows: CubeRow[], dev, gender) => {
          const moved = rows.map((r) =>
            r.isProtected ? { ...r, developmentStatus: dev, gender } : r,
          );
          expect(publishPhase(moved)).toEqual(publishPhase(rows));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the same records give the same figures however the aggregate is split (property)', () => {
    fc.assert(
      fc.property(fc.array(cubeRow, { maxLength: 20 }), (rows: CubeRow[]) => {
        // Each row split into two rows of the same cell whose key sums add up to the original.
        const split = rows.flatMap((r) =>
          r.count > 1
            ? [
                { ...r, count: 1, keySum: 7 },
                { ...r, count: r.count - 1, keySum: (r.keySum as number) - 7 + 2 ** 32 },
              ]
            : [r],
        );
        expect(publishPhase(split)).toEqual(publishPhase([...rows].reverse()));
      }),
      { numRuns: 200 },
    );
  });

  it('lists "Not recorded" even when nobody is in it (its appearing would say someone is)', () => {
    const pub = publishPhase([]);
    for (const cats of Object.values(pub.byDimension))
      expect(cats.at(-1)).toMatchObject({ key: 'unknown', value: { count: 0, text: '0' } });
  });

  it('the calls x groups trend: totals are sums of the perturbed cells (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.record({ count: fc.nat(8), key: fc.nat({ max: 2 ** 32 - 1 }) }), {
            minLength: 7,
            maxLength: 7,
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (cells) => {
          const t = publishTrend(cells);
          t.cells.forEach((row, i) => {
            expect(t.rowTotals[i].count).toBe(sum(row.map((c) => c.count)));
            row.forEach((c, j) => {
              expect(countsConsistentWith(c.count!)).toContain(cells[i][j].count);
            });
          });
          expect(t.total.count).toBe(sum(t.columnTotals.map((c) => c.count)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
