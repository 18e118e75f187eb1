// The renderer's query layer: every read goes through TanStack Query under one key shape, and every
// write invalidates the keys of the areas whose reads it may change (locally on success, and in
// every other window through the live-update channel's ChangedEvent).
import {
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import type { AppApi, MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import { methodDeclarations } from '../../../shared/methods';
import type { RpcError, RpcResult } from '../../../shared/result';
import type { Client } from './client';
import { useClient } from './context';

type Method = MethodName & keyof AppApi;

/** The UI's areas, which is how queries are grouped for invalidation. */
export const UI_AREAS = [
  'overview',
  'participants',
  'calls',
  'nris',
  'contributions',
  'representation',
  'report',
  'safeguards',
  'system',
] as const;
export type UiArea = (typeof UI_AREAS)[number];

/** The contract's method prefixes (what a ChangedEvent names) mapped onto the UI's areas. */
const PREFIX_AREA: Record<string, UiArea> = {
  forums: 'overview',
  timeline: 'overview',
  participants: 'participants',
  incidents: 'safeguards',
  actors: 'safeguards',
  audit: 'safeguards',
  exports: 'safeguards',
  callSeries: 'calls',
  calls: 'calls',
  actionItems: 'calls',
  themes: 'contributions',
  contributions: 'contributions',
  nris: 'nris',
  sessions: 'nris',
  representation: 'representation',
  report: 'report',
  system: 'system',
  session: 'system',
};

export function areaOf(methodOrPrefix: string): UiArea {
  return PREFIX_AREA[methodOrPrefix.split('.')[0]] ?? 'system';
}

const EVERY_AREA: readonly UiArea[] = UI_AREAS;

/**
 * Areas that show data written in another: the Overview counts participants and shows the next
 * call, representation and the report's generated sections read participants, calls, sessions and
 * contributions. Protection and safeguards change what every area may show, and the forum frames
 * them all. Every write leaves an audit record (Safeguards).
 */
const READERS: Record<UiArea, readonly UiArea[]> = {
  overview: EVERY_AREA,
  participants: ['overview', 'calls', 'nris', 'contributions', 'representation', 'report'],
  calls: ['overview', 'representation', 'report'],
  nris: ['overview', 'representation', 'report'],
  contributions: ['overview', 'representation', 'report'],
  representation: ['overview', 'report'],
  report: [],
  safeguards: EVERY_AREA,
  system: [],
};

/** Writes whose only lasting effect is an audit record (a reveal, an export). */
const AUDIT_ONLY = new Set<string>(['participants.get', 'exports.render', 'exports.printable']);
const CHANGES_EVERYTHING = new Set<string>([
  'participants.protect',
  'participants.unprotect',
  'participants.protectMany',
]);

/** The areas whose queries a write by `method` (or to the prefixes `areas`) makes stale. */
export function staleAreasAfter(method: string, areas: readonly string[] = [method]): UiArea[] {
  if (AUDIT_ONLY.has(method)) return ['safeguards'];
  if (CHANGES_EVERYTHING.has(method)) return [...EVERY_AREA];
  const out = new Set<UiArea>(['safeguards']);
  for (const a of areas) {
    const area = areaOf(a);
    out.add(area);
    for (const r of READERS[area]) out.add(r);
  }
  return [...out];
}

/**
 * One read's key: the audience comes first, so "Preview as public" (a public session) never shares
 * a cache entry with the coordinators' view of the same method and input.
 */
export function apiKey<M extends Method>(
  audience: string,
  method: M,
  input?: MethodInput<M>,
): QueryKey {
  return input === undefined
    ? ['api', audience, areaOf(method), method]
    : ['api', audience, areaOf(method), method, input];
}

/** Marks stale (and refetches, when on screen) every query of `areas`, for every audience. */
export function invalidateAreas(queryClient: QueryClient, areas: readonly UiArea[]): Promise<void> {
  const set = new Set<string>(areas);
  return queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'api' && set.has(String(q.queryKey[2])),
  });
}

/** A failed call, as a thrown error a query or error boundary can hold (keeps code and field). */
export class ApiError extends Error {
  readonly code: string;
  readonly field?: string;
  constructor(error: RpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.field = error.field;
  }
}

export function unwrap<T>(result: RpcResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data is local and changes only through writes, which invalidate: no refetch on focus,
        // and a refusal ("not available to the public") is an answer, not a transient failure.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError) && count < 2,
      },
    },
  });
}

/**
 * A client whose successful writes invalidate the areas they change. Components that still call
 * `client.call` for a write (and the calls area, which keeps its own loading for now) thus keep
 * every query in step without each one listing its keys.
 */
export function invalidatingClient(client: Client, queryClient: QueryClient): Client {
  const wrapped: Client = {
    audience: client.audience,
    events: client.events,
    onEvent: client.onEvent,
    async call(method, input, options) {
      // The options (a cancel signal) go through: dropping them made "Stop checking" do nothing.
      const result = await client.call(method, input, options);
      if (result.ok && methodDeclarations[method].writes)
        void invalidateAreas(queryClient, staleAreasAfter(method));
      return result;
    },
    async narrow(audience) {
      const opened = await client.narrow(audience);
      return opened.ok
        ? { ok: true, value: invalidatingClient(opened.value, queryClient) }
        : opened;
    },
  };
  return wrapped;
}

/**
 * One read as the query cache holds it: its key (audience first) and the call behind it. Every
 * read of the UI is built here (useApi, the participant list's pages); bench/pages times it.
 */
export function apiQuery<M extends Method>(client: Client, method: M, input: MethodInput<M>) {
  return {
    queryKey: apiKey(client.audience, method, input),
    // Generic M: TypeScript cannot see that Awaited<ReturnType<…>> of the envelope is MethodOutput<M>.
    queryFn: async () => unwrap(await client.call(method, input)) as MethodOutput<M>,
  };
}

/** Reads `method` with `input` through the query cache of the current session's audience. */
export function useApi<M extends Method>(
  method: M,
  input: MethodInput<M>,
  opts: { enabled?: boolean; staleTime?: number } = {},
) {
  const client = useClient();
  return useQuery<MethodOutput<M>, ApiError>({
    ...apiQuery(client, method, input),
    enabled: opts.enabled,
    staleTime: opts.staleTime,
  });
}

/**
 * A write as a mutation: on success it invalidates the method's areas (and `alsoStale`), then
 * calls the caller's `onSuccess`. Errors stay in `error` for the form to show beside its fields.
 */
export function useApiMutation<M extends Method>(
  method: M,
  opts: { alsoStale?: UiArea[]; onSuccess?: (value: MethodOutput<M>) => void } = {},
) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<MethodOutput<M>, ApiError, MethodInput<M>>({
    mutationFn: async (input) => unwrap(await client.call(method, input)) as MethodOutput<M>,
    onSuccess: async (value) => {
      await invalidateAreas(queryClient, [...staleAreasAfter(method), ...(opts.alsoStale ?? [])]);
      opts.onSuccess?.(value);
    },
  });
}
