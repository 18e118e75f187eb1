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
import { forumPackageSchemas } from '../../../../shared/schemas/forumPackage';
import { ErrorSummary, SubmitButton, useZodForm } from '../../components/forms';
import { saveExport } from '../publish/save';

/** A chosen file's bytes as base64 (the backend decrypts; the renderer never sees the contents). */
async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The visible label of each field of the export: error sentences start with it. */
export const EXPORT_LABELS: Record<string, string> = {
  passphrase: 'Passphrase for the recipient',
  passphraseConfirmation: 'Confirm passphrase',
  includeSafeguards: 'Include incidents and disruptive actors',
};

/** The visible label of each field of the import: error sentences start with it. */
export const IMPORT_LABELS: Record<string, string> = {
  file: 'Package file',
  passphrase: 'Package passphrase',
};

const MISMATCH = 'The two passphrases do not match; type the same passphrase twice.';

type ExportDraft = {
  passphrase: string;
  passphraseConfirmation: string;
  includeSafeguards: boolean;
};

type ImportDraft = { file: File | null; passphrase: string };

/** "Export forum package": the forum for next year's coordinators, sealed with their passphrase. */
export function ExportForumPackage({ forum }: { forum: Forum }) {
  const client = useClient();
  const zf = useZodForm({
    schema: forumPackageSchemas['forums.exportPackage'],
    initialValues: {
      passphrase: '',
      passphraseConfirmation: '',
      includeSafeguards: false,
    } as ExportDraft,
    toInput: (d: ExportDraft) => ({ forumId: forum.id, ...d }),
    labels: EXPORT_LABELS,
    // The schema compares the two only once the passphrase itself is valid; the form says both.
    extraChecks: (d): Record<string, string> =>
      d.passphraseConfirmation !== d.passphrase ? { passphraseConfirmation: MISMATCH } : {},
  });
  const { form } = zf;

  return (
    <Card withBorder>
      <form
        onSubmit={zf.onSubmit(async (input) => {
          const r = await client.call('forums.exportPackage', input);
          if (!r.ok) return r;
          if (await saveExport(r.value)) {
            notifications.show({ title: 'Forum package exported', message: r.value.filename });
            zf.reset({ ...form.getValues(), passphrase: '', passphraseConfirmation: '' });
          }
        })}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3">
            Export forum package
          </Title>
          <Text size="sm">
            One encrypted file with this forum: participants, calls and series, attendance, NRI
            sessions, contributions, themes, the report with its versions and comment rounds, and
            the stakeholder map. Choose a passphrase for the recipients and tell it to them another
            way than the file (a call, not the same e-mail).
          </Text>
          <ErrorSummary {...zf.summary} />
          <PasswordInput
            label="Passphrase for the recipient"
            description="At least 10 characters; a few unrelated words are strong and easy to pass on."
            {...form.getInputProps('passphrase')}
            autoComplete="new-password"
          />
          <PasswordInput
            label="Confirm passphrase"
            {...form.getInputProps('passphraseConfirmation')}
            autoComplete="new-password"
          />
          <Checkbox
            label="Include incidents and disruptive actors"
            {...form.getInputProps('includeSafeguards', { type: 'checkbox' })}
          />
          {form.values.includeSafeguards && (
            <Alert color="orange" title="Safeguards travel with the package">
              Incident case files and the identifiers of disruptive actors are the most sensitive
              records of the forum. Include them only when the recipients need them to keep people
              safe, and only for coordinators.
            </Alert>
          )}
          <Group>
            <SubmitButton busy={zf.submitting}>Export forum package</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** "Import forum package": decrypts, shows what comes in, then imports in one transaction. */
export function ImportForumPackage({ onImported }: { onImported: (f: ForumSummary) => void }) {
  const client = useClient();
  const [preview, setPreview] = useState<ForumPackagePreview | null>(null);
  const zf = useZodForm({
    schema: forumPackageSchemas['forums.previewPackage'],
    initialValues: { file: null, passphrase: '' } as ImportDraft,
    // The file's bytes are read only to send them: the schema hears that one is chosen (a stand-in
    // of one base64 byte); its size and contents are the backend's to judge, on the same field.
    toInput: (d: ImportDraft) => ({ file: d.file ? 'AA==' : '', passphrase: d.passphrase }),
    labels: IMPORT_LABELS,
  });
  const { form } = zf;

  /** The request: the chosen file's bytes and the passphrase as typed. */
  const request = async (d: ImportDraft) => ({
    file: d.file ? await fileToBase64(d.file) : '',
    passphrase: d.passphrase,
  });

  const check = zf.onSubmit(async (_input, values) => {
    setPreview(null);
    const r = await client.call('forums.previewPackage', await request(values));
    if (r.ok) setPreview(r.value);
    else return r;
  });

  const importPackage = zf.onSubmit(async (_input, values) => {
    const r = await client.call('forums.importPackage', await request(values));
    if (!r.ok) return r;
    notifications.show({
      title: 'Forum package imported',
      message: `${r.value.forum.title} (${r.value.forum.year}) is now in the forum list.`,
    });
    setPreview(null);
    zf.reset({ file: null, passphrase: '' });
    onImported(r.value.forum);
  });

  return (
    <Card withBorder>
      <form onSubmit={check} noValidate>
        <Stack>
          <Title order={2} size="h3">
            Import forum package
          </Title>
          <Text size="sm">
            Brings a forum exported by another team into this database, with its pseudonyms, so
            published figures and pseudonyms stay as they were. Nothing is written before you
            confirm.
          </Text>
          <ErrorSummary {...zf.summary} />
          <FileInput
            label="Package file"
            accept=".intersession,application/octet-stream"
            {...form.getInputProps('file')}
            onChange={(f) => {
              form.setFieldValue('file', f);
              form.clearFieldError('file');
              setPreview(null);
            }}
            clearable
          />
          <PasswordInput
            label="Package passphrase"
            {...form.getInputProps('passphrase')}
            onChange={(e) => {
              form.setFieldValue('passphrase', e.currentTarget.value);
              form.clearFieldError('passphrase');
              setPreview(null);
            }}
            autoComplete="off"
          />
          <Group>
            <SubmitButton variant="default" busy={zf.submitting && !preview}>
              Show what it contains
            </SubmitButton>
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
                  This database already holds this forum: the package comes in as a copy with new
                  ids, titled “{preview.title} (imported copy)”.
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
                <Button onClick={() => importPackage()} loading={zf.submitting}>
                  Import forum package
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      </form>
    </Card>
  );
}
