/**
 * Page-query latency through the UI's query layer (`npm run bench -- pages`), issue 12: with
 * 100,000 participants, list navigation and search stay as fast as the bare RPC they make.
 *
 * The served forum of bench/servedForum.ts (the real built serve, writer and reader workers, on the
 * encrypted fixture). Each list step is timed three ways, interleaved, medians of BENCH_RUNS runs:
 * - raw RPC: one `POST /rpc/participants.list` with fetch, the JSON parsed (the physical limit of
 *   this path: the UI cannot do less);
 * - query layer, first visit: the renderer's own code on an empty cache: browserClient (its
 *   HTTP transport and live-update stream) wrapped by invalidatingClient, a QueryClient from
 *   createQueryClient, and the page query of useParticipantPages (participantPageInput, apiQuery);
 * - query layer, back: the same page again (back/forward or scrolling back), from the cache.
 *
 * Targets (exit 1 if one is missed): a first visit costs at most 10% (+2 ms) over the raw RPC, a
 * cached page answers in under 1 ms, and every raw page answers in under 100 ms (a search that
 * matches 20,000 people: 300 ms).
 */
import { performance } from 'node:perf_hooks';
import type { QueryClient } from '@tanstack/react-query';
import type { Client } from '../../renderer/src/api/client';
import { browserClient } from '../../renderer/src/api/session';
import { apiQuery, createQueryClient, invalidatingClient } from '../../renderer/src/api/queries';
import {
  participantPageInput,
  type ListQuery,
} from '../../renderer/src/features/participants/useParticipantPages';
import { check, interleave, median, ms, runsFromEnv, summary } from '../lib';
import { serveFixture, TOKEN, N } from '../servedForum';

const OVERHEAD_SHARE = 1.1;
const OVERHEAD_MS = 2;
const CACHED_MS = 1;
const RAW_MS = 100;
/**
 * A search for a common surname matches a fifth of the forum (20,000 people): counting them and
 * sorting them for the first page is the cost, not the query layer.
 */
const BROAD_SEARCH_MS = 300;

const { fx, base, rpc, stop } = await serveFixture('pages');
try {
  const queryClient: QueryClient = createQueryClient();
  const coordinators = invalidatingClient(browserClient(TOKEN, base), queryClient);
  const opened = await coordinators.narrow('public');
  if (!opened.ok) throw new Error(opened.error.message);
  const publicClient: Client = opened.value;
  const publicToken = await rpc('session.open', { audience: 'public' }).then((r) => {
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { token: string }).token;
  });

  const forumId = fx.forumId;
  const steps: {
    name: string;
    query: ListQuery;
    page: number;
    audience: 'coordinators' | 'public';
    broad?: boolean;
  }[] = [
    { name: 'first page', query: { forumId }, page: 0, audience: 'coordinators' },
    { name: 'scrolled to page 6', query: { forumId }, page: 5, audience: 'coordinators' },
    { name: 'dragged to row 50,000', query: { forumId }, page: 500, audience: 'coordinators' },
    {
      name: 'sort by organisation, desc',
      query: { forumId, sort: 'organisation', direction: 'desc' },
      page: 0,
      audience: 'coordinators',
    },
    {
      name: 'filter civil society',
      query: { forumId, stakeholderGroup: 'civil_society' },
      page: 0,
      audience: 'coordinators',
    },
    {
      name: 'search "lima" (20,000 match)',
      query: { forumId, search: 'lima' },
      page: 0,
      audience: 'coordinators',
      broad: true,
    },
    {
      name: 'search "member 4242"',
      query: { forumId, search: 'member 4242' },
      page: 0,
      audience: 'coordinators',
    },
    { name: 'public directory, first page', query: { forumId }, page: 0, audience: 'public' },
    { name: 'public directory, row 50,000', query: { forumId }, page: 500, audience: 'public' },
  ];

  const runs = runsFromEnv(9);
  const rows: string[][] = [];
  for (const step of steps) {
    const input = participantPageInput(step.query, step.page);
    const client = step.audience === 'public' ? publicClient : coordinators;
    const token = step.audience === 'public' ? publicToken : TOKEN;
    const viaLayer = () => queryClient.fetchQuery(apiQuery(client, 'participants.list', input));
    let rowsSeen = 0;
    // The cached read alone (the function primes the cache first when a first visit cleared it).
    const backTimes: number[] = [];
    const times = await interleave(
      {
        raw: async () => {
          const r = await rpc('participants.list', input, token);
          if (!r.ok) throw new Error(`${step.name}: ${r.error.message}`);
          rowsSeen = (r.value as { rows: unknown[] }).rows.length;
        },
        first: async () => {
          queryClient.clear();
          await viaLayer();
        },
        back: async () => {
          if (!queryClient.getQueryData(apiQuery(client, 'participants.list', input).queryKey))
            await viaLayer();
          const t = performance.now();
          await viaLayer();
          backTimes.push(performance.now() - t);
        },
      },
      runs,
    );
    const raw = median(times.raw);
    const first = median(times.first);
    const back = median(backTimes.slice(1)); // the first is the warm-up round's
    rows.push([step.name, String(rowsSeen), ms(raw), ms(first), ms(back, 2)]);
    check(`${step.name}: raw page`, raw, step.broad ? BROAD_SEARCH_MS : RAW_MS, { unit: ' ms' });
    check(
      `${step.name}: first visit through the query layer`,
      first,
      Number((raw * OVERHEAD_SHARE + OVERHEAD_MS).toFixed(1)),
      {
        unit: ' ms',
      },
    );
    check(`${step.name}: back to a cached page`, back, CACHED_MS, { unit: ' ms' });
  }
  console.log(
    `\n${N} participants; participants.list pages of 100 over HTTP, ms (median of ${runs} interleaved runs)\n`,
  );
  const head = ['step', 'rows', 'raw RPC', 'query layer, first', 'query layer, back'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
  summary();
} finally {
  await stop();
}
