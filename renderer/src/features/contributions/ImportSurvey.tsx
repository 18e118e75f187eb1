import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  NativeSelect,
  Progress,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type {
  ContributionImportColumns,
  ContributionImportPreview,
  ContributionImportStatus,
} from '../../../../shared/api';
import {
  CONTRIBUTION_IMPORT_FIELDS,
  CONTRIBUTION_IMPORT_FIELD_LABELS,
  type ContributionImportField,
} from '../../../../shared/schemas/contributions';
import { useClient } from '../../api/context';
import { followJob, isImportPhase } from '../../api/followJob';

/** Import contributions from a survey export: file, column mapping, preview with errors, progress. */
export function ImportSurvey({
  opened,
  forumId,
  onClose,
  onImported,
}: {
  opened: boolean;
  forumId: string;
  onClose: () => void;
  onImported: () => void;
}) {
  const client = useClient();
  const [csv, setCsv] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ContributionImportColumns | null>(null);
  const [preview, setPreview] = useState<ContributionImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<ContributionImportStatus | null>(null);
  /** The running job: followed by the live-update channel's events, polled only without them. */
  const [jobId, setJobId] = useState<string | null>(null);
  // The parent's callback, read when the job ends: a new one each render must not restart the job.
  const imported = useRef(onImported);
  useEffect(() => {
    imported.current = onImported;
  }, [onImported]);

  useEffect(() => {
    if (opened) return;
    setCsv(null);
    setMapping(null);
    setPreview(null);
    setError(null);
    setStatus(null);
    setJobId(null);
  }, [opened]);

  // Follow the job until it ends (live events, polling only while the channel is down).
  useEffect(() => {
    if (!jobId) return;
    return followJob(client, jobId, {
      fetchStatus: () => client.call('contributions.importStatus', { jobId }),
      onStatus: setStatus,
      onProgress: (event) =>
        setStatus((prev) =>
          prev && prev.state === 'running'
            ? {
                ...prev,
                processed: event.done,
                total: event.total,
                ...(isImportPhase(event.phase) ? { phase: event.phase } : {}),
              }
            : prev,
        ),
      onEnd: (s) => {
        if (s.state === 'done') imported.current();
      },
    });
  }, [client, jobId]);

  useEffect(() => {
    if (!csv) return;
    void client
      .call('contributions.importPreview', { forumId, csv, ...(mapping ? { mapping } : {}) })
      .then((r) => {
        if (r.ok) {
          setPreview(r.value);
          setError(null);
        } else setError(r.error.message);
      });
  }, [client, forumId, csv, mapping]);

  const running = status?.state === 'running';

  const start = async () => {
    if (!csv || !preview) return;
    const r = await client.call('contributions.importStart', {
      forumId,
      csv,
      mapping: preview.mapping,
    });
    if (!r.ok) return setError(r.error.message);
    setJobId(r.value.jobId);
  };

  const cancel = async () => {
    if (!status) return;
    const r = await client.call('contributions.importCancel', { jobId: status.jobId });
    if (r.ok) setStatus(r.value);
  };

  return (
    <Modal
      opened={opened}
      onClose={running ? () => undefined : onClose}
      title="Import survey (CSV)"
      size="xl"
      closeOnEscape={!running}
      withCloseButton={!running}
    >
      <Stack>
        <FileInput
          label="Survey file (CSV)"
          accept=".csv,text/csv"
          disabled={running}
          onChange={(file) => {
            setMapping(null);
            setPreview(null);
            if (file) void file.text().then(setCsv);
          }}
        />
        {error && <Alert color="red">{error}</Alert>}
        {preview && !status && (
          <>
            <Group grow>
              {CONTRIBUTION_IMPORT_FIELDS.map((f: ContributionImportField) => (
                <NativeSelect
                  key={f}
                  label={CONTRIBUTION_IMPORT_FIELD_LABELS[f]}
                  value={preview.mapping[f] === null ? '' : String(preview.mapping[f])}
                  data={[
                    { value: '', label: 'Not imported' },
                    ...preview.headers.map((h, i) => ({
                      value: String(i),
                      label: h || `Column ${i + 1}`,
                    })),
                  ]}
                  onChange={(e) =>
                    setMapping({
                      ...preview.mapping,
                      [f]: e.currentTarget.value === '' ? null : Number(e.currentTarget.value),
                    })
                  }
                  style={{ minWidth: '12rem' }}
                />
              ))}
            </Group>
            <Text role="status">
              {preview.totalRows} rows · {preview.validRows} can be imported ·{' '}
              {preview.matchedContributors} contributors matched to participants by e-mail
              {preview.newThemes.length > 0 ? ` · new themes: ${preview.newThemes.join(', ')}` : ''}
            </Text>
            {preview.errorCount > 0 && (
              <Alert
                color="orange"
                title={`${preview.errorCount} problems (rows with problems are skipped)`}
              >
                <ul aria-label="Problems">
                  {preview.errors.slice(0, 100).map((e, i) => (
                    <li key={i}>
                      Line {e.line}: {e.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
            <Table aria-label="Preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Contributor</Table.Th>
                  <Table.Th>Import</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.preview.map((r) => (
                  <Table.Tr key={r.line}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>{r.title}</Table.Td>
                    <Table.Td>
                      {r.contributor}
                      {r.matchedParticipant ? ' (participant)' : ''}
                    </Table.Td>
                    <Table.Td>{r.valid ? 'Yes' : 'Skipped'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        {status && (
          <Stack gap="xs">
            <Progress
              value={status.total ? (status.processed / status.total) * 100 : 100}
              aria-label="Import progress"
            />
            <Text role="status">
              {status.state === 'running' &&
                (status.phase === 'saving'
                  ? `Saving ${status.total} contributions; this can no longer be cancelled…`
                  : `${status.phase === 'validating' ? 'Checking' : 'Writing'} ${status.processed} of ${status.total}…`)}
              {status.state === 'done' &&
                `Imported ${status.added} contributions; skipped ${status.skipped}.`}
              {status.state === 'cancelled' && 'Cancelled: nothing was imported.'}
              {status.state === 'failed' && status.error}
            </Text>
          </Stack>
        )}
        <Group justify="flex-end">
          {running ? (
            <Button
              color="red"
              variant="light"
              onClick={() => void cancel()}
              disabled={status?.phase === 'saving'}
            >
              Cancel import
            </Button>
          ) : (
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
          )}
          {!status && (
            <Button onClick={() => void start()} disabled={!preview || preview.validRows === 0}>
              Import {preview ? preview.validRows : ''} contributions
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
