// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Forum, SavedFilter } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { createClient } from '../../api/client';
import { installDomShims } from '../../testing/domShims';
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
