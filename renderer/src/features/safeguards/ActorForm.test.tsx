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
import { ActorForm } from './ActorForm';

beforeAll(installDomShims);
afterEach(cleanup);

const FORUM = '00000000-0000-7000-8000-000000000001';
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save actor' }));

describe('ActorForm', () => {
  it('says every error at once, beside its field and in a focused summary whose links focus the fields', async () => {
    const calls = renderForm(<ActorForm forumId={FORUM} onSaved={() => {}} onCancel={() => {}} />);
    type('Other names', 'x'.repeat(201));
    save();
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'Actor name is required.', input: () => screen.getByLabelText(/^Actor name/) },
      {
        message: 'Other names must be at most 200 characters.',
        input: () => screen.getByLabelText('Other names'),
      },
    ]);
    expect(calls).toHaveLength(0);
  });

  it('saves the parsed input: trimmed, identifiers split', async () => {
    const onSaved = vi.fn();
    const calls = renderForm(
      <ActorForm forumId={FORUM} onSaved={onSaved} onCancel={() => {}} />,
      () => ({ ok: true, value: { id: 'a1' } }),
    );
    type(/^Actor name/, '  Troll  ');
    type('E-mails', 'a@example.org, b@example.org\na@example.org');
    fireEvent.click(screen.getByLabelText('This actor is excluded from the forum'));
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(calls).toEqual([
      {
        method: 'actors.create',
        input: {
          forumId: FORUM,
          name: 'Troll',
          names: [],
          emails: ['a@example.org', 'b@example.org'],
          handles: [],
          excluded: true,
          notes: '',
        },
      },
    ]);
  });

  it("puts the backend's refusal of one list item on its field", async () => {
    renderForm(<ActorForm forumId={FORUM} onSaved={() => {}} onCancel={() => {}} />, () => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'emails.1: must be an e-mail address',
        field: 'emails.1',
      },
    }));
    type(/^Actor name/, 'Troll');
    type('E-mails', 'a@example.org\nnope');
    save();
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'E-mails must be an e-mail address.',
        input: () => screen.getByLabelText('E-mails'),
      },
    ]);
  });
});
