// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallSeriesDetails, CallSummary, TimelineEntry } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { createClient } from '../../api/client';
import { ARCHIVED_REASON } from '../../app/forumAccess';
import { installDomShims } from '../../testing/domShims';
import { testForum } from '../../testing/fixtures';
import { TestProviders } from '../../testing/TestProviders';
import { CallsPage, TimelineTable } from './CallsPage';
import { SeriesCallsTable } from './SeriesPage';

beforeAll(installDomShims);
afterEach(cleanup);

const forum = testForum;

const day = 86_400_000;
const t0 = Date.UTC(2030, 2, 3, 6);
const entry = (
  id: string,
  title: string,
  startAt: number,
  status = 'scheduled',
): TimelineEntry => ({
  kind: 'call',
  id,
  title,
  startAt,
  durationMinutes: 60,
  zone: 'UTC',
  status,
  seriesId: null,
});

/** The first cell's text of each body row. */
const firstCells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0].textContent);

const header = (table: HTMLElement, name: string) =>
  within(table).getByRole('columnheader', { name: new RegExp(`^${name}`) });

function withMantine(node: ReactNode) {
  return render(<MantineProvider>{node}</MantineProvider>);
}

describe('TimelineTable', () => {
  const entries = [
    entry('c1', 'Zambia call', t0),
    entry('c2', 'Øresund call', t0 + 2 * day, 'cancelled'),
    entry('c3', 'Oslo call', t0 + day),
    entry('c4', 'Abuja call', t0 + 1.5 * day),
  ];
  const titles = (table: HTMLElement) => firstCells(table).map((c) => c?.replace(/^Call/, ''));

  it('starts in the order asked for, and sorts by the header clicked (aria-sort says how)', () => {
    withMantine(
      <TimelineTable
        label="Upcoming calls and sessions"
        entries={entries}
        onOpenCall={() => undefined}
        empty="Nothing planned yet."
        initialSort={{ key: 'utc', direction: 'asc' }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Upcoming calls and sessions' });
    expect(header(table, 'UTC').getAttribute('aria-sort')).toBe('ascending');
    expect(titles(table)).toEqual(['Zambia call', 'Oslo call', 'Abuja call', 'Øresund call']);

    // Names with the collator: Ø beside the O names, not after Z.
    fireEvent.click(within(header(table, 'What')).getByRole('button'));
    expect(header(table, 'What').getAttribute('aria-sort')).toBe('ascending');
    expect(header(table, 'UTC').getAttribute('aria-sort')).toBe('none');
    expect(titles(table)).toEqual(['Abuja call', 'Øresund call', 'Oslo call', 'Zambia call']);

    // Dates by time, latest first on the second click.
    fireEvent.click(within(header(table, 'Your time')).getByRole('button'));
    fireEvent.click(within(header(table, 'Your time')).getByRole('button'));
    expect(header(table, 'Your time').getAttribute('aria-sort')).toBe('descending');
    expect(titles(table)).toEqual(['Øresund call', 'Abuja call', 'Oslo call', 'Zambia call']);

    // Cancelled before Scheduled; equal rows keep the order they came in.
    fireEvent.click(within(header(table, 'Status')).getByRole('button'));
    expect(titles(table)).toEqual(['Øresund call', 'Zambia call', 'Oslo call', 'Abuja call']);
    fireEvent.click(within(header(table, 'Status')).getByRole('button'));
    expect(titles(table)).toEqual(['Zambia call', 'Oslo call', 'Abuja call', 'Øresund call']);
  });

  it('shows past entries latest first until a header is clicked', () => {
    withMantine(
      <TimelineTable
        label="Past calls and sessions"
        entries={entries}
        onOpenCall={() => undefined}
        empty="No calls or sessions held yet."
        initialSort={{ key: 'utc', direction: 'desc' }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Past calls and sessions' });
    expect(header(table, 'UTC').getAttribute('aria-sort')).toBe('descending');
    expect(titles(table)).toEqual(['Øresund call', 'Abuja call', 'Oslo call', 'Zambia call']);
  });
});

describe('SeriesCallsTable', () => {
  const call = (id: string, startAt: number, moved = false): CallSummary => ({
    id,
    forumId: forum.id,
    seriesId: 's1',
    occurrenceIndex: null,
    title: 'Fortnightly',
    startAt,
    durationMinutes: 60,
    zone: 'UTC',
    status: 'scheduled',
    phase: 'scheduled',
    moved,
    originalStartAt: null,
    sequence: 0,
  });

  it('keeps each call’s number and its "Open call" button whatever the order', () => {
    // The second call was moved after the third.
    const calls = [call('a', t0), call('b', t0 + 20 * day, true), call('c', t0 + 14 * day)];
    const opened: string[] = [];
    withMantine(<SeriesCallsTable calls={calls} onOpenCall={(id) => opened.push(id)} />);
    const table = screen.getByRole('table', { name: 'Calls of the series' });
    expect(header(table, 'Call').getAttribute('aria-sort')).toBe('ascending');
    expect(firstCells(table)).toEqual(['1 of 3', '2 of 3', '3 of 3']);

    fireEvent.click(within(header(table, 'UTC')).getByRole('button'));
    expect(firstCells(table)).toEqual(['1 of 3', '3 of 3', '2 of 3']);
    fireEvent.click(within(header(table, 'Call')).getByRole('button'));
    fireEvent.click(within(header(table, 'Call')).getByRole('button'));
    expect(header(table, 'Call').getAttribute('aria-sort')).toBe('descending');
    expect(firstCells(table)).toEqual(['3 of 3', '2 of 3', '1 of 3']);

    fireEvent.click(within(table).getByRole('button', { name: 'Open call 2' }));
    expect(opened).toEqual(['b']);
  });
});

function fakeBackend(series: CallSeriesDetails[] = []) {
  const transport = (method: string): Promise<RpcResult<unknown>> => {
    const ok = (value: unknown) => Promise.resolve({ ok: true as const, value });
    switch (method) {
      case 'callSeries.list':
        return ok(series);
      case 'timeline.list':
        return ok([]);
      default:
        return Promise.resolve({
          ok: false as const,
          error: { code: 'unknown_method' as const, message: method },
        });
    }
  };
  return createClient(transport);
}

describe('CallsPage in an archived forum', () => {
  it('offers "New call series" while the forum is open', async () => {
    render(
      <TestProviders client={fakeBackend()} area="calls" forum={forum}>
        <CallsPage forum={forum} />
      </TestProviders>,
    );
    expect(await screen.findByRole('button', { name: 'New call series' })).toBeTruthy();
    expect(screen.queryByText(ARCHIVED_REASON)).toBeNull();
  });

  it('does not offer it once archived, and says why', async () => {
    const archived = { ...forum, archivedAt: 1 };
    render(
      <TestProviders client={fakeBackend()} area="calls" forum={archived}>
        <CallsPage forum={archived} />
      </TestProviders>,
    );
    expect(await screen.findByText(ARCHIVED_REASON)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New call series' })).toBeNull();
    expect(screen.getByText(/No call series yet\./).textContent).not.toMatch(/New call series/);
  });
});
