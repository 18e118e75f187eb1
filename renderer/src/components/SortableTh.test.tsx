// @vitest-environment happy-dom
import { MantineProvider, Table } from '@mantine/core';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nextSort, SortableTh } from './SortableTh';
import { sortRows, useSortedRows } from './SortableRows';
import { installDomShims } from '../testing/domShims';

beforeAll(installDomShims);
afterEach(cleanup);

interface Person {
  name: string;
  calls: number | null;
}
const people: Person[] = [
  { name: 'Zoe', calls: 3 },
  { name: 'Øystein', calls: null },
  { name: 'Ольга', calls: 10 },
  { name: 'عمر', calls: 2 },
  { name: '王芳', calls: 1 },
  { name: 'Anna', calls: 2 },
  { name: 'Oscar', calls: 4 },
];
const accessors = { name: (p: Person) => p.name, calls: (p: Person) => p.calls };

describe('sortRows', () => {
  it('sorts names with Intl.Collator: Ø with the O names, not after Z by code point', () => {
    const names = sortRows(people, accessors, { key: 'name', direction: 'asc' }).map((p) => p.name);
    expect(names.slice(0, 4)).toEqual(['Anna', 'Oscar', 'Øystein', 'Zoe']);
    expect(new Set(names)).toEqual(new Set(people.map((p) => p.name)));
    // Code-point order would put Ø after Z: the collator's does not.
    expect([...people.map((p) => p.name)].sort().indexOf('Øystein')).toBeGreaterThan(
      [...people.map((p) => p.name)].sort().indexOf('Zoe'),
    );
  });

  it('sorts numbers by value, keeps empty cells last in both orders, and is stable', () => {
    const asc = sortRows(people, accessors, { key: 'calls', direction: 'asc' });
    expect(asc.map((p) => p.calls)).toEqual([1, 2, 2, 3, 4, 10, null]);
    expect(asc.filter((p) => p.calls === 2).map((p) => p.name)).toEqual(['عمر', 'Anna']);
    const desc = sortRows(people, accessors, { key: 'calls', direction: 'desc' });
    expect(desc.map((p) => p.calls)).toEqual([10, 4, 3, 2, 2, 1, null]);
  });

  it('turns the order round on the sorted column and starts ascending on another', () => {
    expect(nextSort(null, 'name')).toEqual({ key: 'name', direction: 'asc' });
    expect(nextSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({
      key: 'name',
      direction: 'desc',
    });
    expect(nextSort({ key: 'name', direction: 'desc' }, 'calls')).toEqual({
      key: 'calls',
      direction: 'asc',
    });
  });
});

function PeopleTable() {
  const { sorted, sort, setSort } = useSortedRows(people, accessors);
  return (
    <Table aria-label="People">
      <Table.Thead>
        <Table.Tr>
          <SortableTh column="name" sort={sort} onSort={setSort}>
            Name
          </SortableTh>
          <SortableTh column="calls" sort={sort} onSort={setSort}>
            Calls
          </SortableTh>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((p) => (
          <Table.Tr key={p.name}>
            <Table.Td>{p.name}</Table.Td>
            <Table.Td>{p.calls ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

describe('SortableTh', () => {
  it('is a button in a column header whose aria-sort follows the clicks', () => {
    render(
      <MantineProvider>
        <PeopleTable />
      </MantineProvider>,
    );
    const [nameHeader, callsHeader] = screen.getAllByRole('columnheader');
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');
    const button = within(nameHeader).getByRole('button', { name: /Name/ });
    expect(button.tagName).toBe('BUTTON');
    fireEvent.click(button);
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(callsHeader.getAttribute('aria-sort')).toBe('none');
    const firstCells = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[0].textContent);
    expect(firstCells().slice(0, 2)).toEqual(['Anna', 'Oscar']);
    fireEvent.click(button);
    expect(nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(firstCells()[firstCells().length - 1]).toBe('Anna');
    fireEvent.click(within(callsHeader).getByRole('button', { name: /Calls/ }));
    expect(callsHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');
  });
});
