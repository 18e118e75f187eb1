import { Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import {
  MIN_PASSPHRASE_LENGTH,
  passphraseStrength,
} from '../../../../shared/domain/passphraseStrength';
import { backupsSchemas } from '../../../../shared/schemas/backups';
import { useClient } from '../../api/context';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';

type Draft = { current: string; next: string; confirm: string };

/** The visible label of each field: error sentences start with it. */
export const PASSPHRASE_LABELS: Record<string, string> = {
  current: 'Current passphrase',
  next: 'New passphrase',
  confirm: 'Confirm new passphrase',
};

const EMPTY: Draft = { current: '', next: '', confirm: '' };

/**
 * The rules of the form beyond the method's schema: the new passphrase's length (the backend
 * refuses a shorter one too) and the confirmation, which only the form has.
 */
function passphraseChecks(d: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (d.next !== '' && [...d.next].length < MIN_PASSPHRASE_LENGTH)
    errors.next = `New passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (d.confirm !== d.next) errors.confirm = 'The two new passphrases are not the same.';
  return errors;
}

/** "Change passphrase" (browser mode): the backend re-keys the database. */
export function ChangePassphrase() {
  const client = useClient();
  const [shell, setShell] = useState<string | null>(null);
  const zf = useZodForm({
    schema: backupsSchemas['system.changePassphrase'],
    initialValues: EMPTY,
    toInput: (d: Draft) => ({ current: d.current, next: d.next }),
    labels: PASSPHRASE_LABELS,
    extraChecks: passphraseChecks,
  });
  const { form } = zf;

  useEffect(() => {
    void client.call('system.info', {}).then((r) => setShell(r.ok ? r.value.shell : null));
  }, [client]);

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
        <form
          onSubmit={zf.onSubmit(async (input) => {
            const r = await client.call('system.changePassphrase', input);
            if (!r.ok) return r;
            zf.reset(EMPTY);
            notifications.show({
              color: 'green',
              title: 'Passphrase changed',
              message: 'The database is now encrypted with the new passphrase.',
            });
          })}
          noValidate
        >
          <Stack>
            <ErrorSummary {...zf.summary} />
            <PasswordInput
              label="Current passphrase"
              autoComplete="current-password"
              {...form.getInputProps('current')}
            />
            <PasswordInput
              label="New passphrase"
              description={`At least ${MIN_PASSPHRASE_LENGTH} characters. Strength: ${passphraseStrength(form.values.next).strength}`}
              autoComplete="new-password"
              {...form.getInputProps('next')}
            />
            <PasswordInput
              label="Confirm new passphrase"
              autoComplete="new-password"
              {...form.getInputProps('confirm')}
            />
            <Group>
              <SubmitButton busy={zf.submitting}>Change passphrase</SubmitButton>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
