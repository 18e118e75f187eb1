// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Forum, RetentionStatus } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { createClient } from '../../api/client';
import { ClientContext } from '../../api/context';
import { RetentionBanner, RetentionSetting, RETENTION_LABEL } from './Retention';
import { installDomShims } from '../../testing/domShims';
import { expectErrorsBesideFields, focusedSummary } from '../../testing/formTesting';

beforeAll(installDomShims);
afterEach(cleanup);

const forum: Forum = {
  id: '00000000-0000-7000-8000-000000000001',
  title: 'BPF Test',
  topic: '',
  year: 2026,
  mandate: '',
  milestones: [],
  participantCount: 3,
  createdAt: 0,
  updatedAt: 0,
};

/** A fake backend holding one forum's retention state, recording every call. */
function fakeBackend(initial: Partial<RetentionStatus>) {
  let status: RetentionStatus = {
    forumId: forum.id,
    months: null,
    finalReportOn: '2026-12-14',
    dueOn: null,
    due: false,
    appliedAt: null,
    ...initial,
  };
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  const ok = (value: unknown) => Promise.resolve({ ok: true as const, value });
  const transport = (method: string, raw: unknown): Promise<RpcResult<unknown>> => {
    const input = raw as Record<string, unknown>;
    calls.push({ method, input });
    switch (method) {
      case 'forums.retention':
        return ok(status);
      case 'forums.setRetention':
        if (input.months === 13)
          return Promise.resolve({
            ok: false as const,
            error: {
              code: 'validation' as const,
              message: 'months: The forum has no final report milestone to count from.',
              field: 'months',
            },
          });
        status = { ...status, months: input.months as number | null };
        return ok(status);
      case 'forums.applyRetention':
        if (input.confirmTitle !== forum.title)
          return Promise.resolve({
            ok: false as const,
            error: {
              code: 'validation' as const,
              message: "confirmTitle: Type the forum's title exactly as it is shown to confirm.",
              field: 'confirmTitle',
            },
          });
        status = { ...status, due: false, appliedAt: Date.UTC(2027, 6, 1) };
        return ok({ forumId: forum.id, participants: 3, rewrittenValues: 7 });
      default:
        return Promise.resolve({
          ok: false as const,
          error: { code: 'unknown_method' as const, message: method },
        });
    }
  };
  return { calls, client: createClient(transport) };
}

const renderWith = (backend: ReturnType<typeof fakeBackend>, node: React.ReactNode) =>
  render(
    <MantineProvider>
      <Notifications />
      <ClientContext.Provider value={backend.client}>{node}</ClientContext.Provider>
    </MantineProvider>,
  );

describe('retention', () => {
  it('is not offered before it is due', async () => {
    const backend = fakeBackend({ months: 6, dueOn: '2027-06-14', due: false });
    renderWith(backend, <RetentionBanner forum={forum} />);
    await waitFor(() =>
      expect(backend.calls.some((c) => c.method === 'forums.retention')).toBe(true),
    );
    expect(screen.queryByText('Personal data is due for deletion')).toBeNull();
  });

  it('when due, asks for the forum title and applies it once', async () => {
    const backend = fakeBackend({ months: 6, dueOn: '2027-06-14', due: true });
    renderWith(backend, <RetentionBanner forum={forum} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete personal data' }));
    const title = await screen.findByLabelText('Forum title');
    fireEvent.change(title, { target: { value: 'BPF' } });
    fireEvent.click(screen.getByRole('button', { name: 'Replace personal data by pseudonyms' }));
    // Said beside the field and in the summary.
    expect(
      await screen.findAllByText("Type the forum's title exactly as it is shown to confirm."),
    ).toHaveLength(2);
    fireEvent.change(title, { target: { value: 'BPF Test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Replace personal data by pseudonyms' }));
    await waitFor(() => expect(screen.queryByText('Personal data is due for deletion')).toBeNull());
    expect(backend.calls.filter((c) => c.method === 'forums.applyRetention')).toHaveLength(2);
  });

  it('the setting is off by default and saves the months chosen', async () => {
    const backend = fakeBackend({});
    renderWith(backend, <RetentionSetting forum={forum} />);
    const box = await screen.findByLabelText(RETENTION_LABEL);
    // The status has loaded (it sets the checkbox from what is stored).
    await screen.findByText('Final report milestone: 2026-12-14.');
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box);
    const months = await screen.findByLabelText('Months after the final report (N)');
    fireEvent.change(months, { target: { value: '18' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save retention' }));
    await waitFor(() =>
      expect(backend.calls.find((c) => c.method === 'forums.setRetention')?.input).toEqual({
        forumId: forum.id,
        months: 18,
      }),
    );
  });

  it('refuses months out of range as a whole sentence beside the field and sends nothing', async () => {
    const backend = fakeBackend({});
    renderWith(backend, <RetentionSetting forum={forum} />);
    await screen.findByText('Final report milestone: 2026-12-14.');
    fireEvent.click(screen.getByLabelText(RETENTION_LABEL));
    const months = () => screen.getByLabelText('Months after the final report (N)');
    fireEvent.change(months(), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save retention' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Months after the final report (N) must be 1 or more.', input: months },
    ]);
    expect(backend.calls.filter((c) => c.method === 'forums.setRetention')).toHaveLength(0);
  });

  it("puts the backend's refusal on the months", async () => {
    const backend = fakeBackend({});
    renderWith(backend, <RetentionSetting forum={forum} />);
    await screen.findByText('Final report milestone: 2026-12-14.');
    fireEvent.click(screen.getByLabelText(RETENTION_LABEL));
    const months = () => screen.getByLabelText('Months after the final report (N)');
    fireEvent.change(months(), { target: { value: '13' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save retention' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'The forum has no final report milestone to count from.', input: months },
    ]);
    expect(backend.calls.filter((c) => c.method === 'forums.setRetention')).toHaveLength(1);
  });

  it('asks for the forum title before sending anything, and puts a wrong one beside the field', async () => {
    const backend = fakeBackend({ months: 6, dueOn: '2027-06-14', due: true });
    renderWith(backend, <RetentionBanner forum={forum} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete personal data' }));
    const title = () => screen.getByLabelText('Forum title');
    await screen.findByLabelText('Forum title');
    await waitFor(() => expect(document.activeElement?.closest('[role="dialog"]')).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Replace personal data by pseudonyms' }));
    let summary = await focusedSummary();
    expectErrorsBesideFields(summary, [{ message: 'Forum title is required.', input: title }]);
    expect(backend.calls.filter((c) => c.method === 'forums.applyRetention')).toHaveLength(0);
    fireEvent.change(title(), { target: { value: 'BPF' } });
    fireEvent.click(screen.getByRole('button', { name: 'Replace personal data by pseudonyms' }));
    await waitFor(() =>
      expect(backend.calls.filter((c) => c.method === 'forums.applyRetention')).toEqual([
        { method: 'forums.applyRetention', input: { forumId: forum.id, confirmTitle: 'BPF' } },
      ]),
    );
    summary = await focusedSummary();
    await waitFor(() =>
      expect(summary.textContent).toContain(
        "Type the forum's title exactly as it is shown to confirm.",
      ),
    );
    expectErrorsBesideFields(summary, [
      { message: "Type the forum's title exactly as it is shown to confirm.", input: title },
    ]);
  });
});
