/**
 * A release: the published tables of one publication, all made from ONE aggregate over records
 * (rows of attribute values with a count and the sum of their record keys, as a GROUP BY
 * returns them) and published by one rule (shared/domain/statistics/perturbation.ts):
 *
 * - Protected records lose their withheld attributes (development status, gender, organisation)
 *   before anything is counted, so every table of the release, the report's methodology
 *   included, counts them as "Not recorded".
 * - Each interior cell is perturbed by its own count and cell key. The same set of records gives
 *   the same figure wherever it appears (another table, another release).
 * - Margins and totals are the sums of the published cells of their table, never the perturbed
 *   true margin: "total minus the cells shown" gives back published figures only.
 */
import { addCellKey, cellKeyFromSum, perturbCount } from './perturbation';

/** A figure as published: the count (null when not a number) and its text. */
export interface FigureCell {
  count: number | null;
  text: string;
}

/** Records counted in a cell: how many, and the cell key (sum of their record keys). */
export interface KeyedCount {
  count: number;
  key: number;
}

export const NO_RECORDS: KeyedCount = { count: 0, key: 0 };

export const combineKeyed = (a: KeyedCount, b: KeyedCount): KeyedCount => ({
  count: a.count + b.count,
  key: addCellKey(a.key, b.key),
});

export const figure = (n: number): FigureCell => ({ count: n, text: String(n) });

/** The published figure of one cell. */
export const publishCount = (k: KeyedCount): FigureCell => figure(perturbCount(k.count, k.key));

/** Sum of published figures (null stays null: a table with a withheld cell has no total). */
export function sumFigures(cells: readonly FigureCell[]): FigureCell {
  let s = 0;
  for (const c of cells) {
    if (c.count === null) return { count: null, text: 'x' };
    s += c.count;
  }
  return figure(s);
}

/** A one-way table: each cell perturbed, the total the sum of the cells shown. */
export function publishList(cells: readonly KeyedCount[]): {
  cells: FigureCell[];
  total: FigureCell;
} {
  const out = cells.map(publishCount);
  return { cells: out, total: sumFigures(out) };
}

/**
 * Cells that may overlap (a contribution with several themes): each perturbed, no total (a
 * total would not be their sum). `total` is supplied by the caller from an additive table.
 */
export const publishOverlapping = (cells: readonly KeyedCount[]): FigureCell[] =>
  cells.map(publishCount);

export interface PublishedTwoWay {
  cells: FigureCell[][];
  rowTotals: FigureCell[];
  columnTotals: FigureCell[];
  total: FigureCell;
}

/** A two-way table: interior cells perturbed; row, column and grand totals their sums. */
export function publishTwoWay(cells: readonly (readonly KeyedCount[])[]): PublishedTwoWay {
  const out = cells.map((r) => r.map(publishCount));
  const columns = out[0]?.length ?? 0;
  const rowTotals = out.map(sumFigures);
  const columnTotals = Array.from({ length: columns }, (_, j) => sumFigures(out.map((r) => r[j])));
  return { cells: out, rowTotals, columnTotals, total: sumFigures(rowTotals) };
}

/* ---- The aggregate ---- */

/** One row of the release's aggregate: attribute values, a count and the key sum. */
export interface AggregateRow<D extends string> {
  values: Record<D, string | null>;
  isProtected: boolean;
  count: number;
  /** Sum of the record keys (SQL `sum(record_key(...))`), any size: reduced mod 2^32 here. */
  keySum: number | bigint | null;
}

/** The key a missing or unknown value is counted under. */
export const NOT_RECORDED = 'unknown';

/**
 * The aggregate of a release: protected rows lose `withheld` attributes once, here; every table
 * is then a roll-up of the same rows.
 */
export class Release<D extends string> {
  private readonly rows: { values: Record<D, string>; keyed: KeyedCount }[];

  constructor(
    rows: readonly AggregateRow<D>[],
    /** Attributes withheld for protected records (counted as "Not recorded"). */
    readonly withheld: readonly D[],
    /** The known categories of each attribute; anything else is "Not recorded". */
    private readonly categories: Record<D, readonly string[]>,
  ) {
    this.rows = rows.map((r) => {
      const values = {} as Record<D, string>;
      for (const d of Object.keys(categories) as D[]) {
        const v = r.isProtected && withheld.includes(d) ? null : r.values[d];
        values[d] = v !== null && v !== undefined && categories[d].includes(v) ? v : NOT_RECORDED;
      }
      return { values, keyed: { count: r.count, key: cellKeyFromSum(r.keySum) } };
    });
  }

  /** The records (count and cell key) of every combination of `dims`' values. */
  private rollup(dims: readonly D[]): Map<string, KeyedCount> {
    const out = new Map<string, KeyedCount>();
    for (const r of this.rows) {
      const k = dims.map((d) => r.values[d]).join('\u0000');
      out.set(k, combineKeyed(out.get(k) ?? NO_RECORDS, r.keyed));
    }
    return out;
  }

  /** The true count of one category (for coordinators' own exact views and for tests). */
  exact(dims: readonly D[], values: readonly string[]): KeyedCount {
    return this.rollup(dims).get(values.join('\u0000')) ?? NO_RECORDS;
  }

  /** A one-way table over `keys` (categories, "unknown" included if listed). */
  list(dim: D, keys: readonly string[]): { cells: FigureCell[]; total: FigureCell } {
    const by = this.rollup([dim]);
    return publishList(keys.map((k) => by.get(k) ?? NO_RECORDS));
  }

  /** A two-way table rows x columns. */
  twoWay(
    rowDim: D,
    rowKeys: readonly string[],
    columnDim: D,
    columnKeys: readonly string[],
  ): PublishedTwoWay {
    const by = this.rollup([rowDim, columnDim]);
    return publishTwoWay(
      rowKeys.map((r) => columnKeys.map((c) => by.get(`${r}\u0000${c}`) ?? NO_RECORDS)),
    );
  }

  /** True counts by `dim` (a release's input, for coordinators). */
  exactList(dim: D, keys: readonly string[]): number[] {
    const by = this.rollup([dim]);
    return keys.map((k) => by.get(k)?.count ?? 0);
  }

  /** Values of `dim` present among the records (after withholding). */
  present(dim: D): Set<string> {
    return new Set(this.rows.filter((r) => r.keyed.count > 0).map((r) => r.values[dim]));
  }
}
