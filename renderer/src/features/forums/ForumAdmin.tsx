import { Alert, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Forum } from '../../../../shared/api';
import { useApiMutation } from '../../api/queries';

/** The banner every area shows for an archived forum (information, not an error). */
export function ArchivedBanner({ forum }: { forum: Forum }) {
  if (forum.archivedAt == null) return null;
  return (
    <Alert color="yellow" role="status" mb="md" title="This forum is archived and read-only">
      Nothing in “{forum.title}” can be changed until it is unarchived (Overview, “Unarchive
      forum”). Reading and exporting still work.
    </Alert>
  );
}

/**
 * Archive / unarchive, and delete once the title is typed. `onRemoved` moves the app to another
 * forum (or the welcome page) after a deletion.
 */
export function ForumAdmin({
  forum,
  onChanged,
  onRemoved,
}: {
  forum: Forum;
  onChanged: (f: Forum) => void;
  onRemoved: () => void;
}) {
  const archived = forum.archivedAt != null;
  const archive = useApiMutation(archived ? 'forums.unarchive' : 'forums.archive', {
    alsoStale: ['overview'],
    onSuccess: onChanged,
  });
  const [deleting, setDeleting] = useState(false);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Archive or delete
      </Title>
      <Text size="sm" mb="sm">
        {archived
          ? 'This forum is archived: it is hidden from the forum list and nothing in it can be changed.'
          : 'Archiving hides the forum from the forum list and makes it read-only; it can be unarchived at any time.'}
      </Text>
      {archive.error && (
        <Alert color="red" role="alert" mb="sm">
          {archive.error.message}
        </Alert>
      )}
      <Group>
        <Button
          variant="default"
          loading={archive.isPending}
          onClick={() => archive.mutate({ id: forum.id })}
        >
          {archived ? 'Unarchive forum' : 'Archive forum'}
        </Button>
        <Button color="red" variant="outline" onClick={() => setDeleting(true)}>
          Delete forum…
        </Button>
      </Group>
      <DeleteForumDialog
        forum={forum}
        opened={deleting}
        onClose={() => setDeleting(false)}
        onRemoved={() => {
          setDeleting(false);
          onRemoved();
        }}
      />
    </Card>
  );
}

function DeleteForumDialog({
  forum,
  opened,
  onClose,
  onRemoved,
}: {
  forum: Forum;
  opened: boolean;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const [typed, setTyped] = useState('');
  const remove = useApiMutation('forums.remove', { alsoStale: ['overview'], onSuccess: onRemoved });
  const matches = typed.trim() === forum.title.trim();
  const close = () => {
    setTyped('');
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Delete this forum?">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) remove.mutate({ id: forum.id, confirmTitle: typed });
        }}
      >
        <Stack>
          <Text>
            This deletes “{forum.title}” and everything in it: participants, calls, contributions,
            the report, safeguards and the audit log. It cannot be undone; export a forum package
            first if you may need it again.
          </Text>
          <TextInput
            label="Type the forum’s title to confirm"
            description={forum.title}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            error={remove.error?.field === 'confirmTitle' ? remove.error.message : undefined}
            autoComplete="off"
            data-autofocus
          />
          {remove.error && remove.error.field !== 'confirmTitle' && (
            <Alert color="red" role="alert">
              {remove.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!matches} loading={remove.isPending}>
              Delete forum
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
