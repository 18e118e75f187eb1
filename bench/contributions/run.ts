/**
 * Contributions benchmark (`npm run bench -- contributions`), in one run:
 *
 * (a) Import: N generated survey rows imported from CSV through the service
 *     (`importContributionsFromCsv`: parse, map, validate with the form's schema, contributor
 *     matching, themes, history, one transaction, audit) versus the same contributions written by
 *     one raw prepared INSERT per row in one transaction into a fresh database (the FTS triggers
 *     run in both). Target: the median import within 2x of the median raw inserts, over
 *     BENCH_RUNS (>= 5) interleaved rounds, each into a fresh database.
 * (b) Full-text search over N contributions: `backend.dispatch('contributions.list', {search})`
 *     (validation, handler, service, ranked page with count, highlighted snippets, DTO mapping)
 *     versus the raw FTS query: the same SQL (`contributionListSql` + `SNIPPET_SQL`) run with
 *     prepared statements on the same connection. Target: median within 1.5x; and that SQL within
 *     2x of the bare `MATCH ... ORDER BY rank LIMIT 50` over the FTS table alone (the forum is
 *     in the full-text key). Exits 1 when a target fails.
 *
 * Environment: BENCH_CONTRIBUTIONS (default 50000), BENCH_QUERIES (default 200).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  contributionListSql,
  INSERT_CONTRIBUTION_SQL,
  SNIPPET_SQL,
} from '../../db/queries/contributions';
import { stmt } from '../../db/queries/statements';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { BackendContext } from '../../electron/backend/context';
import { importContributionsFromCsv } from '../../electron/backend/contributions/import';
import { newId } from '../../shared/domain/ids';
import { ftsQuery } from '../../shared/domain/search';
import { check, ms as fmt, median, quantile, runsFromEnv, summary } from '../lib';

const N = Number(process.env.BENCH_CONTRIBUTIONS ?? 50_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const IMPORT_TARGET = 2;
const SEARCH_TARGET = 1.5;
/** The app's search SQL against the bare `MATCH ... ORDER BY rank LIMIT 50` (issue 15). */
const BARE_TARGET = 2;
const IMPORT_RUNS = runsFromEnv(5);

const WORDS =
  'community network access gender women youth literacy school library mesh rural broadband cooperative policy regulator spectrum safety harassment helpline privacy data protection training workshop mentor local content language indigenous accessibility disability online platform moderation cybersecurity awareness campaign small business market mobile money connectivity infrastructure satellite fibre tower energy solar price affordability'.split(
    ' ',
  );
const COUNTRIES = ['BR', 'KE', 'IN', 'DE', 'US', 'FJ', 'NG', 'MX', 'PK', 'FR', 'ZA', 'AR'];
const THEMES = ['Access', 'Gender', 'Safety', 'Skills', 'Policy'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate(n: number) {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const sentence = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(' ');
  return Array.from({ length: n }, (_, i) => ({
    title: `${sentence(4)} ${i}`,
    summary: sentence(20),
    body: sentence(120),
    country: pick(COUNTRIES),
    themes: `${pick(THEMES)}; ${pick(THEMES)}`,
    date: `2026-0${1 + (i % 9)}-1${i % 10}`,
    attribution: pick(['By name', 'Organisation only', 'Anonymous']),
    publish: pick(['yes', 'no']),
  }));
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

function toCsv(rows: ReturnType<typeof generate>): string {
  const head = 'Title,Summary,Full text,Country,Themes,Date received,Attribution,May be published';
  return [
    head,
    ...rows.map((r) =>
      [r.title, r.summary, r.body, r.country, r.themes, r.date, r.attribution, r.publish]
        .map(q)
        .join(','),
    ),
  ].join('\n');
}

async function forum(backend: Backend): Promise<string> {
  const r = await backend.dispatch('forums.create', { title: 'BPF Bench', year: 2026 });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { id: string }).id;
}

const ms = (x: number) => fmt(x, 2);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'intersession-bench-contrib-'));
  try {
    console.log(`Generating ${N} contributions...`);
    const rows = generate(N);
    const csv = toCsv(rows);

    // (a) Raw inserts and the service import, each into a fresh database, interleaved rounds.
    let round = 0;
    const rawInsert = async () => {
      const raw = createBackend({ dbFile: join(dir, `raw-${round++}.db`), shell: 'test' });
      const rawForum = await forum(raw);
      const insert = raw.db.prepare(INSERT_CONTRIBUTION_SQL);
      const themeIds = THEMES.map((name, position) => {
        const id = newId(Date.now());
        raw.db
          .prepare('INSERT INTO themes (id, forum_id, name, position) VALUES (?, ?, ?, ?)')
          .run(id, rawForum, name, position);
        return id;
      });
      const tag = raw.db.prepare(
        'INSERT OR IGNORE INTO contribution_themes (contribution_id, theme_id) VALUES (?, ?)',
      );
      const log = raw.db.prepare(
        'INSERT INTO contribution_history (id, contribution_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const t0 = performance.now();
      raw.db.transaction(() => {
        const now = Date.now();
        for (const r of rows) {
          const id = newId(now);
          insert.run({
            id,
            forumId: rawForum,
            title: r.title,
            summary: r.summary,
            body: r.body,
            kind: 'survey_answer',
            country: r.country,
            region: null,
            source: 'survey',
            sourceCallId: null,
            sourceSessionId: null,
            contributorId: null,
            contributorName: '',
            contributorOrganisation: '',
            language: 'en',
            receivedOn: r.date,
            links: '[]',
            attribution: 'anonymous',
            mayPublish: 0,
            consentGivenOn: null,
            consentMethod: null,
            consentWithdrawnAt: null,
            consentWithdrawnScope: null,
            status: 'submitted',
            reviewerNotes: '',
            createdAt: now,
            updatedAt: now,
          });
          for (const t of r.themes.split('; ')) tag.run(id, themeIds[THEMES.indexOf(t)]);
          log.run(newId(now), id, now, 'Coordinator', 'imported', '{}');
        }
      })();
      const elapsed = performance.now() - t0;
      raw.close();
      return elapsed;
    };
    let backend: Backend | undefined;
    let forumId = '';
    const serviceImport = async () => {
      backend?.close();
      backend = createBackend({ dbFile: join(dir, `import-${round++}.db`), shell: 'test' });
      forumId = await forum(backend);
      const ctx: BackendContext = { db: backend.db, now: Date.now, shell: 'test', dbFile: '' };
      const t0 = performance.now();
      const summary = await importContributionsFromCsv(ctx, {
        forumId,
        csv,
        defaultKind: 'survey_answer',
        defaultLanguage: 'en',
        consentMethod: 'form',
      });
      const elapsed = performance.now() - t0;
      if (summary.added !== N) throw new Error(`imported ${summary.added} of ${N}`);
      return elapsed;
    };
    // Each round times its own work (database creation is outside the timing).
    const rawTimes: number[] = [];
    const importTimes: number[] = [];
    for (let i = 0; i < IMPORT_RUNS; i++) {
      if (i % 2 === 0) {
        rawTimes.push(await rawInsert());
        importTimes.push(await serviceImport());
      } else {
        importTimes.push(await serviceImport());
        rawTimes.push(await rawInsert());
      }
    }
    const rawMs = median(rawTimes);
    const importMs = median(importTimes);
    console.log(`\nImport (median of ${IMPORT_RUNS} interleaved rounds)`);
    console.log(`  raw inserts      ${ms(rawMs)} ms  (${Math.round((N / rawMs) * 1000)} rows/s)`);
    console.log(
      `  survey import    ${ms(importMs)} ms  (${Math.round((N / importMs) * 1000)} rows/s)`,
    );
    check(
      'import throughput: median import / median raw inserts',
      importMs / rawMs,
      IMPORT_TARGET,
      {
        unit: 'x',
      },
    );
    if (!backend) throw new Error('no import ran');

    // (b) Search latency.
    const r = rng(7);
    const queries = Array.from({ length: QUERIES }, (_, i) =>
      i % 3 === 0
        ? `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]}`
        : WORDS[Math.floor(r() * WORDS.length)].slice(0, 3 + (i % 4)),
    );
    const viaDispatch: number[] = [];
    const viaRaw: number[] = [];
    const bare: number[] = [];
    const pageOnly: number[] = [];
    const bareStmt = backend.db.prepare(
      'SELECT rowid FROM contributions_fts WHERE contributions_fts MATCH ? ORDER BY rank LIMIT 50',
    );
    // Warm up both paths.
    for (const query of queries.slice(0, 5)) {
      await backend.dispatch('contributions.list', { forumId, search: query, limit: 50 });
    }
    for (const query of queries) {
      const match = ftsQuery(query)!;
      const list = { forumId, match, publishableOnly: false, offset: 0, limit: 50 };
      const order = [0, 1, 2, 3].sort(() => r() - 0.5);
      for (const which of order) {
        const t = performance.now();
        if (which === 0) {
          const res = await backend.dispatch('contributions.list', {
            forumId,
            search: query,
            limit: 50,
          });
          if (!res.ok) throw new Error(res.error.message);
          viaDispatch.push(performance.now() - t);
        } else if (which === 1) {
          const { sql, params } = contributionListSql(list);
          const page = stmt(backend.db, sql).all(params) as { key: number }[];
          stmt(backend.db, SNIPPET_SQL).all({
            match,
            keys: JSON.stringify(page.map((p) => p.key)),
          });
          viaRaw.push(performance.now() - t);
        } else if (which === 2) {
          bareStmt.all(match);
          bare.push(performance.now() - t);
        } else {
          const { sql, params } = contributionListSql(list);
          stmt(backend.db, sql).all(params);
          pageOnly.push(performance.now() - t);
        }
      }
    }
    console.log(`\nFull-text search over ${N} contributions (${QUERIES} queries, page of 50)`);
    console.log(
      `  dispatch contributions.list   median ${ms(median(viaDispatch))} ms  p95 ${ms(quantile(viaDispatch, 0.95))} ms`,
    );
    console.log(
      `  raw FTS query (same SQL)      median ${ms(median(viaRaw))} ms  p95 ${ms(quantile(viaRaw, 0.95))} ms`,
    );
    console.log(
      `  bare FTS MATCH ORDER BY rank  median ${ms(median(bare))} ms  p95 ${ms(quantile(bare, 0.95))} ms`,
    );
    check(
      'search: dispatch median / raw SQL median',
      median(viaDispatch) / median(viaRaw),
      SEARCH_TARGET,
      {
        unit: 'x',
      },
    );
    console.log(`  ranked page query alone       median ${ms(median(pageOnly))} ms  (no snippets)`);
    // The forum is in the full-text key: the ranked page stays near the bare FTS query.
    check(
      'search: ranked page median / bare FTS median',
      median(pageOnly) / median(bare),
      BARE_TARGET,
      {
        unit: 'x',
      },
    );
    summary();
    backend.close();
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
