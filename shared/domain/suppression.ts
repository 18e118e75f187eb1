/**
 * Small-cell suppression for statistics published from participant data.
 *
 * Primary suppression: counts from 1 to `threshold - 1` (default 1-2) are shown as "<3".
 * Secondary suppression: when a line (a row or a column with its total) would let a reader work
 * a suppressed cell out ("total minus the cells shown"), more cells of that line are suppressed
 * (the smallest shown non-zero ones first) and, when none are left, the total itself. Zero is
 * shown as 0: an empty cell tells nothing about a person.
 *
 * The check is interval reasoning per line: a reader knows each primary cell lies in
 * [1, threshold-1] and each secondary cell in [threshold, total]; a suppressed cell is disclosed
 * when the line's difference (total minus shown cells) pins it to a single value.
 */

export type SuppressedCell =
  | { kind: 'shown'; value: number }
  /** A small count (1 to threshold-1). */
  | { kind: 'small' }
  /** Hidden only so that a small count elsewhere cannot be worked out. */
  | { kind: 'hidden' };

export interface SuppressionOptions {
  /** Counts below this (and above 0) are suppressed; default 3. */
  threshold?: number;
}

export const DEFAULT_SUPPRESSION_THRESHOLD = 3;

/** The text a suppressed or shown cell is printed as ("<3", "x" or the count). */
export function cellText(
  cell: SuppressedCell,
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): string {
  return cell.kind === 'shown' ? String(cell.value) : cell.kind === 'small' ? `<${threshold}` : 'x';
}

interface LineCell {
  value: number;
  state: 'shown' | 'small' | 'hidden';
}

/** True if the suppressed cells of the line cannot be worked out from its total. */
function lineIsSafe(cells: LineCell[], total: LineCell, threshold: number): boolean {
  if (total.state !== 'shown') return true;
  const hidden = cells.filter((c) => c.state !== 'shown');
  if (hidden.length === 0) return true;
  const difference =
    total.value - cells.filter((c) => c.state === 'shown').reduce((s, c) => s + c.value, 0);
  const range = (c: LineCell): [number, number] =>
    c.state === 'small' ? [1, threshold - 1] : [threshold, total.value];
  const minSum = hidden.reduce((s, c) => s + range(c)[0], 0);
  const maxSum = hidden.reduce((s, c) => s + range(c)[1], 0);
  return hidden.every((c) => {
    const [lo, hi] = range(c);
    const from = Math.max(lo, difference - (maxSum - hi));
    const to = Math.min(hi, difference - (minSum - lo));
    return to > from;
  });
}

/** Suppresses more cells of a line (or its total) until it is safe; true if anything changed. */
function protectLine(cells: LineCell[], total: LineCell, threshold: number): boolean {
  let changed = false;
  while (!lineIsSafe(cells, total, threshold)) {
    const next = cells
      .filter((c) => c.state === 'shown' && c.value > 0)
      .sort((a, b) => a.value - b.value)[0];
    if (next) next.state = next.value < threshold ? 'small' : 'hidden';
    else total.state = total.value > 0 && total.value < threshold ? 'small' : 'hidden';
    changed = true;
  }
  return changed;
}

const primary = (value: number, threshold: number): LineCell => ({
  value,
  state: value > 0 && value < threshold ? 'small' : 'shown',
});

const out = (c: LineCell): SuppressedCell =>
  c.state === 'shown' ? { kind: 'shown', value: c.value } : { kind: c.state };

export interface SuppressedList {
  cells: SuppressedCell[];
  total: SuppressedCell;
}

/**
 * Suppresses a one-way distribution. `additive` (the default) means the total is the sum of the
 * cells (each item counted once), so secondary suppression is needed; pass false when an item can
 * fall into several cells (themes) and the total says nothing about any one cell. `total`
 * defaults to the sum of the counts.
 */
export function suppressList(
  counts: readonly number[],
  opts: SuppressionOptions & { additive?: boolean; total?: number } = {},
): SuppressedList {
  const threshold = opts.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const cells = counts.map((v) => primary(v, threshold));
  const total = primary(opts.total ?? counts.reduce((s, c) => s + c, 0), threshold);
  if (opts.additive !== false) protectLine(cells, total, threshold);
  return { cells: cells.map(out), total: out(total) };
}

export interface SuppressedTable {
  cells: SuppressedCell[][];
  rowTotals: SuppressedCell[];
  columnTotals: SuppressedCell[];
  total: SuppressedCell;
}

/**
 * Suppresses a two-way table with row totals, column totals and a grand total: every row and
 * every column (with its total) is protected, repeated until no line changes.
 */
export function suppressTable(
  counts: readonly (readonly number[])[],
  opts: SuppressionOptions = {},
): SuppressedTable {
  const threshold = opts.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const rows = counts.length;
  const columns = rows > 0 ? counts[0].length : 0;
  const cells = counts.map((r) => r.map((v) => primary(v, threshold)));
  const rowTotals = counts.map((r) =>
    primary(
      r.reduce((s, c) => s + c, 0),
      threshold,
    ),
  );
  const columnTotals = Array.from({ length: columns }, (_, j) =>
    primary(
      counts.reduce((s, r) => s + r[j], 0),
      threshold,
    ),
  );
  const total = primary(
    rowTotals.reduce((s, c) => s + c.value, 0),
    threshold,
  );
  for (let pass = 0; pass < 100; pass++) {
    let changed = false;
    for (let i = 0; i < rows; i++)
      changed = protectLine(cells[i], rowTotals[i], threshold) || changed;
    for (let j = 0; j < columns; j++)
      changed =
        protectLine(
          cells.map((r) => r[j]),
          columnTotals[j],
          threshold,
        ) || changed;
    changed = protectLine(rowTotals, total, threshold) || changed;
    changed = protectLine(columnTotals, total, threshold) || changed;
    if (!changed) break;
  }
  return {
    cells: cells.map((r) => r.map(out)),
    rowTotals: rowTotals.map(out),
    columnTotals: columnTotals.map(out),
    total: out(total),
  };
}
