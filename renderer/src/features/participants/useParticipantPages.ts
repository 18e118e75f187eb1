import { useCallback, useEffect, useRef, useState } from 'react';
import type { ParticipantRow } from '../../../../shared/api';
import type { MethodInput } from '../../../../shared/schemas';
import { useClient } from '../../api/context';

export const PAGE_SIZE = 100;

export type ListQuery = Omit<MethodInput<'participants.list'>, 'offset' | 'limit'>;

/**
 * Loads the participant list one SQL page at a time, as the virtual list scrolls to it.
 * Only the pages on screen are ever fetched; a new query starts over.
 */
export function useParticipantPages(query: ListQuery) {
  const client = useClient();
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, ParticipantRow[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    async (page: number, gen: number) => {
      if (inFlight.current.has(page)) return;
      inFlight.current.add(page);
      const result = await client.call('participants.list', {
        ...(JSON.parse(key) as ListQuery),
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      inFlight.current.delete(page);
      if (gen !== generation.current) return;
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setError(null);
      setTotal(result.value.total);
      setPages((prev) => new Map(prev).set(page, result.value.rows));
    },
    [client, key],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    inFlight.current.clear();
    setPages(new Map());
    void fetchPage(0, generation.current);
  }, [fetchPage]);

  useEffect(() => {
    reload();
  }, [reload]);

  const rowAt = useCallback(
    (index: number): ParticipantRow | undefined => {
      const page = Math.floor(index / PAGE_SIZE);
      return pages.get(page)?.[index - page * PAGE_SIZE];
    },
    [pages],
  );

  /** Fetches the pages covering rows first..last that are not loaded yet. */
  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++)
        if (!pages.has(p)) void fetchPage(p, generation.current);
    },
    [pages, fetchPage],
  );

  return { total, rowAt, ensureRange, reload, error };
}
