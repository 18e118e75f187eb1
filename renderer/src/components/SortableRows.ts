import { useMemo, useState } from 'react';
import { compareNames } from './collate';
import type { SortState } from './SortableTh';

/** How to read each sortable column of a row: text sorts with Intl.Collator, numbers by value. */
export type SortAccessors<T, K extends string> = Record<K, (row: T) => string | number | null>;

/** Compares two cells: empty ones last whatever the order, text by the user's alphabet. */
function compareCells(a: string | number | null, b: string | number | null): number {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;
  if (b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareNames(String(a), String(b));
}

/** Sorts a copy of `rows` by one column (a stable sort: equal rows keep their order). */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  accessors: SortAccessors<T, K>,
  sort: SortState<K> | null,
): T[] {
  if (!sort) return [...rows];
  const read = accessors[sort.key];
  const dir = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = read(x);
    const b = read(y);
    // Empty cells stay at the end in both orders.
    if (a === null || a === '' || b === null || b === '') return compareCells(a, b);
    return dir * compareCells(a, b);
  });
}

/** A client-sorted table: the rows in the order of the column header last clicked. */
export function useSortedRows<T, K extends string>(
  rows: readonly T[],
  accessors: SortAccessors<T, K>,
  initial: NoInfer<SortState<K>> | null = null,
) {
  const [sort, setSort] = useState<SortState<K> | null>(initial);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- accessors are written inline (a new object each render): the sort follows the rows and the chosen column only
  const sorted = useMemo(() => sortRows(rows, accessors, sort), [rows, sort]);
  return { sorted, sort, setSort };
}
