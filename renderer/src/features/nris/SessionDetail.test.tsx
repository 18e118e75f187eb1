// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Deleted, Forum, OnsiteSession } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { createClient } from '../../api/client';
import { ARCHIVED_REASON } from '../../app/forumAccess';
import { installDomShims } from '../../testing/domShims';
import { testForum } from '../../testing/fixtures';
import { TestProviders } from '../../testing/TestProviders';
import { SessionDetail } from './SessionDetail';

beforeAll(installDomShims);
afterEach(cleanup);

const forum = testForum;

const session: OnsiteSession = {
  id: '00000000-0000-7000-8000-0000000000s1',
  forumId: forum.id,
  nriId: null,
  nriName: null,
  title: 'Youth IGF workshop',
  startAt: Date.UTC(2026, 5, 10, 9),
  durationMinutes: 90,
  zone: 'UTC',
  localDate: '2026-06-10',
  localTime: '09:00',
  venue: 'Nairobi',
  format: 'workshop',
  status: 'scheduled',
  attendedCount: 0,
  localHosts: '',
  notes: '',
  outcomes: '',
  sequence: 0,
  attendance: [],
  createdAt: 0,
  updatedAt: 0,
};

const deleted: Deleted = {
  trashId: 'trash-1',
  kind: 'session',
  label: session.title,
  restorableUntil: Date.now() + 86_400_000,
};

function fakeBackend() {
  const calls: { method: string; input: unknown }[] = [];
  const transport = (method: string, input: unknown): Promise<RpcResult<unknown>> => {
    calls.push({ method, input });
    const ok = (value: unknown) => Promise.resolve({ ok: true as const, value });
    switch (method) {
      case 'sessions.get':
        return ok(session);
      case 'sessions.remove':
        return ok({ id: session.id, ...deleted });
      case 'trash.restore':
        return ok({ kind: 'session', id: session.id });
      default:
        return Promise.resolve({
          ok: false as const,
          error: { code: 'unknown_method' as const, message: method },
        });
    }
  };
  return { calls, client: createClient(transport) };
}

function renderDetail(shown: Forum, onBack: () => void = () => undefined) {
  const backend = fakeBackend();
  render(
    <TestProviders
      client={backend.client}
      area="nris"
      path={`/nris/sessions/${session.id}`}
      forum={shown}
    >
      <SessionDetail id={session.id} forum={shown} nris={[]} onBack={onBack} />
    </TestProviders>,
  );
  return backend;
}

describe('SessionDetail', () => {
  it('asks before removing a session; "Keep it" removes nothing', async () => {
    const backend = renderDetail(forum);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove session' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this session?' });
    expect(within(dialog).getByText(/You can undo this for a day/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.calls.some((c) => c.method === 'sessions.remove')).toBe(false);
  });

  it('removes it once confirmed, and Undo restores it from the trash', async () => {
    let back = 0;
    const backend = renderDetail(forum, () => {
      back++;
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove session' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this session?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove session' }));
    await screen.findByText(`“${session.title}” was deleted.`);
    expect(backend.calls.find((c) => c.method === 'sessions.remove')?.input).toEqual({
      id: session.id,
    });
    expect(back).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText(`“${session.title}” is back.`);
    expect(backend.calls.find((c) => c.method === 'trash.restore')?.input).toEqual({
      id: deleted.trashId,
    });
  });

  it('in an archived forum offers no edit, removal or attendance, and says why', async () => {
    renderDetail({ ...forum, archivedAt: 1 });
    await screen.findByRole('heading', { name: session.title });
    expect(screen.getByText(ARCHIVED_REASON)).toBeTruthy();
    for (const name of ['Edit session', 'Remove session'])
      expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.queryByText('Record attendance')).toBeNull();
    // Reading and exporting stay.
    expect(screen.getByRole('button', { name: 'Export calendar (.ics)' })).toBeTruthy();
  });
});
