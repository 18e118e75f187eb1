// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContributionImportPreview, ContributionImportStatus } from '../../../../shared/api';
import type { BackendEvent } from '../../../../shared/events';
import type { RpcResult } from '../../../../shared/result';
import { createClient } from '../../api/client';
import type { EventChannel, EventListener } from '../../api/events';
import { installDomShims } from '../../testing/domShims';
import { testForum } from '../../testing/fixtures';
import { TestProviders } from '../../testing/TestProviders';
import { ImportSurvey } from './ImportSurvey';

beforeAll(installDomShims);
afterEach(cleanup);

const preview: ContributionImportPreview = {
  headers: ['Title'],
  mapping: { title: 0 } as ContributionImportPreview['mapping'],
  totalRows: 10,
  validRows: 10,
  matchedContributors: 0,
  newThemes: [],
  preview: [],
  errors: [],
  errorCount: 0,
};

/** A live channel that is up, whose events the test sends. */
function liveChannel() {
  const listeners = new Set<EventListener>();
  const channel: EventChannel = {
    up: true,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStatus: () => () => undefined,
    close: () => undefined,
  };
  return { channel, send: (e: BackendEvent) => listeners.forEach((l) => l(e)) };
}

describe('ImportSurvey', () => {
  it('follows the import by its live events, without polling, and reports the counts once', async () => {
    const { channel, send } = liveChannel();
    let status: ContributionImportStatus = {
      jobId: 'j1',
      state: 'running',
      phase: 'validating',
      total: 10,
      processed: 0,
      added: 0,
      skipped: 0,
    };
    const statusCalls: number[] = [];
    const transport = (method: string): Promise<RpcResult<unknown>> => {
      if (method === 'contributions.importPreview')
        return Promise.resolve({ ok: true as const, value: preview });
      if (method === 'contributions.importStart')
        return Promise.resolve({ ok: true as const, value: { jobId: 'j1' } });
      if (method === 'contributions.importStatus') {
        statusCalls.push(Date.now());
        return Promise.resolve({ ok: true as const, value: status });
      }
      return Promise.resolve({ ok: false as const, error: { code: 'internal', message: method } });
    };
    let imported = 0;
    render(
      <TestProviders
        client={createClient(transport, { events: channel })}
        area="contributions"
        forum={testForum}
      >
        <ImportSurvey
          opened
          forumId={testForum.id}
          onClose={() => undefined}
          onImported={() => (imported += 1)}
        />
      </TestProviders>,
    );
    const file = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(file, {
      target: { files: [new File(['Title\nA practice\n'], 'survey.csv', { type: 'text/csv' })] },
    });
    fireEvent.click(await screen.findByRole('button', { name: /Import 10 contributions/ }));
    await waitFor(() => expect(statusCalls).toHaveLength(1));

    send({ kind: 'progress', jobId: 'j1', done: 4, total: 10, phase: 'writing' });
    expect(await screen.findByText('Writing 4 of 10…')).toBeTruthy();
    // Another job's progress changes nothing.
    send({ kind: 'progress', jobId: 'other', done: 9, total: 10, phase: 'writing' });
    await new Promise((r) => setTimeout(r, 400));
    expect(screen.getByText('Writing 4 of 10…')).toBeTruthy();
    // With the channel up, no status poll every 150 ms (the safety poll comes after about 2 s).
    expect(statusCalls).toHaveLength(1);

    status = { ...status, state: 'done', processed: 10, added: 9, skipped: 1 };
    send({ kind: 'finished', jobId: 'j1', outcome: 'done' });
    expect(await screen.findByText('Imported 9 contributions; skipped 1.')).toBeTruthy();
    expect(statusCalls).toHaveLength(2);
    expect(imported).toBe(1);
  });
});
