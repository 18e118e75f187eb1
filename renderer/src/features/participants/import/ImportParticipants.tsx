import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Input,
  Loader,
  Modal,
  NativeSelect,
  Progress,
  Radio,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type {
  ImportColumnMapping,
  ImportJobStatus,
  ImportPreview,
  ImportPreviewRow,
  ImportRowAction,
  ImportRowError,
} from '../../../../../shared/api';
import { countryByCode } from '../../../../../shared/domain/countries';
import { newId } from '../../../../../shared/domain/ids';
import { STAKEHOLDER_GROUP_LABELS } from '../../../../../shared/domain/vocabulary';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  MAX_IMPORT_CSV_CHARS,
  type DuplicatePolicy,
  type ImportField,
} from '../../../../../shared/schemas/participantImport';
import { useClient } from '../../../api/context';

type Values = Partial<Record<ImportField, string>>;
type Step = 'choose' | 'map' | 'running' | 'done';

const REQUIRED: ReadonlySet<ImportField> = new Set(['fullName', 'stakeholderGroup']);
/** How many invalid rows are offered for inline fixing (the rest are skipped). */
const MAX_FIXABLE_ROWS = 100;
const POLL_MS = 150;
/** With the live channel up, the status is still asked every this many ticks (about 2 s). */
const SAFETY_POLL_EVERY = 13;

const isImportPhase = (phase: string | undefined): phase is ImportJobStatus['phase'] =>
  phase === 'validating' || phase === 'writing' || phase === 'saving';

const ACTION_LABELS: Record<ImportRowAction, string> = {
  add: 'Add',
  merge: 'Merge',
  skip: 'Skip',
  invalid: 'Invalid',
};
const ACTION_COLORS: Record<ImportRowAction, string> = {
  add: 'green',
  merge: 'blue',
  skip: 'gray',
  invalid: 'red',
};

/** "Line 4: Email: must be an e-mail address" */
export function describeRowError(e: ImportRowError): string {
  return e.field
    ? `Line ${e.line}: ${IMPORT_FIELD_LABELS[e.field]}: ${e.message}`
    : `Line ${e.line}: ${e.message}`;
}

function columnOptions(headers: string[]) {
  const seen = new Map<string, number>();
  for (const h of headers) seen.set(h, (seen.get(h) ?? 0) + 1);
  return [
    { value: '', label: 'Not imported' },
    ...headers.map((h, i) => ({
      value: String(i),
      label: !h ? `Column ${i + 1}` : (seen.get(h) ?? 0) > 1 ? `${h} (column ${i + 1})` : h,
    })),
  ];
}

function previewCells(row: ImportPreviewRow): string[] {
  const p = row.participant;
  if (!p)
    return [
      row.values.fullName,
      row.values.email,
      row.values.organisation,
      row.values.stakeholderGroup,
      row.values.country,
    ];
  return [
    p.fullName,
    p.email ?? '',
    p.organisation ?? '',
    STAKEHOLDER_GROUP_LABELS[p.stakeholderGroup],
    p.country ? (countryByCode(p.country)?.name ?? p.country) : '',
  ];
}

/**
 * The CSV import wizard: choose a file, map its columns, review the preview and every invalid row
 * (skip it or fix it inline), choose what to do with duplicates, then import with a progress bar
 * and a Cancel that writes nothing. While the import runs the dialog cannot be closed: the import
 * holds the database's write transaction, so nothing else should be edited meanwhile.
 */
export function ImportParticipants({
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
  const fileInputId = useId();
  const [step, setStep] = useState<Step>('choose');
  const [fileName, setFileName] = useState('');
  const [csv, setCsv] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ImportColumnMapping | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('skip');
  const [fixes, setFixes] = useState<Record<number, Values>>({});
  const [editing, setEditing] = useState<Record<number, Values>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJobStatus | null>(null);
  const [cancelling, setCancelling] = useState(false);
  /** Bumped to ask the running job's status again at once (after a cancel has answered). */
  const [recheck, setRecheck] = useState(0);
  /** The whole-file check in the background: rows checked so far, of all rows. */
  const [checking, setChecking] = useState<{ done: number; total: number } | null>(null);
  /** Rows checked when the user stopped the whole-file check ("Stop checking"). */
  const [stoppedAt, setStoppedAt] = useState<number | null>(null);
  /** Bumped by "Check the whole file" to check again after a stop. */
  const [wholeFile, setWholeFile] = useState(0);
  const fullCheck = useRef<AbortController | null>(null);
  const checkedSoFar = useRef(0);
  const request = useRef(0);
  /** Set when the mapping comes from the preview itself, so it does not trigger another one. */
  const mappingFromPreview = useRef(false);

  const reset = useCallback(() => {
    request.current++;
    mappingFromPreview.current = false;
    setStep('choose');
    setFileName('');
    setCsv(null);
    setFileError(null);
    setMapping(null);
    setDuplicates('skip');
    setFixes({});
    setEditing({});
    setPreview(null);
    setLoading(false);
    setError(null);
    setNotice(null);
    setJob(null);
    setCancelling(false);
    fullCheck.current?.abort();
    setChecking(null);
    setStoppedAt(null);
  }, []);

  useEffect(() => {
    if (!opened) reset();
  }, [opened, reset]);

  const fixList = useMemo(
    () => Object.entries(fixes).map(([line, values]) => ({ line: Number(line), values })),
    [fixes],
  );

  // Ask the backend for a fresh preview whenever the file, mapping, fixes or policy change:
  // first the first page (answered at once), then the whole file in the background, with its
  // progress on the live-update channel and "Stop checking" to cancel it.
  useEffect(() => {
    if (csv === null) return;
    if (mappingFromPreview.current) {
      mappingFromPreview.current = false;
      return;
    }
    const id = ++request.current;
    fullCheck.current?.abort();
    const controller = new AbortController();
    fullCheck.current = controller;
    setLoading(true);
    setChecking(null);
    setStoppedAt(null);
    const input = {
      forumId,
      csv,
      ...(mapping ? { mapping } : {}),
      fixes: fixList,
      duplicates,
    };
    const failed = (message: string) => {
      setLoading(false);
      setChecking(null);
      setError(message);
      if (!mapping) setStep('choose');
    };
    void client.call('participants.importPreview', { ...input, firstPage: true }).then((first) => {
      if (id !== request.current) return;
      if (!first.ok) return failed(first.error.message);
      setError(null);
      setPreview(first.value);
      if (!mapping) {
        mappingFromPreview.current = true;
        setMapping(first.value.mapping);
      }
      setStep((s) => (s === 'choose' ? 'map' : s));
      const checked = first.value.checkedRows ?? first.value.totalRows;
      if (checked >= first.value.totalRows) {
        setLoading(false);
        return;
      }
      // The whole file, checked with the mapping the first page used.
      const previewId = newId();
      checkedSoFar.current = checked;
      setChecking({ done: checked, total: first.value.totalRows });
      const unsubscribe = client.onEvent((event) => {
        if (event.kind !== 'progress' || event.jobId !== previewId || id !== request.current)
          return;
        checkedSoFar.current = event.done;
        setChecking({ done: event.done, total: event.total });
      });
      void client
        .call(
          'participants.importPreview',
          { ...input, mapping: first.value.mapping, previewId },
          { signal: controller.signal },
        )
        .then((full) => {
          unsubscribe();
          if (id !== request.current) return;
          setLoading(false);
          setChecking(null);
          if (!full.ok && full.error.code === 'cancelled') setStoppedAt(checkedSoFar.current);
          if (!full.ok) {
            if (full.error.code !== 'cancelled') setError(full.error.message);
            return;
          }
          setPreview(full.value);
        });
    });
  }, [client, forumId, csv, mapping, fixList, duplicates, wholeFile]);

  // Closing the dialog (or leaving the page) stops a check still running.
  useEffect(() => () => fullCheck.current?.abort(), []);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    reset();
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_IMPORT_CSV_CHARS) {
      setFileError('This file is larger than 50 MB.');
      return;
    }
    try {
      setCsv(await file.text());
    } catch (err) {
      setFileError(`Cannot read this file (${String(err)})`);
    }
  };

  const invalidShown = useMemo(
    () => (preview?.invalidRows ?? []).slice(0, MAX_FIXABLE_ROWS),
    [preview],
  );
  const errorsByLine = useMemo(() => {
    const map = new Map<number, ImportRowError[]>();
    for (const e of preview?.errors ?? []) map.set(e.line, [...(map.get(e.line) ?? []), e]);
    return map;
  }, [preview]);
  const invalidLines = useMemo(
    () => new Set((preview?.invalidRows ?? []).map((r) => r.line)),
    [preview],
  );
  const fixedLines = Object.keys(fixes)
    .map(Number)
    .filter((line) => !invalidLines.has(line));
  const stillBroken = Object.keys(editing)
    .map(Number)
    .filter((line) => invalidLines.has(line));

  const skipLines = (preview?.invalidRows ?? [])
    .map((r) => r.line)
    .filter((line) => !(line in editing));

  const toggleSkip = (line: number, values: Record<ImportField, string>, skip: boolean) => {
    setEditing((current) => {
      const next = { ...current };
      if (skip) delete next[line];
      else next[line] = { ...values };
      return next;
    });
    if (skip)
      setFixes((current) => {
        const next = { ...current };
        delete next[line];
        return next;
      });
  };

  const applyFix = (line: number) => setFixes((current) => ({ ...current, [line]: editing[line] }));

  const undoFix = (line: number) => {
    setFixes((current) => {
      const next = { ...current };
      delete next[line];
      return next;
    });
    setEditing((current) => {
      const next = { ...current };
      delete next[line];
      return next;
    });
  };

  const start = async () => {
    if (!csv || !mapping) return;
    setError(null);
    setNotice(null);
    const result = await client.call('participants.importStart', {
      forumId,
      csv,
      mapping,
      fixes: fixList,
      skipLines,
      duplicates,
    });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setJob({
      jobId: result.value.jobId,
      state: 'running',
      phase: 'validating',
      processed: 0,
      total: preview?.totalRows ?? 0,
      added: 0,
      merged: 0,
      skipped: 0,
    });
    setStep('running');
  };

  // Follow the running job until it ends: by the live-update channel's ProgressEvent and
  // FinishedEvent when it is up, by polling `importStatus` only while it is down.
  const jobId = job?.jobId;
  useEffect(() => {
    if (step !== 'running' || !jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchStatus = async () => {
      const result = await client.call('participants.importStatus', { jobId });
      if (stopped) return;
      if (!result.ok) {
        setError(result.error.message);
        setStep('map');
        return;
      }
      const status = result.value;
      setJob(status);
      if (status.state === 'running') schedule();
      else finish(status);
    };
    // While the channel is up, its events carry the job and a slow safety poll covers a lost
    // FinishedEvent; while it is down, the poll is all there is.
    let ticks = 0;
    const schedule = () => {
      timer = setTimeout(() => {
        ticks += 1;
        if (client.events.up && ticks % SAFETY_POLL_EVERY !== 0) schedule();
        else void fetchStatus();
      }, POLL_MS);
    };
    const finish = (status: ImportJobStatus) => {
      stopped = true;
      setCancelling(false);
      if (status.state === 'done') {
        setStep('done');
        onImported();
      } else {
        setStep('map');
        if (status.state === 'cancelled') setNotice('Import cancelled. Nothing was changed.');
        else setError(status.error ?? 'The import failed; nothing was changed.');
      }
    };
    const unsubscribe = client.onEvent((event) => {
      if (stopped || !('jobId' in event) || event.jobId !== jobId) return;
      if (event.kind === 'progress')
        setJob((prev) =>
          prev
            ? {
                ...prev,
                processed: event.done,
                total: event.total,
                ...(isImportPhase(event.phase) ? { phase: event.phase } : {}),
              }
            : prev,
        );
      // The final counts come with the status, asked once.
      else if (event.kind === 'finished') void fetchStatus();
    });
    // Ask once now, after subscribing: a short job can finish before this effect runs, and its
    // FinishedEvent is then gone (the e2e import of 10 rows sometimes waited for ever).
    void fetchStatus();
    return () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [client, step, jobId, onImported, recheck]);

  const cancel = async () => {
    if (!jobId) return;
    setCancelling(true);
    const result = await client.call('participants.importCancel', { jobId });
    if (!result.ok) {
      setCancelling(false);
      setError(result.error.message);
      return;
    }
    // The answer comes once the job has stopped: cancelled, or done when the cancel came too late.
    // Asking once more ends the view now, whether or not the FinishedEvent arrives.
    if (result.value.state !== 'running') setJob(result.value);
    setRecheck((n) => n + 1);
  };

  const running = step === 'running';
  const importable =
    preview !== null &&
    preview.counts.add + preview.counts.merge > 0 &&
    stillBroken.length === 0 &&
    (preview.checkedRows ?? preview.totalRows) >= preview.totalRows &&
    !loading;

  return (
    <Modal
      opened={opened}
      onClose={running ? () => undefined : onClose}
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      withCloseButton={!running}
      title="Import participants from CSV"
      size="90rem"
    >
      <Stack>
        {error && (
          <Alert color="red" title="Import problem">
            {error}
          </Alert>
        )}
        {notice && <Alert color="blue">{notice}</Alert>}

        {(step === 'choose' || step === 'map') && (
          <Input.Wrapper
            label="CSV file"
            id={fileInputId}
            description={
              fileName
                ? `Loaded ${fileName}. Choose another file to start over.`
                : 'A registration-form export: UTF-8, comma, semicolon or tab separated, with a header line'
            }
            error={fileError}
          >
            <div>
              <input
                id={fileInputId}
                type="file"
                accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
                onChange={(e) => void onFile(e)}
              />
            </div>
          </Input.Wrapper>
        )}
        {loading && !checking && (
          <Group gap="xs" aria-live="polite">
            <Loader size="xs" />
            <Text size="sm">Checking {fileName || 'the file'}…</Text>
          </Group>
        )}
        {checking && (
          <Stack gap={4}>
            <Progress
              aria-label="File check progress"
              value={checking.total > 0 ? (100 * checking.done) / checking.total : 0}
              animated
              striped
            />
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" aria-live="polite">
                Checking every row: {checking.done.toLocaleString('en')} of{' '}
                {checking.total.toLocaleString('en')}. The first rows are shown below.
              </Text>
              <Button size="xs" variant="default" onClick={() => fullCheck.current?.abort()}>
                Stop checking
              </Button>
            </Group>
          </Stack>
        )}
        {stoppedAt !== null && preview && (
          <Alert color="yellow" title="Checking stopped">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                Checking stopped after {stoppedAt.toLocaleString('en')} of{' '}
                {preview.totalRows.toLocaleString('en')} rows. The figures below cover the first{' '}
                {(preview.checkedRows ?? preview.totalRows).toLocaleString('en')} rows only; check
                the whole file to import it.
              </Text>
              <Button size="xs" onClick={() => setWholeFile((n) => n + 1)}>
                Check the whole file
              </Button>
            </Stack>
          </Alert>
        )}

        {step === 'map' && preview && mapping && (
          <>
            <Title order={3}>Columns</Title>
            <Text size="sm" c="dimmed">
              Choose the column that holds each field. Suggestions come from the header names.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
              {IMPORT_FIELDS.map((field) => (
                <NativeSelect
                  key={field}
                  label={IMPORT_FIELD_LABELS[field]}
                  required={REQUIRED.has(field)}
                  value={mapping[field] === null ? '' : String(mapping[field])}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setMapping({ ...mapping, [field]: v === '' ? null : Number(v) });
                  }}
                  data={columnOptions(preview.headers)}
                />
              ))}
            </SimpleGrid>

            <Radio.Group
              label="Duplicates (same e-mail, in the file or already in the forum)"
              value={duplicates}
              onChange={(v) => setDuplicates(v as DuplicatePolicy)}
            >
              <Stack gap="xs" mt="xs">
                <Radio
                  value="merge"
                  label="Merge"
                  description="Update the existing participant with the file's non-empty values; lists are combined and notes appended; empty cells change nothing"
                />
                <Radio
                  value="skip"
                  label="Skip"
                  description="Keep the existing participant (or the first row with that e-mail) as it is"
                />
              </Stack>
            </Radio.Group>

            <Text role="status" aria-live="polite">
              {(preview.checkedRows ?? preview.totalRows) < preview.totalRows
                ? `First ${(preview.checkedRows ?? 0).toLocaleString('en')} of ${preview.totalRows.toLocaleString('en')} rows checked: `
                : `${preview.totalRows.toLocaleString('en')} rows: `}
              {preview.counts.add.toLocaleString('en')} to add,{' '}
              {preview.counts.merge.toLocaleString('en')} to merge,{' '}
              {preview.counts.skip.toLocaleString('en')} to skip,{' '}
              {preview.counts.invalid.toLocaleString('en')} invalid
              {preview.counts.invalid > 0 ? ' (skipped unless fixed)' : ''}.
            </Text>

            <Title order={3}>Preview</Title>
            <ScrollArea>
              <Table striped aria-label="Import preview" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Line</Table.Th>
                    <Table.Th>Full name</Table.Th>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Organisation</Table.Th>
                    <Table.Th>Stakeholder group</Table.Th>
                    <Table.Th>Country</Table.Th>
                    <Table.Th>Import</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.preview.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      {previewCells(row).map((cell, i) => (
                        <Table.Td key={i}>{cell}</Table.Td>
                      ))}
                      <Table.Td>
                        <Badge color={ACTION_COLORS[row.action]} variant="light">
                          {ACTION_LABELS[row.action]}
                        </Badge>{' '}
                        {row.reason && (
                          <Text span size="xs" c="dimmed">
                            {row.reason}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>

            {preview.invalidCount > 0 && (
              <>
                <Title order={3}>Invalid rows ({preview.invalidCount.toLocaleString('en')})</Title>
                <Text size="sm" c="dimmed">
                  Invalid rows are skipped. Untick “Skip” to correct a row here; the file is not
                  changed.
                </Text>
                <Stack gap="xs" aria-label="Invalid rows">
                  {invalidShown.map((row) => (
                    <InvalidRow
                      key={row.line}
                      line={row.line}
                      errors={errorsByLine.get(row.line) ?? []}
                      values={row.values}
                      mapping={mapping}
                      draft={editing[row.line]}
                      onSkip={(skip) => toggleSkip(row.line, row.values, skip)}
                      onDraft={(values) =>
                        setEditing((current) => ({ ...current, [row.line]: values }))
                      }
                      onCheck={() => applyFix(row.line)}
                    />
                  ))}
                  {preview.invalidCount > invalidShown.length && (
                    <Text size="sm">
                      …and {(preview.invalidCount - invalidShown.length).toLocaleString('en')} more
                      invalid rows, which will be skipped
                      {preview.errorCount > preview.errors.length
                        ? ` (${preview.errorCount.toLocaleString('en')} problems in all)`
                        : ''}
                      .
                    </Text>
                  )}
                </Stack>
              </>
            )}

            {fixedLines.length > 0 && (
              <Stack gap={4} aria-label="Fixed rows">
                {fixedLines.map((line) => (
                  <Group key={line} gap="xs">
                    <Badge color="green" variant="light">
                      Fixed
                    </Badge>
                    <Text size="sm">Line {line} will be imported with your corrections.</Text>
                    <Button size="compact-xs" variant="subtle" onClick={() => undoFix(line)}>
                      Undo fix of line {line}
                    </Button>
                  </Group>
                ))}
              </Stack>
            )}

            {preview.duplicateCount > 0 && (
              <Text size="sm">
                {preview.duplicateCount.toLocaleString('en')} rows share an e-mail with a
                participant already in the forum or an earlier row; they will be{' '}
                {duplicates === 'merge' ? 'merged' : 'skipped'}.
              </Text>
            )}

            <Group justify="flex-end">
              {stillBroken.length > 0 && (
                <Text size="sm" c="red">
                  Correct line {stillBroken.join(', ')} or tick “Skip”.
                </Text>
              )}
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button onClick={() => void start()} disabled={!importable}>
                Import {(preview.counts.add + preview.counts.merge).toLocaleString('en')} rows
              </Button>
            </Group>
          </>
        )}

        {running && job && (
          <Stack>
            <Text fw={600}>
              {job.phase === 'validating'
                ? 'Checking rows…'
                : job.phase === 'saving'
                  ? 'Saving participants…'
                  : 'Importing participants…'}
            </Text>
            <Progress
              aria-label="Import progress"
              value={job.total > 0 ? (100 * job.processed) / job.total : 0}
              animated={job.phase === 'validating'}
              striped={job.phase === 'validating'}
            />
            <Text aria-live="polite">
              {job.processed.toLocaleString('en')} of {job.total.toLocaleString('en')} rows
            </Text>
            <Text size="sm" c="dimmed">
              {job.phase === 'saving'
                ? 'Saving everything at once; this can no longer be cancelled.'
                : 'Keep this window open. Everything is saved at once at the end; Cancel writes nothing.'}
            </Text>
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => void cancel()}
                loading={cancelling}
                disabled={job.phase === 'saving'}
              >
                Cancel import
              </Button>
            </Group>
          </Stack>
        )}

        {step === 'done' && job && (
          <Stack>
            <Alert color="green" title="Import finished">
              <Text>
                Added {job.added.toLocaleString('en')}, merged {job.merged.toLocaleString('en')},
                skipped {job.skipped.toLocaleString('en')}.
              </Text>
            </Alert>
            <Group justify="flex-end">
              <Button onClick={onClose}>Done</Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

function InvalidRow({
  line,
  errors,
  values,
  mapping,
  draft,
  onSkip,
  onDraft,
  onCheck,
}: {
  line: number;
  errors: ImportRowError[];
  values: Record<ImportField, string>;
  mapping: ImportColumnMapping;
  draft: Values | undefined;
  onSkip: (skip: boolean) => void;
  onDraft: (values: Values) => void;
  onCheck: () => void;
}) {
  // The fields worth editing: the mapped ones, the required ones and any with a problem.
  const fields = IMPORT_FIELDS.filter(
    (f) => mapping[f] !== null || REQUIRED.has(f) || errors.some((e) => e.field === f),
  );
  return (
    <Card withBorder padding="sm" aria-label={`Line ${line}`}>
      <Stack gap={6}>
        {errors.map((e, i) => (
          <Text key={i} size="sm" c="red">
            {describeRowError(e)}
          </Text>
        ))}
        <Checkbox
          label={`Skip line ${line}`}
          checked={!draft}
          onChange={(e) => onSkip(e.currentTarget.checked)}
        />
        {draft && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {fields.map((field) => (
                <TextInput
                  key={field}
                  label={`${IMPORT_FIELD_LABELS[field]} (line ${line})`}
                  value={draft[field] ?? values[field]}
                  error={
                    errors
                      .filter((e) => e.field === field)
                      .map((e) => e.message)
                      .join('; ') || undefined
                  }
                  onChange={(e) => onDraft({ ...draft, [field]: e.currentTarget.value })}
                />
              ))}
            </SimpleGrid>
            <Group>
              <Button size="xs" variant="light" onClick={onCheck}>
                Check line {line} again
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
