import { Badge, ScrollArea, Table, Text, Title } from '@mantine/core';
import type { ImportPreviewRow, ImportRowAction } from '../../../../../shared/api';
import { countryByCode } from '../../../../../shared/domain/countries';
import { STAKEHOLDER_GROUP_LABELS } from '../../../../../shared/domain/vocabulary';

const ACTION_LABELS: Record<ImportRowAction, string> = {
  add: 'Add',
  merge: 'Merge',
  skip: 'Skip',
  invalid: 'Invalid',
};
const ACTION_COLORS: Record<ImportRowAction, string> = {
  add: 'green',
  merge: 'blue',
  skip: 'gray',
  invalid: 'red',
};

function previewCells(row: ImportPreviewRow): string[] {
  const p = row.participant;
  if (!p)
    return [
      row.values.fullName,
      row.values.email,
      row.values.organisation,
      row.values.stakeholderGroup,
      row.values.country,
    ];
  return [
    p.fullName,
    p.email ?? '',
    p.organisation ?? '',
    STAKEHOLDER_GROUP_LABELS[p.stakeholderGroup],
    p.country ? (countryByCode(p.country)?.name ?? p.country) : '',
  ];
}

/** The first rows of the file as they would be imported, each with what happens to it. */
export function PreviewTable({ rows }: { rows: ImportPreviewRow[] }) {
  return (
    <>
      <Title order={3}>Preview</Title>
      <ScrollArea>
        <Table striped aria-label="Import preview" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th>Full name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Organisation</Table.Th>
              <Table.Th>Stakeholder group</Table.Th>
              <Table.Th>Country</Table.Th>
              <Table.Th>Import</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                {previewCells(row).map((cell, i) => (
                  <Table.Td key={i}>{cell}</Table.Td>
                ))}
                <Table.Td>
                  <Badge color={ACTION_COLORS[row.action]} variant="light">
                    {ACTION_LABELS[row.action]}
                  </Badge>{' '}
                  {row.reason && (
                    <Text span size="xs" c="dimmed">
                      {row.reason}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </>
  );
}
