/**
 * Report benchmark (`npm run bench -- report`): a report with N accepted contributions (default
 * 1,000) and 50 sections. Prints the time to compile each format through the publication path
 * (Markdown, HTML, print-ready HTML for PDF, DOCX; median of a few runs) and, in the same run, the
 * time pandoc takes to turn the same Markdown into DOCX. Target: our DOCX no slower than pandoc's.
 *
 * Then `report.get` at scale (issue 15): a forum of BENCH_REPORT_PARTICIPANTS members (default
 * 100,000) with 40 calls and BENCH_REPORT_ATTENDANCE attendance records (default 200,000), 1,000
 * accepted contributions and a 50-section report from the template (its generated sections made
 * from that data). Interleaved in one run: `report.get` for coordinators and for the public, the
 * physical limit (reading the report's rows: sections, versions, rounds), and `report.get` of the
 * same report on an empty forum. Targets: `report.get` under 50 ms (median) for both audiences and
 * no slower than 3x the empty forum's (no work in proportion to participants); adding a section
 * under 50 ms (median). No ANALYZE (the app runs none). Exits 1 when a target fails.
 *
 * Environment: BENCH_REPORT_CONTRIBUTIONS (default 1000), BENCH_REPORT_RUNS (default 5),
 * BENCH_REPORT_PARTICIPANTS, BENCH_REPORT_ATTENDANCE, BENCH_RUNS (default 7).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/backend/backend';
import type {
  Contribution,
  ExportFile,
  Forum,
  Report,
  ReportSection,
  Theme,
} from '../../shared/api';
import type { RpcResult } from '../../shared/result';
import { COUNTRIES } from '../../shared/domain/countries';
import { GENDERS, STAKEHOLDER_GROUPS } from '../../shared/domain/vocabulary';
import { check, interleave, median as medianOf, ms, runsFromEnv, summary } from '../lib';

const N = Number(process.env.BENCH_REPORT_CONTRIBUTIONS ?? 1000);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5);
const SECTIONS = 50;

const backend = createBackend({ dbFile: ':memory:', shell: 'test' });
async function call<T>(method: string, input: unknown): Promise<T> {
  const r = (await backend.dispatch(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const WORDS =
  'community network access gender women youth literacy school library rural broadband policy safety harassment helpline privacy training mentor local content language accessibility platform moderation awareness campaign mobile connectivity affordability'.split(
    ' ',
  );
let seed = 42;
const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const sentence = (n: number) =>
  Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');

const forum = await call<Forum>('forums.loadSample', {});
const themes: Theme[] = [];
for (const name of ['Access', 'Safety', 'Skills', 'Policy'])
  themes.push(
    await call<Theme>('themes.create', { forumId: forum.id, name }).catch(async () =>
      (await call<Theme[]>('themes.list', { forumId: forum.id })).find((t) => t.name === name)!,
    ),
  );
const REGIONS = [
  'africa',
  'asia',
  'europe',
  'latin_america_caribbean',
  'northern_america',
  'oceania',
];
const ids: string[] = [];
let t0 = performance.now();
for (let i = 0; i < N; i++) {
  const c = await call<Contribution>('contributions.create', {
    forumId: forum.id,
    title: `Practice ${i}: ${sentence(4)}`,
    summary: sentence(30),
    kind: 'practice',
    source: 'survey',
    region: REGIONS[i % REGIONS.length],
    themeIds: [themes[i % themes.length].id],
    receivedOn: '2026-03-01',
    contributorName: `Contributor ${i}`,
    attribution: i % 3 === 0 ? 'anonymous' : 'named',
    mayPublish: true,
  });
  await call('contributions.setStatus', { id: c.id, status: 'accepted' });
  ids.push(c.id);
}
console.log(
  `setup: ${N} accepted contributions in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

let report = await call<Report>('report.create', { forumId: forum.id });
while (report.sections.length < SECTIONS)
  report = await call<Report>('report.addSection', {
    reportId: report.id,
    afterId: report.sections[report.sections.length - 1].id,
    title: `Finding ${report.sections.length}`,
    level: 2,
  });
for (const s of report.sections.filter((x) => x.kind === 'text')) {
  const paragraphs = Array.from(
    { length: 6 },
    () => `${sentence(60)} [@contribution:${ids[Math.floor(rnd() * ids.length)]}].`,
  );
  await call<ReportSection>('report.saveSection', {
    id: s.id,
    baseRevision: s.revision,
    markdown: paragraphs.join('\n\n'),
  });
}
report = await call<Report>('report.get', { id: report.id });

const times: Record<string, number> = {};
let markdown = '';
for (const format of ['md', 'html', 'docx'] as const) {
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    t0 = performance.now();
    const f = await call<ExportFile>('exports.render', {
      forumId: forum.id,
      kind: 'report',
      format,
      audience: 'public',
      subjectId: report.id,
    });
    runs.push(performance.now() - t0);
    if (format === 'md') markdown = Buffer.from(f.base64, 'base64').toString('utf8');
  }
  times[format] = median(runs);
}
{
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    t0 = performance.now();
    await call('exports.printable', {
      forumId: forum.id,
      kind: 'report',
      audience: 'public',
      subjectId: report.id,
    });
    runs.push(performance.now() - t0);
  }
  times['pdf (print-ready HTML)'] = median(runs);
}
console.log(
  `report: ${report.sections.length} sections, ${N} accepted contributions, Markdown ${(markdown.length / 1024).toFixed(0)} KiB`,
);
for (const [k, v] of Object.entries(times))
  console.log(`  ${k.padEnd(24)} ${v.toFixed(1)} ms (median of ${RUNS})`);

const pandoc = spawnSync('sh', ['-c', 'command -v pandoc']).status === 0;
if (!pandoc) {
  console.log('pandoc is not installed: comparison skipped (install the Debian package pandoc).');
  console.log('SKIP: report DOCX vs pandoc');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
  try {
    const md = join(dir, 'report.md');
    writeFileSync(md, markdown);
    const runs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      t0 = performance.now();
      execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(dir, 'report.docx'), md]);
      runs.push(performance.now() - t0);
    }
    const p = median(runs);
    console.log(`  ${'pandoc md -> docx'.padEnd(24)} ${p.toFixed(1)} ms (median of ${RUNS})`);
    const ratio = times.docx / p;
    console.log(`ratio ours/pandoc: ${ratio.toFixed(2)}x (target <= 1.00x)`);
    console.log(
      `${ratio <= 1 ? 'PASS' : 'FAIL'}: report DOCX export ${ratio <= 1 ? 'no slower than' : 'slower than'} pandoc`,
    );
    if (ratio > 1) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
backend.close();

await reportAtScale();
summary();

/** report.get at 100,000 participants against the rows it reads (issue 15). */
async function reportAtScale(): Promise<void> {
  const P = Number(process.env.BENCH_REPORT_PARTICIPANTS ?? 100_000);
  const A = Number(process.env.BENCH_REPORT_ATTENDANCE ?? 200_000);
  const CALLS = 40;
  const GET_TARGET_MS = 50;
  const dir = mkdtempSync(join(tmpdir(), 'bench-report-scale-'));
  const now = Date.UTC(2026, 10, 1);
  const big = createBackend({ dbFile: join(dir, 'scale.db'), shell: 'test', now: () => now });
  try {
    const on = async <T>(method: string, input: unknown, audience = 'coordinators'): Promise<T> => {
      const r = (await big.dispatch(method, input, { audience } as never)) as RpcResult<T>;
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    const forumOf = async (title: string) =>
      (await on<Forum>('forums.create', { title, year: 2026 })).id;
    const bigForum = await forumOf('BPF Scale');
    const smallForum = await forumOf('BPF Empty');
    const db = big.db;
    let s2 = 7;
    const r2 = () => (s2 = (s2 * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r2() * xs.length)];
    const countries = COUNTRIES.filter((c) => c.region);
    const id = (prefix: number, i: number) =>
      `${prefix.toString(16).padStart(8, '0')}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
    console.log(
      `\nreport.get at scale: generating ${P} participants, ${CALLS} calls, ${A} attendance records...`,
    );
    let t = performance.now();
    const insertP = db.prepare(
      `INSERT INTO participants (id, forum_id, full_name, organisation, stakeholder_group, country, region,
         development_status, gender, search_text, sort_name, consent_listed, is_protected, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertC = db.prepare(
      `INSERT INTO calls (id, forum_id, start_at, duration_minutes, zone, title, status, created_at, updated_at)
       VALUES (?, ?, ?, 60, 'UTC', ?, 'scheduled', ?, ?)`,
    );
    const insertA = db.prepare(
      'INSERT INTO attendance (call_id, participant_id, status) VALUES (?, ?, ?)',
    );
    const insertK = db.prepare(
      `INSERT INTO contributions (id, forum_id, title, kind, source, contributor_id, received_on, status, may_publish, attribution, created_at, updated_at)
       VALUES (?, ?, ?, 'practice', 'call', ?, '2026-03-01', 'accepted', 1, 'named', ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < P; i++) {
        const c = pick(countries);
        const name = `Member ${i}`;
        insertP.run(
          id(0x10000000, i),
          bigForum,
          name,
          `Org ${i % 997}`,
          pick(STAKEHOLDER_GROUPS),
          c.code,
          c.region,
          c.ldc ? 'ldc' : c.developed ? 'developed' : 'developing',
          r2() < 0.1 ? null : pick(GENDERS),
          name.toLowerCase(),
          name.toLowerCase(),
          r2() < 0.01 ? 1 : 0,
          r2() < 0.005 ? 1 : 0,
          now,
          now,
        );
      }
      const perCall = Math.ceil(A / CALLS);
      const step = Math.max(1, Math.floor(P / perCall));
      for (let k = 0; k < CALLS; k++) {
        const callId = id(0x20000000, k);
        insertC.run(
          callId,
          bigForum,
          Date.UTC(2026, 0, 15) + k * 7 * 86_400_000,
          `Call ${k + 1}`,
          now,
          now,
        );
        const start = Math.floor(r2() * P);
        for (let j = 0; j < perCall && j < P; j++)
          insertA.run(
            callId,
            id(0x10000000, (start + j * step) % P),
            r2() < 0.8 ? 'attended' : 'apologies',
          );
      }
      for (let k = 0; k < 1000; k++)
        insertK.run(
          id(0x40000000, k),
          bigForum,
          `Practice ${k}`,
          id(0x10000000, Math.floor(r2() * P)),
          now,
          now,
        );
    })();
    console.log(`  inserted in ${ms((performance.now() - t) / 1000)} s`);

    /** A 50-section report from the template; each added section timed. */
    const build = async (forumId: string) => {
      t = performance.now();
      let report = await on<Report>('report.create', { forumId });
      const createMs = performance.now() - t;
      const adds: number[] = [];
      while (report.sections.length < SECTIONS) {
        t = performance.now();
        report = await on<Report>('report.addSection', {
          reportId: report.id,
          afterId: report.sections[report.sections.length - 1].id,
          title: `Finding ${report.sections.length}`,
          level: 2,
        });
        adds.push(performance.now() - t);
      }
      return { report, createMs, adds };
    };
    const bigReport = await build(bigForum);
    const smallReport = await build(smallForum);
    const readRows = db.prepare(
      'SELECT * FROM report_sections WHERE report_id = ? ORDER BY position',
    );
    const readVersions = db.prepare(
      'SELECT id, name, created_at FROM report_versions WHERE report_id = ?',
    );
    const readRounds = db.prepare('SELECT * FROM comment_rounds WHERE report_id = ?');
    const get = (reportId: string, audience: string) => () =>
      on<Report>('report.get', { id: reportId }, audience);
    // The first public read after a protection change redacts every section's text (then cached).
    t = performance.now();
    await get(bigReport.report.id, 'public')();
    const firstPublicMs = performance.now() - t;
    const times = await interleave(
      {
        rows: () => {
          readRows.all(bigReport.report.id);
          readVersions.all(bigReport.report.id);
          readRounds.all(bigReport.report.id);
        },
        coordinators: get(bigReport.report.id, 'coordinators'),
        public: get(bigReport.report.id, 'public'),
        emptyForum: get(smallReport.report.id, 'coordinators'),
      },
      runsFromEnv(7),
    );
    const rowsMs = medianOf(times.rows);
    const emptyMs = medianOf(times.emptyForum);
    console.log(
      `report.get of a ${SECTIONS}-section report, ${P} participants (median of ${times.rows.length} interleaved runs)`,
    );
    console.log(`  reading its rows (the physical limit)      ${ms(rowsMs, 2)} ms`);
    console.log(`  report.get, same report on an empty forum  ${ms(emptyMs)} ms`);
    for (const a of ['coordinators', 'public'] as const) {
      const m = medianOf(times[a]);
      console.log(
        `  report.get (${a.padEnd(12)})             ${ms(m)} ms  (${(m / rowsMs).toFixed(1)}x the rows, ${(m / emptyMs).toFixed(2)}x the empty forum)`,
      );
    }
    console.log(
      `  report.get (public), first read after a protection change  ${ms(firstPublicMs)} ms`,
    );
    console.log(
      `  report.create from the template (generates 4 sections)  ${ms(bigReport.createMs)} ms (empty forum ${ms(smallReport.createMs)} ms)`,
    );
    console.log(
      `  report.addSection (median of ${bigReport.adds.length})              ${ms(medianOf(bigReport.adds))} ms (empty forum ${ms(medianOf(smallReport.adds))} ms)`,
    );
    for (const a of ['coordinators', 'public'] as const) {
      check(
        `report.get for ${a} at ${P} participants (median)`,
        medianOf(times[a]),
        GET_TARGET_MS,
        { unit: ' ms' },
      );
      check(`report.get for ${a}: ratio to the empty forum's`, medianOf(times[a]) / emptyMs, 3, {
        unit: 'x',
      });
    }
    check('report.addSection (median)', medianOf(bigReport.adds), GET_TARGET_MS, { unit: ' ms' });
  } finally {
    big.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
