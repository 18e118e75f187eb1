import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry, BackupSettings } from '../../../../shared/api';
import { backupsSchemas } from '../../../../shared/schemas/backups';
import { useClient } from '../../api/context';
import { unwrapOrNotify } from '../../components/errors';
import { ErrorSummary, SubmitButton, sentence, useZodForm } from '../../components/forms';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const formatDate = (at: number) => `${dateTime.format(at)} UTC`;
const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The visible label of each field: error sentences start with it. */
export const BACKUP_LABELS: Record<string, string> = {
  folder: 'Backup folder',
  keep: 'Backups to keep',
  daily: 'Back up daily while Intersession runs',
  passphrase: 'Passphrase of this backup',
};

/** A number input's value; an emptied input is not a number (said as "… is required."). */
const num = (v: number | string) =>
  typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);

type SettingsDraft = { folder: string; keep: number | string; daily: boolean };

/**
 * "Back up now", the automatic backup settings and "Restore from backup". The backend makes and
 * checks every file; this page only chooses the folder and the backup.
 */
export function Backups({ onRestored }: { onRestored: () => void }) {
  const client = useClient();
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [busy, setBusy] = useState(false);
  /** Why the last "Back up now" failed, said beside the button. */
  const [backupError, setBackupError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const zf = useZodForm({
    schema: backupsSchemas['backups.updateSettings'],
    initialValues: { folder: '', keep: 7, daily: false } as SettingsDraft,
    toInput: (d: SettingsDraft) => ({ folder: d.folder, keep: num(d.keep), daily: d.daily }),
    labels: BACKUP_LABELS,
  });
  const { form, reset } = zf;

  const load = useCallback(async () => {
    const s = unwrapOrNotify(await client.call('backups.settings', {}));
    if (s) {
      setSettings(s);
      reset({ folder: s.folder, keep: s.keep, daily: s.daily });
    }
  }, [client, reset]);
  useEffect(() => {
    void load();
  }, [load]);

  const backUpNow = async () => {
    setBackupError(null);
    setBusy(true);
    try {
      const r = await client.call('backups.create', {});
      if (!r.ok) setBackupError(sentence('The backup', r.error.message));
      else {
        notifications.show({ color: 'green', title: 'Backed up', message: r.value.name });
        await load();
      }
    } finally {
      setBusy(false);
    }
  };

  /** Desktop: the system's folder dialog (main's `shell.chooseFolder`); the path is saved as typed. */
  const chooseFolder = async () => {
    if (!window.intersession) return;
    const r = await window.intersession.invoke('shell.chooseFolder', {
      defaultPath: form.getValues().folder,
    });
    if (!r.ok) zf.showError(r.error);
    else {
      const chosen = r.value as { chosen: boolean; path?: string };
      if (chosen.chosen && chosen.path) {
        form.setFieldValue('folder', chosen.path);
        form.clearFieldError('folder');
      }
    }
  };

  if (!settings) return null;
  return (
    <Stack component="section" aria-labelledby="backups-heading">
      <Title order={2} id="backups-heading" size="h3">
        Backups
      </Title>
      <Text>
        Backups are encrypted with the same key as the database.{' '}
        {settings.lastBackupAt
          ? `Last backup: ${formatDate(settings.lastBackupAt)}.`
          : 'No backup has been made yet.'}
      </Text>
      <Group>
        <Button onClick={() => void backUpNow()} loading={busy}>
          Back up now
        </Button>
        <Button variant="default" onClick={() => setRestoring(true)}>
          Restore from backup
        </Button>
      </Group>
      {backupError && (
        <Alert color="red" role="alert" title="The backup failed">
          {backupError}
        </Alert>
      )}
      <form
        onSubmit={zf.onSubmit(async (input) => {
          const r = await client.call('backups.updateSettings', input);
          if (!r.ok) return r;
          setSettings(r.value);
          notifications.show({ color: 'green', title: 'Saved', message: 'Backup settings saved.' });
        })}
        noValidate
      >
        <Stack>
          <ErrorSummary {...zf.summary} />
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label="Backup folder"
              description="A full path; the folder is created when it is missing, and it must be writable."
              {...form.getInputProps('folder')}
            />
            {window.intersession && (
              <Button variant="default" onClick={() => void chooseFolder()}>
                Choose folder…
              </Button>
            )}
          </Group>
          <NumberInput
            label="Backups to keep"
            min={1}
            max={365}
            // Not clamped on blur: the summary takes focus after a failed save, and a silent change
            // would take the error away behind the user.
            clampBehavior="none"
            {...form.getInputProps('keep')}
          />
          <Switch
            label="Back up daily while Intersession runs"
            {...form.getInputProps('daily', { type: 'checkbox' })}
          />
          <Group>
            <SubmitButton variant="default" busy={zf.submitting}>
              Save backup settings
            </SubmitButton>
          </Group>
        </Stack>
      </form>
      <RestoreModal
        opened={restoring}
        onClose={() => setRestoring(false)}
        onRestored={() => {
          setRestoring(false);
          onRestored();
        }}
      />
    </Stack>
  );
}

function RestoreModal({
  opened,
  onClose,
  onRestored,
}: {
  opened: boolean;
  onClose: () => void;
  onRestored: () => void;
}) {
  const client = useClient();
  const [entries, setEntries] = useState<BackupEntry[] | null>(null);
  const [chosen, setChosen] = useState<BackupEntry | null>(null);
  // Browser mode has a passphrase; a backup made before it was changed asks for that day's one.
  const hasPassphrase = !window.intersession;
  const zf = useZodForm({
    schema: backupsSchemas['backups.restore'],
    initialValues: { passphrase: '' },
    // The backup's name is the chosen row's; a backup of another key is opened with its passphrase.
    toInput: (d: { passphrase: string }) =>
      chosen?.forumCount === null
        ? { name: chosen.name, passphrase: d.passphrase }
        : { name: chosen?.name ?? '' },
    labels: BACKUP_LABELS,
  });
  const { reset } = zf;

  useEffect(() => {
    if (!opened) return;
    setChosen(null);
    reset({ passphrase: '' });
    setEntries(null);
    void client.call('backups.list', {}).then((r) => setEntries(unwrapOrNotify(r) ?? []));
  }, [opened, client, reset]);

  const choose = (entry: BackupEntry | null) => {
    reset({ passphrase: '' });
    setChosen(entry);
  };

  const restore = zf.onSubmit(async (input) => {
    const r = await client.call('backups.restore', input);
    if (!r.ok) return r;
    notifications.show({
      color: 'green',
      title: 'Restored',
      message: `Restored ${r.value.restored}; the file it replaced was kept as ${r.value.keptAs}.`,
    });
    onRestored();
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Restore from backup" size="lg">
      {entries === null ? (
        <Text>Reading the backup folder…</Text>
      ) : entries.length === 0 ? (
        <Text>There are no backups in the backup folder yet.</Text>
      ) : chosen ? (
        <form onSubmit={restore} noValidate>
          <Stack>
            <ErrorSummary {...zf.summary} />
            <Alert color="yellow" title={`Restore the backup of ${formatDate(chosen.createdAt)}?`}>
              The backup is checked first. Then the current database is kept as a new backup, and
              the chosen one replaces it.
            </Alert>
            {chosen.forumCount === null && (
              <PasswordInput
                label="Passphrase of this backup"
                description="This backup was made before the passphrase was changed. It is opened with that passphrase and then re-encrypted with the current one, so the current passphrase keeps working."
                {...zf.form.getInputProps('passphrase')}
                autoComplete="off"
                data-autofocus
              />
            )}
            <Group>
              <SubmitButton color="red" busy={zf.submitting}>
                Restore this backup
              </SubmitButton>
              <Button variant="default" onClick={() => choose(null)}>
                Back
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Table aria-label="Backups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th>Forums</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.name}>
                <Table.Td>{formatDate(e.createdAt)}</Table.Td>
                <Table.Td>{formatSize(e.size)}</Table.Td>
                <Table.Td>{e.forumCount ?? 'Older passphrase'}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    // Desktop keeps one key for good; a backup it cannot open is another database's.
                    disabled={e.forumCount === null && !hasPassphrase}
                    aria-label={`Restore the backup of ${formatDate(e.createdAt)}`}
                    onClick={() => choose(e)}
                  >
                    Restore
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
