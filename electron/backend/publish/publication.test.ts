/**
 * The publication model end to end, on the sample forum:
 * - a version saved BEFORE people were protected, exported after, carries none of their
 *   identifiers (names written across Markdown markup, in link URLs, credit lines with their
 *   organisation, commenters), in every report format for both audiences;
 * - every export kind x format x audience carries no identifier of a protected person;
 * - DOCX: each citation mark has its own footnote naming the right source (pandoc; LibreOffice
 *   where installed), headings do not skip levels, the TOC field is the LibreOffice kind.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Contribution,
  ExportFile,
  Forum,
  Page,
  Participant,
  ParticipantRow,
  Report,
  ReportSection,
  ReportVersionSummary,
  TimelineEntry,
} from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';
import { containsIdentifier, type CorpusPerson } from '../privacy/testCorpus';
import { unzip } from './zip-testing';

let backend: Backend;
let forum: Forum;
let report: Report;
let version: ReportVersionSummary;
const targets: CorpusPerson[] = [];
const sources: { id: string; title: string }[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'publication-'));

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const HAS_PANDOC = has('pandoc');
const HAS_SOFFICE = has('soffice') && has('pdftotext');

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = (await backend.dispatch(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const decode = (f: ExportFile) => Buffer.from(f.base64, 'base64');

/** The text of any export: DOCX as every part of its zip, others as UTF-8. */
function textOf(f: ExportFile): string {
  if (f.filename.endsWith('.docx'))
    return [...unzip(decode(f)).values()].map((b) => b.toString('utf8')).join('\n');
  return decode(f).toString('utf8');
}

function expectClean(label: string, out: string) {
  for (const p of targets)
    expect(containsIdentifier(out, p), `${label}: ${p.fullName}`).toBe(false);
}

beforeAll(async () => {
  backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  forum = await call<Forum>('forums.loadSample', {});
  const rows = (
    await call<Page<ParticipantRow>>('participants.list', { forumId: forum.id, limit: 500 })
  ).rows.slice(3, 6);
  for (const [i, r] of rows.entries()) {
    // A distinctive organisation: withheld once they are protected, wherever attached to them.
    const before = await call<Participant>('participants.get', { id: r.id });
    const p = await call<Participant>('participants.update', {
      id: r.id,
      organisation: `Quillfeather Collective ${'ABC'[i]}`,
      handles: before.handles.length ? before.handles : [`@quill_${i}_${r.id.slice(0, 6)}`],
    });
    const [given, ...rest] = p.fullName.split(' ');
    targets.push({
      ...p,
      pseudonym: '',
      given,
      family: rest.join(' '),
      handle: p.handles[0].replace(/^@/, ''),
      email: p.email ?? `${given.toLowerCase()}@nowhere.invalid`,
      organisation: p.organisation ?? '',
    });
  }
  const [a, b, c] = targets;
  for (const who of targets) {
    const made = await call<Contribution>('contributions.create', {
      forumId: forum.id,
      title: `Practice ${sources.length + 1}`,
      summary: 'A practice.',
      body: 'A practice.',
      kind: 'practice',
      source: 'email',
      receivedOn: '2026-03-01',
      contributorId: who.id,
      attribution: 'named',
      mayPublish: true,
    });
    await call('contributions.setStatus', { id: made.id, status: 'accepted' });
    sources.push({ id: made.id, title: made.title });
  }
  report = await call<Report>('report.create', { forumId: forum.id });
  const s = report.sections.find((x) => x.title === 'Barriers')!;
  const half = Math.ceil(b.family.length / 2);
  const cite = (i: number) => `[@contribution:${sources[i].id}]`;
  await call<ReportSection>('report.saveSection', {
    id: s.id,
    baseRevision: s.revision,
    markdown: [
      `As **${a.given}** ${a.family} said ${cite(0)}, and [${b.given}](mailto:${b.email}) ${b.family.slice(0, half)}**${b.family.slice(half)}** agreed ${cite(1)}.`,
      '',
      `See <b>${c.given}</b> ${c.family} ${cite(2)} and [profile](https://x.com/${c.handle}).`,
      '',
      `Again: ${cite(0)} ${cite(1)} ${cite(2)}.`,
      '',
      '#### A deep heading',
      '',
      `| Who | Said |\n| --- | ---: |\n| _${a.given}_ ${a.family} | 3 |`,
    ].join('\n'),
  });
  for (const g of report.sections.filter((x) => x.kind !== 'text'))
    await call('report.generateSection', { id: g.id });
  version = await call<ReportVersionSummary>('report.saveVersion', {
    reportId: report.id,
    name: 'Before protection',
  });
  // Only now are they protected: the saved version must still come out redacted.
  for (const t of targets) {
    const p = await call<Participant>('participants.protect', { id: t.id, reason: 'Targeted' });
    t.pseudonym = p.pseudonym ?? '';
  }
}, 60_000);

afterAll(() => {
  backend?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const render = (kind: string, format: string, audience: string, subjectId?: string) =>
  call<ExportFile>('exports.render', { forumId: forum.id, kind, format, audience, subjectId });

describe('a version saved before a protection, exported after it', () => {
  it('mentioned them and credited them with their organisation when saved (not vacuous)', async () => {
    const before = await render('report', 'md', 'coordinators', version.id).catch(() => null);
    expect(before).toBeNull(); // the report is never exported for coordinators
    const saved = (await call<Report>('report.get', { id: report.id })).sections
      .map((x) => x.markdown)
      .join('\n');
    expect(saved).toContain(`**${targets[0].given}** ${targets[0].family}`);
  });

  for (const audience of ['public', 'participants'])
    for (const format of ['md', 'html', 'docx'])
      it(`${format} for ${audience} carries none of their identifiers`, async () => {
        const f = await render('report', format, audience, version.id);
        const out = textOf(f);
        expectClean(`${format}/${audience}`, out);
        expect(out).toContain(targets[0].pseudonym);
        expect(f.redactionCount).toBeGreaterThan(0);
      });

  it('the print-ready page too', async () => {
    const p = await call<{ html: string; title: string }>('exports.printable', {
      forumId: forum.id,
      kind: 'report',
      audience: 'public',
      subjectId: version.id,
    });
    expectClean('printable', p.html + p.title);
  });
});

describe('every export kind, format and audience', () => {
  const kinds: [string, string[]][] = [
    ['participant-directory', ['csv', 'md', 'html']],
    ['contributions', ['csv', 'md', 'html']],
    ['contribution-coverage', ['csv', 'md', 'html']],
    ['representation', ['csv', 'md', 'html']],
  ];
  for (const [kind, formats] of kinds)
    for (const format of formats)
      for (const audience of ['public', 'participants'])
        it(`${kind} ${format} ${audience}`, async () => {
          const f = await render(kind, format, audience);
          expectClean(`${kind}/${format}/${audience}`, textOf(f) + f.filename);
        });

  it('calendars and invitations of the calls', async () => {
    const timeline = await call<TimelineEntry[]>('timeline.list', { forumId: forum.id });
    const callEntry = timeline.find((x) => x.kind === 'call')!;
    const f = await render('call-calendar', 'ics', 'public', callEntry.id);
    expectClean('call-calendar', textOf(f) + f.filename);
  });
});

describe('DOCX footnotes, headings and contents', () => {
  const docx = async () => {
    const f = await render('report', 'docx', 'public', version.id);
    const file = join(tmp, 'report.docx');
    writeFileSync(file, decode(f));
    return { f, file };
  };

  it('gives every citation mark its own footnote', async () => {
    const { f } = await docx();
    const parts = unzip(decode(f));
    const body = parts.get('word/document.xml')!.toString('utf8');
    const notes = parts.get('word/footnotes.xml')!.toString('utf8');
    const marks = [...body.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]);
    expect(marks.length).toBeGreaterThanOrEqual(6);
    expect(new Set(marks).size).toBe(marks.length);
    for (const id of marks) expect(notes).toContain(`w:id="${id}"`);
  });

  it('pandoc reads each mark with the note of its own source, and levels never skip', async (ctx) => {
    if (!HAS_PANDOC) return ctx.skip(); // pandoc is not installed on this machine
    const { file } = await docx();
    const plain = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file], {
      encoding: 'utf8',
    });
    // "Again: [1] [2] [3]" -> the notes of those marks name Practice 1, 2, 3 in that order.
    const again = /Again: ?\[(\d+)\] ?\[(\d+)\] ?\[(\d+)\]/.exec(plain);
    expect(again, plain.slice(0, 3000)).not.toBeNull();
    again!.slice(1).forEach((n, i) => {
      const note = new RegExp(`^\\[${n}\\] (.*)$`, 'm').exec(plain);
      expect(note?.[1]).toContain(`“Practice ${i + 1}”`);
    });
    const json = JSON.parse(
      execFileSync('pandoc', ['-f', 'docx', '-t', 'json', file], { encoding: 'utf8' }),
    ) as { blocks: { t: string; c: unknown[] }[] };
    const levels = json.blocks.filter((b) => b.t === 'Header').map((b) => b.c[0] as number);
    levels.reduce((prev, l) => {
      expect(l - prev, `levels ${levels.join(',')}`).toBeLessThanOrEqual(1);
      return l;
    }, 0);
    // The contents are not a heading (a TOC would list "Contents" itself).
    const headers = json.blocks.filter((b) => b.t === 'Header').map((b) => JSON.stringify(b.c));
    expect(headers.some((h) => h.includes('"Contents"'))).toBe(false);
    const xml = unzip(decode((await docx()).f))
      .get('word/document.xml')!
      .toString('utf8');
    const instr = /<w:instrText[^>]*>(TOC [^<]*)</.exec(xml)?.[1] ?? '';
    for (const sw of ['\\h', '\\z', '\\u']) expect(instr.split(' ')).toContain(sw);
  }, 60_000);

  it('pandoc reads the Markdown and HTML exports as the same document', async (ctx) => {
    if (!HAS_PANDOC) return ctx.skip(); // pandoc is not installed on this machine
    for (const [format, reader] of [
      ['md', 'gfm'],
      ['html', 'html'],
    ]) {
      const f = await render('report', format, 'public', version.id);
      const file = join(tmp, `report.${format}`);
      writeFileSync(file, decode(f));
      const plain = execFileSync('pandoc', ['-f', reader, '-t', 'plain', '--wrap=none', file], {
        encoding: 'utf8',
      });
      expect(plain).toContain('2.1 Barriers');
      expect(plain).toContain(targets[0].pseudonym);
      expectClean(`pandoc ${format}`, plain);
    }
  }, 60_000);

  it('LibreOffice numbers the notes right and fills the contents with page numbers', async (ctx) => {
    if (!HAS_SOFFICE) return ctx.skip(); // LibreOffice or pdftotext is not installed here
    const { file } = await docx();
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${tmp}/lo`,
        '--convert-to',
        'pdf',
        '--outdir',
        tmp,
        file,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const text = execFileSync('pdftotext', ['-layout', join(tmp, 'report.pdf'), '-'], {
      encoding: 'utf8',
    });
    // As many notes name each source as the DOCX has marks for it (each mark its own note).
    const notes = unzip(decode((await docx()).f))
      .get('word/footnotes.xml')!
      .toString('utf8');
    for (let i = 1; i <= 3; i++) {
      const expected = notes.match(new RegExp(`“Practice ${i}”`, 'g'))?.length ?? 0;
      expect(expected).toBeGreaterThanOrEqual(2);
      expect(text.match(new RegExp(`“Practice ${i}”`, 'g'))?.length ?? 0).toBe(expected);
    }
    // The contents list the sections with a page number (the TOC field was updated).
    expect(text).toMatch(/2\.1 Barriers\s*\.*\s*\d+/);
    expectClean('libreoffice pdf', text);
  }, 180_000);
});
