// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallDetails } from '../../../../shared/api';
import { installDomShims } from '../../testing/domShims';
import {
  expectErrorsBesideFields,
  focusedSummary,
  renderForm,
  type,
} from '../../testing/formTesting';
import { AgendaEditor } from './AgendaEditor';

beforeAll(installDomShims);
afterEach(cleanup);

const CALL_ID = '00000000-0000-7000-8000-0000000000c1';
const ANA = '00000000-0000-7000-8000-0000000000a1';
const call = {
  id: CALL_ID,
  agenda: [{ id: 'x', title: 'Welcome', ownerId: null, ownerName: null, minutes: '' }],
} as unknown as CallDetails;
const owners = [
  { value: '', label: '—' },
  { value: ANA, label: 'Ana Lima' },
];

const editor = (onSaved = () => {}) => (
  <AgendaEditor call={call} owners={owners} readOnly={false} onSaved={onSaved} />
);

describe('AgendaEditor', () => {
  it('says every untitled item at once, beside its title, and sends nothing', async () => {
    const calls = renderForm(editor());
    type('Agenda item 1 title', '  ');
    fireEvent.click(screen.getByRole('button', { name: 'Add agenda item' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save agenda' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Agenda item 1 title is required.',
        input: () => screen.getByLabelText('Agenda item 1 title'),
      },
      {
        message: 'Agenda item 2 title is required.',
        input: () => screen.getByLabelText('Agenda item 2 title'),
      },
    ]);
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on the item's field", async () => {
    renderForm(editor(), () => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'items.0.ownerId: is not a participant of this forum',
        field: 'items.0.ownerId',
      },
    }));
    type('Agenda item 1 owner', ANA);
    fireEvent.click(screen.getByRole('button', { name: 'Save agenda' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Agenda item 1 owner is not a participant of this forum.',
        input: () => screen.getByLabelText('Agenda item 1 owner'),
      },
    ]);
  });

  it('saves the agenda in order, with the parsed input', async () => {
    const onSaved = vi.fn();
    const calls = renderForm(editor(onSaved), () => ({ ok: true, value: { id: CALL_ID } }));
    fireEvent.click(screen.getByRole('button', { name: 'Add agenda item' }));
    type('Agenda item 2 title', ' Survey results ');
    type('Agenda item 2 owner', ANA);
    type('Agenda item 2 minutes', 'Ana presents.');
    fireEvent.click(screen.getByRole('button', { name: 'Save agenda' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      {
        method: 'calls.saveAgenda',
        input: {
          id: CALL_ID,
          items: [
            { title: 'Welcome', ownerId: null, minutes: '' },
            { title: 'Survey results', ownerId: ANA, minutes: 'Ana presents.' },
          ],
        },
      },
    ]);
  });
});
