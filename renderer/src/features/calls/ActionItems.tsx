import {
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { ActionItem, CallDetails } from '../../../../shared/api';
import {
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_STATUS_LABELS,
  type ActionItemStatus,
} from '../../../../shared/domain/calls';
import { useClient } from '../../api/context';
import { callsSchemas } from '../../../../shared/schemas/calls';
import { unwrapOrNotify } from '../../components/errors';
import { ErrorSummary, SubmitButton, useFieldError, useZodForm } from '../../components/forms';
import type { Owner } from './types';
import { ConfirmDelete, notifyDeleted } from '../../components/undo';

type Draft = { title: string; ownerId: string; dueDate: string; status: ActionItemStatus };

const EMPTY: Draft = { title: '', ownerId: '', dueDate: '', status: 'open' };

/** The visible label of each field of the new action item: error sentences start with it. */
export const ACTION_ITEM_LABELS: Record<string, string> = {
  title: 'Action',
  ownerId: 'Owner',
  dueDate: 'Due date',
  status: 'Status',
};

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
  const [deleting, setDeleting] = useState<ActionItem | null>(null);
  const zf = useZodForm({
    schema: callsSchemas['actionItems.create'],
    initialValues: EMPTY,
    toInput: (d: Draft) => ({
      forumId: call.forumId,
      callId: call.id,
      title: d.title,
      ownerId: d.ownerId || null,
      dueDate: d.dueDate || null,
      status: d.status,
    }),
    labels: ACTION_ITEM_LABELS,
  });
  const { form } = zf;
  const statusData = ACTION_ITEM_STATUSES.map((s) => ({
    value: s,
    label: ACTION_ITEM_STATUS_LABELS[s],
  }));

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
                    <ItemStatusSelect item={a} data={statusData} onChanged={onChanged} />
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
        <form
          onSubmit={zf.onSubmit(async (input) => {
            const r = await client.call('actionItems.create', input);
            if (!r.ok) return r;
            zf.reset(EMPTY);
            await onChanged();
          })}
          noValidate
          aria-label="New action item"
        >
          <Stack gap="xs">
            <ErrorSummary {...zf.summary} />
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput label="Action" {...form.getInputProps('title')} />
              <NativeSelect label="Owner" {...form.getInputProps('ownerId')} data={owners} />
              <TextInput type="date" label="Due date" {...form.getInputProps('dueDate')} />
              <NativeSelect label="Status" {...form.getInputProps('status')} data={statusData} />
            </SimpleGrid>
            <Group>
              <SubmitButton busy={zf.submitting}>Add action item</SubmitButton>
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

/** An item's status, written on change; a refusal is said beside the select, which takes focus. */
function ItemStatusSelect({
  item,
  data,
  onChanged,
}: {
  item: ActionItem;
  data: { value: string; label: string }[];
  onChanged: () => Promise<void>;
}) {
  const client = useClient();
  const status = useFieldError('Status');
  return (
    <NativeSelect
      aria-label={`Status of ${item.title}`}
      value={item.status}
      data={data}
      onChange={async (e) => {
        const r = status.run(
          await client.call('actionItems.update', {
            id: item.id,
            status: e.currentTarget.value as ActionItemStatus,
          }),
        );
        if (r) await onChanged();
      }}
      {...status.inputProps}
    />
  );
}
