import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  NativeSelect,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CommentImportMapping, CommentImportResult } from '../../../../shared/api';
import {
  COMMENT_CHANNELS,
  COMMENT_CHANNEL_LABELS,
  type CommentChannel,
} from '../../../../shared/domain/report';
import {
  COMMENT_IMPORT_FIELDS,
  COMMENT_IMPORT_FIELD_LABELS,
} from '../../../../shared/schemas/report';
import { useClient } from '../../api/context';

const NOT_IMPORTED = '';

/**
 * Comments from a CSV file: the backend suggests which column is which (dry run), the user
 * adjusts, sees every row's problems, then imports all rows or none.
 */
export function ImportCommentsModal({
  opened,
  onClose,
  roundId,
  onImported,
}: {
  opened: boolean;
  onClose: () => void;
  roundId: string;
  onImported: (added: number) => void;
}) {
  const client = useClient();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [mapping, setMapping] = useState<CommentImportMapping | undefined>(undefined);
  const [defaultChannel, setDefaultChannel] = useState<CommentChannel>('email');
  const [preview, setPreview] = useState<CommentImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) {
      setFile(null);
      setCsv(null);
      setMapping(undefined);
      setPreview(null);
      setError(null);
    }
  }, [opened]);

  useEffect(() => {
    if (csv === null) return;
    let live = true;
    void client
      .call('report.importComments', { roundId, csv, mapping, defaultChannel, dryRun: true })
      .then((r) => {
        if (!live) return;
        if (r.ok) {
          setPreview(r.value);
          setError(null);
        } else {
          setPreview(null);
          setError(r.error.message);
        }
      });
    return () => {
      live = false;
    };
  }, [client, roundId, csv, mapping, defaultChannel]);

  const choose = async (f: File | null) => {
    setFile(f);
    setMapping(undefined);
    setPreview(null);
    setCsv(f ? await f.text() : null);
  };

  const commit = async () => {
    if (csv === null || !preview) return;
    setBusy(true);
    const r = await client.call('report.importComments', {
      roundId,
      csv,
      mapping: preview.mapping,
      defaultChannel,
      dryRun: false,
    });
    setBusy(false);
    if (r.ok) onImported(r.value.added);
    else setError(r.error.message);
  };

  const invalid = preview ? preview.totalRows - preview.validRows : 0;

  return (
    <Modal opened={opened} onClose={onClose} title="Import comments (CSV)" size="xl">
      <Stack>
        <Text size="sm">
          One comment a row, with a header row. Paragraph numbers are written as the export for
          comment shows them (“2.1” for a section, “2.1 ¶3” for a paragraph).
        </Text>
        <FileInput
          label="CSV file"
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => void choose(f)}
          clearable
        />
        {error && <Alert color="red">{error}</Alert>}
        {preview && (
          <>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              {COMMENT_IMPORT_FIELDS.map((field) => (
                <NativeSelect
                  key={field}
                  label={COMMENT_IMPORT_FIELD_LABELS[field]}
                  value={
                    preview.mapping[field] === null ? NOT_IMPORTED : String(preview.mapping[field])
                  }
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setMapping({
                      ...preview.mapping,
                      [field]: v === NOT_IMPORTED ? null : Number(v),
                    });
                  }}
                  data={[
                    { value: NOT_IMPORTED, label: 'Not imported' },
                    ...preview.headers.map((h, i) => ({
                      value: String(i),
                      label: h || `Column ${i + 1}`,
                    })),
                  ]}
                />
              ))}
              <NativeSelect
                label="Channel when not given"
                value={defaultChannel}
                onChange={(e) => setDefaultChannel(e.currentTarget.value as CommentChannel)}
                data={COMMENT_CHANNELS.map((c) => ({ value: c, label: COMMENT_CHANNEL_LABELS[c] }))}
              />
            </SimpleGrid>
            <Text role="status" aria-live="polite">
              {preview.totalRows} {preview.totalRows === 1 ? 'row' : 'rows'}: {preview.validRows}{' '}
              ready
              {invalid > 0 ? `, ${invalid} with problems (fix the file or the columns)` : ''}.
            </Text>
            <ScrollArea.Autosize mah={320} type="auto">
              <Table striped aria-label="Rows to import">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Line</Table.Th>
                    <Table.Th scope="col">Paragraph</Table.Th>
                    <Table.Th scope="col">Commenter</Table.Th>
                    <Table.Th scope="col">Channel</Table.Th>
                    <Table.Th scope="col">Comment</Table.Th>
                    <Table.Th scope="col">Problems</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td>{row.ref || 'Whole document'}</Table.Td>
                      <Table.Td>{row.commenterName}</Table.Td>
                      <Table.Td>{row.channel ? COMMENT_CHANNEL_LABELS[row.channel] : '—'}</Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {row.text}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {row.ok ? (
                          <Badge color="teal" variant="light">
                            OK
                          </Badge>
                        ) : (
                          <Text size="sm" c="red">
                            {row.errors.join(' ')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={() => void commit()}
            loading={busy}
            disabled={!preview || preview.validRows === 0 || invalid > 0}
          >
            Import {preview ? preview.validRows : ''} comments
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
