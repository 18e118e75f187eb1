import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import type { Deleted } from '../../../shared/api';
import type { Client } from '../api/client';
import { unwrapOrNotify } from './errors';

/** "… was deleted" with Undo (trash.restore), like the participant registry's removal notice. */
export function notifyDeleted(client: Client, d: Deleted, onRestored: () => void): void {
  const id = `deleted-${d.trashId}`;
  notifications.show({
    id,
    title: 'Deleted',
    autoClose: 15_000,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">“{d.label}” was deleted.</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            void client.call('trash.restore', { id: d.trashId }).then((r) => {
              if (unwrapOrNotify(r, 'Could not undo')) {
                notifications.show({ message: `“${d.label}” is back.` });
                onRestored();
              }
            });
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  });
}

/** A confirmation before deleting: says what goes and that Undo is possible for a day. */
export function ConfirmDelete({
  opened,
  title,
  children,
  confirmLabel,
  onCancel,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onCancel} title={title}>
      <Stack>
        {children}
        <Text size="sm">You can undo this for a day.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Keep it
          </Button>
          <Button color="red" onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
