// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  ImportColumnMapping,
  ImportJobStatus,
  ImportPreview,
  ImportPreviewRow,
} from '../../../../../shared/api';
import type { RpcResult } from '../../../../../shared/result';
import { IMPORT_FIELDS, type ImportField } from '../../../../../shared/schemas/participantImport';
import { createClient } from '../../../api/client';
import { ClientContext } from '../../../api/context';
import type { EventChannel, EventListener } from '../../../api/events';
import { ImportParticipants } from './ImportParticipants';
import { installDomShims } from '../../../testing/domShims';

beforeAll(installDomShims);
afterEach(cleanup);

const FORUM_ID = '00000000-0000-7000-8000-000000000001';
const JOB_ID = '00000000-0000-7000-8000-0000000000aa';

const mapping: ImportColumnMapping = {
  ...(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ImportColumnMapping),
  fullName: 0,
  email: 1,
  stakeholderGroup: 2,
};

const values = (fullName: string, email: string): Record<ImportField, string> => ({
  ...(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, ''])) as Record<ImportField, string>),
  fullName,
  email,
  stakeholderGroup: 'NGO',
});

const validRow = (line: number, fullName: string, email: string): ImportPreviewRow => ({
  line,
  action: 'add',
  reason: null,
  values: values(fullName, email),
  participant: {
    fullName,
    preferredName: null,
    email,
    organisation: null,
    stakeholderGroup: 'civil_society',
    country: null,
    gender: null,
    genderSelfDescribed: null,
    languages: [],
    timeZone: null,
    aliases: [],
    handles: [],
    consentListed: false,
    consentInvitations: false,
    role: 'member',
    notes: null,
  },
  errors: [],
});

/** The preview the backend would give, with line 3's e-mail fixed or not. */
function previewFor(fixed: boolean): ImportPreview {
  const bad = { line: 3, field: 'email' as const, message: 'must be an e-mail address' };
  const rows = [
    validRow(2, 'Ana', 'ana@example.org'),
    fixed
      ? validRow(3, 'Bo', 'bo@example.org')
      : {
          line: 3,
          action: 'invalid' as const,
          reason: null,
          values: values('Bo', 'bo.example.org'),
          participant: null,
          errors: [bad],
        },
  ];
  return {
    headers: ['Name', 'E-mail', 'Sector'],
    delimiter: ',',
    mapping,
    totalRows: 2,
    validRows: fixed ? 2 : 1,
    counts: { add: fixed ? 2 : 1, merge: 0, skip: 0, invalid: fixed ? 0 : 1 },
    preview: rows,
    errors: fixed ? [] : [bad],
    errorCount: fixed ? 0 : 1,
    invalidRows: fixed ? [] : [{ line: 3, values: values('Bo', 'bo.example.org') }],
    invalidCount: fixed ? 0 : 1,
    duplicateRows: [],
    duplicateCount: 0,
    duplicates: 'skip',
  };
}

function setup(
  finalState: 'done' | 'cancelled',
  events?: EventChannel,
  doneAfter = events ? 2 : 3,
  /** The cancel comes too late: the job was already saving, and its answer says "done". */
  lateCancel = false,
) {
  // With the live-update channel, status is asked once when the job starts (it may already be
  // over) and then only once the FinishedEvent came.
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  let polls = 0;
  let cancelled = false;
  const status = (patch: Partial<ImportJobStatus>): ImportJobStatus => ({
    jobId: JOB_ID,
    state: 'running',
    phase: 'writing',
    processed: 1,
    total: 2,
    added: 0,
    merged: 0,
    skipped: 0,
    ...patch,
  });
  const transport = async (method: string, raw: unknown): Promise<RpcResult<unknown>> => {
    const input = raw as Record<string, unknown>;
    calls.push({ method, input });
    switch (method) {
      case 'participants.importPreview': {
        const fixes = (input.fixes ?? []) as { line: number; values: Record<string, string> }[];
        const fixed = fixes.some((f) => f.line === 3 && f.values.email === 'bo@example.org');
        return { ok: true, value: previewFor(fixed) };
      }
      case 'participants.importStart':
        return { ok: true, value: { jobId: JOB_ID } };
      case 'participants.importStatus':
        polls++;
        if (cancelled && lateCancel)
          return { ok: true, value: status({ state: 'done', processed: 2, added: 2 }) };
        if (cancelled) return { ok: true, value: status({ state: 'cancelled', processed: 1 }) };
        if (polls < doneAfter || finalState === 'cancelled') return { ok: true, value: status({}) };
        return {
          ok: true,
          value: status({ state: 'done', processed: 2, added: 2 }),
        };
      case 'participants.importCancel':
        cancelled = true;
        if (lateCancel)
          return { ok: true, value: status({ state: 'done', processed: 2, added: 2 }) };
        return { ok: true, value: status({ state: 'cancelled' }) };
      default:
        return { ok: false, error: { code: 'unknown_method', message: method } };
    }
  };
  const onImported = vi.fn();
  const onClose = vi.fn();
  render(
    <MantineProvider>
      <ClientContext.Provider value={createClient(transport, { events })}>
        <ImportParticipants opened forumId={FORUM_ID} onClose={onClose} onImported={onImported} />
      </ClientContext.Provider>
    </MantineProvider>,
  );
  return { calls, onImported, onClose };
}

async function chooseFile() {
  const input = screen.getByLabelText('CSV file') as HTMLInputElement;
  const file = new File(
    ['Name,E-mail,Sector\nAna,ana@example.org,NGO\nBo,bo.example.org,NGO\n'],
    'r.csv',
    {
      type: 'text/csv',
    },
  );
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  fireEvent.change(input);
  await screen.findByText('Line 3: Email: must be an e-mail address');
}

/** A live-update channel that is up and delivers what the test emits. */
function liveChannel() {
  const listeners = new Set<EventListener>();
  const channel: EventChannel = {
    up: true,
    subscribe: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    onStatus: () => () => undefined,
    close: () => undefined,
  };
  const emit = (e: Parameters<EventListener>[0]) => act(() => listeners.forEach((l) => l(e)));
  return { listeners, channel, emit };
}

describe('ImportParticipants', () => {
  it('maps columns, fixes an invalid row inline, imports with progress and shows a summary', async () => {
    const { calls, onImported } = setup('done');
    await chooseFile();
    expect(
      (
        screen.getByLabelText('Full name', {
          exact: false,
          selector: 'select',
        }) as HTMLSelectElement
      ).value,
    ).toBe('0');
    expect((screen.getByLabelText('Country') as HTMLSelectElement).value).toBe('');
    const importButton = screen.getByRole('button', { name: 'Import 1 rows' });

    // Untick "Skip", correct the e-mail and check the row again.
    fireEvent.click(screen.getByLabelText('Skip line 3'));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Import 1 rows' }).hasAttribute('disabled')).toBe(
        true,
      ),
    );
    fireEvent.change(screen.getByLabelText('Email (line 3)'), {
      target: { value: 'bo@example.org' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check line 3 again' }));
    await screen.findByText('Line 3 will be imported with your corrections.');
    expect(importButton.textContent).toBe('Import 2 rows');

    fireEvent.click(screen.getByLabelText('Merge'));
    await waitFor(() =>
      expect(calls.at(-1)).toMatchObject({
        method: 'participants.importPreview',
        input: { duplicates: 'merge' },
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Import 2 rows' }));

    const progress = await screen.findByRole('progressbar', { name: 'Import progress' });
    await screen.findByText('1 of 2 rows');
    expect(progress.getAttribute('aria-valuenow')).toBe('50');
    await screen.findByText('Added 2, merged 0, skipped 0.', {}, { timeout: 3000 });
    expect(onImported).toHaveBeenCalledTimes(1);

    const start = calls.find((c) => c.method === 'participants.importStart');
    expect(start?.input).toMatchObject({
      forumId: FORUM_ID,
      mapping,
      fixes: [{ line: 3, values: expect.objectContaining({ email: 'bo@example.org' }) }],
      skipLines: [],
      duplicates: 'merge',
    });
  });

  it('skips invalid rows by default and can cancel a running import', async () => {
    const { calls, onImported } = setup('cancelled');
    await chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 rows' }));
    await screen.findByText('1 of 2 rows');
    expect(calls.find((c) => c.method === 'participants.importStart')?.input.skipLines).toEqual([
      3,
    ]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    });
    const notice = await screen.findByText(
      'Import cancelled. Nothing was changed.',
      {},
      {
        timeout: 3000,
      },
    );
    expect(notice.textContent).toContain('Nothing was changed');
    expect(onImported).not.toHaveBeenCalled();
    expect(
      within(document.body).getByLabelText('Full name', { exact: false, selector: 'select' })
        .tagName,
    ).toBe('SELECT');
  });

  it('follows the import by live-update events and does not poll while the channel is up', async () => {
    const { listeners, channel, emit } = liveChannel();
    const { calls, onImported } = setup('done', channel);
    await chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 rows' }));
    await waitFor(() => expect(listeners.size).toBeGreaterThan(0));
    await emit({ kind: 'progress', jobId: 'another-job', done: 9, total: 9 });
    await emit({ kind: 'progress', jobId: JOB_ID, done: 1, total: 2 });
    await screen.findByText('1 of 2 rows');
    // Several poll intervals pass without a status request after the first one.
    await new Promise((r) => setTimeout(r, 600));
    expect(calls.filter((c) => c.method === 'participants.importStatus')).toHaveLength(1);
    await emit({ kind: 'finished', jobId: JOB_ID, outcome: 'done' });
    await screen.findByText('Added 2, merged 0, skipped 0.', {}, { timeout: 3000 });
    expect(calls.filter((c) => c.method === 'participants.importStatus')).toHaveLength(2);
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('while saving, says so and no longer offers Cancel', async () => {
    const { listeners, channel, emit } = liveChannel();
    setup('done', channel, 99);
    await chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 rows' }));
    await waitFor(() => expect(listeners.size).toBeGreaterThan(0));
    await emit({ kind: 'progress', jobId: JOB_ID, done: 1, total: 2, phase: 'validating' });
    await screen.findByText('Checking rows…');
    expect(screen.getByRole('button', { name: 'Cancel import' }).hasAttribute('disabled')).toBe(
      false,
    );
    await emit({ kind: 'progress', jobId: JOB_ID, done: 2, total: 2, phase: 'saving' });
    await screen.findByText('Saving participants…');
    screen.getByText('Saving everything at once; this can no longer be cancelled.');
    expect(screen.getByRole('button', { name: 'Cancel import' }).hasAttribute('disabled')).toBe(
      true,
    );
  });

  it('a cancel that came too late shows what was imported, without waiting for an event', async () => {
    // The channel is up but delivers nothing: the cancel's own answer ends the view.
    const channel: EventChannel = {
      up: true,
      subscribe: () => () => undefined,
      onStatus: () => () => undefined,
      close: () => undefined,
    };
    const { onImported } = setup('cancelled', channel, 99, true);
    await chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 rows' }));
    await screen.findByText('1 of 2 rows');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    });
    await screen.findByText('Added 2, merged 0, skipped 0.', {}, { timeout: 1000 });
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('shows the result of a job that finished before its events were listened to', async () => {
    // The channel is up but never delivers this job's FinishedEvent (it came and went before the
    // dialog subscribed): the first status request already says "done".
    const channel: EventChannel = {
      up: true,
      subscribe: () => () => undefined,
      onStatus: () => () => undefined,
      close: () => undefined,
    };
    const { onImported } = setup('done', channel, 1);
    await chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 rows' }));
    await screen.findByText('Added 2, merged 0, skipped 0.', {}, { timeout: 3000 });
    expect(onImported).toHaveBeenCalledTimes(1);
  });
});

describe('ImportParticipants on a large file', () => {
  /** A backend whose first page answers at once and whose whole-file check waits to be told. */
  function setupLarge() {
    const calls: { method: string; input: Record<string, unknown>; signal?: AbortSignal }[] = [];
    let finishFull: (() => void) | undefined;
    const first: ImportPreview = { ...previewFor(true), totalRows: 100_000, checkedRows: 20 };
    const whole: ImportPreview = {
      ...previewFor(true),
      totalRows: 100_000,
      checkedRows: 100_000,
      validRows: 100_000,
      counts: { add: 100_000, merge: 0, skip: 0, invalid: 0 },
    };
    const transport = (method: string, raw: unknown, signal?: AbortSignal) => {
      const input = raw as Record<string, unknown>;
      calls.push({ method, input, signal });
      if (method !== 'participants.importPreview')
        return Promise.resolve<RpcResult<unknown>>({
          ok: false,
          error: { code: 'unknown_method', message: method },
        });
      if (input.firstPage) return Promise.resolve<RpcResult<unknown>>({ ok: true, value: first });
      return new Promise<RpcResult<unknown>>((resolve) => {
        finishFull = () => resolve({ ok: true, value: whole });
        signal?.addEventListener('abort', () =>
          resolve({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } }),
        );
      });
    };
    const live = liveChannel();
    render(
      <MantineProvider>
        <ClientContext.Provider value={createClient(transport, { events: live.channel })}>
          <ImportParticipants opened forumId={FORUM_ID} onClose={vi.fn()} onImported={vi.fn()} />
        </ClientContext.Provider>
      </MantineProvider>,
    );
    return { calls, live, finish: () => act(() => finishFull?.()) };
  }

  async function chooseLargeFile() {
    const input = screen.getByLabelText('CSV file') as HTMLInputElement;
    const file = new File(['Name,E-mail,Sector\nAna,ana@example.org,NGO\n'], 'big.csv', {
      type: 'text/csv',
    });
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    fireEvent.change(input);
    await screen.findByText(/First 20 of 100,000 rows checked/);
  }

  it('shows the first page at once, then the whole-file check with its progress, then all rows', async () => {
    const { calls, live, finish } = setupLarge();
    await chooseLargeFile();
    // The first rows are there while every row is checked; Import waits for the whole file.
    expect(screen.getByRole('table', { name: 'Import preview' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Import .* rows$/ }).hasAttribute('disabled')).toBe(
      true,
    );
    const full = calls.find((c) => !c.input.firstPage)!;
    expect(full.input).toMatchObject({ mapping, previewId: expect.any(String) });
    expect(full.signal?.aborted).toBe(false);
    expect(screen.getByRole('progressbar', { name: 'File check progress' })).toBeTruthy();
    live.emit({
      kind: 'progress',
      jobId: full.input.previewId as string,
      done: 40_000,
      total: 100_000,
    });
    await screen.findByText(/Checking every row: 40,000 of 100,000/);
    // Another preview's progress is not this one's.
    live.emit({ kind: 'progress', jobId: FORUM_ID, done: 90_000, total: 100_000 });
    expect(screen.queryByText(/90,000/)).toBeNull();
    finish();
    await screen.findByText(/^100,000 rows: 100,000 to add/);
    expect(screen.queryByRole('progressbar', { name: 'File check progress' })).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Import 100,000 rows' }).hasAttribute('disabled'),
    ).toBe(false);
  });

  it('"Stop checking" cancels the whole-file check; "Check the whole file" starts it again', async () => {
    const { calls, live } = setupLarge();
    await chooseLargeFile();
    const full = calls.find((c) => !c.input.firstPage)!;
    live.emit({
      kind: 'progress',
      jobId: full.input.previewId as string,
      done: 12_000,
      total: 100_000,
    });
    await screen.findByText(/Checking every row: 12,000/);
    fireEvent.click(screen.getByRole('button', { name: 'Stop checking' }));
    expect(full.signal?.aborted).toBe(true);
    await screen.findByText(/Checking stopped after 12,000 of 100,000 rows/);
    expect(screen.getByRole('button', { name: /^Import .* rows$/ }).hasAttribute('disabled')).toBe(
      true,
    );
    const before = calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Check the whole file' }));
    await waitFor(() => expect(calls.length).toBe(before + 2));
    expect(calls.at(-2)?.input.firstPage).toBe(true);
    expect(calls.at(-1)?.signal?.aborted).toBe(false);
    expect(screen.queryByText(/Checking stopped/)).toBeNull();
  });
});
