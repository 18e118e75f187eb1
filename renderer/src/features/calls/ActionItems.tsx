import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ActionItem, CallDetails } from '../../../../shared/api';
import {
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_STATUS_LABELS,
  type ActionItemStatus,
} from '../../../../shared/domain/calls';
import { useClient } from '../../api/context';
import { unwrapOrNotify, useFieldErrors } from '../../components/errors';
import type { Owner } from './types';
import { ConfirmDelete, notifyDeleted } from '../../components/undo';

export function ActionItems({
  call,
  owners,
  readOnly,
  onChanged,
}: {
  call: CallDetails;
  owners: Owner[];
  readOnly: boolean;
  onChanged: () => Promise<void>;
}) {
  const client = useClient();
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [status, setStatus] = useState<ActionItemStatus>('open');
  const [deleting, setDeleting] = useState<ActionItem | null>(null);
  const { errors, formError, clear, show } = useFieldErrors();
  const statusData = ACTION_ITEM_STATUSES.map((s) => ({
    value: s,
    label: ACTION_ITEM_STATUS_LABELS[s],
  }));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const r = await client.call('actionItems.create', {
      forumId: call.forumId,
      callId: call.id,
      title,
      ownerId: ownerId || null,
      dueDate: dueDate || null,
      status,
    });
    if (!r.ok) {
      show(r.error);
      return;
    }
    setTitle('');
    setOwnerId('');
    setDueDate('');
    setStatus('open');
    await onChanged();
  };

  return (
    <Stack>
      {call.actionItems.length === 0 ? (
        <Text>No action items yet.</Text>
      ) : (
        <Table striped aria-label="Action items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Action</Table.Th>
              <Table.Th scope="col">Owner</Table.Th>
              <Table.Th scope="col">Due</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              {!readOnly && <Table.Th scope="col">Do</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {call.actionItems.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Th scope="row">{a.title}</Table.Th>
                <Table.Td>{a.ownerName ?? ''}</Table.Td>
                <Table.Td>{a.dueDate ?? ''}</Table.Td>
                <Table.Td>
                  {readOnly ? (
                    ACTION_ITEM_STATUS_LABELS[a.status]
                  ) : (
                    <NativeSelect
                      aria-label={`Status of ${a.title}`}
                      value={a.status}
                      data={statusData}
                      onChange={async (e) => {
                        const r = unwrapOrNotify(
                          await client.call('actionItems.update', {
                            id: a.id,
                            status: e.currentTarget.value as ActionItemStatus,
                          }),
                        );
                        if (r) await onChanged();
                      }}
                    />
                  )}
                </Table.Td>
                {!readOnly && (
                  <Table.Td>
                    <Group gap={4} wrap="wrap">
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
                              await onChanged();
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
      {!readOnly && (
        <form onSubmit={(e) => void add(e)} noValidate aria-label="New action item">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput
                label="Action"
                value={title}
                error={errors.title}
                onChange={(e) => setTitle(e.currentTarget.value)}
              />
              <NativeSelect
                label="Owner"
                value={ownerId}
                error={errors.ownerId}
                onChange={(e) => setOwnerId(e.currentTarget.value)}
                data={owners}
              />
              <TextInput
                type="date"
                label="Due date"
                value={dueDate}
                error={errors.dueDate}
                onChange={(e) => setDueDate(e.currentTarget.value)}
              />
              <NativeSelect
                label="Status"
                value={status}
                onChange={(e) => setStatus(e.currentTarget.value as ActionItemStatus)}
                data={statusData}
              />
            </SimpleGrid>
            {formError && <Alert color="red">{formError}</Alert>}
            <Group>
              <Button type="submit">Add action item</Button>
            </Group>
          </Stack>
        </form>
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
            notifyDeleted(client, d, () => void onChanged());
            await onChanged();
          }
        }}
      >
        <Text>“{deleting?.title}” goes from this call and from the Actions list.</Text>
      </ConfirmDelete>
    </Stack>
  );
}
