import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIONS } from './countries';
import {
  publishPhase,
  publishSubCell,
  publishTrend,
  rollup,
  type CubeRow,
  type FigureCell,
} from './representation';
import { STAKEHOLDER_GROUPS } from './vocabulary';

/**
 * Can a reader pin a suppressed cell of a line to one value, knowing the shown cells and the
 * line's total, each "<3" cell in [1, 2] and each "x" cell in [3, total]?
 */
function pinned(cells: FigureCell[], total: FigureCell): boolean {
  if (total.count === null) return false;
  const hidden = cells.filter((c) => c.count === null);
  if (hidden.length === 0) return false;
  const diff = total.count - cells.reduce((s, c) => s + (c.count ?? 0), 0);
  const range = (c: FigureCell): [number, number] => (c.text === '<3' ? [1, 2] : [3, total.count!]);
  const lo = hidden.reduce((s, c) => s + range(c)[0], 0);
  const hi = hidden.reduce((s, c) => s + range(c)[1], 0);
  return hidden.some((c) => {
    const [a, b] = range(c);
    return Math.min(b, diff - (lo - a)) <= Math.max(a, diff - (hi - b));
  });
}

const DEVS = ['ldc', 'lldc', 'sids', 'developing', 'developed', null];
const GENDERS = ['woman', 'man', 'non_binary', null];
const cubeRow = fc.record({
  stakeholderGroup: fc.constantFrom(...STAKEHOLDER_GROUPS),
  region: fc.constantFrom(...REGIONS, null),
  developmentStatus: fc.constantFrom(...DEVS),
  gender: fc.constantFrom(...GENDERS),
  isProtected: fc.constantFrom(0, 1),
  count: fc.integer({ min: 1, max: 12 }),
});

describe('publishing representation figures', () => {
  it('never shows a 1 or 2, and shows true values where it shows any (property)', () => {
    fc.assert(
      fc.property(fc.array(cubeRow, { maxLength: 30 }), (rows: CubeRow[]) => {
        const pub = publishPhase(rows);
        for (const [d, cats] of Object.entries(pub.byDimension)) {
          const exact = rollup(rows, d as 'region');
          for (const c of cats) {
            if (c.value.count !== null) expect(c.value.count).toBe(exact.get(c.key));
            expect(['1', '2']).not.toContain(c.value.text);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('differencing: no suppressed cell can be recovered from a published total (property)', () => {
    fc.assert(
      fc.property(fc.array(cubeRow, { maxLength: 40 }), (rows: CubeRow[]) => {
        const pub = publishPhase(rows);
        const total = pub.total;
        // Each one-way breakdown against the phase total.
        for (const cats of Object.values(pub.byDimension))
          expect(
            pinned(
              cats.map((c) => c.value),
              total,
            ),
          ).toBe(false);
        // Each row (group) and column (region) of the two-way table against its total.
        const groups = pub.byDimension.stakeholder_group;
        for (const g of groups) {
          const row = pub.groupRegion.filter((c) => c.group === g.key).map((c) => c.value);
          expect(pinned(row, g.value)).toBe(false);
        }
        for (const r of pub.byDimension.region) {
          const col = pub.groupRegion.filter((c) => c.region === r.key).map((c) => c.value);
          expect(pinned(col, r.value)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('differencing on the calls x groups trend table (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(8), { minLength: 7, maxLength: 7 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (counts) => {
          const t = publishTrend(counts);
          t.cells.forEach((row, i) => expect(pinned(row, t.rowTotals[i])).toBe(false));
          for (let j = 0; j < 7; j++)
            expect(
              pinned(
                t.cells.map((r) => r[j]),
                t.columnTotals[j],
              ),
            ).toBe(false);
          expect(pinned(t.rowTotals, t.total)).toBe(false);
          expect(pinned(t.columnTotals, t.total)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('withholds an organisation count when its cell minus it would be small', () => {
    expect(publishSubCell(4, { count: 5, text: '5' }).text).toBe('x');
    expect(publishSubCell(3, { count: 6, text: '6' }).text).toBe('3');
    expect(publishSubCell(5, { count: 5, text: '5' }).text).toBe('5');
    expect(publishSubCell(2, { count: 9, text: '9' }).text).toBe('<3');
    expect(publishSubCell(4, { count: null, text: 'x' }).text).toBe('x');
  });

  it('a phase too small to protect withholds everything but zeros', () => {
    const rows: CubeRow[] = [
      {
        stakeholderGroup: 'academia',
        region: 'africa',
        developmentStatus: 'ldc',
        gender: 'woman',
        isProtected: 0,
        count: 1,
      },
      {
        stakeholderGroup: 'academia',
        region: 'africa',
        developmentStatus: 'lldc',
        gender: 'man',
        isProtected: 0,
        count: 1,
      },
      {
        stakeholderGroup: 'academia',
        region: 'africa',
        developmentStatus: 'sids',
        gender: null,
        isProtected: 0,
        count: 1,
      },
    ];
    const pub = publishPhase(rows);
    expect(pub.total.count).toBeNull();
    const shown = Object.values(pub.byDimension).flatMap((cs) => cs.filter((c) => c.value.count));
    expect(shown).toEqual([]);
  });
});
