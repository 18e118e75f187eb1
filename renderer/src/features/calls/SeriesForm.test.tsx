// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallSeries } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { installDomShims } from '../../testing/domShims';
import {
  expectErrorsBesideFields,
  focusedSummary,
  focusInDialog,
  renderForm,
  type,
} from '../../testing/formTesting';
import { SeriesFormModal } from './SeriesForm';

beforeAll(installDomShims);
afterEach(cleanup);

const FORUM = '00000000-0000-7000-8000-000000000001';
/** The modal has put focus inside itself (a moment after it opens). */
const modal = (props: { series?: CallSeries; onSaved?: () => void } = {}) => (
  <SeriesFormModal opened onClose={() => {}} forumId={FORUM} onSaved={() => {}} {...props} />
);

describe('SeriesFormModal', () => {
  it('says every error at once, beside its field and in a focused summary whose links focus the fields', async () => {
    const calls = renderForm(modal());
    await focusInDialog();
    type('Meeting link', 'meet.example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Create series' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Title is required.', input: () => screen.getByLabelText(/^Title/) },
      { message: 'First date is required.', input: () => screen.getByLabelText(/^First date/) },
      { message: 'End date is required.', input: () => screen.getByLabelText('End date') },
      {
        message: 'Meeting link must be a web address (https://...).',
        input: () => screen.getByLabelText('Meeting link'),
      },
    ]);
    expect(calls).toHaveLength(0);
  });

  it('creates the series with the parsed input; the Save button stays focusable while saving', async () => {
    const onSaved = vi.fn();
    let answer: (r: RpcResult<unknown>) => void = () => {};
    const calls = renderForm(
      modal({ onSaved }),
      () => new Promise<RpcResult<unknown>>((resolve) => (answer = resolve)),
    );
    await focusInDialog();
    type(/^Title/, ' Fortnightly call ');
    type(/^First date/, '2027-03-03');
    type('Ends', 'count');
    type('Number of calls', '6');
    fireEvent.click(screen.getByLabelText('1 day before'));
    const save = screen.getByRole('button', { name: 'Create series' });
    fireEvent.click(save);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(save.hasAttribute('disabled')).toBe(false);
    expect(save.getAttribute('aria-disabled')).toBe('true');
    answer({ ok: true, value: { id: 's1' } });
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(calls[0]).toEqual({
      method: 'callSeries.create',
      input: {
        forumId: FORUM,
        title: 'Fortnightly call',
        firstDate: '2027-03-03',
        cadenceWeeks: 2,
        endDate: null,
        occurrenceCount: 6,
        durationMinutes: 60,
        slots: [{ time: '15:00', zone: 'UTC' }],
        meetingLink: '',
        description: '',
        reminders: [1440],
      },
    });
  });

  it("asks which of a repeated time the backend means, beside the slot; the summary's link focuses the first choice", async () => {
    const calls = renderForm(modal(), () => ({
      ok: false,
      error: {
        code: 'validation',
        message:
          'slots.0.fold: 01:30 happens twice on Sunday 31 October 2027 in London (clocks go back): choose the earlier (UTC+01:00) or the later (UTC+00:00).',
        field: 'slots.0.fold',
      },
    }));
    await focusInDialog();
    type(/^Title/, 'Night call');
    type(/^First date/, '2027-10-31');
    type('End date', '2027-12-31');
    type('Slot 1 time', '01:30');
    fireEvent.click(screen.getByRole('button', { name: 'Create series' }));
    const summary = await focusedSummary();
    const message =
      '01:30 happens twice on Sunday 31 October 2027 in London (clocks go back): choose the earlier (UTC+01:00) or the later (UTC+00:00).';
    expectErrorsBesideFields(summary, [
      {
        message,
        input: () => screen.getByRole('radio', { name: /^The earlier one/ }),
      },
    ]);
    fireEvent.click(screen.getByRole('radio', { name: /^The later one/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create series' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect((calls[1].input.slots as unknown[])[0]).toEqual({
      time: '01:30',
      zone: 'UTC',
      fold: 'later',
    });
  });
});
