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
import { useFieldErrors } from '../../components/errors';

export const RETENTION_LABEL = 'Delete personal data N months after the final report';

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
  const [on, setOn] = useState(false);
  const [months, setMonths] = useState<number | string>(12);
  const { errors, formError, clear, show } = useFieldErrors();

  useEffect(() => {
    if (!status) return;
    setOn(status.months !== null);
    if (status.months !== null) setMonths(status.months);
  }, [status]);

  const save = async () => {
    clear();
    const r = await client.call('forums.setRetention', {
      forumId: forum.id,
      months: on ? Number(months) : null,
    });
    if (!r.ok) return show(r.error);
    notifications.show({
      title: 'Retention saved',
      message: r.value.months === null ? 'Retention is off.' : `Due on ${r.value.dueOn ?? '—'}.`,
    });
    void reload();
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          Retention
        </Title>
        <ReadOnlyNote />
        <Checkbox
          label={RETENTION_LABEL}
          checked={on}
          onChange={(e) => setOn(e.currentTarget.checked)}
          disabled={status?.appliedAt != null || !canWrite}
        />
        {on && (
          <NumberInput
            label="Months after the final report (N)"
            min={1}
            max={240}
            value={months}
            onChange={setMonths}
            error={errors.months}
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
        {formError && <Alert color="red">{formError}</Alert>}
        {canWrite && (
          <Group>
            <Button
              variant="default"
              onClick={() => void save()}
              disabled={status?.appliedAt != null}
            >
              Save retention
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** On the overview: offered when due (an archived forum is unarchived first); one confirmed, audited action. */
export function RetentionBanner({ forum, onDone }: { forum: Forum; onDone?: () => void }) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const { status, reload } = useRetention(forum.id);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();
  if (!status?.due) return null;

  const apply = async () => {
    clear();
    setBusy(true);
    const r = await client.call('forums.applyRetention', {
      forumId: forum.id,
      confirmTitle: typed,
    });
    setBusy(false);
    if (!r.ok) return show(r.error);
    notifications.show({
      title: 'Personal data deleted',
      message: `${r.value.participants} participants now appear by their pseudonyms.`,
    });
    setConfirming(false);
    await reload();
    onDone?.();
  };

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
        <Stack>
          <Text size="sm">
            This cannot be undone. Type the forum title, {forum.title}, to confirm.
          </Text>
          <TextInput
            label="Forum title"
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            error={errors.confirmTitle}
          />
          {formError && <Alert color="red">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={() => void apply()} loading={busy}>
              Replace personal data by pseudonyms
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
