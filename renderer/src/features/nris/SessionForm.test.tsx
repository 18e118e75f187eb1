// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OnsiteSession } from '../../../../shared/api';
import { installDomShims } from '../../testing/domShims';
import {
  expectErrorsBesideFields,
  focusedSummary,
  renderForm,
  type,
} from '../../testing/formTesting';
import { SessionForm } from './SessionForm';

beforeAll(installDomShims);
afterEach(cleanup);

const FORUM = '00000000-0000-7000-8000-000000000001';

describe('SessionForm', () => {
  it('says every error at once, beside its field and in a focused summary whose links focus the fields', async () => {
    const calls = renderForm(
      <SessionForm forumId={FORUM} nris={[]} onSaved={() => {}} onCancel={() => {}} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Plan session' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Title is required.', input: () => screen.getByLabelText(/^Title/) },
      { message: 'Date is required.', input: () => screen.getByLabelText(/^Date/) },
      { message: 'Start time is required.', input: () => screen.getByLabelText(/^Start time/) },
    ]);
    expect(calls).toHaveLength(0);

    // Fixing a field takes its error away, beside it and in the summary.
    type(/^Title/, 'Workshop');
    await waitFor(() => expect(summary.querySelectorAll('a')).toHaveLength(2));
    expect(screen.getByLabelText(/^Title/).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('plans the session with the parsed input', async () => {
    const onSaved = vi.fn();
    const calls = renderForm(
      <SessionForm forumId={FORUM} nris={[]} onSaved={onSaved} onCancel={() => {}} />,
      () => ({ ok: true, value: { id: 's1' } }),
    );
    type(/^Title/, ' Workshop at the regional IGF ');
    type(/^Date/, '2026-09-14');
    type(/^Start time/, '10:00');
    fireEvent.click(screen.getByRole('button', { name: 'Plan session' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      {
        method: 'sessions.create',
        input: {
          forumId: FORUM,
          nriId: null,
          title: 'Workshop at the regional IGF',
          date: '2026-09-14',
          startTime: '10:00',
          zone: 'UTC',
          durationMinutes: 90,
          venue: '',
          format: 'workshop',
          localHosts: '',
          status: 'scheduled',
          notes: '',
          outcomes: '',
        },
      },
    ]);
  });

  it("edits by id and puts the backend's refusal on its field", async () => {
    const session = {
      id: '00000000-0000-7000-8000-0000000000aa',
      nriId: null,
      title: 'Workshop',
      localDate: '2026-09-14',
      localTime: '10:00',
      zone: 'UTC',
      durationMinutes: 60,
      venue: '',
      format: 'workshop',
      localHosts: '',
      status: 'scheduled',
      notes: '',
      outcomes: '',
    } as unknown as OnsiteSession;
    const calls = renderForm(
      <SessionForm
        forumId={FORUM}
        nris={[]}
        session={session}
        onSaved={() => {}}
        onCancel={() => {}}
      />,
      () => ({
        ok: false,
        error: {
          code: 'validation',
          message: 'startTime: does not exist on that day in UTC',
          field: 'startTime',
        },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save session' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Start time does not exist on that day in UTC.',
        input: () => screen.getByLabelText(/^Start time/),
      },
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe('sessions.update');
    expect(calls[0].input).toMatchObject({ id: session.id, title: 'Workshop' });
    expect(calls[0].input).not.toHaveProperty('forumId');
  });
});
