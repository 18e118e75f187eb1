// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DisruptiveActor, Forum, Incident, ParticipantRow } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { createClient } from '../../api/client';
import { TestProviders } from '../../testing/TestProviders';
import { SafeguardsPage } from './SafeguardsPage';
import { installDomShims } from '../../testing/domShims';

beforeAll(installDomShims);
afterEach(cleanup);

const forum: Forum = {
  id: '00000000-0000-7000-8000-000000000001',
  title: 'BPF Test',
  topic: 'Testing',
  year: 2026,
  mandate: '',
  milestones: [],
  participantCount: 2,
  createdAt: 0,
  updatedAt: 0,
};

const row = (id: string, fullName: string): ParticipantRow => ({
  id,
  fullName,
  preferredName: null,
  email: null,
  organisation: 'Org',
  stakeholderGroup: 'civil_society',
  country: null,
  region: null,
  role: 'member',
  consentListed: false,
  consentInvitations: false,
  isProtected: false,
  pseudonym: null,
});

const people = [
  row('00000000-0000-7000-8000-0000000000a1', 'Amara Nwosu'),
  row('00000000-0000-7000-8000-0000000000a2', 'Abebe Tesfaye'),
];

/** A fake backend that records every call. */
function fakeBackend() {
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  const incidents: Incident[] = [];
  const actors: DisruptiveActor[] = [];
  const transport = (method: string, raw: unknown): Promise<RpcResult<unknown>> => {
    const input = raw as Record<string, unknown>;
    calls.push({ method, input });
    const ok = (value: unknown) => Promise.resolve({ ok: true as const, value });
    switch (method) {
      case 'incidents.list':
        return ok(incidents);
      case 'actors.list':
        return ok(actors);
      case 'participants.list': {
        const q = String(input.search ?? '').toLowerCase();
        const rows = people.filter((p) => p.fullName.toLowerCase().includes(q));
        return ok({ total: rows.length, offset: 0, rows });
      }
      case 'incidents.create':
        if (!String(input.description).trim())
          return Promise.resolve({
            ok: false as const,
            error: {
              code: 'validation' as const,
              message: 'description: is required',
              field: 'description',
            },
          });
        return ok({
          incident: { id: 'i1', targets: [], actors: [], actions: [] },
          protectedIds: input.protectTargets ? input.targetIds : [],
        });
      case 'audit.list':
        return ok({ total: 0, offset: 0, rows: [] });
      default:
        return Promise.resolve({
          ok: false as const,
          error: { code: 'unknown_method' as const, message: method },
        });
    }
  };
  return { calls, client: createClient(transport) };
}

function renderPage() {
  const backend = fakeBackend();
  render(
    <TestProviders client={backend.client} area="safeguards">
      <SafeguardsPage forum={forum} />
    </TestProviders>,
  );
  return backend;
}

describe('SafeguardsPage', () => {
  it('shows the tabs and the empty incident log', async () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Safeguards' })).toBeTruthy();
    for (const name of ['Incidents', 'Disruptive actors', 'Audit log'])
      expect(screen.getByRole('tab', { name })).toBeTruthy();
    await screen.findByText('No incidents logged.');
  });

  it('logs an incident: local time, searched targets, protection, new actor', async () => {
    const backend = renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Log incident' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log incident' });
    const form = within(dialog);

    fireEvent.change(form.getByLabelText(/^When/), { target: { value: '2026-03-10T14:30' } });
    fireEvent.change(form.getByLabelText(/^Where/), { target: { value: 'mailing_list' } });
    fireEvent.change(form.getByLabelText(/^Description/), {
      target: { value: 'Abusive replies on the list.' },
    });
    expect(form.queryByLabelText(/Protect the targeted participants now/)).toBeNull();

    fireEvent.change(form.getByLabelText(/^Find participant/), { target: { value: 'amara' } });
    fireEvent.click(await form.findByRole('checkbox', { name: /Amara Nwosu/ }));
    const protect = form.getByLabelText(
      /Protect the targeted participants now/,
    ) as HTMLInputElement;
    expect(protect.checked).toBe(true);
    expect((form.getByLabelText(/^Reason for protection/) as HTMLInputElement).value).toBe(
      'Targeted in this incident',
    );

    fireEvent.click(form.getByRole('button', { name: 'Add a new actor' }));
    fireEvent.change(form.getByLabelText(/^Actor name/), { target: { value: 'Troll Prime' } });
    fireEvent.change(form.getByLabelText(/^E-mails/), {
      target: { value: 'troll@example.net, tp@example.net' },
    });
    fireEvent.click(form.getByRole('button', { name: 'Add to this incident' }));
    fireEvent.click(form.getByRole('checkbox', { name: 'Warned' }));
    fireEvent.click(form.getByRole('button', { name: 'Save incident' }));

    await screen.findByText('1 participant was protected.');
    const search = backend.calls.filter((c) => c.method === 'participants.list');
    expect(search.length).toBeGreaterThan(0);
    for (const c of search) expect(c.input).toMatchObject({ search: 'amara', limit: 20 });
    const create = backend.calls.find((c) => c.method === 'incidents.create');
    expect(create?.input).toMatchObject({
      forumId: forum.id,
      occurredAt: new Date(2026, 2, 10, 14, 30).getTime(),
      channel: 'mailing_list',
      severity: 'medium',
      status: 'open',
      targetIds: [people[0].id],
      actions: ['warned'],
      protectTargets: true,
      protectReason: 'Targeted in this incident',
      newActors: [
        {
          name: 'Troll Prime',
          names: [],
          emails: ['troll@example.net', 'tp@example.net'],
          handles: [],
          excluded: false,
          notes: '',
        },
      ],
    });
  });

  it('shows a backend error beside the field it names', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Log incident' }));
    const form = within(await screen.findByRole('dialog', { name: 'Log incident' }));
    fireEvent.change(form.getByLabelText(/^Where/), { target: { value: 'call' } });
    fireEvent.click(form.getByRole('button', { name: 'Save incident' }));
    await waitFor(() =>
      expect(form.getByLabelText(/^Description/).getAttribute('aria-invalid')).toBe('true'),
    );
    // A whole sentence naming the field, beside it (and in the error summary).
    expect(form.getAllByText(/^Description is required\.?$/).length).toBeGreaterThan(0);
    expect(form.queryByText('is required')).toBeNull();
  });
});
