import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FORUM_ROLE_LABELS, type ForumRole } from '../../../../shared/domain/vocabulary';
import { useClient } from '../../api/context';
import { useFieldErrors } from '../../components/errors';
import { roleOptions } from './options';

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
  const [role, setRole] = useState<ForumRole>('member');
  const [busy, setBusy] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();
  const count = ids.length;
  const people = `${count} ${count === 1 ? 'participant' : 'participants'}`;

  const submit = async () => {
    clear();
    setBusy(true);
    const r = await client.call('participants.setRoleMany', { forumId, ids, role });
    setBusy(false);
    if (!r.ok) return show(r.error);
    notifications.show({
      title: 'Role changed',
      message: `${FORUM_ROLE_LABELS[role]} for ${people}${
        r.value.changed < r.value.count
          ? ` (${r.value.count - r.value.changed} had it already)`
          : ''
      }.`,
    });
    onDone(r.value.count, FORUM_ROLE_LABELS[role]);
  };

  return (
    <Modal
      opened={opened}
      onClose={() => {
        clear();
        onClose();
      }}
      title={`Change role of ${people}`}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text>Every selected participant gets the same role in this forum.</Text>
          {(formError || errors.ids) && <Alert color="red">{formError ?? errors.ids}</Alert>}
          <NativeSelect
            label="New role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as ForumRole)}
            data={roleOptions}
            error={errors.role}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Change role
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
