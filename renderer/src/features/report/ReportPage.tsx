import { Alert, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Forum } from '../../../../shared/api';
import { useAudience, useClient } from '../../api/context';
import { unwrapOrNotify } from '../../components/errors';
import { useApi } from '../../api/queries';
import { inUserZone } from '../calls/format';
import { ReportEditor } from './ReportEditor';
import { useRouteParam } from '../../app/routes';
import { ReadOnlyNote, useForumAccess } from '../../app/forumAccess';

/** Report: the forum's outcome reports, and one report's editor. */
export function ReportPage({ forum }: { forum: Forum }) {
  const audience = useAudience();
  const [openId, setOpenId] = useRouteParam('report', 'reportId');
  if (audience !== 'coordinators')
    return (
      <Stack>
        <Title order={1} size="h2">
          Report
        </Title>
        <Alert color="grape" title="Written by the coordinators">
          The outcome report is drafted here by the coordinators. To see what public readers get,
          turn off “Preview as public” and export the report for the public: protected participants
          appear there only by their pseudonym.
        </Alert>
      </Stack>
    );
  if (openId)
    return <ReportEditor reportId={openId} forum={forum} onBack={() => setOpenId(null)} />;
  return <ReportList forum={forum} onOpen={setOpenId} />;
}

function ReportList({ forum, onOpen }: { forum: Forum; onOpen: (id: string) => void }) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const list = useApi('report.list', { forumId: forum.id });
  const reports = list.data ?? (list.error ? [] : null);
  const [creating, setCreating] = useState(false);

  const create = async () => {
    setCreating(true);
    const created = unwrapOrNotify(
      await client.call('report.create', { forumId: forum.id, fromTemplate: true }),
      'The report was not created',
    );
    setCreating(false);
    if (created) onOpen(created.id);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Report
        </Title>
        <ReadOnlyNote />
        {canWrite && (
          <Button onClick={() => void create()} loading={creating}>
            New report
          </Button>
        )}
      </Group>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {reports === null ? (
        <Loader size="sm" aria-label="Loading reports" />
      ) : reports.length === 0 ? (
        <Alert title="No report yet" color="blue">
          <Text size="sm">
            {canWrite
              ? '“New report” starts the outcome report from the BPF template: executive summary, findings, mandate and methodology, and appendices. The evidence sections (methodology, practices, contributors, comments) are generated from the forum’s records.'
              : 'No outcome report was started in this forum.'}
          </Text>
        </Alert>
      ) : (
        <Table striped aria-label="Reports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Title</Table.Th>
              <Table.Th scope="col">Sections</Table.Th>
              <Table.Th scope="col">Versions</Table.Th>
              <Table.Th scope="col">Last changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => onOpen(r.id)}>
                    {r.title}
                  </Button>
                </Table.Td>
                <Table.Td>{r.sectionCount}</Table.Td>
                <Table.Td>{r.versionCount}</Table.Td>
                <Table.Td>{inUserZone(r.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
