import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ParticipantRow } from '../../../../shared/api';
import type { MethodInput } from '../../../../shared/schemas';
import { useClient } from '../../api/context';
import { apiKey, apiQuery } from '../../api/queries';

export const PAGE_SIZE = 100;

export type ListQuery = Omit<MethodInput<'participants.list'>, 'offset' | 'limit'>;

/** The `participants.list` input of page `page` (0-based) of a list query. */
export const participantPageInput = (query: ListQuery, page: number) => ({
  ...query,
  offset: page * PAGE_SIZE,
  limit: PAGE_SIZE,
});

/**
 * Loads the participant list one SQL page at a time, as the virtual list scrolls to it, each page
 * a query of its own. Not `useInfiniteQuery`: its pages are contiguous from the first, so dragging
 * the scrollbar to row 80,000 of 100,000 would fetch 800 pages; here only the pages on screen are
 * fetched, cached pages come back at once, and a write or a live update refetches those on screen.
 */
export function useParticipantPages(query: ListQuery) {
  const client = useClient();
  const queryClient = useQueryClient();
  const key = JSON.stringify(query);
  const [wanted, setWanted] = useState<{ key: string; pages: number[] }>({ key, pages: [0] });
  // A new query starts over at its first page.
  const pages = useMemo(() => (wanted.key === key ? wanted.pages : [0]), [wanted, key]);

  const results = useQueries({
    queries: pages.map((page) => {
      return apiQuery(client, 'participants.list', participantPageInput(query, page));
    }),
  });

  const loaded = useMemo(() => {
    const map = new Map<number, ParticipantRow[]>();
    let total: number | null = null;
    results.forEach((r, i) => {
      if (r.data) {
        map.set(pages[i], r.data.rows);
        total = r.data.total;
      }
    });
    // While newly scrolled-to pages load, the count comes from any cached page of this query, so
    // the virtual list keeps its height instead of collapsing.
    if (total === null)
      for (const [k, data] of queryClient.getQueriesData<{ total: number }>({
        queryKey: apiKey(client.audience, 'participants.list'),
      })) {
        const input = k[4] as Record<string, unknown> | undefined;
        if (data && input && samePages(input, query)) total = data.total;
      }
    return { map, total: total as number | null };
  }, [results, pages, queryClient, client.audience, query]);
  const error = results.find((r) => r.error)?.error?.message ?? null;

  const rowAt = useCallback(
    (index: number): ParticipantRow | undefined => {
      const page = Math.floor(index / PAGE_SIZE);
      return loaded.map.get(page)?.[index - page * PAGE_SIZE];
    },
    [loaded],
  );

  /** Asks for the pages covering rows first..last (the ones on screen). */
  const ensureRange = useCallback(
    (first: number, last: number) => {
      const next: number[] = [];
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++)
        next.push(p);
      setWanted((prev) =>
        prev.key === key && prev.pages.join() === next.join() ? prev : { key, pages: next },
      );
    },
    [key],
  );

  // Writes invalidate the participants area (api/queries.ts), so no manual reload is needed;
  // kept for callers that pass it on as "changed".
  const reload = useCallback(() => undefined, []);

  return { total: loaded.total, rowAt, ensureRange, reload, error };
}

/** Whether a cached page's input is a page of `query` (same filters, any offset). */
function samePages(input: Record<string, unknown>, query: ListQuery): boolean {
  const { offset: _o, limit: _l, ...rest } = input;
  return JSON.stringify(rest) === JSON.stringify(query);
}
