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
import { useMemo, useState } from 'react';
import type { DisruptiveActor, Forum } from '../../../../shared/api';
import { useApi } from '../../api/queries';
import { sortByName } from '../../components/collate';
import { ReadOnlyFieldset, useForumAccess } from '../../app/forumAccess';
import { ActorForm } from './ActorForm';

function identifiersOf(a: DisruptiveActor): string {
  return [...a.names, ...a.emails, ...a.handles].join(', ');
}

/** The forum's disruptive actors: people whose identifiers are checked on every participant change. */
export function ActorsTab({ forum }: { forum: Forum }) {
  const list = useApi('actors.list', { forumId: forum.id });
  const actors = useMemo(
    () => (list.data ? sortByName(list.data, (a) => a.name) : null),
    [list.data],
  );
  const error = list.error?.message ?? null;
  const { canWrite } = useForumAccess();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<DisruptiveActor | null>(null);

  const onSaved = (a: DisruptiveActor, verb: string) => {
    setAdding(false);
    setEditing(null);
    notifications.show({ message: `${a.name} ${verb}.` });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h3">
            Disruptive actors
          </Title>
          <Text size="sm" c="dimmed">
            Identifiers of excluded actors are checked whenever a participant is added, edited or
            imported.
          </Text>
        </Stack>
        {canWrite && <Button onClick={() => setAdding(true)}>Add actor</Button>}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {actors === null ? (
        !error && <Text c="dimmed">Loading…</Text>
      ) : actors.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="flex-start" gap="xs">
            <Text fw={600}>No disruptive actors on file.</Text>
            <Text>
              Add people who disrupted the forum, with the names, e-mails and handles they use, so
              they are recognised if they sign up again.
            </Text>
          </Stack>
        </Card>
      ) : (
        <Table highlightOnHover aria-label="Disruptive actors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Identifiers</Table.Th>
              <Table.Th>Excluded</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {actors.map((a) => (
              <Table.Tr key={a.id} onClick={() => setEditing(a)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    onClick={(e) => {
                      e.stopPropagation();
                      setEditing(a);
                    }}
                  >
                    {a.name}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{identifiersOf(a) || '—'}</Table.Td>
                <Table.Td>
                  {a.excluded ? (
                    <Badge color="red" variant="light">
                      Yes
                    </Badge>
                  ) : (
                    'No'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add actor" size="lg">
        {adding && (
          <ActorForm
            forumId={forum.id}
            onCancel={() => setAdding(false)}
            onSaved={(a) => onSaved(a, 'added')}
          />
        )}
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={canWrite ? 'Edit actor' : 'Actor'}
        size="lg"
      >
        {editing && (
          <ReadOnlyFieldset>
            <ActorForm
              key={editing.id}
              forumId={forum.id}
              actor={editing}
              onCancel={() => setEditing(null)}
              onSaved={(a) => onSaved(a, 'saved')}
            />
          </ReadOnlyFieldset>
        )}
      </Modal>
    </Stack>
  );
}
