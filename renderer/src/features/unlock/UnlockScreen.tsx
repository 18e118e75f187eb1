import {
  Alert,
  Button,
  Center,
  Loader,
  Paper,
  PasswordInput,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import {
  MIN_PASSPHRASE_LENGTH,
  passphraseStrength,
  type Strength,
} from '../../../../shared/domain/passphraseStrength';
import { browserToken } from '../../api/session';
import { unlockStatus, unlockWith, type UnlockState } from '../../api/unlock';

const STRENGTH_VALUE: Record<Strength, number> = {
  'too short': 5,
  weak: 25,
  fair: 50,
  good: 75,
  strong: 100,
};
const STRENGTH_COLOR: Record<Strength, string> = {
  'too short': 'red',
  weak: 'red',
  fair: 'yellow',
  good: 'teal',
  strong: 'green',
};

/**
 * Browser mode opens on "Unlock Intersession" until the database is open; the desktop app (whose
 * key is in the OS keystore) and an already unlocked server go straight to `children`.
 */
export function UnlockGate({ children }: { children: ReactNode }) {
  const token = browserToken();
  const [state, setState] = useState<UnlockState | null>(token ? null : 'open');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!token) return;
    void unlockStatus(token).then((r) => {
      if (r.ok) setState(r.value.state);
      else setProblem(r.error.message);
    });
  }, [token]);

  if (state === 'open') return <>{children}</>;
  if (problem) {
    return (
      <Center h="100vh">
        <Alert color="red" title="Intersession cannot be reached">
          {problem}
        </Alert>
      </Center>
    );
  }
  if (state === null || !token) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  return <UnlockScreen token={token} state={state} onOpen={() => setState('open')} />;
}

function UnlockScreen({
  token,
  state,
  onOpen,
}: {
  token: string;
  state: Exclude<UnlockState, 'open'>;
  onOpen: () => void;
}) {
  const settingUp = state !== 'locked';
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = passphraseStrength(passphrase);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setConfirmError(null);
    if (settingUp) {
      if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
        setError(`The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`);
        return;
      }
      if (confirm !== passphrase) {
        setConfirmError('The two passphrases are not the same.');
        return;
      }
    }
    setBusy(true);
    try {
      const r = await unlockWith(token, passphrase);
      if (r.ok) {
        // The passphrase leaves this form's memory once the database is open.
        setPassphrase('');
        setConfirm('');
        onOpen();
      } else setError(r.error.message.replace(/\.$/, ''));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center h="100vh">
      <Paper withBorder p="xl" w={460} component="main">
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <Title order={1} size="h2">
              Unlock Intersession
            </Title>
            {state === 'new' && (
              <Text>
                Choose a passphrase for this new database. It encrypts everything stored here. Keep
                it safe: without it the data cannot be recovered.
              </Text>
            )}
            {state === 'unencrypted' && (
              <Alert color="yellow" title="This database is not encrypted yet">
                It was made by an earlier version of Intersession. The passphrase you choose now
                encrypts it; a copy of the unencrypted file is kept until the encrypted one has
                passed its integrity check, then removed.
              </Alert>
            )}
            {state === 'locked' && <Text>Enter the passphrase of this database to open it.</Text>}
            <PasswordInput
              label="Passphrase"
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              error={error}
              autoFocus
              autoComplete={settingUp ? 'new-password' : 'current-password'}
              data-autofocus
            />
            {settingUp && (
              <>
                <Stack gap={4}>
                  <Progress
                    value={STRENGTH_VALUE[strength.strength]}
                    color={STRENGTH_COLOR[strength.strength]}
                    aria-label="Passphrase strength"
                  />
                  <Text size="sm" c="dimmed" aria-live="polite">
                    Strength: {strength.strength}
                    {strength.strength === 'too short'
                      ? ` (at least ${MIN_PASSPHRASE_LENGTH} characters)`
                      : strength.strength === 'weak' || strength.strength === 'fair'
                        ? ' (a few unrelated words make a strong passphrase)'
                        : ''}
                  </Text>
                </Stack>
                <PasswordInput
                  label="Confirm passphrase"
                  value={confirm}
                  onChange={(e) => setConfirm(e.currentTarget.value)}
                  error={confirmError}
                  autoComplete="new-password"
                />
              </>
            )}
            <Button type="submit" loading={busy}>
              {settingUp ? 'Set passphrase and unlock' : 'Unlock'}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
