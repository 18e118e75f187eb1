import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Participant } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { useFieldErrors } from '../../components/errors';

export interface ProtectionTarget {
  id: string;
  fullName: string;
  isProtected: boolean;
}

/** Several participants of one forum to protect at once (a selection of the list). */
export interface ProtectionSelection {
  forumId: string;
  people: ProtectionTarget[];
}

/**
 * Asks for the reason, then protects (or lifts protection from) one participant, or protects a
 * selection of them in one step (`selection`), saying how many.
 */
export function ProtectionDialog({
  target,
  selection = null,
  onClose,
  onDone,
  onDoneMany,
}: {
  target: ProtectionTarget | null;
  selection?: ProtectionSelection | null;
  onClose: () => void;
  onDone: (p: Participant) => void;
  onDoneMany?: (count: number) => void;
}) {
  const client = useClient();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();
  const lifting = target?.isProtected ?? false;
  const many = target === null ? selection : null;
  const count = many?.people.length ?? 0;
  const manyLabel = `Protect ${count} ${count === 1 ? 'participant' : 'participants'}`;

  const submit = async () => {
    if (many) {
      clear();
      setBusy(true);
      const r = await client.call('participants.protectMany', {
        forumId: many.forumId,
        ids: many.people.map((p) => p.id),
        reason,
      });
      setBusy(false);
      if (!r.ok) return show(r.error);
      notifications.show({
        color: 'grape',
        title: `${r.value.count} ${r.value.count === 1 ? 'participant' : 'participants'} protected`,
        message: 'Outside the coordination team they now appear only as pseudonyms.',
      });
      setReason('');
      onDoneMany?.(r.value.count);
      return;
    }
    if (!target) return;
    clear();
    setBusy(true);
    const r = await client.call(lifting ? 'participants.unprotect' : 'participants.protect', {
      id: target.id,
      reason,
    });
    setBusy(false);
    if (!r.ok) return show(r.error);
    notifications.show({
      color: 'grape',
      title: lifting ? 'Protection removed' : 'Participant protected',
      message: lifting
        ? `${target.fullName} is shown by name again.`
        : `Outside the coordination team, ${target.fullName} now appears as ${r.value.pseudonym}.`,
    });
    setReason('');
    onDone(r.value);
  };

  return (
    <Modal
      opened={target !== null || many !== null}
      onClose={onClose}
      title={many ? manyLabel : lifting ? 'Remove protection' : 'Protect participant'}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text>
            {many
              ? `${count === 1 ? 'This participant' : `These ${count} participants`} will appear only as pseudonyms to everyone but coordinators, in the app and in every export, from now on: ${many.people
                  .slice(0, 5)
                  .map((p) => p.fullName)
                  .join(', ')}${count > 5 ? ` and ${count - 5} more` : ''}.`
              : lifting
                ? `${target?.fullName} will again appear by name in what others see and in exports.`
                : `${target?.fullName} will appear only as a pseudonym to everyone but coordinators, in the app and in every export, from now on.`}
          </Text>
          {formError && <Alert color="red">{formError}</Alert>}
          <Textarea
            label="Reason"
            description="Recorded in the audit log"
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="grape" loading={busy}>
              {many ? manyLabel : lifting ? 'Remove protection' : 'Protect participant'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
