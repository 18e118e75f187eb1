/**
 * Participant registry benchmark (`npm run bench -- participants`).
 *
 * (a) Importing N generated participants from a CSV through the service
 *     (`importParticipantsFromCsv`: parse, map, validate with the form's schema, duplicate checks,
 *     one transaction, audit record) versus writing the very same rows with one raw prepared
 *     INSERT per row in one transaction into a fresh database. Target: within 2x.
 * (b) List pages through `backend.dispatch('participants.list', ...)` (validation, handler,
 *     service, DTO mapping) versus the same two statements (count + page) built by
 *     `participantListSql` and run raw with prepared statements on the same connection.
 *     Target: median under 1.5x of raw.
 *
 * Environment: BENCH_PARTICIPANTS (default 100000), BENCH_QUERIES per scenario (default 200, fewer
 * when a scenario's time budget BENCH_SCENARIO_SECONDS, default 12, runs out; at least 20),
 * BENCH_KEEP=1 keeps the temporary databases.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  INSERT_PARTICIPANT_SQL,
  listAllParticipants,
  participantListSql,
  type ParticipantListQuery,
} from '../../db/queries/participants';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { BackendContext } from '../../electron/backend/context';
import { importParticipantsFromCsv } from '../../electron/backend/participants/importJob';
import type { Forum, Page, ParticipantRow } from '../../shared/api';
import { fold } from '../../shared/domain/fold';
import type { Session } from '../../shared/methods';
import type { MethodInput } from '../../shared/schemas';
import { generateParticipants } from './generate';

const N = Number(process.env.BENCH_PARTICIPANTS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const MIN_QUERIES = Math.min(20, QUERIES);
const SCENARIO_BUDGET_MS = Number(process.env.BENCH_SCENARIO_SECONDS ?? 12) * 1000;
const IMPORT_TARGET = 2;
const LIST_TARGET = 1.5;

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function table(headers: string[], rows: string[][], alignLeft = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < alignLeft ? pad(c, widths[i]) : lpad(c, widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function unwrap<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function createForum(backend: Backend, title: string): Promise<Forum> {
  return unwrap<Forum>(backend, 'forums.create', { title, year: 2026 });
}

interface Verdict {
  label: string;
  ratio: number;
  target: number;
}

async function benchImport(dir: string) {
  console.log(`Generating ${N.toLocaleString('en')} participants (deterministic seed)...`);
  let t = performance.now();
  const data = generateParticipants(N);
  console.log(
    `  ${(data.csv.length / 1024 / 1024).toFixed(1)} MB of CSV in ${ms(performance.now() - t)} ms\n`,
  );

  // Through the service, on a fresh database.
  const serviceFile = join(dir, 'service.db');
  const backend = createBackend({ dbFile: serviceFile, shell: 'browser' });
  const forum = await createForum(backend, 'BPF Benchmark');
  const ctx: BackendContext = {
    db: backend.db,
    now: Date.now,
    shell: 'browser',
    dbFile: serviceFile,
  };
  t = performance.now();
  const summary = await importParticipantsFromCsv(ctx, {
    forumId: forum.id,
    csv: data.csv,
    duplicates: 'skip',
  });
  const serviceMs = performance.now() - t;
  if (summary.added !== N)
    throw new Error(
      `The import added ${summary.added} of ${N} rows (skipped ${summary.skipped}); the generator or the importer is wrong`,
    );

  // The same rows, written raw into another fresh database.
  const rows = listAllParticipants(backend.db, forum.id);
  const rawFile = join(dir, 'raw.db');
  const rawBackend = createBackend({ dbFile: rawFile, shell: 'browser' });
  const rawForum = await createForum(rawBackend, 'BPF Benchmark');
  const remapped = rows.map((r) => ({ ...r, forumId: rawForum.id }));
  const insert = rawBackend.db.prepare(INSERT_PARTICIPANT_SQL);
  t = performance.now();
  rawBackend.db.exec('BEGIN IMMEDIATE');
  for (const r of remapped) insert.run(r);
  rawBackend.db.exec('COMMIT');
  const rawMs = performance.now() - t;
  rawBackend.close();

  const ratio = serviceMs / rawMs;
  const perSec = (n: number, msTaken: number) =>
    `${Math.round(n / (msTaken / 1000)).toLocaleString('en')}/s`;
  console.log(`(a) Import of ${N.toLocaleString('en')} participants`);
  console.log(
    table(
      ['path', 'time ms', 'rows/s', 'db MB'],
      [
        [
          'service: importParticipantsFromCsv (parse+validate+write, 1 tx)',
          ms(serviceMs),
          perSec(N, serviceMs),
          (statSync(serviceFile).size / 1024 / 1024).toFixed(1),
        ],
        [
          'raw: prepared INSERT x N, 1 tx, fresh DB',
          ms(rawMs),
          perSec(N, rawMs),
          (statSync(rawFile).size / 1024 / 1024).toFixed(1),
        ],
        ['ratio service / raw', `${ratio.toFixed(2)}x`, '', ''],
      ],
    ),
  );
  console.log('');
  return {
    backend,
    forum,
    data,
    verdict: {
      label: `import ${N} rows within ${IMPORT_TARGET}x of raw`,
      ratio,
      target: IMPORT_TARGET,
    },
  };
}

type ListInput = MethodInput<'participants.list'>;

interface Scenario {
  name: string;
  input: ListInput;
}

async function benchList(backend: Backend, forum: Forum): Promise<Verdict[]> {
  const deep = Math.min(50_000, Math.max(0, N - 100));
  const scenarios: Scenario[] = [
    { name: 'first page, sorted by name', input: { forumId: forum.id, offset: 0, limit: 100 } },
    {
      name: `deep page, offset ${deep.toLocaleString('en')}`,
      input: { forumId: forum.id, offset: deep, limit: 100 },
    },
    { name: 'search "kamau"', input: { forumId: forum.id, search: 'kamau', limit: 100 } },
    {
      name: 'search "ana lima" (2 terms)',
      input: { forumId: forum.id, search: 'ana lima', limit: 100 },
    },
    {
      name: 'filter civil society + Africa',
      input: {
        forumId: forum.id,
        stakeholderGroup: 'civil_society',
        region: 'africa',
        limit: 100,
      },
    },
  ];

  const db = backend.db;
  const out: string[][] = [];
  const verdicts: Verdict[] = [];
  for (const s of scenarios) {
    // The query the service builds for this input, run raw with prepared statements.
    const q: ParticipantListQuery = {
      forumId: s.input.forumId,
      terms: s.input.search ? fold(s.input.search).split(' ').filter(Boolean) : [],
      stakeholderGroup: s.input.stakeholderGroup,
      region: s.input.region,
      sort: 'name',
      direction: 'asc',
      offset: s.input.offset ?? 0,
      limit: s.input.limit ?? 100,
    };
    const { countSql, pageSql, params } = participantListSql(q);
    const { limit: _l, offset: _o, ...countParams } = params;
    const countStmt = db.prepare(countSql).pluck();
    const pageStmt = db.prepare(pageSql);
    const raw = () => ({ total: countStmt.get(countParams) as number, rows: pageStmt.all(params) });
    const viaDispatch = () => unwrap<Page<ParticipantRow>>(backend, 'participants.list', s.input);

    // Same answer both ways.
    const a = await viaDispatch();
    const b = raw();
    const idsA = a.rows.map((r) => r.id).join();
    const idsB = (b.rows as { id: string }[]).map((r) => r.id).join();
    if (a.total !== b.total || idsA !== idsB)
      throw new Error(`"${s.name}": dispatch and raw SQL disagree (${a.total} vs ${b.total})`);

    // Warm up, then alternate which runs first so neither gets the warmer cache.
    for (let i = 0; i < 5; i++) {
      await viaDispatch();
      raw();
    }
    const tService: number[] = [];
    const tRaw: number[] = [];
    const timeService = async () => {
      const t0 = performance.now();
      await viaDispatch();
      tService.push(performance.now() - t0);
    };
    const timeRaw = () => {
      const t0 = performance.now();
      raw();
      tRaw.push(performance.now() - t0);
    };
    const began = performance.now();
    for (let i = 0; i < QUERIES; i++) {
      if (i >= MIN_QUERIES && performance.now() - began > SCENARIO_BUDGET_MS) break;
      if (i % 2 === 0) {
        await timeService();
        timeRaw();
      } else {
        timeRaw();
        await timeService();
      }
    }
    tService.sort((x, y) => x - y);
    tRaw.sort((x, y) => x - y);
    const sMed = quantile(tService, 0.5);
    const rMed = quantile(tRaw, 0.5);
    const sP95 = quantile(tService, 0.95);
    const rP95 = quantile(tRaw, 0.95);
    const ratio = sMed / rMed;
    out.push([
      s.name,
      a.total.toLocaleString('en'),
      String(tService.length),
      ms(sMed),
      ms(sP95),
      ms(rMed),
      ms(rP95),
      `${ratio.toFixed(2)}x`,
      `${(sP95 / rP95).toFixed(2)}x`,
    ]);
    verdicts.push({
      label: `list: ${s.name} (median) under ${LIST_TARGET}x of raw`,
      ratio,
      target: LIST_TARGET,
    });
  }
  console.log(
    `(b) List page latency (100 rows per page, count + page, ${N.toLocaleString('en')} participants), ms`,
  );
  console.log(
    table(
      [
        'query',
        'matches',
        'runs',
        'dispatch p50',
        'dispatch p95',
        'raw p50',
        'raw p95',
        'ratio p50',
        'ratio p95',
      ],
      out,
    ),
  );
  console.log('');
  return verdicts;
}

/** Protected people the public page redacts (the redactor is built from them). */
const PROTECTED = 200;

/**
 * (c) A public session's page next to the coordinators' page, through dispatch both ways:
 * listed people only, protected ones as their pseudonym. Medians of interleaved runs.
 */
async function benchPublicPage(backend: Backend, forum: Forum): Promise<Verdict[]> {
  const firstPage = await unwrap<Page<ParticipantRow>>(backend, 'participants.list', {
    forumId: forum.id,
    offset: 0,
    limit: PROTECTED,
  });
  for (const r of firstPage.rows)
    await unwrap(backend, 'participants.protect', { id: r.id, reason: 'benchmark' });
  const publicSession: Session = { audience: 'public' };
  const deep = Math.min(50_000, Math.max(0, Math.floor(N / 2) - 100));
  const scenarios: Scenario[] = [
    { name: 'first page', input: { forumId: forum.id, offset: 0, limit: 100 } },
    {
      name: `deep page, offset ${deep.toLocaleString('en')}`,
      input: { forumId: forum.id, offset: deep, limit: 100 },
    },
    {
      name: 'filter civil society',
      input: { forumId: forum.id, stakeholderGroup: 'civil_society', limit: 100 },
    },
    {
      name: 'filter civil society, sort by group',
      input: {
        forumId: forum.id,
        stakeholderGroup: 'civil_society',
        sort: 'stakeholderGroup',
        limit: 100,
      },
    },
    {
      name: 'filter role member, sort by role, desc',
      input: { forumId: forum.id, role: 'member', sort: 'role', direction: 'desc', limit: 100 },
    },
    {
      name: 'filter civil society, sort by organisation',
      input: {
        forumId: forum.id,
        stakeholderGroup: 'civil_society',
        sort: 'organisation',
        limit: 100,
      },
    },
    { name: 'sort by created', input: { forumId: forum.id, sort: 'created', limit: 100 } },
    // Deep pages of the other sorts: the public directory reads its partial indexes (migration
    // 0015) and skips the offset there, as the coordinators' page does in theirs.
    ...(['organisation', 'country', 'stakeholderGroup', 'role', 'created'] as const).map(
      (sort) => ({
        name: `sort by ${sort}, desc, offset ${deep.toLocaleString('en')}`,
        input: { forumId: forum.id, sort, direction: 'desc' as const, offset: deep, limit: 100 },
      }),
    ),
  ];
  const out: string[][] = [];
  const verdicts: Verdict[] = [];
  for (const s of scenarios) {
    const asCoordinators = () =>
      unwrap<Page<ParticipantRow>>(backend, 'participants.list', s.input);
    const asPublic = async () => {
      const r = await backend.dispatch('participants.list', s.input, publicSession);
      if (!r.ok) throw new Error(`participants.list (public): ${r.error.message}`);
      return r.value as Page<ParticipantRow>;
    };
    const pub = await asPublic();
    if (pub.rows.some((r) => r.isProtected || !r.consentListed))
      throw new Error(`"${s.name}": the public page marks protected or unlisted people`);
    for (let i = 0; i < 5; i++) {
      await asCoordinators();
      await asPublic();
    }
    const tC: number[] = [];
    const tP: number[] = [];
    const time = async (f: () => Promise<unknown>, into: number[]) => {
      const t0 = performance.now();
      await f();
      into.push(performance.now() - t0);
    };
    const began = performance.now();
    for (let i = 0; i < QUERIES; i++) {
      if (i >= MIN_QUERIES && performance.now() - began > SCENARIO_BUDGET_MS) break;
      if (i % 2 === 0) {
        await time(asCoordinators, tC);
        await time(asPublic, tP);
      } else {
        await time(asPublic, tP);
        await time(asCoordinators, tC);
      }
    }
    tC.sort((x, y) => x - y);
    tP.sort((x, y) => x - y);
    const ratio = quantile(tP, 0.5) / quantile(tC, 0.5);
    out.push([
      s.name,
      pub.total.toLocaleString('en'),
      String(tP.length),
      ms(quantile(tP, 0.5)),
      ms(quantile(tC, 0.5)),
      `${ratio.toFixed(2)}x`,
    ]);
    verdicts.push({
      label: `public page: ${s.name} (median) under ${LIST_TARGET}x of the coordinators' page`,
      ratio,
      target: LIST_TARGET,
    });
  }
  console.log(
    `(c) Public session page vs coordinators' page (${PROTECTED} protected, ${N.toLocaleString('en')} participants), ms`,
  );
  console.log(
    table(['query', 'listed matches', 'runs', 'public p50', 'coordinators p50', 'ratio p50'], out),
  );
  console.log('');
  return verdicts;
}

async function main() {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'intersession-bench-participants-'));
  let failed = false;
  try {
    const imported = await benchImport(dir);
    const verdicts = [
      imported.verdict,
      ...(await benchList(imported.backend, imported.forum)),
      ...(await benchPublicPage(imported.backend, imported.forum)),
    ];
    imported.backend.close();
    for (const v of verdicts) {
      const pass = v.ratio <= v.target;
      failed ||= !pass;
      console.log(`${pass ? 'PASS' : 'FAIL'}  ${v.label}: ${v.ratio.toFixed(2)}x`);
    }
  } finally {
    if (process.env.BENCH_KEEP) console.log(`Databases kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (failed) process.exitCode = 1;
}

await main();
