/**
 * The leak check of the outcome report: on the sample forum with several participants protected
 * and mentioned in call minutes and titles, a session, contributions (as contributors and in the
 * text), comments and report prose, no export format carries any of their identifiers: Markdown,
 * HTML, DOCX (every part of the zip, docProps included) and PDF (printed by Chromium from the
 * print-ready HTML; its text by pdftotext and its info dictionary by pdfinfo). The DOCX also goes
 * through LibreOffice where it is installed, and its text must carry every section heading.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CommentRound,
  Contribution,
  ExportFile,
  Forum,
  Page,
  Participant,
  ParticipantRow,
  PrintableExport,
  Report,
  ReportSection,
  ReportVersionSummary,
  TimelineEntry,
} from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';
import { unzip } from './zip-testing';

let backend: Backend;
let forum: Forum;
let report: Report;
let round: CommentRound;
const identifiers: string[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'report-leak-'));

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = (await backend.dispatch(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

function expectNoLeak(label: string, text: string) {
  const hay = text.toLowerCase();
  for (const id of identifiers)
    expect(hay.includes(id.toLowerCase()), `${label} contains "${id}"`).toBe(false);
}

beforeAll(async () => {
  backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  forum = await call<Forum>('forums.loadSample', {});
  const people = (
    await call<Page<ParticipantRow>>('participants.list', { forumId: forum.id, limit: 500 })
  ).rows;
  const targets = people.slice(0, 3);
  for (const t of targets) {
    const p = await call<Participant>('participants.get', { id: t.id });
    identifiers.push(p.fullName, ...(p.email ? [p.email] : []), ...p.handles, ...p.aliases);
    await call('participants.protect', { id: t.id, reason: 'Targeted by a harassment campaign' });
  }
  const [a, b, c] = await Promise.all(
    targets.map((t) => call<Participant>('participants.get', { id: t.id })),
  );
  // Mentions in call minutes and titles, and in an onsite session's notes.
  const timeline = await call<TimelineEntry[]>('timeline.list', { forumId: forum.id });
  for (const e of timeline.filter((x) => x.kind === 'call').slice(0, 3))
    await call('calls.update', {
      id: e.id,
      title: `Call with ${a.fullName}`,
      minutes: `${b.fullName} (${b.email}) raised a point.`,
    });
  // Contributions by protected people and mentioning them.
  const contributions: Contribution[] = [];
  for (const [who, text] of [
    [a, `A programme run by ${c.fullName}`],
    [b, `Write to ${a.email} for details.`],
  ] as const) {
    const made = await call<Contribution>('contributions.create', {
      forumId: forum.id,
      title: `Practice of ${who.fullName}`,
      summary: text,
      body: text,
      kind: 'practice',
      source: 'email',
      receivedOn: '2026-03-01',
      contributorId: who.id,
      attribution: 'named',
      mayPublish: true,
    });
    await call('contributions.setStatus', { id: made.id, status: 'accepted' });
    contributions.push(made);
  }
  report = await call<Report>('report.create', { forumId: forum.id });
  const s = report.sections.find((x) => x.title === 'Barriers')!;
  const calls = timeline.filter((x) => x.kind === 'call');
  await call<ReportSection>('report.saveSection', {
    id: s.id,
    baseRevision: s.revision,
    markdown: `As ${a.fullName} told the call, harassment is a barrier [@contribution:${contributions[0].id}] [@contribution:${contributions[1].id}]${calls[0] ? ` [@call:${calls[0].id}]` : ''}.\n\n| Who | Said |\n| --- | --- |\n| ${c.fullName} | via ${c.email} |\n`,
  });
  for (const g of report.sections.filter((x) => x.kind !== 'text'))
    await call('report.generateSection', { id: g.id });
  const v = await call<ReportVersionSummary>('report.saveVersion', {
    reportId: report.id,
    name: 'Draft I',
  });
  round = await call<CommentRound>('report.createRound', {
    reportId: report.id,
    phase: 2,
    title: 'Public comment',
    versionId: v.id,
  });
  await call('report.addComment', {
    roundId: round.id,
    participantId: a.id,
    ref: '',
    text: `I agree with ${b.fullName}.`,
    channel: 'platform',
  });
  const appendix = (await call<Report>('report.get', { id: report.id })).sections.find(
    (x) => x.kind === 'comments',
  )!;
  await call('report.generateSection', { id: appendix.id });
  report = await call<Report>('report.get', { id: report.id });
  expect(identifiers.length).toBeGreaterThanOrEqual(6);
});

afterAll(() => {
  backend?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const render = (format: string, audience: string, kind = 'report', subjectId = report.id) =>
  call<ExportFile>('exports.render', { forumId: forum.id, kind, format, audience, subjectId });

describe('report leak check', () => {
  it('the report prose really mentioned them (the check is not vacuous)', () => {
    const text = report.sections.map((s) => s.markdown).join('\n');
    expect(identifiers.some((id) => text.includes(id))).toBe(true);
  });

  for (const audience of ['public', 'participants'])
    it(`Markdown and HTML for ${audience} carry no identifier of a protected participant`, async () => {
      for (const format of ['md', 'html']) {
        const f = await render(format, audience);
        expect(f.redactionCount).toBeGreaterThan(0);
        expectNoLeak(`${format}/${audience}`, Buffer.from(f.base64, 'base64').toString('utf8'));
        const r = await render(format, audience, 'report-round', round.id);
        expectNoLeak(
          `round ${format}/${audience}`,
          Buffer.from(r.base64, 'base64').toString('utf8'),
        );
      }
    });

  it('every part of the DOCX (docProps included) is clean and names the forum as author', async () => {
    for (const audience of ['public', 'participants']) {
      const f = await render('docx', audience);
      const parts = unzip(Buffer.from(f.base64, 'base64'));
      expect([...parts.keys()]).toEqual(
        expect.arrayContaining(['word/document.xml', 'docProps/core.xml']),
      );
      for (const [name, data] of parts) expectNoLeak(`docx ${name}`, data.toString('utf8'));
      const core = parts.get('docProps/core.xml')!.toString('utf8');
      expect(core).toContain(`<dc:creator>${forum.title}</dc:creator>`);
      expect(core).toContain(`<cp:lastModifiedBy>${forum.title}</cp:lastModifiedBy>`);
      const document = parts.get('word/document.xml')!.toString('utf8');
      expect(document).toMatch(/<w:instrText[^>]*>TOC \\h \\o/);
      expect(document).toContain('w:val="Heading2"');
      expect(document).toContain('<w:tbl>');
    }
  });

  it.skipIf(!existsSync('/usr/bin/chromium') || !has('pdftotext'))(
    'the PDF printed by Chromium is clean, text and info dictionary',
    async () => {
      const { chromium } = await import('@playwright/test');
      const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
      try {
        for (const audience of ['public', 'participants']) {
          const printable = await call<PrintableExport>('exports.printable', {
            forumId: forum.id,
            kind: 'report',
            audience,
            subjectId: report.id,
          });
          const page = await browser.newPage();
          await page.setContent(printable.html, { waitUntil: 'load' });
          const pdf = join(tmp, `report-${audience}.pdf`);
          writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
          await page.close();
          const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8');
          expect(text).toContain('Executive summary');
          expectNoLeak(`pdf text ${audience}`, text);
          const info = execFileSync('pdfinfo', [pdf]).toString('utf8');
          expectNoLeak(`pdf info ${audience}`, info);
          expect(info).toContain(report.title.slice(0, 20));
        }
      } finally {
        await browser.close();
      }
    },
    60_000,
  );

  it.skipIf(!has('libreoffice'))(
    'the DOCX opens in LibreOffice and its text has every section heading (skipped where LibreOffice is not installed)',
    async () => {
      const f = await render('docx', 'public');
      const docx = join(tmp, 'report.docx');
      writeFileSync(docx, Buffer.from(f.base64, 'base64'));
      execFileSync(
        'libreoffice',
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${tmp}/lo-profile`,
          '--convert-to',
          'pdf',
          '--outdir',
          tmp,
          docx,
        ],
        {
          timeout: 120_000,
          stdio: 'ignore',
        },
      );
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(tmp, 'report.pdf'), '-'])
        .toString('utf8')
        .replace(/\s+/g, ' ');
      for (const s of report.sections) expect(text).toContain(`${s.number} ${s.title}`);
      expectNoLeak('libreoffice pdf', text);
      expect(readFileSync(join(tmp, 'report.pdf')).subarray(0, 4).toString()).toBe('%PDF');
    },
    150_000,
  );
});
