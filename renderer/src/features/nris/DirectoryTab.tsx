import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { Nri } from '../../../../shared/api';
import { fold } from '../../../../shared/domain/fold';
import { NRI_KIND_LABELS } from '../../../../shared/domain/nris';
import { useClient } from '../../api/context';
import { SortableTh } from '../../components/SortableTh';
import { useSortedRows } from '../../components/SortableRows';
import { useApi } from '../../api/queries';
import { placeOf } from './format';
import { NriForm } from './NriForm';

const matches = (n: Nri, terms: string[]) => {
  const hay = fold([n.name, NRI_KIND_LABELS[n.kind], placeOf(n), n.website].join(' '));
  return terms.every((t) => hay.includes(t));
};

/** The NRI directory, shared by every forum: search, add, edit, remove. */
export function DirectoryTab({
  editable = true,
  onChanged,
}: {
  editable?: boolean;
  onChanged?: () => void;
}) {
  const client = useClient();
  const list = useApi('nris.list', {});
  const nris = list.data ?? null;
  const error = list.error?.message ?? null;
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Nri | null>(null);
  const [removing, setRemoving] = useState<Nri | null>(null);
  const [busy, setBusy] = useState(false);

  const shown = useMemo(() => {
    const terms = fold(search).split(' ').filter(Boolean);
    return (nris ?? []).filter((n) => matches(n, terms));
  }, [nris, search]);

  const { sorted, sort, setSort } = useSortedRows(
    shown,
    {
      name: (n: Nri) => n.name,
      kind: (n: Nri) => NRI_KIND_LABELS[n.kind],
      place: (n: Nri) => placeOf(n),
      sessions: (n: Nri) => n.sessionCount,
    },
    { key: 'name', direction: 'asc' },
  );

  const onSaved = (n: Nri, verb: string) => {
    setAdding(false);
    setEditing(null);
    notifications.show({ message: `${n.name} ${verb}.` });
    onChanged?.();
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    const r = await client.call('nris.remove', { id: removing.id });
    setBusy(false);
    if (!r.ok) {
      notifications.show({ color: 'red', title: 'Not removed', message: r.error.message });
      return;
    }
    notifications.show({ message: `${removing.name} removed from the directory.` });
    setRemoving(null);
    onChanged?.();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2} size="h3">
            Directory
          </Title>
          <Text size="sm" c="dimmed">
            National, sub-regional, regional and youth IGF initiatives. One directory for all
            forums.
          </Text>
        </Stack>
        {editable && <Button onClick={() => setAdding(true)}>Add NRI</Button>}
      </Group>
      <TextInput
        type="search"
        label="Search NRIs"
        placeholder="Name, kind, country or region"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {error && <Alert color="red">{error}</Alert>}
      {nris === null ? (
        !error && <Text c="dimmed">Loading…</Text>
      ) : nris.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="flex-start" gap="xs">
            <Text fw={600}>The directory is empty.</Text>
            <Text>Add the NRIs whose events your forum takes part in.</Text>
          </Stack>
        </Card>
      ) : (
        <>
          <Text size="sm" role="status">
            {shown.length} of {nris.length} NRIs
          </Text>
          {shown.length === 0 ? (
            <Text c="dimmed">No NRI matches “{search.trim()}”.</Text>
          ) : (
            <Table highlightOnHover aria-label="NRIs">
              <Table.Thead>
                <Table.Tr>
                  <SortableTh column="name" sort={sort} onSort={setSort}>
                    Name
                  </SortableTh>
                  <SortableTh column="kind" sort={sort} onSort={setSort}>
                    Kind
                  </SortableTh>
                  <SortableTh column="place" sort={sort} onSort={setSort}>
                    Country or region
                  </SortableTh>
                  <Table.Th>Website</Table.Th>
                  <SortableTh column="sessions" sort={sort} onSort={setSort}>
                    Sessions
                  </SortableTh>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((n) => (
                  <Table.Tr key={n.id}>
                    <Table.Td>
                      {editable ? (
                        <Anchor component="button" type="button" onClick={() => setEditing(n)}>
                          {n.name}
                        </Anchor>
                      ) : (
                        n.name
                      )}
                    </Table.Td>
                    <Table.Td>{NRI_KIND_LABELS[n.kind]}</Table.Td>
                    <Table.Td>{placeOf(n)}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>
                      {n.website ? (
                        <Anchor href={n.website} target="_blank" rel="noreferrer noopener">
                          {n.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                        </Anchor>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{n.sessionCount}</Table.Td>
                    <Table.Td>
                      {editable && (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing(n)}
                            aria-label={`Edit ${n.name}`}
                          >
                            Edit
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setRemoving(n)}
                            aria-label={`Remove ${n.name}`}
                          >
                            Remove
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add NRI" size="lg">
        {adding && (
          <NriForm onCancel={() => setAdding(false)} onSaved={(n) => onSaved(n, 'added')} />
        )}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Edit NRI" size="lg">
        {editing && (
          <NriForm
            key={editing.id}
            nri={editing}
            onCancel={() => setEditing(null)}
            onSaved={(n) => onSaved(n, 'saved')}
          />
        )}
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove NRI">
        {removing && (
          <Stack>
            <Text>
              Remove <strong>{removing.name}</strong> from the directory?
              {removing.sessionCount > 0
                ? ` Its ${removing.sessionCount} ${removing.sessionCount === 1 ? 'session stays' : 'sessions stay'}, no longer linked to an NRI.`
                : ''}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
                Cancel
              </Button>
              <Button color="red" loading={busy} onClick={() => void remove()}>
                Remove NRI
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
