import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, suppressList, suppressTable, type SuppressedCell } from './suppression';

const texts = (cells: SuppressedCell[]) => cells.map((c) => cellText(c));

/** Every value a suppressed cell could take, given the shown cells and the total. */
function feasible(counts: number[], cells: SuppressedCell[], total: SuppressedCell, i: number) {
  if (total.kind !== 'shown') return 'unknown';
  const shown = cells.reduce((s, c) => s + (c.kind === 'shown' ? c.value : 0), 0);
  const hidden = cells.map((c, j) => (c.kind === 'shown' ? -1 : j)).filter((j) => j >= 0);
  const diff = total.value - shown;
  const others = hidden.filter((j) => j !== i);
  const lo = (j: number) => (cells[j].kind === 'small' ? 1 : 3);
  const hi = (j: number) => (cells[j].kind === 'small' ? 2 : total.value);
  const from = Math.max(lo(i), diff - others.reduce((s, j) => s + hi(j), 0));
  const to = Math.min(hi(i), diff - others.reduce((s, j) => s + lo(j), 0));
  void counts;
  return [from, to];
}

describe('small-cell suppression', () => {
  it('shows 1 and 2 as "<3" and keeps zeros and larger counts', () => {
    const s = suppressList([0, 1, 2, 5, 9], { additive: false });
    expect(texts(s.cells)).toEqual(['0', '<3', '<3', '5', '9']);
  });

  it('hides another cell when one small cell could be worked out from the total', () => {
    const s = suppressList([2, 5, 9]);
    expect(texts(s.cells)).toEqual(['<3', 'x', '9']);
    expect(cellText(s.total)).toBe('16');
  });

  it('does not let two small cells that sum to 2 be worked out (1 + 1)', () => {
    const s = suppressList([1, 1, 7]);
    // 9 - 7 = 2 would pin both small cells to 1: the 7 is hidden too.
    expect(texts(s.cells)).toEqual(['<3', '<3', 'x']);
  });

  it('suppresses the total when no other cell can be hidden', () => {
    const s = suppressList([2, 0, 0]);
    expect(texts(s.cells)).toEqual(['<3', '0', '0']);
    expect(cellText(s.total)).toBe('<3');
  });

  it('never lets total minus shown cells reveal a small cell (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(12), { minLength: 1, maxLength: 8 }), (counts) => {
        const s = suppressList(counts);
        s.cells.forEach((c, i) => {
          if (c.kind === 'shown') expect(c.value).toBe(counts[i]);
          if (counts[i] === 1 || counts[i] === 2) expect(c.kind).not.toBe('shown');
          if (c.kind === 'small') {
            const range = feasible(counts, s.cells, s.total, i);
            if (range !== 'unknown') expect(range[1]).toBeGreaterThan(range[0]);
          }
        });
      }),
    );
  });

  it('protects rows and columns of a two-way table', () => {
    const t = suppressTable([
      [2, 6, 7],
      [5, 8, 9],
    ]);
    expect(t.cells[0][0].kind).toBe('small');
    // The first row and the first column each need a second hidden cell.
    expect(t.cells[0].filter((c) => c.kind !== 'shown').length).toBeGreaterThanOrEqual(2);
    expect(
      t.cells.map((r) => r[0]).filter((c) => c.kind !== 'shown').length,
    ).toBeGreaterThanOrEqual(2);
    expect(cellText(t.total)).toBe('37');
  });
});
