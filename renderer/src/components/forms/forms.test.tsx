// @vitest-environment happy-dom
import { Checkbox, Group, MantineProvider, Radio } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RpcResult } from '../../../../shared/result';
import { participantInput } from '../../../../shared/schemas/participants';
import { forumsSchemas } from '../../../../shared/schemas/forums';
import { createClient } from '../../api/client';
import { ClientContext } from '../../api/context';
import { ParticipantForm } from '../../features/participants/ParticipantForm';
import { ErrorSummary } from './ErrorSummary';
import { backendError, resolveIssues } from './resolver';
import { useZodForm } from './useZodForm';
import { sentence } from './messages';
import { installDomShims } from '../../testing/domShims';

beforeAll(installDomShims);
afterEach(cleanup);

const LABELS = { fullName: 'Full name', email: 'Email', stakeholderGroup: 'Stakeholder group' };

describe('messages', () => {
  it('start a fragment with the field label and end every sentence with a full stop', () => {
    expect(sentence('Full name', 'is required')).toBe('Full name is required.');
    expect(sentence('Email', 'email: must be an e-mail address')).toBe(
      'Email must be an e-mail address.',
    );
    expect(sentence('Title', 'The title is too long.')).toBe('The title is too long.');
    expect(sentence('Slot 1 time', 'slots.0.time: 02:30 does not exist on that day')).toBe(
      '02:30 does not exist on that day.',
    );
  });
});

describe('resolveIssues', () => {
  it('says every problem at once, one whole sentence per field', () => {
    const r = resolveIssues(
      participantInput,
      { fullName: '   ', email: 'not-an-address', stakeholderGroup: undefined },
      LABELS,
    );
    expect(r.fields).toEqual({
      fullName: 'Full name is required.',
      email: 'Email must be an e-mail address.',
      stakeholderGroup: 'Stakeholder group is required.',
    });
    expect(r.form).toEqual([]);
  });

  it('lands list items on their list field and ranges in words', () => {
    const r = resolveIssues(
      forumsSchemas['forums.create'],
      { title: 'T', year: 1999, milestones: [{ kind: 'kick_off', date: '2026-02-30' }] },
      { title: 'Title', year: 'Year', 'milestones.0.date': 'Milestone 1 date' },
    );
    expect(r.fields.year).toBe('Year must be 2006 or more.');
    expect(r.fields['milestones.0.date']).toBe('Milestone 1 date must be a real calendar date.');
  });

  it('returns the parsed input when valid', () => {
    const r = resolveIssues(
      participantInput,
      { fullName: ' Ana ', stakeholderGroup: 'civil_society' },
      LABELS,
    );
    expect(r.fields).toEqual({});
    expect((r.data as { fullName: string }).fullName).toBe('Ana');
  });

  it('maps a backend error onto its field, or to the form when no field has it', () => {
    expect(
      backendError(LABELS, {
        message: 'email: is already used by another participant',
        field: 'email',
      }),
    ).toEqual({ field: 'email', message: 'Email is already used by another participant.' });
    expect(backendError(LABELS, { message: 'The disk is full; nothing was changed.' })).toEqual({
      message: 'The disk is full; nothing was changed.',
    });
  });
});

function renderParticipantForm(answer: (input: Record<string, unknown>) => RpcResult<unknown>) {
  const calls: Record<string, unknown>[] = [];
  const client = createClient((method, input) => {
    calls.push(input as Record<string, unknown>);
    return Promise.resolve(answer(input as Record<string, unknown>));
  });
  render(
    <MantineProvider>
      <ClientContext.Provider value={client}>
        <ParticipantForm
          forumId="00000000-0000-7000-8000-000000000001"
          onSaved={() => {}}
          onCancel={() => {}}
        />
      </ClientContext.Provider>
    </MantineProvider>,
  );
  return calls;
}

describe('ParticipantForm', () => {
  it('on an empty submit shows every error beside its field and a focused summary linking to them', async () => {
    const calls = renderParticipantForm(() => ({ ok: true, value: {} }));
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save participant' }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const links = Array.from(summary.querySelectorAll('a')).map((a) => a.textContent);
    expect(links).toEqual([
      'Full name is required.',
      'Email must be an e-mail address.',
      'Stakeholder group is required.',
    ]);
    const fullName = screen.getByLabelText(/Full name/);
    expect(fullName.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Full name is required.')).toHaveLength(2); // beside + summary
    expect(calls).toHaveLength(0);

    fireEvent.click(screen.getByRole('link', { name: 'Stakeholder group is required.' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/Stakeholder group/));
  });

  it('shows a backend refusal on its field and focuses the summary', async () => {
    const calls = renderParticipantForm(() => ({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Another participant of this forum already uses this e-mail',
        field: 'email',
      },
    }));
    fireEvent.change(screen.getByLabelText(/Full name/), { target: { value: 'Ana Lima' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.org' } });
    fireEvent.change(screen.getByLabelText(/Stakeholder group/), {
      target: { value: 'civil_society' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save participant' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain(
      'Another participant of this forum already uses this e-mail.',
    );
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ fullName: 'Ana Lima', stakeholderGroup: 'civil_society' });
  });
});

/** A form of two groups: a checkbox group and a radio group, each needing a choice. */
function GroupsForm() {
  const zf = useZodForm({
    schema: z.strictObject({
      colours: z.array(z.enum(['red', 'blue'])).min(1, 'needs at least one choice'),
      size: z.enum(['small', 'large']),
    }),
    initialValues: { colours: [] as string[], size: '' },
    toInput: (v) => ({ colours: v.colours as ('red' | 'blue')[], size: v.size as 'small' }),
    labels: { colours: 'Colours', size: 'Size' },
  });
  return (
    <form onSubmit={zf.onSubmit(() => Promise.resolve())} noValidate>
      <ErrorSummary {...zf.summary} />
      <Checkbox.Group label="Colours" {...zf.form.getInputProps('colours')}>
        <Group>
          <Checkbox value="red" label="Red" />
          <Checkbox value="blue" label="Blue" />
        </Group>
      </Checkbox.Group>
      <Radio.Group label="Size" {...zf.form.getInputProps('size')}>
        <Group>
          <Radio value="small" label="Small" />
          <Radio value="large" label="Large" />
        </Group>
      </Radio.Group>
      <button type="submit">Save</button>
    </form>
  );
}

describe('ErrorSummary links to groups', () => {
  it("focus a checkbox group's or a radio group's first input", async () => {
    render(
      <MantineProvider>
        <GroupsForm />
      </MantineProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(Array.from(summary.querySelectorAll('a')).map((a) => a.textContent)).toEqual([
      'Colours needs at least one choice.',
      'Size is required.',
    ]);
    // Each error is also said beside its group.
    expect(screen.getAllByText('Colours needs at least one choice.')).toHaveLength(2);

    fireEvent.click(screen.getByRole('link', { name: 'Colours needs at least one choice.' }));
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Red' }));
    fireEvent.click(screen.getByRole('link', { name: 'Size is required.' }));
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Small' }));
  });
});
