// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDomShims } from '../../testing/domShims';
import {
  expectErrorsBesideFields,
  focusedSummary,
  renderForm,
  type,
} from '../../testing/formTesting';
import { NriForm } from './NriForm';

beforeAll(installDomShims);
afterEach(cleanup);

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save NRI' }));

describe('NriForm', () => {
  it('says every error at once, beside its field and in a focused summary whose links focus the fields', async () => {
    const calls = renderForm(<NriForm onSaved={() => {}} onCancel={() => {}} />);
    type('Website', 'forum.example.org');
    type('Contact e-mail', 'not an address');
    save();
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Name is required.', input: () => screen.getByLabelText(/^Name/) },
      {
        message: 'Website must be a web address starting with https:// or http://.',
        input: () => screen.getByLabelText('Website'),
      },
      {
        message: 'Contact e-mail must be an e-mail address.',
        input: () => screen.getByLabelText('Contact e-mail'),
      },
    ]);
    expect(screen.getByLabelText(/^Name/).getAttribute('aria-invalid')).toBe('true');
    expect(calls).toHaveLength(0);
  });

  it('saves the parsed input: trimmed, and the region follows the country', async () => {
    const onSaved = vi.fn();
    const calls = renderForm(<NriForm onSaved={onSaved} onCancel={() => {}} />, () => ({
      ok: true,
      value: { id: 'n1', name: 'Brazil IGF' },
    }));
    type(/^Name/, '  Brazil IGF  ');
    type('Country', 'BR');
    type('Website', ' https://forum.example.br ');
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      {
        method: 'nris.create',
        input: {
          name: 'Brazil IGF',
          kind: 'national',
          country: 'BR',
          region: null,
          website: 'https://forum.example.br',
          contactName: '',
          contactEmail: '',
          notes: '',
        },
      },
    ]);
  });

  it("puts the backend's refusal on its field", async () => {
    renderForm(<NriForm onSaved={() => {}} onCancel={() => {}} />, () => ({
      ok: false,
      error: { code: 'conflict', message: 'name: is already in the directory', field: 'name' },
    }));
    type(/^Name/, 'Brazil IGF');
    save();
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Name is already in the directory.', input: () => screen.getByLabelText(/^Name/) },
    ]);
  });
});
