// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDomShims } from '../../testing/domShims';
import {
  expectErrorsBesideFields,
  focusedSummary,
  focusInDialog,
  renderForm,
  summaryLinks,
  type,
} from '../../testing/formTesting';
import { ProtectionDialog, type ProtectionSelection } from './ProtectionDialog';

beforeAll(installDomShims);
afterEach(cleanup);

const FORUM = '00000000-0000-7000-8000-000000000001';
const ANA = '00000000-0000-7000-8000-0000000000a1';
const BEN = '00000000-0000-7000-8000-0000000000a2';
const one = (isProtected: boolean, onDone = () => {}) => (
  <ProtectionDialog
    target={{ id: ANA, fullName: 'Ana Lima', isProtected }}
    onClose={() => {}}
    onDone={onDone}
  />
);
const many = (selection: ProtectionSelection, onDoneMany = () => {}) => (
  <ProtectionDialog
    target={null}
    selection={selection}
    onClose={() => {}}
    onDone={() => {}}
    onDoneMany={onDoneMany}
  />
);

describe('ProtectionDialog', () => {
  it('asks for the reason as a whole sentence beside it and sends nothing', async () => {
    const calls = renderForm(one(false));
    await focusInDialog();
    type(/^Reason/, '   ');
    fireEvent.click(screen.getByRole('button', { name: 'Protect participant' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Reason is required.', input: () => screen.getByLabelText(/^Reason/) },
    ]);
    expect(calls).toHaveLength(0);
  });

  it('for a selection says every error at once and sends nothing', async () => {
    const calls = renderForm(many({ forumId: FORUM, people: [] }));
    await focusInDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Protect 0 participants' }));
    const summary = await focusedSummary();
    expect(summaryLinks(summary)).toEqual([
      'The selection must name at least one participant.',
      'Reason is required.',
    ]);
    expect(screen.getByLabelText(/^Reason/).getAttribute('aria-invalid')).toBe('true');
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on the reason", async () => {
    renderForm(one(true), () => ({
      ok: false,
      error: { code: 'validation', message: 'reason: must say why', field: 'reason' },
    }));
    await focusInDialog();
    type(/^Reason/, 'x');
    fireEvent.click(screen.getByRole('button', { name: 'Remove protection' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Reason must say why.', input: () => screen.getByLabelText(/^Reason/) },
    ]);
  });

  it('protects one participant, or lifts the protection, with the reason', async () => {
    const onDone = vi.fn();
    const calls = renderForm(one(false, onDone), () => ({
      ok: true,
      value: { id: ANA, pseudonym: 'Participant 7' },
    }));
    await focusInDialog();
    type(/^Reason/, ' Harassed after the second call ');
    fireEvent.click(screen.getByRole('button', { name: 'Protect participant' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      {
        method: 'participants.protect',
        input: { id: ANA, reason: 'Harassed after the second call' },
      },
    ]);
    cleanup();
    const lifted = renderForm(one(true));
    await focusInDialog();
    type(/^Reason/, 'Asked to be named again');
    fireEvent.click(screen.getByRole('button', { name: 'Remove protection' }));
    await waitFor(() => expect(lifted).toHaveLength(1));
    expect(lifted[0]).toEqual({
      method: 'participants.unprotect',
      input: { id: ANA, reason: 'Asked to be named again' },
    });
  });

  it('protects a selection in one step', async () => {
    const onDoneMany = vi.fn();
    const calls = renderForm(
      many(
        {
          forumId: FORUM,
          people: [
            { id: ANA, fullName: 'Ana Lima', isProtected: false },
            { id: BEN, fullName: 'Ben Okoro', isProtected: false },
          ],
        },
        onDoneMany,
      ),
      () => ({ ok: true, value: { count: 2 } }),
    );
    await focusInDialog();
    type(/^Reason/, 'Named in a harassment thread');
    fireEvent.click(screen.getByRole('button', { name: 'Protect 2 participants' }));
    await waitFor(() => expect(onDoneMany).toHaveBeenCalledWith(2));
    expect(calls).toEqual([
      {
        method: 'participants.protectMany',
        input: { forumId: FORUM, ids: [ANA, BEN], reason: 'Named in a harassment thread' },
      },
    ]);
  });
});
