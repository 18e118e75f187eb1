import {
  Alert,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Forum, ForumPackagePreview, ForumSummary } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { useFieldErrors } from '../../components/errors';
import { saveExport } from '../publish/save';

/** A chosen file's bytes as base64 (the backend decrypts; the renderer never sees the contents). */
async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** "Export forum package": the forum for next year's coordinators, sealed with their passphrase. */
export function ExportForumPackage({ forum }: { forum: Forum }) {
  const client = useClient();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [includeSafeguards, setIncludeSafeguards] = useState(false);
  const [busy, setBusy] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();

  const exportPackage = async () => {
    clear();
    setBusy(true);
    const r = await client.call('forums.exportPackage', {
      forumId: forum.id,
      passphrase,
      passphraseConfirmation: confirmation,
      includeSafeguards,
    });
    setBusy(false);
    if (!r.ok) return show(r.error);
    if (await saveExport(r.value)) {
      notifications.show({ title: 'Forum package exported', message: r.value.filename });
      setPassphrase('');
      setConfirmation('');
    }
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          Export forum package
        </Title>
        <Text size="sm">
          One encrypted file with this forum: participants, calls and series, attendance, NRI
          sessions, contributions, themes, the report with its versions and comment rounds, and the
          stakeholder map. Choose a passphrase for the recipients and tell it to them another way
          than the file (a call, not the same e-mail).
        </Text>
        <PasswordInput
          label="Passphrase for the recipient"
          description="At least 10 characters; a few unrelated words are strong and easy to pass on."
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          error={errors.passphrase}
          autoComplete="new-password"
        />
        <PasswordInput
          label="Confirm passphrase"
          value={confirmation}
          onChange={(e) => setConfirmation(e.currentTarget.value)}
          error={errors.passphraseConfirmation}
          autoComplete="new-password"
        />
        <Checkbox
          label="Include incidents and disruptive actors"
          checked={includeSafeguards}
          onChange={(e) => setIncludeSafeguards(e.currentTarget.checked)}
        />
        {includeSafeguards && (
          <Alert color="orange" title="Safeguards travel with the package">
            Incident case files and the identifiers of disruptive actors are the most sensitive
            records of the forum. Include them only when the recipients need them to keep people
            safe, and only for coordinators.
          </Alert>
        )}
        {formError && <Alert color="red">{formError}</Alert>}
        <Group>
          <Button onClick={() => void exportPackage()} loading={busy}>
            Export forum package
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** "Import forum package": decrypts, shows what comes in, then imports in one transaction. */
export function ImportForumPackage({ onImported }: { onImported: (f: ForumSummary) => void }) {
  const client = useClient();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<ForumPackagePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const { errors, formError, clear, show } = useFieldErrors();

  const request = async () => ({ file: file ? await fileToBase64(file) : '', passphrase });

  const check = async () => {
    clear();
    setPreview(null);
    setBusy(true);
    const r = await client.call('forums.previewPackage', await request());
    setBusy(false);
    if (r.ok) setPreview(r.value);
    else show(r.error);
  };

  const importPackage = async () => {
    clear();
    setBusy(true);
    const r = await client.call('forums.importPackage', await request());
    setBusy(false);
    if (!r.ok) return show(r.error);
    notifications.show({
      title: 'Forum package imported',
      message: `${r.value.forum.title} (${r.value.forum.year}) is now in the forum list.`,
    });
    setPreview(null);
    setFile(null);
    setPassphrase('');
    onImported(r.value.forum);
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          Import forum package
        </Title>
        <Text size="sm">
          Brings a forum exported by another team into this database, with its pseudonyms, so
          published figures and pseudonyms stay as they were. Nothing is written before you confirm.
        </Text>
        <FileInput
          label="Package file"
          accept=".intersession,application/octet-stream"
          value={file}
          onChange={(f) => {
            setFile(f);
            setPreview(null);
          }}
          error={errors.file}
          clearable
        />
        <PasswordInput
          label="Package passphrase"
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.currentTarget.value);
            setPreview(null);
          }}
          error={errors.passphrase}
          autoComplete="off"
        />
        {formError && <Alert color="red">{formError}</Alert>}
        <Group>
          <Button variant="default" onClick={() => void check()} loading={busy && !preview}>
            Show what it contains
          </Button>
        </Group>
        {preview && (
          <Stack aria-label="Package contents">
            <Text fw={700}>
              {preview.title} ({preview.year})
            </Text>
            <Text size="sm">
              Exported {new Date(preview.exportedAt).toISOString().slice(0, 10)} ·{' '}
              {preview.includesSafeguards
                ? 'Safeguards included (incidents and disruptive actors)'
                : 'Safeguards not included'}
            </Text>
            {preview.alreadyPresent && (
              <Alert color="blue">
                This database already holds this forum: the package comes in as a copy with new ids,
                titled “{preview.title} (imported copy)”.
              </Alert>
            )}
            <Table withTableBorder maw={480}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Count</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.counts.map((c) => (
                  <Table.Tr key={c.kind}>
                    <Table.Td>{c.label}</Table.Td>
                    <Table.Td>{c.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button onClick={() => void importPackage()} loading={busy}>
                Import forum package
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
