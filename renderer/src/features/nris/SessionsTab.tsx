import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Forum, Nri, OnsiteSession } from '../../../../shared/api';
import { SESSION_FORMAT_LABELS, SESSION_STATUS_LABELS } from '../../../../shared/domain/nris';
import { useApi } from '../../api/queries';
import { ReadOnlyNote, useForumAccess } from '../../app/forumAccess';
import { formatInZone, STATUS_COLORS, venueWhen } from './format';
import { SessionDetail } from './SessionDetail';
import { SessionForm } from './SessionForm';
import { useRouteParam } from '../../app/routes';

const NO_NRIS: Nri[] = [];

/** The forum's onsite sessions at NRI events; a session opens its own page. */
export function SessionsTab({ forum }: { forum: Forum }) {
  const { canWrite } = useForumAccess();
  const list = useApi('sessions.list', { forumId: forum.id });
  const directory = useApi('nris.list', {});
  const sessions = list.data ?? null;
  const nris = directory.data ?? NO_NRIS;
  const error = list.error?.message ?? null;
  const [planning, setPlanning] = useState(false);
  const [openId, setOpenId] = useRouteParam('nris', 'sessionId');

  const onPlanned = (s: OnsiteSession) => {
    setPlanning(false);
    notifications.show({ message: `${s.title} planned.` });
  };

  if (openId)
    return (
      <SessionDetail
        key={openId}
        id={openId}
        forum={forum}
        nris={nris}
        onBack={() => {
          setOpenId(null);
        }}
      />
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2} size="h3">
            Onsite sessions
          </Title>
          <Text size="sm" c="dimmed">
            Sessions this forum holds at NRI events, in the venue’s time zone.
          </Text>
        </Stack>
        {canWrite && <Button onClick={() => setPlanning(true)}>Plan session</Button>}
        <ReadOnlyNote />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {sessions === null ? (
        !error && <Text c="dimmed">Loading…</Text>
      ) : sessions.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="flex-start" gap="xs">
            <Text fw={600}>No onsite sessions yet.</Text>
            <Text>
              Plan a session at a national or regional IGF to gather local practices and raise
              awareness of the forum’s work.
            </Text>
          </Stack>
        </Card>
      ) : (
        <Table highlightOnHover aria-label="Onsite sessions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Title</Table.Th>
              <Table.Th>NRI</Table.Th>
              <Table.Th>When (venue time)</Table.Th>
              <Table.Th>UTC</Table.Th>
              <Table.Th>Format</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attended</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => setOpenId(s.id)}>
                    {s.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{s.nriName ?? '—'}</Table.Td>
                <Table.Td>{venueWhen(s.startAt, s.zone)}</Table.Td>
                <Table.Td>{formatInZone(s.startAt, 'UTC')}</Table.Td>
                <Table.Td>{SESSION_FORMAT_LABELS[s.format]}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[s.status]} variant="light">
                    {SESSION_STATUS_LABELS[s.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>{s.attendedCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={planning} onClose={() => setPlanning(false)} title="Plan session" size="xl">
        {planning && (
          <SessionForm
            forumId={forum.id}
            nris={nris}
            onCancel={() => setPlanning(false)}
            onSaved={onPlanned}
          />
        )}
      </Modal>
    </Stack>
  );
}
