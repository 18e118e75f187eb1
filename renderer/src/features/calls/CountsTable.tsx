import { Table } from '@mantine/core';
import type { CountCell } from '../../../../shared/api';

export function CountsTable({ title, cells }: { title: string; cells: CountCell[] }) {
  return (
    <Table withTableBorder aria-label={title} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{title}</Table.Th>
          <Table.Th scope="col">Attended</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cells.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={2}>No attendance recorded.</Table.Td>
          </Table.Tr>
        ) : (
          cells.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Th scope="row">{c.label}</Table.Th>
              <Table.Td>{c.display}</Table.Td>
            </Table.Tr>
          ))
        )}
      </Table.Tbody>
    </Table>
  );
}
