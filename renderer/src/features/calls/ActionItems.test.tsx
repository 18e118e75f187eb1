// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ActionItem, CallDetails } from '../../../../shared/api';
import { installDomShims } from '../../testing/domShims';
import {
  expectErrorBeside,
  expectErrorsBesideFields,
  focusedSummary,
  renderForm,
  type,
} from '../../testing/formTesting';
import { ActionItems } from './ActionItems';

beforeAll(installDomShims);
afterEach(cleanup);

const FORUM = '00000000-0000-7000-8000-000000000001';
const CALL_ID = '00000000-0000-7000-8000-0000000000c1';
const ANA = '00000000-0000-7000-8000-0000000000a1';
const call = { id: CALL_ID, forumId: FORUM, actionItems: [] } as unknown as CallDetails;
const owners = [
  { value: '', label: '—' },
  { value: ANA, label: 'Ana Lima' },
];

const items = (onChanged = () => Promise.resolve()) => (
  <ActionItems call={call} owners={owners} readOnly={false} onChanged={onChanged} />
);

describe('ActionItems', () => {
  it('says every error of the new item at once, beside its field, and sends nothing', async () => {
    const calls = renderForm(items());
    type('Due date', '1800-01-01');
    fireEvent.click(screen.getByRole('button', { name: 'Add action item' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Action is required.', input: () => screen.getByLabelText('Action') },
      {
        message: 'Due date must be a date between the years 1900 and 2200.',
        input: () => screen.getByLabelText('Due date'),
      },
    ]);
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on its field", async () => {
    renderForm(items(), () => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'ownerId: is not a participant of this forum',
        field: 'ownerId',
      },
    }));
    type('Action', 'Circulate the survey');
    type('Owner', ANA);
    fireEvent.click(screen.getByRole('button', { name: 'Add action item' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Owner is not a participant of this forum.',
        input: () => screen.getByLabelText('Owner'),
      },
    ]);
  });

  it('adds the item with the parsed input, then empties the form', async () => {
    const onChanged = vi.fn(() => Promise.resolve());
    const calls = renderForm(items(onChanged), () => ({ ok: true, value: { id: 'a1' } }));
    type('Action', ' Circulate the survey ');
    type('Owner', ANA);
    type('Due date', '2026-11-10');
    type('Status', 'in_progress');
    fireEvent.click(screen.getByRole('button', { name: 'Add action item' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      {
        method: 'actionItems.create',
        input: {
          forumId: FORUM,
          callId: CALL_ID,
          title: 'Circulate the survey',
          ownerId: ANA,
          dueDate: '2026-11-10',
          status: 'in_progress',
        },
      },
    ]);
    await waitFor(() =>
      expect((screen.getByLabelText('Action') as HTMLInputElement).value).toBe(''),
    );
  });

  it("says a refused status beside the row's Status select, which takes focus", async () => {
    const item: ActionItem = {
      id: 'a1',
      forumId: FORUM,
      callId: CALL_ID,
      title: 'Circulate the survey',
      ownerId: null,
      ownerName: null,
      dueDate: null,
      status: 'open',
      createdAt: 0,
      updatedAt: 0,
    };
    const onChanged = vi.fn(() => Promise.resolve());
    const calls = renderForm(
      <ActionItems
        call={{ ...call, actionItems: [item] }}
        owners={owners}
        readOnly={false}
        onChanged={onChanged}
      />,
      () => ({
        ok: false,
        error: { code: 'not_found', message: 'id: No action item with this id', field: 'id' },
      }),
    );
    type('Status of Circulate the survey', 'done');
    await expectErrorBeside(
      () => screen.getByLabelText('Status of Circulate the survey'),
      'No action item with this id.',
    );
    expect(calls).toEqual([{ method: 'actionItems.update', input: { id: 'a1', status: 'done' } }]);
    expect(onChanged).not.toHaveBeenCalled();
  });
});
