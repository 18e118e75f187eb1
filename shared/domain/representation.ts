/**
 * Representation figures: breakdowns of who took part, rolled up from a "cube" of counts (one row
 * per stakeholder group x region x development status x gender x protected, as SQL's GROUP BY
 * returns it), and their publishable form with small cells suppressed.
 *
 * Publishing a phase (`publishPhase`): the group x region table is suppressed as a two-way table
 * (shared/domain/suppression `suppressTable`), and its row and column totals ARE the published
 * "by stakeholder group" and "by region" breakdowns, so one suppression decides both and a row or
 * column total minus the cells shown never reveals a small cell. Development status and gender are
 * one-way lists over the same total. The phase total is shown only if every one of these shows it.
 *
 * Protected participants are counted, but for any audience other than coordinators their
 * development status and gender are "Not recorded" (as the redaction policy withholds them from
 * their own record): they are never located more finely than their region.
 */
import {
  DEVELOPMENT_STATUS_LABELS,
  DEVELOPMENT_STATUSES,
  REGION_LABELS,
  REGIONS,
} from './countries';
import {
  cellText,
  DEFAULT_SUPPRESSION_THRESHOLD,
  suppressList,
  suppressTable,
  type SuppressedCell,
} from './suppression';
import {
  GENDER_LABELS,
  GENDERS,
  STAKEHOLDER_GROUP_LABELS,
  STAKEHOLDER_GROUPS,
  type Audience,
} from './vocabulary';

export const DIMENSIONS = ['stakeholder_group', 'region', 'development_status', 'gender'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_LABELS: Record<Dimension, string> = {
  stakeholder_group: 'Stakeholder group',
  region: 'Region',
  development_status: 'Development status',
  gender: 'Gender',
};

/** The key of a category nobody recorded (no region, no gender...). */
export const UNKNOWN = 'unknown';
export const UNKNOWN_LABEL = 'Not recorded';

/** The categories of each dimension, in display order (without "Not recorded"). */
export const DIMENSION_CATEGORIES: Record<Dimension, readonly { key: string; label: string }[]> = {
  stakeholder_group: STAKEHOLDER_GROUPS.map((k) => ({
    key: k,
    label: STAKEHOLDER_GROUP_LABELS[k],
  })),
  region: REGIONS.map((k) => ({ key: k, label: REGION_LABELS[k] })),
  development_status: DEVELOPMENT_STATUSES.map((k) => ({
    key: k,
    label: DEVELOPMENT_STATUS_LABELS[k],
  })),
  gender: GENDERS.map((k) => ({ key: k, label: GENDER_LABELS[k] })),
};

/** One row of a GROUP BY over participants. */
export interface CubeRow {
  stakeholderGroup: string | null;
  region: string | null;
  developmentStatus: string | null;
  gender: string | null;
  isProtected: number | boolean;
  count: number;
}

/** The cube as `audience` may count it: protected people lose development status and gender. */
export function cubeForAudience(rows: readonly CubeRow[], audience: Audience): CubeRow[] {
  if (audience === 'coordinators') return [...rows];
  return rows.map((r) => (r.isProtected ? { ...r, developmentStatus: null, gender: null } : r));
}

const keyOf = (row: CubeRow, d: Dimension): string => {
  const v =
    d === 'stakeholder_group'
      ? row.stakeholderGroup
      : d === 'region'
        ? row.region
        : d === 'development_status'
          ? row.developmentStatus
          : row.gender;
  if (v === null || v === undefined) return UNKNOWN;
  return DIMENSION_CATEGORIES[d].some((c) => c.key === v) ? v : UNKNOWN;
};

/** Counts by one dimension: every category (0 if nobody), "Not recorded" last. */
export function rollup(rows: readonly CubeRow[], d: Dimension): Map<string, number> {
  const out = new Map<string, number>(DIMENSION_CATEGORIES[d].map((c) => [c.key, 0]));
  out.set(UNKNOWN, 0);
  for (const r of rows) {
    const k = keyOf(r, d);
    out.set(k, (out.get(k) ?? 0) + r.count);
  }
  return out;
}

export const cubeTotal = (rows: readonly CubeRow[]) => rows.reduce((s, r) => s + r.count, 0);

/** Counts by group x region (rows: groups, columns: regions then "Not recorded"). */
export function groupByRegion(rows: readonly CubeRow[]): number[][] {
  const groups = [...DIMENSION_CATEGORIES.stakeholder_group.map((c) => c.key), UNKNOWN];
  const regions = [...DIMENSION_CATEGORIES.region.map((c) => c.key), UNKNOWN];
  const table = groups.map(() => regions.map(() => 0));
  for (const r of rows)
    table[groups.indexOf(keyOf(r, 'stakeholder_group'))][regions.indexOf(keyOf(r, 'region'))] +=
      r.count;
  return table;
}

/** A figure as shown: the count (null when suppressed) and its text ("12", "<3", "x"). */
export interface FigureCell {
  count: number | null;
  text: string;
}

export interface FigureCategory {
  key: string;
  label: string;
  value: FigureCell;
}

export interface PublishedPhase {
  total: FigureCell;
  byDimension: Record<Dimension, FigureCategory[]>;
  /** Group x region cells, as suppressed together with the two breakdowns. */
  groupRegion: { group: string; region: string; value: FigureCell }[];
}

const shown = (count: number): FigureCell => ({ count, text: String(count) });
const fromSuppressed = (c: SuppressedCell, threshold: number): FigureCell =>
  c.kind === 'shown' ? shown(c.value) : { count: null, text: cellText(c, threshold) };

/** Categories to list: every known one, and "Not recorded" only when someone is in it. */
function listed(d: Dimension, counts: Map<string, number>) {
  const cats = DIMENSION_CATEGORIES[d].map((c) => ({ ...c, count: counts.get(c.key) ?? 0 }));
  const unknown = counts.get(UNKNOWN) ?? 0;
  return unknown > 0 || d === 'region'
    ? [...cats, { key: UNKNOWN, label: UNKNOWN_LABEL, count: unknown }]
    : cats;
}

/** The unsuppressed breakdowns (what coordinators see). */
export function exactPhase(rows: readonly CubeRow[]): PublishedPhase {
  const byDimension = Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      listed(d, rollup(rows, d)).map((c) => ({
        key: c.key,
        label: c.label,
        value: shown(c.count),
      })),
    ]),
  ) as Record<Dimension, FigureCategory[]>;
  const table = groupByRegion(rows);
  const groups = [...DIMENSION_CATEGORIES.stakeholder_group.map((c) => c.key), UNKNOWN];
  const regions = [...DIMENSION_CATEGORIES.region.map((c) => c.key), UNKNOWN];
  return {
    total: shown(cubeTotal(rows)),
    byDimension,
    groupRegion: table.flatMap((row, i) =>
      row.map((n, j) => ({ group: groups[i], region: regions[j], value: shown(n) })),
    ),
  };
}

/**
 * The publishable breakdowns of one phase: small cells "<3" with secondary suppression ("x"),
 * group and region from one two-way table, the total shown only where every breakdown shows it.
 */
export function publishPhase(
  rows: readonly CubeRow[],
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): PublishedPhase {
  const groups = [...DIMENSION_CATEGORIES.stakeholder_group.map((c) => c.key), UNKNOWN];
  const regions = [...DIMENSION_CATEGORIES.region.map((c) => c.key), UNKNOWN];
  const counts = groupByRegion(rows);
  // Drop the "Not recorded" group row when empty (groups are always recorded for participants).
  const useGroups = counts[groups.length - 1].some((n) => n > 0) ? groups : groups.slice(0, -1);
  const table = suppressTable(counts.slice(0, useGroups.length), { threshold });
  const devList = listed('development_status', rollup(rows, 'development_status'));
  const genderList = listed('gender', rollup(rows, 'gender'));
  const dev = suppressList(
    devList.map((c) => c.count),
    { threshold },
  );
  const gender = suppressList(
    genderList.map((c) => c.count),
    { threshold },
  );
  const totals = [table.total, dev.total, gender.total];
  if (totals.some((t) => t.kind !== 'shown')) {
    // One breakdown can only be protected by hiding the total, which the others would give away:
    // the phase is too small to publish, so every count but zero is withheld.
    const withhold = (c: SuppressedCell, n: number): SuppressedCell =>
      n === 0 ? c : { kind: n < threshold ? 'small' : 'hidden' };
    table.cells = table.cells.map((r, i) => r.map((c, j) => withhold(c, counts[i][j])));
    table.rowTotals = table.rowTotals.map((c, i) =>
      withhold(
        c,
        counts[i].reduce((a, n) => a + n, 0),
      ),
    );
    table.columnTotals = table.columnTotals.map((c, j) =>
      withhold(
        c,
        counts.slice(0, useGroups.length).reduce((a, r) => a + r[j], 0),
      ),
    );
    dev.cells = dev.cells.map((c, i) => withhold(c, devList[i].count));
    gender.cells = gender.cells.map((c, i) => withhold(c, genderList[i].count));
  }
  const total =
    totals.find((t) => t.kind === 'small') ??
    totals.find((t) => t.kind === 'hidden') ??
    table.total;
  const label = (d: Dimension, key: string) =>
    key === UNKNOWN ? UNKNOWN_LABEL : DIMENSION_CATEGORIES[d].find((c) => c.key === key)!.label;
  return {
    total: fromSuppressed(total, threshold),
    byDimension: {
      stakeholder_group: useGroups.map((g, i) => ({
        key: g,
        label: label('stakeholder_group', g),
        value: fromSuppressed(table.rowTotals[i], threshold),
      })),
      region: regions.map((r, j) => ({
        key: r,
        label: label('region', r),
        value: fromSuppressed(table.columnTotals[j], threshold),
      })),
      development_status: devList.map((c, i) => ({
        key: c.key,
        label: c.label,
        value: fromSuppressed(dev.cells[i], threshold),
      })),
      gender: genderList.map((c, i) => ({
        key: c.key,
        label: c.label,
        value: fromSuppressed(gender.cells[i], threshold),
      })),
    },
    groupRegion: table.cells.flatMap((row, i) =>
      row.map((c, j) => ({
        group: useGroups[i],
        region: regions[j],
        value: fromSuppressed(c, threshold),
      })),
    ),
  };
}

/**
 * A count inside a published cell (an organisation inside its group x region cell): shown only if
 * it is not small itself, its parent is shown, and the parent minus it is not small either (else
 * "parent minus organisation" would reveal a count of 1 or 2).
 */
export function publishSubCell(
  count: number,
  parent: FigureCell,
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): FigureCell {
  if (count === 0) return shown(0);
  if (count < threshold) return { count: null, text: `<${threshold}` };
  if (parent.count === null) return { count: null, text: 'x' };
  const rest = parent.count - count;
  if (rest > 0 && rest < threshold) return { count: null, text: 'x' };
  return shown(count);
}

/** Publishes a calls x groups table of attendance (the trend), rows and columns protected. */
export function publishTrend(
  counts: readonly (readonly number[])[],
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): {
  cells: FigureCell[][];
  rowTotals: FigureCell[];
  columnTotals: FigureCell[];
  total: FigureCell;
} {
  const t = suppressTable(counts, { threshold });
  return {
    cells: t.cells.map((r) => r.map((c) => fromSuppressed(c, threshold))),
    rowTotals: t.rowTotals.map((c) => fromSuppressed(c, threshold)),
    columnTotals: t.columnTotals.map((c) => fromSuppressed(c, threshold)),
    total: fromSuppressed(t.total, threshold),
  };
}

/** Exact trend figures (coordinators). */
export function exactTrend(counts: readonly (readonly number[])[]) {
  const columns = counts[0]?.length ?? 0;
  return {
    cells: counts.map((r) => r.map(shown)),
    rowTotals: counts.map((r) => shown(r.reduce((s, n) => s + n, 0))),
    columnTotals: Array.from({ length: columns }, (_, j) =>
      shown(counts.reduce((s, r) => s + r[j], 0)),
    ),
    total: shown(counts.reduce((s, r) => s + r.reduce((a, n) => a + n, 0), 0)),
  };
}
