import { Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

export type SortDirection = 'asc' | 'desc';

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/** Clicking the sorted column turns its order round; clicking another sorts by it, ascending. */
export function nextSort<K extends string>(current: SortState<K> | null, key: K): SortState<K> {
  return current?.key === key
    ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
    : { key, direction: 'asc' };
}

export function ariaSort<K extends string>(
  current: SortState<K> | null,
  key: K,
): 'ascending' | 'descending' | 'none' {
  if (current?.key !== key) return 'none';
  return current.direction === 'asc' ? 'ascending' : 'descending';
}

interface SortableHeaderProps<K extends string> {
  column: K;
  sort: SortState<K> | null;
  onSort: (next: SortState<K>) => void;
  children: ReactNode;
}

/**
 * The button of a sortable column header: a real button (Tab, Enter and Space work), whose
 * name is the column's; the order is said by `aria-sort` on the header, and shown by an arrow.
 */
function SortButton<K extends string>({ column, sort, onSort, children }: SortableHeaderProps<K>) {
  const state = ariaSort(sort, column);
  return (
    <UnstyledButton
      className="sortable-header"
      onClick={() => onSort(nextSort(sort, column))}
      style={{ font: 'inherit', fontWeight: 'inherit', display: 'inline-flex', gap: 4 }}
    >
      {children}
      <span aria-hidden="true" style={{ opacity: state === 'none' ? 0.35 : 1 }}>
        {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
      </span>
    </UnstyledButton>
  );
}

/** A `<th>` of a Mantine table whose column sorts on click. */
export function SortableTh<K extends string>(props: SortableHeaderProps<K>) {
  return (
    <Table.Th aria-sort={ariaSort(props.sort, props.column)}>
      <SortButton {...props} />
    </Table.Th>
  );
}

/** The same for an ARIA grid made of divs (the virtualised participant list). */
export function SortableColumnHeader<K extends string>(props: SortableHeaderProps<K>) {
  return (
    <span role="columnheader" aria-sort={ariaSort(props.sort, props.column)}>
      <SortButton {...props} />
    </span>
  );
}
