// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Forum, SavedFilter } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { createClient } from '../../api/client';
import { installDomShims } from '../../testing/domShims';
import {
  expectErrorsBesideFields,
  focusedSummary,
  focusInDialog,
  summaryLinks,
  type RecordedCall,
} from '../../testing/formTesting';
import { testForum } from '../../testing/fixtures';
import { TestProviders } from '../../testing/TestProviders';
import { SavedFilters, type FilterParams } from './SavedFilters';

beforeAll(installDomShims);
afterEach(cleanup);

const forum = testForum;

const africa: SavedFilter = {
  id: 'f1',
  forumId: forum.id,
  list: 'participants',
  name: 'Africa',
  params: { region: 'africa' },
  createdAt: 0,
};

function renderFilters(shown: Forum) {
  const transport = (method: string): Promise<RpcResult<unknown>> =>
    method === 'savedFilters.list'
      ? Promise.resolve({ ok: true as const, value: [africa] })
      : Promise.resolve({
          ok: false as const,
          error: { code: 'unknown_method' as const, message: method },
        });
  const applied: FilterParams[] = [];
  render(
    <TestProviders client={createClient(transport)} area="participants" forum={shown}>
      <SavedFilters
        forumId={shown.id}
        list="participants"
        current={{}}
        onApply={(p) => applied.push(p)}
      />
    </TestProviders>,
  );
  return applied;
}

describe('SavedFilters', () => {
  it('offers saving and deleting in a forum that is not archived', async () => {
    renderFilters(forum);
    await screen.findByRole('option', { name: 'Africa' });
    expect(screen.getByRole('button', { name: 'Save filter' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete saved filter' })).toBeTruthy();
  });

  it('in an archived forum applies saved filters but offers no saving or deleting', async () => {
    const applied = renderFilters({ ...forum, archivedAt: 1 });
    await screen.findByRole('option', { name: 'Africa' });
    expect(screen.queryByRole('button', { name: 'Save filter' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete saved filter' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Saved filter'), { target: { value: 'f1' } });
    expect(applied).toEqual([{ region: 'africa' }]);
  });
});

/** Saved filters with a backend that records every call; `answer` replies to save and remove. */
function renderWithBackend(
  answer: (method: string, input: Record<string, unknown>) => RpcResult<unknown>,
  current: FilterParams = { region: 'africa' },
) {
  const calls: RecordedCall[] = [];
  const transport = (method: string, raw: unknown): Promise<RpcResult<unknown>> => {
    const input = raw as Record<string, unknown>;
    if (method === 'savedFilters.list') return Promise.resolve({ ok: true, value: [africa] });
    calls.push({ method, input });
    return Promise.resolve(answer(method, input));
  };
  render(
    <TestProviders client={createClient(transport)} area="participants" forum={forum}>
      <SavedFilters forumId={forum.id} list="participants" current={current} onApply={() => {}} />
    </TestProviders>,
  );
  return calls;
}

const nameInput = () => screen.getByLabelText(/^Filter name/);

describe('SavedFilters: saving', () => {
  it('says every error at once as whole sentences and sends nothing', async () => {
    const params: FilterParams = {};
    for (let i = 0; i < 21; i++) params[`f${i}`] = i;
    const calls = renderWithBackend(() => ({ ok: true, value: {} }), params);
    await screen.findByRole('option', { name: 'Africa' });
    fireEvent.click(screen.getByRole('button', { name: 'Save filter' }));
    await focusInDialog();
    fireEvent.change(nameInput(), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const summary = await focusedSummary();
    expect(summaryLinks(summary)).toEqual([
      'The search, filters and sort must have at most 20 fields.',
      'Filter name is required.',
    ]);
    // The list's fields are no input of this form: their error is said beside the description.
    expect(
      screen.getAllByText('The search, filters and sort must have at most 20 fields.'),
    ).toHaveLength(2);
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('link', { name: 'Filter name is required.' }));
    expect(document.activeElement).toBe(nameInput());
    expect(calls).toHaveLength(0);
  });

  it("puts the backend's refusal on the name", async () => {
    renderWithBackend(() => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'name: This list already has 50 saved filters; delete one first.',
        field: 'name',
      },
    }));
    await screen.findByRole('option', { name: 'Africa' });
    fireEvent.click(screen.getByRole('button', { name: 'Save filter' }));
    await focusInDialog();
    fireEvent.change(nameInput(), { target: { value: 'Asia' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const summary = await focusedSummary();
    expectErrorsBesideFields(summary, [
      {
        message: 'This list already has 50 saved filters; delete one first.',
        input: nameInput,
      },
    ]);
  });

  it('saves the current search, filters and sort under the name', async () => {
    const calls = renderWithBackend(() => ({
      ok: true,
      value: { ...africa, id: 'f2', name: 'Africa, civil society' },
    }));
    await screen.findByRole('option', { name: 'Africa' });
    fireEvent.click(screen.getByRole('button', { name: 'Save filter' }));
    await focusInDialog();
    fireEvent.change(nameInput(), { target: { value: ' Africa, civil society ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('“Africa, civil society” is in Saved filters.');
    expect(calls).toEqual([
      {
        method: 'savedFilters.save',
        input: {
          forumId: forum.id,
          list: 'participants',
          name: 'Africa, civil society',
          params: { region: 'africa' },
        },
      },
    ]);
  });

  it('says why a delete failed in the confirmation, as a whole sentence', async () => {
    const calls = renderWithBackend(() => ({
      ok: false,
      error: { code: 'not_found', message: 'That saved filter no longer exists' },
    }));
    await screen.findByRole('option', { name: 'Africa' });
    fireEvent.change(screen.getByLabelText('Saved filter'), { target: { value: 'f1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete saved filter' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete saved filter?' });
    const alert = await within(confirm).findByRole('alert');
    expect(alert.textContent).toContain('That saved filter no longer exists.');
    expect(calls).toEqual([{ method: 'savedFilters.remove', input: { id: 'f1' } }]);
  });
});
