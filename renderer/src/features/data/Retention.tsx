import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import type { Forum, RetentionStatus } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { ReadOnlyNote, useForumAccess } from '../../app/forumAccess';
import { forumPackageSchemas } from '../../../../shared/schemas/forumPackage';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';

export const RETENTION_LABEL = 'Delete personal data N months after the final report';

/** The visible label of each field: error sentences start with it. */
export const RETENTION_LABELS: Record<string, string> = {
  months: 'Months after the final report (N)',
  confirmTitle: 'Forum title',
};

/** A number input's value; an emptied input is not a number (said as "… is required."). */
const num = (v: number | string) =>
  typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);

type SettingDraft = { on: boolean; months: number | string };

/** The forum's retention status, reloaded on demand. */
export function useRetention(forumId: string) {
  const client = useClient();
  const [status, setStatus] = useState<RetentionStatus | null>(null);
  const reload = useCallback(async () => {
    const r = await client.call('forums.retention', { forumId });
    if (r.ok) setStatus(r.value);
  }, [client, forumId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { status, reload };
}

/** The setting: off by default; N chosen by the coordinator (not changed in an archived forum). */
export function RetentionSetting({ forum }: { forum: Forum }) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const { status, reload } = useRetention(forum.id);
  const zf = useZodForm({
    schema: forumPackageSchemas['forums.setRetention'],
    initialValues: { on: false, months: 12 } as SettingDraft,
    toInput: (d: SettingDraft) => ({ forumId: forum.id, months: d.on ? num(d.months) : null }),
    labels: RETENTION_LABELS,
  });
  const { form } = zf;
  const on = form.values.on;
  const { reset } = zf;

  useEffect(() => {
    if (!status) return;
    const stored = form.getValues();
    reset({ on: status.months !== null, months: status.months ?? stored.months });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- form's getter is stable
  }, [status, reset]);

  return (
    <Card withBorder>
      <form
        onSubmit={zf.onSubmit(async (input) => {
          const r = await client.call('forums.setRetention', input);
          if (!r.ok) return r;
          notifications.show({
            title: 'Retention saved',
            message:
              r.value.months === null ? 'Retention is off.' : `Due on ${r.value.dueOn ?? '—'}.`,
          });
          void reload();
        })}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3">
            Retention
          </Title>
          <ReadOnlyNote />
          <ErrorSummary {...zf.summary} />
          <Checkbox
            label={RETENTION_LABEL}
            {...form.getInputProps('on', { type: 'checkbox' })}
            onChange={(e) => {
              form.setFieldValue('on', e.currentTarget.checked);
              form.clearFieldError('months');
            }}
            disabled={status?.appliedAt != null || !canWrite}
          />
          {on && (
            <NumberInput
              label="Months after the final report (N)"
              min={1}
              max={240}
              // Not clamped on blur: the summary takes focus after a failed save, and a silent
              // change would take the error away behind the user.
              clampBehavior="none"
              {...form.getInputProps('months')}
              disabled={!canWrite}
              maw={240}
            />
          )}
          {status && (
            <Text size="sm" c="dimmed">
              {status.appliedAt != null
                ? `Personal data was replaced by pseudonyms on ${new Date(status.appliedAt).toISOString().slice(0, 10)}.`
                : status.finalReportOn
                  ? `Final report milestone: ${status.finalReportOn}.${status.dueOn ? ` Due on ${status.dueOn}.` : ''}`
                  : 'The timeline has no final report milestone yet, so retention cannot come due.'}
            </Text>
          )}
          {canWrite && (
            <Group>
              <SubmitButton
                busy={zf.submitting}
                variant="default"
                disabled={status?.appliedAt != null}
              >
                Save retention
              </SubmitButton>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

/** On the overview: offered when due (an archived forum is unarchived first); one confirmed, audited action. */
export function RetentionBanner({ forum, onDone }: { forum: Forum; onDone?: () => void }) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const { status, reload } = useRetention(forum.id);
  const [confirming, setConfirming] = useState(false);
  const zf = useZodForm({
    schema: forumPackageSchemas['forums.applyRetention'],
    initialValues: { confirmTitle: '' },
    toInput: (d: { confirmTitle: string }) => ({ forumId: forum.id, confirmTitle: d.confirmTitle }),
    labels: RETENTION_LABELS,
  });
  if (!status?.due) return null;

  return (
    <>
      <Alert color="orange" title="Personal data is due for deletion">
        <Stack gap="xs">
          <Text size="sm">
            This forum keeps personal data {status.months} months after the final report (
            {status.finalReportOn}); that time came on {status.dueOn}. Names, e-mails and handles
            will be replaced by pseudonyms, in free text too; counts and accepted practices stay.
          </Text>
          <Group>
            {canWrite ? (
              <Button color="orange" onClick={() => setConfirming(true)}>
                Delete personal data
              </Button>
            ) : (
              <ReadOnlyNote />
            )}
          </Group>
        </Stack>
      </Alert>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Delete personal data">
        <form
          onSubmit={zf.onSubmit(async (input) => {
            const r = await client.call('forums.applyRetention', input);
            if (!r.ok) return r;
            notifications.show({
              title: 'Personal data deleted',
              message: `${r.value.participants} participants now appear by their pseudonyms.`,
            });
            setConfirming(false);
            await reload();
            onDone?.();
          })}
          noValidate
        >
          <Stack>
            <Text size="sm">
              This cannot be undone. Type the forum title, {forum.title}, to confirm.
            </Text>
            <ErrorSummary {...zf.summary} />
            <TextInput label="Forum title" {...zf.form.getInputProps('confirmTitle')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <SubmitButton busy={zf.submitting} color="red">
                Replace personal data by pseudonyms
              </SubmitButton>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
