import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import {
  MIN_PASSPHRASE_LENGTH,
  passphraseStrength,
} from '../../../../shared/domain/passphraseStrength';
import { useClient } from '../../api/context';
import { useFieldErrors } from '../../components/errors';

/** "Change passphrase" (browser mode): the backend re-keys the database. */
export function ChangePassphrase() {
  const client = useClient();
  const [shell, setShell] = useState<string | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const fields = useFieldErrors();

  useEffect(() => {
    void client.call('system.info', {}).then((r) => setShell(r.ok ? r.value.shell : null));
  }, [client]);

  const submit = async () => {
    fields.clear();
    if (confirm !== next) {
      fields.show({
        code: 'validation',
        message: 'The two new passphrases are not the same.',
        field: 'confirm',
      });
      return;
    }
    setBusy(true);
    try {
      const r = await client.call('system.changePassphrase', { current, next });
      if (!r.ok) fields.show(r.error);
      else {
        setCurrent('');
        setNext('');
        setConfirm('');
        notifications.show({
          color: 'green',
          title: 'Passphrase changed',
          message: 'The database is now encrypted with the new passphrase.',
        });
      }
    } finally {
      setBusy(false);
    }
  };

  if (shell === null) return null;
  return (
    <Stack component="section" aria-labelledby="passphrase-heading" maw={480}>
      <Title order={2} id="passphrase-heading" size="h3">
        Passphrase
      </Title>
      {shell === 'electron' ? (
        <Text>
          The desktop app keeps the database key in your system keystore; there is no passphrase to
          change.
        </Text>
      ) : (
        <>
          <PasswordInput
            label="Current passphrase"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fields.errors.current}
            autoComplete="current-password"
          />
          <PasswordInput
            label="New passphrase"
            description={`At least ${MIN_PASSPHRASE_LENGTH} characters. Strength: ${passphraseStrength(next).strength}`}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={fields.errors.next}
            autoComplete="new-password"
          />
          <PasswordInput
            label="Confirm new passphrase"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={fields.errors.confirm}
            autoComplete="new-password"
          />
          {fields.formError && <Alert color="red">{fields.formError}</Alert>}
          <Group>
            <Button onClick={() => void submit()} loading={busy}>
              Change passphrase
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
