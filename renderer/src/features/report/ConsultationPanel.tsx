import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Forum, Report } from '../../../../shared/api';
import { ROUND_PHASE_LABELS } from '../../../../shared/domain/report';
import { useForumAccess } from '../../app/forumAccess';
import { NewRoundModal } from './NewRoundModal';
import { RoundView } from './RoundView';

/** Comment rounds: phase 1 on the outline, phase 2 on a draft paragraph by paragraph. */
export function ConsultationPanel({
  report,
  forum,
  onChanged,
}: {
  report: Report;
  forum: Forum;
  onChanged: () => void;
}) {
  const { canWrite } = useForumAccess();
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  if (openId)
    return (
      <RoundView
        roundId={openId}
        forum={forum}
        onBack={() => {
          setOpenId(null);
          onChanged();
        }}
      />
    );

  return (
    <Stack>
      <Group justify="space-between">
        <Text>
          Phase 1 takes comments on the principles and outline, section by section; phase 2 on a
          draft, paragraph by paragraph. Every comment gets an answer.
        </Text>
        {canWrite && (
          <Button onClick={() => setCreating(true)} disabled={report.versions.length === 0}>
            New comment round
          </Button>
        )}
      </Group>
      {report.versions.length === 0 && (
        <Alert color="blue">
          A comment round is held on a saved version: save one on the “Versions” tab first.
        </Alert>
      )}
      {report.rounds.length === 0 ? (
        <Text c="dimmed">No comment rounds yet.</Text>
      ) : (
        <Table striped aria-label="Comment rounds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Round</Table.Th>
              <Table.Th scope="col">Phase</Table.Th>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">Dates</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Comments</Table.Th>
              <Table.Th scope="col">Not yet answered</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rounds.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setOpenId(r.id)}>
                    {r.title}
                  </Button>
                </Table.Td>
                <Table.Td>{ROUND_PHASE_LABELS[r.phase]}</Table.Td>
                <Table.Td>{r.versionName}</Table.Td>
                <Table.Td>
                  {r.opensOn ?? '…'} – {r.closesOn ?? '…'}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.status === 'open' ? 'teal' : 'gray'}>
                    {r.status === 'open' ? 'Open' : 'Closed'}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.commentCount}</Table.Td>
                <Table.Td>{r.pendingCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NewRoundModal
        opened={creating}
        onClose={() => setCreating(false)}
        report={report}
        onCreated={(round) => {
          setCreating(false);
          onChanged();
          setOpenId(round.id);
        }}
      />
    </Stack>
  );
}
