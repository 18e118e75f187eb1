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

/** Asks for the reason, then protects (or lifts protection from) one participant. */
export function ProtectionDialog({
  target,
  onClose,
  onDone,
}: {
  target: ProtectionTarget | null;
  onClose: () => void;
  onDone: (p: Participant) => void;
}) {
  const client = useClient();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();
  const lifting = target?.isProtected ?? false;

  const submit = async () => {
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
      opened={target !== null}
      onClose={onClose}
      title={lifting ? 'Remove protection' : 'Protect participant'}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text>
            {lifting
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
              {lifting ? 'Remove protection' : 'Protect participant'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
