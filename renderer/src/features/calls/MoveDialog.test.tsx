// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallDetails } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { installDomShims } from '../../testing/domShims';
import {
  expectErrorsBesideFields,
  focusedSummary,
  focusInDialog,
  renderForm,
  type,
} from '../../testing/formTesting';
import { MoveDialog } from './MoveDialog';

beforeAll(installDomShims);
afterEach(cleanup);

const CALL_ID = '00000000-0000-7000-8000-0000000000c1';
// 2027-03-03 15:00 in UTC.
const call = {
  id: CALL_ID,
  zone: 'UTC',
  startAt: Date.UTC(2027, 2, 3, 15, 0),
} as unknown as CallDetails;

/** The modal has put focus inside itself (a moment after it opens). */

describe('MoveDialog', () => {
  it('says every error at once, as whole sentences beside the fields, and sends nothing', async () => {
    const calls = renderForm(<MoveDialog call={call} onClose={() => {}} onMoved={() => {}} />);
    await focusInDialog();
    type('New date', '');
    type('New time', '');
    fireEvent.click(screen.getByRole('button', { name: 'Move call' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'New date is required.', input: () => screen.getByLabelText('New date') },
      { message: 'New time is required.', input: () => screen.getByLabelText('New time') },
    ]);
    expect(calls).toHaveLength(0);
  });

  it('moves the call with the parsed input', async () => {
    const onMoved = vi.fn();
    const calls = renderForm(
      <MoveDialog call={call} onClose={() => {}} onMoved={onMoved} />,
      () => ({ ok: true, value: { id: CALL_ID } }),
    );
    expect((screen.getByLabelText('New date') as HTMLInputElement).value).toBe('2027-03-03');
    type('New date', '2027-03-10');
    type('New time', '09:30');
    fireEvent.click(screen.getByRole('button', { name: 'Move call' }));
    await waitFor(() => expect(onMoved).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      {
        method: 'calls.move',
        input: { id: CALL_ID, date: '2027-03-10', time: '09:30', zone: 'UTC' },
      },
    ]);
  });

  it('asks which of a repeated time the backend means, beside the choice, and sends it', async () => {
    const answers: RpcResult<unknown>[] = [
      {
        ok: false,
        error: {
          code: 'validation',
          message:
            'fold: 01:30 happens twice on Sunday 31 October 2027 in London (clocks go back): choose the earlier (UTC+01:00) or the later (UTC+00:00).',
          field: 'fold',
        },
      },
      { ok: true, value: { id: CALL_ID } },
    ];
    const calls = renderForm(<MoveDialog call={call} onClose={() => {}} onMoved={() => {}} />, () =>
      answers.shift(),
    );
    await focusInDialog();
    type('New date', '2027-10-31');
    type('New time', '01:30');
    fireEvent.click(screen.getByRole('button', { name: 'Move call' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message:
          '01:30 happens twice on Sunday 31 October 2027 in London (clocks go back): choose the earlier (UTC+01:00) or the later (UTC+00:00).',
        input: () => screen.getByRole('radio', { name: /^The earlier one/ }),
      },
    ]);
    fireEvent.click(screen.getByRole('radio', { name: /^The later one/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Move call' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].input).toMatchObject({ date: '2027-10-31', time: '01:30', fold: 'later' });
  });
});
