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
import { IncidentForm } from './IncidentForm';

beforeAll(installDomShims);
afterEach(cleanup);

const FORUM = '00000000-0000-7000-8000-000000000001';
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save incident' }));
const form = (onSaved = () => {}) => (
  <IncidentForm forumId={FORUM} actors={[]} onSaved={onSaved} onCancel={() => {}} />
);

describe('IncidentForm', () => {
  it('says every error at once, beside its field and in a focused summary whose links focus the fields', async () => {
    const calls = renderForm(form());
    type(/^When/, '');
    save();
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      { message: 'When is required.', input: () => screen.getByLabelText(/^When/) },
      { message: 'Where is required.', input: () => screen.getByLabelText(/^Where/) },
      { message: 'Description is required.', input: () => screen.getByLabelText(/^Description/) },
    ]);
    expect(calls).toHaveLength(0);
  });

  it('logs the incident with the parsed input, a new actor typed in going with it', async () => {
    const onSaved = vi.fn();
    const calls = renderForm(form(onSaved), () => ({
      ok: true,
      value: { incident: { id: 'i1' }, protectedIds: [] },
    }));
    type(/^When/, '2026-05-03T14:05');
    type(/^Where/, 'mailing_list');
    type(/^Description/, 'Abusive replies on the list.');
    fireEvent.click(screen.getByLabelText('Warned'));
    fireEvent.click(screen.getByRole('button', { name: 'Add a new actor' }));
    type(/^Actor name/, ' Troll ');
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(onSaved).toHaveBeenCalledWith({ incident: { id: 'i1' }, protectedCount: 0 });
    expect(calls).toEqual([
      {
        method: 'incidents.create',
        input: {
          forumId: FORUM,
          occurredAt: new Date('2026-05-03T14:05').getTime(),
          channel: 'mailing_list',
          severity: 'medium',
          status: 'open',
          description: 'Abusive replies on the list.',
          targetIds: [],
          actorIds: [],
          newActors: [
            { name: 'Troll', names: [], emails: [], handles: [], excluded: false, notes: '' },
          ],
          actions: ['warned'],
          supportOffered: '',
          protectTargets: false,
        },
      },
    ]);
  });

  it('says a new actor without a name as a whole sentence beside its field', async () => {
    renderForm(form());
    fireEvent.click(screen.getByRole('button', { name: 'Add a new actor' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add to this incident' }));
    const name = await screen.findByLabelText(/^Actor name/);
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    const described = document.getElementById(
      (name.getAttribute('aria-describedby') ?? '').split(' ').find((id) => id.endsWith('error'))!,
    );
    expect(described?.textContent).toBe('Actor name is required.');
  });

  it("puts the backend's refusal on the actions group; its link focuses the first action", async () => {
    renderForm(form(), () => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'actions: cannot exclude an incident without actors',
        field: 'actions',
      },
    }));
    type(/^Where/, 'call');
    type(/^Description/, 'Shouting.');
    fireEvent.click(screen.getByLabelText("Excluded this incident's actors from the forum"));
    save();
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'Actions taken cannot exclude an incident without actors.',
        input: () => screen.getByRole('checkbox', { name: 'Warned' }),
      },
    ]);
  });
});
