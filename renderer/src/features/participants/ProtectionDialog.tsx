import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Participant } from '../../../../shared/api';
import { participantsSchemas } from '../../../../shared/schemas/participants';
import { safeguardsSchemas } from '../../../../shared/schemas/safeguards';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';

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

/** The visible label of each field: error sentences start with it. */
export const PROTECTION_LABELS: Record<string, string> = {
  ids: 'The selection',
  reason: 'Reason',
};

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
  const lifting = target?.isProtected ?? false;
  const many = target === null ? selection : null;
  const count = many?.people.length ?? 0;
  const manyLabel = `Protect ${count} ${count === 1 ? 'participant' : 'participants'}`;
  // One participant: protect and unprotect take the same input ({ id, reason }).
  const zf = useZodForm({
    schema: many
      ? participantsSchemas['participants.protectMany']
      : safeguardsSchemas['participants.protect'],
    initialValues: { reason: '' },
    toInput: (d: { reason: string }) =>
      many
        ? { forumId: many.forumId, ids: many.people.map((p) => p.id), reason: d.reason }
        : { id: target?.id ?? '', reason: d.reason },
    labels: PROTECTION_LABELS,
  });
  const { form } = zf;

  const submit = async (reason: string) => {
    if (many) {
      const r = await client.call('participants.protectMany', {
        forumId: many.forumId,
        ids: many.people.map((p) => p.id),
        reason,
      });
      if (!r.ok) return r;
      notifications.show({
        color: 'grape',
        title: `${r.value.count} ${r.value.count === 1 ? 'participant' : 'participants'} protected`,
        message: 'Outside the coordination team they now appear only as pseudonyms.',
      });
      zf.reset({ reason: '' });
      onDoneMany?.(r.value.count);
      return;
    }
    if (!target) return;
    const r = await client.call(lifting ? 'participants.unprotect' : 'participants.protect', {
      id: target.id,
      reason,
    });
    if (!r.ok) return r;
    notifications.show({
      color: 'grape',
      title: lifting ? 'Protection removed' : 'Participant protected',
      message: lifting
        ? `${target.fullName} is shown by name again.`
        : `Outside the coordination team, ${target.fullName} now appears as ${r.value.pseudonym}.`,
    });
    zf.reset({ reason: '' });
    onDone(r.value);
  };

  return (
    <Modal
      opened={target !== null || many !== null}
      onClose={onClose}
      title={many ? manyLabel : lifting ? 'Remove protection' : 'Protect participant'}
    >
      <form onSubmit={zf.onSubmit((input) => submit(input.reason))} noValidate>
        <Stack>
          <ErrorSummary {...zf.summary} />
          {/* The selection is no input: its error links here and is said here. */}
          <Stack gap={4} id={zf.fieldId('ids')} tabIndex={-1}>
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
            {form.errors.ids && (
              <Text size="sm" c="red">
                {form.errors.ids}
              </Text>
            )}
          </Stack>
          <Textarea
            label="Reason"
            description="Recorded in the audit log"
            required
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <SubmitButton busy={zf.submitting} color="grape">
              {many ? manyLabel : lifting ? 'Remove protection' : 'Protect participant'}
            </SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
