import {
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ActionItem, Forum } from '../../../../shared/api';
import { ACTION_ITEM_STATUS_LABELS } from '../../../../shared/domain/calls';
import { fold } from '../../../../shared/domain/fold';
import { useClient } from '../../api/context';
import { ReadOnlyNote, useForumAccess } from '../../app/forumAccess';
import { unwrapOrNotify } from '../../components/errors';
import { useFieldError } from '../../components/forms';
import { ConfirmDelete, notifyDeleted } from '../../components/undo';

/** Today's date (YYYY-MM-DD) in the user's zone: an item due before it is overdue. */
const today = () => new Intl.DateTimeFormat('en-CA').format(new Date());

/**
 * "Actions": every open action item of the forum across calls, by owner and due date, overdue
 * ones marked; filter, complete, reassign, carry over to the next call, delete (with Undo).
 */
export function ActionsPage({ forum }: { forum: Forum }) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const [items, setItems] = useState<ActionItem[] | null>(null);
  const [owners, setOwners] = useState<{ value: string; label: string }[]>([]);
  const [filter, setFilter] = useState('');
  const [ownerFilter, setOwnerFilter] = useState('');
  const [showDone, setShowDone] = useState(false);
  const [deleting, setDeleting] = useState<ActionItem | null>(null);

  const load = useCallback(async () => {
    const r = unwrapOrNotify(await client.call('actionItems.list', { forumId: forum.id }));
    if (r) setItems(r);
  }, [client, forum.id]);

  useEffect(() => {
    void load();
    void client.call('participants.list', { forumId: forum.id, limit: 500 }).then((r) => {
      if (r.ok) setOwners(r.value.rows.map((p) => ({ value: p.id, label: p.fullName })));
    });
  }, [load, client, forum.id]);

  if (!items) return <Loader aria-label="Loading the action items" />;

  const day = today();
  const q = fold(filter);
  const shown = items
    .filter((a) => showDone || a.status !== 'done')
    .filter(
      (a) => !ownerFilter || (ownerFilter === 'none' ? !a.ownerId : a.ownerId === ownerFilter),
    )
    .filter((a) => !q || fold(`${a.title} ${a.ownerName ?? ''}`).includes(q))
    .sort(
      (a, b) =>
        (a.ownerName ?? '\uffff').localeCompare(b.ownerName ?? '\uffff') ||
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
    );
  const overdue = (a: ActionItem) => a.status !== 'done' && a.dueDate !== null && a.dueDate < day;

  // "Complete" is a button: its refusal is a notification (there is no input to say it beside).
  const complete = async (id: string) => {
    if (unwrapOrNotify(await client.call('actionItems.update', { id, status: 'done' })))
      await load();
  };

  return (
    <Stack>
      <Title order={1}>Actions</Title>
      <ReadOnlyNote />
      <Text>
        {items.filter((a) => a.status !== 'done').length} open · {items.filter(overdue).length}{' '}
        overdue
      </Text>
      <Group align="flex-end">
        <TextInput
          label="Filter"
          placeholder="Action or owner"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
        <NativeSelect
          label="Owner"
          value={ownerFilter}
          onChange={(e) => setOwnerFilter(e.currentTarget.value)}
          data={[{ value: '', label: 'Everyone' }, { value: 'none', label: 'No owner' }, ...owners]}
        />
        <Checkbox
          label="Show done"
          checked={showDone}
          onChange={(e) => setShowDone(e.currentTarget.checked)}
        />
      </Group>
      {shown.length === 0 ? (
        <Text>No open action items.</Text>
      ) : (
        <Table striped aria-label="Action items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Action</Table.Th>
              <Table.Th scope="col">Owner</Table.Th>
              <Table.Th scope="col">Due</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              {canWrite && <Table.Th scope="col">Do</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Th scope="row">{a.title}</Table.Th>
                <Table.Td>
                  {canWrite ? (
                    <OwnerSelect item={a} owners={owners} onChanged={load} />
                  ) : (
                    (a.ownerName ?? '')
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="wrap">
                    <span>{a.dueDate ?? ''}</span>
                    {overdue(a) && (
                      <Badge color="red" variant="light" styles={{ root: { flexShrink: 0 } }}>
                        Overdue
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{ACTION_ITEM_STATUS_LABELS[a.status]}</Table.Td>
                {canWrite && (
                  <Table.Td>
                    <Group gap={4} wrap="wrap">
                      {a.status !== 'done' && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          aria-label={`Complete ${a.title}`}
                          onClick={() => void complete(a.id)}
                        >
                          Complete
                        </Button>
                      )}
                      {a.status !== 'done' && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`Carry over ${a.title}`}
                          onClick={async () => {
                            if (
                              unwrapOrNotify(
                                await client.call('actionItems.carryOver', { id: a.id }),
                                'Could not carry over',
                              )
                            )
                              await load();
                          }}
                        >
                          Carry over
                        </Button>
                      )}
                      <Button
                        size="compact-sm"
                        color="red"
                        variant="subtle"
                        aria-label={`Delete ${a.title}`}
                        onClick={() => setDeleting(a)}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmDelete
        opened={deleting !== null}
        title="Delete this action item?"
        confirmLabel="Delete action item"
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          const a = deleting;
          setDeleting(null);
          if (!a) return;
          const d = unwrapOrNotify(await client.call('actionItems.remove', { id: a.id }));
          if (d) {
            notifyDeleted(client, d, () => void load());
            await load();
          }
        }}
      >
        <Text>“{deleting?.title}” goes from the list and from its call.</Text>
      </ConfirmDelete>
    </Stack>
  );
}

/** Reassigns an item on change; a refusal is said beside the select, which takes focus. */
function OwnerSelect({
  item,
  owners,
  onChanged,
}: {
  item: ActionItem;
  owners: { value: string; label: string }[];
  onChanged: () => Promise<void>;
}) {
  const client = useClient();
  const owner = useFieldError('Owner');
  return (
    <NativeSelect
      aria-label={`Owner of ${item.title}`}
      value={item.ownerId ?? ''}
      onChange={async (e) => {
        const r = owner.run(
          await client.call('actionItems.update', {
            id: item.id,
            ownerId: e.currentTarget.value || null,
          }),
        );
        if (r) await onChanged();
      }}
      data={[{ value: '', label: 'No owner' }, ...owners]}
      {...owner.inputProps}
    />
  );
}
