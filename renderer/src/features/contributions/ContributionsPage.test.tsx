// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContributionRow, SavedFilter } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { createClient } from '../../api/client';
import { installDomShims } from '../../testing/domShims';
import { testForum } from '../../testing/fixtures';
import { TestProviders } from '../../testing/TestProviders';
import { ContributionsPage } from './ContributionsPage';

beforeAll(installDomShims);
afterEach(cleanup);

const row = (i: number, title: string): ContributionRow => ({
  id: `c${i}`,
  title,
  summary: '',
  kind: 'practice',
  status: 'submitted',
  source: 'email',
  country: null,
  region: null,
  receivedOn: '2026-03-01',
  attribution: 'named',
  mayPublish: true,
  consentWithdrawnScope: null,
  contributorLabel: `Person ${i}`,
  stakeholderGroup: null,
  themeNames: [],
  snippet: null,
  titleHighlighted: null,
});

/** The page over a backend of 120 contributions that records each `contributions.list` input. */
function renderPage(saved: SavedFilter[] = [], saves: Record<string, unknown>[] = []) {
  const lists: Record<string, unknown>[] = [];
  const transport = (method: string, input: unknown): Promise<RpcResult<unknown>> => {
    if (method === 'contributions.list') {
      lists.push(input as Record<string, unknown>);
      // Rows in the backend's order, which is not the alphabet: the page must not re-sort them.
      return Promise.resolve({
        ok: true as const,
        value: { total: 120, offset: 0, rows: [row(1, 'Zine'), row(2, 'Atlas')] },
      });
    }
    if (method === 'themes.list') return Promise.resolve({ ok: true as const, value: [] });
    if (method === 'savedFilters.list') return Promise.resolve({ ok: true as const, value: saved });
    if (method === 'savedFilters.save') {
      saves.push(input as Record<string, unknown>);
      return Promise.resolve({ ok: true as const, value: {} });
    }
    return Promise.resolve({
      ok: false as const,
      error: { code: 'unknown_method' as const, message: method },
    });
  };
  render(
    <TestProviders client={createClient(transport)} area="contributions" forum={testForum}>
      <ContributionsPage forum={testForum} />
    </TestProviders>,
  );
  return lists;
}

/** A saved filter of the contributions list. */
const savedFilter = (id: string, name: string, params: SavedFilter['params']): SavedFilter => ({
  id,
  forumId: testForum.id,
  list: 'contributions',
  name,
  params,
  createdAt: 0,
});

const titles = () =>
  within(screen.getByRole('table', { name: 'Contributions' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0].textContent);

describe('ContributionsPage', () => {
  it('asks the backend for the order of the header clicked, from the first page', async () => {
    const lists = renderPage();
    const header = await screen.findByRole('columnheader', { name: /Title/ });
    expect(header.getAttribute('aria-sort')).toBe('none');
    expect(lists.at(-1)).not.toHaveProperty('sort');

    // On page 3, sorting by Title goes back to page 1 of that order.
    fireEvent.click(screen.getByRole('button', { name: '3' }));
    await waitFor(() => expect(lists.at(-1)).toMatchObject({ offset: 100 }));
    fireEvent.click(within(header).getByRole('button', { name: /Title/ }));
    await waitFor(() =>
      expect(lists.at(-1)).toMatchObject({ sort: 'title', direction: 'asc', offset: 0 }),
    );
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(titles()).toEqual(['Zine', 'Atlas']);

    fireEvent.click(within(header).getByRole('button', { name: /Title/ }));
    await waitFor(() => expect(lists.at(-1)).toMatchObject({ sort: 'title', direction: 'desc' }));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    const contributor = screen.getByRole('columnheader', { name: /Contributor/ });
    fireEvent.click(within(contributor).getByRole('button', { name: /Contributor/ }));
    await waitFor(() =>
      expect(lists.at(-1)).toMatchObject({ sort: 'contributor', direction: 'asc' }),
    );
    expect(contributor.getAttribute('aria-sort')).toBe('ascending');
    expect(header.getAttribute('aria-sort')).toBe('none');
    // The order is the whole list's: no note that only this page is sorted.
    expect(screen.queryByText(/of this page/)).toBeNull();
  });

  it('keeps the sort in a saved filter, and a saved filter brings its sort back', async () => {
    const byContributor = savedFilter('f1', 'By contributor', {
      status: 'accepted',
      sort: 'contributor',
      direction: 'desc',
    });
    const saves: Record<string, unknown>[] = [];
    const lists = renderPage([byContributor], saves);
    await screen.findByRole('option', { name: 'By contributor' });
    fireEvent.change(screen.getByLabelText('Saved filter'), { target: { value: 'f1' } });
    await waitFor(() =>
      expect(lists.at(-1)).toMatchObject({
        sort: 'contributor',
        direction: 'desc',
        status: 'accepted',
      }),
    );
    const contributor = screen.getByRole('columnheader', { name: /Contributor/ });
    expect(contributor.getAttribute('aria-sort')).toBe('descending');

    // Saving now keeps that sort under the new name.
    fireEvent.click(screen.getByRole('button', { name: 'Save filter' }));
    fireEvent.change(await screen.findByLabelText(/^Filter name/), {
      target: { value: 'Accepted, by contributor' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0].params).toEqual({ status: 'accepted', sort: 'contributor', direction: 'desc' });
  });

  it('a saved filter with a sort this list does not offer falls back to the default order', async () => {
    const old = savedFilter('f2', 'Old', { sort: 'shoeSize', direction: 'desc' });
    const lists = renderPage([old]);
    await screen.findByRole('option', { name: 'Old' });
    const title = screen.getByRole('columnheader', { name: /Title/ });
    fireEvent.click(within(title).getByRole('button', { name: /Title/ }));
    await waitFor(() => expect(lists.at(-1)).toMatchObject({ sort: 'title' }));
    fireEvent.change(screen.getByLabelText('Saved filter'), { target: { value: 'f2' } });
    await waitFor(() => expect(lists.at(-1)).not.toHaveProperty('sort'));
    expect(title.getAttribute('aria-sort')).toBe('none');
  });
});
