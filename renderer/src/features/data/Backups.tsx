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
import { useClient } from '../../api/context';
import { unwrapOrNotify, useFieldErrors } from '../../components/errors';

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

/**
 * "Back up now", the automatic backup settings and "Restore from backup". The backend makes and
 * checks every file; this page only chooses the folder and the backup.
 */
export function Backups({ onRestored }: { onRestored: () => void }) {
  const client = useClient();
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [draft, setDraft] = useState<{ folder: string; keep: number; daily: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const fields = useFieldErrors();

  const load = useCallback(async () => {
    const s = unwrapOrNotify(await client.call('backups.settings', {}));
    if (s) {
      setSettings(s);
      setDraft({ folder: s.folder, keep: s.keep, daily: s.daily });
    }
  }, [client]);
  useEffect(() => {
    void load();
  }, [load]);

  const backUpNow = async () => {
    setBusy(true);
    try {
      const made = unwrapOrNotify(await client.call('backups.create', {}), 'The backup failed');
      if (made) {
        notifications.show({ color: 'green', title: 'Backed up', message: made.name });
        await load();
      }
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!draft) return;
    fields.clear();
    const r = await client.call('backups.updateSettings', draft);
    if (!r.ok) fields.show(r.error);
    else {
      setSettings(r.value);
      notifications.show({ color: 'green', title: 'Saved', message: 'Backup settings saved.' });
    }
  };

  /** Desktop: the system's folder dialog (main's `shell.chooseFolder`); the path is saved as typed. */
  const chooseFolder = async () => {
    if (!window.intersession || !draft) return;
    const r = await window.intersession.invoke('shell.chooseFolder', { defaultPath: draft.folder });
    if (!r.ok) fields.show(r.error);
    else {
      const chosen = r.value as { chosen: boolean; path?: string };
      if (chosen.chosen && chosen.path) setDraft({ ...draft, folder: chosen.path });
    }
  };

  if (!settings || !draft) return null;
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
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label="Backup folder"
          description="A full path; the folder is created when it is missing, and it must be writable."
          value={draft.folder}
          onChange={(e) => setDraft({ ...draft, folder: e.currentTarget.value })}
          error={fields.errors.folder}
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
        value={draft.keep}
        onChange={(v) => setDraft({ ...draft, keep: typeof v === 'number' ? v : draft.keep })}
        error={fields.errors.keep}
      />
      <Switch
        label="Back up daily while Intersession runs"
        checked={draft.daily}
        onChange={(e) => setDraft({ ...draft, daily: e.currentTarget.checked })}
      />
      {fields.formError && <Alert color="red">{fields.formError}</Alert>}
      <Group>
        <Button variant="default" onClick={() => void save()}>
          Save backup settings
        </Button>
      </Group>
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
  const [error, setError] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [passphraseError, setPassphraseError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Browser mode has a passphrase; a backup made before it was changed asks for that day's one.
  const hasPassphrase = !window.intersession;

  useEffect(() => {
    if (!opened) return;
    setChosen(null);
    setError(null);
    setPassphrase('');
    setPassphraseError(null);
    setEntries(null);
    void client.call('backups.list', {}).then((r) => setEntries(unwrapOrNotify(r) ?? []));
  }, [opened, client]);

  const restore = async (entry: BackupEntry) => {
    const otherKey = entry.forumCount === null;
    setError(null);
    setPassphraseError(null);
    if (otherKey && passphrase.length === 0) {
      setPassphraseError('Enter the passphrase this backup was made under.');
      return;
    }
    setBusy(true);
    try {
      const r = await client.call(
        'backups.restore',
        otherKey ? { name: entry.name, passphrase } : { name: entry.name },
      );
      if (!r.ok) {
        if (r.error.field === 'passphrase') setPassphraseError(r.error.message);
        else setError(r.error.message);
      } else {
        notifications.show({
          color: 'green',
          title: 'Restored',
          message: `Restored ${r.value.restored}; the file it replaced was kept as ${r.value.keptAs}.`,
        });
        onRestored();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Restore from backup" size="lg">
      {entries === null ? (
        <Text>Reading the backup folder…</Text>
      ) : entries.length === 0 ? (
        <Text>There are no backups in the backup folder yet.</Text>
      ) : chosen ? (
        <Stack>
          <Alert color="yellow" title={`Restore the backup of ${formatDate(chosen.createdAt)}?`}>
            The backup is checked first. Then the current database is kept as a new backup, and the
            chosen one replaces it.
          </Alert>
          {chosen.forumCount === null && (
            <PasswordInput
              label="Passphrase of this backup"
              description="This backup was made before the passphrase was changed. It is opened with that passphrase and then re-encrypted with the current one, so the current passphrase keeps working."
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              error={passphraseError}
              autoComplete="off"
              data-autofocus
            />
          )}
          {error && <Alert color="red">{error}</Alert>}
          <Group>
            <Button color="red" loading={busy} onClick={() => void restore(chosen)}>
              Restore this backup
            </Button>
            <Button variant="default" onClick={() => setChosen(null)}>
              Back
            </Button>
          </Group>
        </Stack>
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
                    onClick={() => setChosen(e)}
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
