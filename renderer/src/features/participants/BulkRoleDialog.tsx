import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FORUM_ROLE_LABELS, type ForumRole } from '../../../../shared/domain/vocabulary';
import { participantsSchemas } from '../../../../shared/schemas/participants';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { roleOptions } from './options';

/** The visible label of each field: error sentences start with it. */
export const BULK_ROLE_LABELS: Record<string, string> = {
  ids: 'The selection',
  role: 'New role',
};

/** "Change role" for the selected participants: one role for all, in one step. */
export function BulkRoleDialog({
  opened,
  forumId,
  ids,
  onClose,
  onDone,
}: {
  opened: boolean;
  forumId: string;
  ids: string[];
  onClose: () => void;
  onDone: (count: number, roleLabel: string) => void;
}) {
  const client = useClient();
  const zf = useZodForm({
    schema: participantsSchemas['participants.setRoleMany'],
    initialValues: { role: 'member' as ForumRole },
    toInput: (d: { role: ForumRole }) => ({ forumId, ids, role: d.role }),
    labels: BULK_ROLE_LABELS,
  });
  const { form } = zf;
  const count = ids.length;
  const people = `${count} ${count === 1 ? 'participant' : 'participants'}`;

  return (
    <Modal
      opened={opened}
      onClose={() => {
        zf.reset(form.getValues());
        onClose();
      }}
      title={`Change role of ${people}`}
    >
      <form
        onSubmit={zf.onSubmit(async (input) => {
          const r = await client.call('participants.setRoleMany', input);
          if (!r.ok) return r;
          const role = input.role;
          notifications.show({
            title: 'Role changed',
            message: `${FORUM_ROLE_LABELS[role]} for ${people}${
              r.value.changed < r.value.count
                ? ` (${r.value.count - r.value.changed} had it already)`
                : ''
            }.`,
          });
          onDone(r.value.count, FORUM_ROLE_LABELS[role]);
        })}
        noValidate
      >
        <Stack>
          <ErrorSummary {...zf.summary} />
          {/* The selection is no input: its error links here and is said here. */}
          <Stack gap={4} id={zf.fieldId('ids')} tabIndex={-1}>
            <Text>Every selected participant gets the same role in this forum.</Text>
            {form.errors.ids && (
              <Text size="sm" c="red">
                {form.errors.ids}
              </Text>
            )}
          </Stack>
          <NativeSelect
            label="New role"
            {...form.getInputProps('role')}
            data={roleOptions}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <SubmitButton busy={zf.submitting}>Change role</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
