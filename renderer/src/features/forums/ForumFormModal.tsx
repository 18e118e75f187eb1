import { Modal } from '@mantine/core';
import type { Forum } from '../../../../shared/api';
import { ForumForm } from './ForumForm';

export function ForumFormModal({
  opened,
  forum,
  onClose,
  onSaved,
}: {
  opened: boolean;
  forum?: Forum;
  onClose: () => void;
  onSaved: (f: Forum) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={forum ? 'Edit forum' : 'New forum'} size="xl">
      {opened && <ForumForm forum={forum} onSaved={onSaved} />}
    </Modal>
  );
}
