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
import { publishTwoWay, Release, type FigureCell, type KeyedCount } from './statistics/release';
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
  /** Sum of the record keys of the people counted (SQL `sum(record_key(...))`). */
  keySum?: number | bigint | null;
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

export type { FigureCell };

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

/** The phase's aggregate as a release: protected people lose development status and gender. */
export function phaseRelease(rows: readonly CubeRow[]): Release<Dimension> {
  return new Release<Dimension>(
    rows.map((r) => ({
      values: {
        stakeholder_group: r.stakeholderGroup,
        region: r.region,
        development_status: r.developmentStatus,
        gender: r.gender,
      },
      isProtected: Boolean(r.isProtected),
      count: r.count,
      keySum: r.keySum ?? 0,
    })),
    WITHHELD_FOR_PROTECTED,
    Object.fromEntries(
      DIMENSIONS.map((d) => [d, DIMENSION_CATEGORIES[d].map((c) => c.key)]),
    ) as Record<Dimension, string[]>,
  );
}

/** Attributes of protected people every published table counts as "Not recorded". */
export const WITHHELD_FOR_PROTECTED: readonly Dimension[] = ['development_status', 'gender'];

/**
 * The publishable breakdowns of one phase (shared/domain/statistics): the group x region cells
 * perturbed, the group and region breakdowns and the phase total their sums; development status
 * and gender perturbed lists. "Not recorded" is always listed (its appearing would say someone is
 * in it). Protected people count as "Not recorded" for development status and gender.
 */
export function publishPhase(rows: readonly CubeRow[]): PublishedPhase {
  const rel = phaseRelease(rows);
  const keys = (d: Dimension) => [...DIMENSION_CATEGORIES[d].map((c) => c.key), UNKNOWN];
  const label = (d: Dimension, key: string) =>
    key === UNKNOWN ? UNKNOWN_LABEL : DIMENSION_CATEGORIES[d].find((c) => c.key === key)!.label;
  const groups = keys('stakeholder_group');
  const regions = keys('region');
  const table = rel.twoWay('stakeholder_group', groups, 'region', regions);
  const one = (d: Dimension) => {
    const k = keys(d);
    const l = rel.list(d, k);
    return k.map((key, i) => ({ key, label: label(d, key), value: l.cells[i] }));
  };
  return {
    total: table.total,
    byDimension: {
      stakeholder_group: groups.map((g, i) => ({
        key: g,
        label: label('stakeholder_group', g),
        value: table.rowTotals[i],
      })),
      region: regions.map((r, j) => ({
        key: r,
        label: label('region', r),
        value: table.columnTotals[j],
      })),
      development_status: one('development_status'),
      gender: one('gender'),
    },
    groupRegion: table.cells.flatMap((row, i) =>
      row.map((value, j) => ({ group: groups[i], region: regions[j], value })),
    ),
  };
}

/** Publishes a calls x groups table of attendance (the trend): cells perturbed, totals summed. */
export function publishTrend(cells: readonly (readonly KeyedCount[])[]): {
  cells: FigureCell[][];
  rowTotals: FigureCell[];
  columnTotals: FigureCell[];
  total: FigureCell;
} {
  return publishTwoWay(cells);
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
