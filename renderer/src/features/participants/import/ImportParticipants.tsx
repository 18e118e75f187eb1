import { Modal, Text } from '@mantine/core';

/** Placeholder replaced by the CSV import wizard. */
export function ImportParticipants({
  opened,
  onClose,
}: {
  opened: boolean;
  forumId: string;
  onClose: () => void;
  onImported: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import participants from CSV">
      <Text>Coming soon.</Text>
    </Modal>
  );
}
