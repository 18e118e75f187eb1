/**
 * Report benchmark (`npm run bench -- report`): a report with N accepted contributions (default
 * 1,000) and 50 sections. Prints the time to compile each format through the publication path
 * (Markdown, HTML, print-ready HTML for PDF, DOCX; median of a few runs) and, in the same run, the
 * time pandoc takes to turn the same Markdown into DOCX. Target: our DOCX no slower than pandoc's.
 *
 * Environment: BENCH_REPORT_CONTRIBUTIONS (default 1000), BENCH_REPORT_RUNS (default 5).
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
