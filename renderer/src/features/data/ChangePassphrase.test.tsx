// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RpcResult } from '../../../../shared/result';
import { installDomShims } from '../../testing/domShims';
import {
  expectErrorsBesideFields,
  focusedSummary,
  renderForm,
  type,
  type RecordedCall,
} from '../../testing/formTesting';
import { ChangePassphrase } from './ChangePassphrase';

beforeAll(installDomShims);
afterEach(cleanup);

const changes = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === 'system.changePassphrase');

/** Browser mode; changing answers `change`. */
const backend =
  (change: () => RpcResult<unknown> = () => ({ ok: true, value: {} })) =>
  (method: string): RpcResult<unknown> =>
    method === 'system.info' ? { ok: true, value: { shell: 'browser' } } : change();

describe('ChangePassphrase', () => {
  it('says every error at once, beside its field and in a focused summary whose links focus the fields', async () => {
    const calls = renderForm(<ChangePassphrase />, backend());
    await screen.findByLabelText('Current passphrase');
    type('New passphrase', 'short');
    type('Confirm new passphrase', 'shorter');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Current passphrase is required.',
        input: () => screen.getByLabelText('Current passphrase'),
      },
      {
        message: 'New passphrase must be at least 10 characters.',
        input: () => screen.getByLabelText('New passphrase'),
      },
      {
        message: 'The two new passphrases are not the same.',
        input: () => screen.getByLabelText('Confirm new passphrase'),
      },
    ]);
    expect(changes(calls)).toHaveLength(0);
  });

  it('hints at the strength as the new passphrase is typed, sends the parsed input and clears the fields', async () => {
    const calls = renderForm(<ChangePassphrase />, backend());
    await screen.findByLabelText('Current passphrase');
    const next = screen.getByLabelText('New passphrase');
    const hint = () =>
      (next.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    type('New passphrase', 'short');
    expect(hint()).toContain('Strength: too short');
    type('Current passphrase', 'lantern orchard tidal');
    type('New passphrase', 'Copper-Kettle 93 whistles');
    expect(hint()).not.toContain('too short');
    type('Confirm new passphrase', 'Copper-Kettle 93 whistles');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    await screen.findByText('The database is now encrypted with the new passphrase.');
    expect(changes(calls)).toEqual([
      {
        method: 'system.changePassphrase',
        input: { current: 'lantern orchard tidal', next: 'Copper-Kettle 93 whistles' },
      },
    ]);
    await waitFor(() =>
      expect((screen.getByLabelText('Current passphrase') as HTMLInputElement).value).toBe(''),
    );
    expect((screen.getByLabelText('Confirm new passphrase') as HTMLInputElement).value).toBe('');
  });

  it("puts the backend's refusal on its field", async () => {
    renderForm(
      <ChangePassphrase />,
      backend(() => ({
        ok: false,
        error: { code: 'validation', message: 'Wrong passphrase.', field: 'current' },
      })),
    );
    await screen.findByLabelText('Current passphrase');
    type('Current passphrase', 'not the one');
    type('New passphrase', 'Copper-Kettle 93 whistles');
    type('Confirm new passphrase', 'Copper-Kettle 93 whistles');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Wrong passphrase.', input: () => screen.getByLabelText('Current passphrase') },
    ]);
  });
});
