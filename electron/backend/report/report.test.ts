import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CommentImportResult,
  CommentRound,
  Contribution,
  ExportFile,
  Participant,
  Report,
  ReportComment,
  ReportComparison,
  ReportSection,
  ReportVersionSummary,
} from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';
import type { BackendContext } from '../context';
import { redactMarkdown } from '../privacy/markdown';
import { protectionFor } from '../privacy/redactors';
import { generateSection } from './generate';

let backend: Backend;
let forumId: string;

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = (await backend.dispatch(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}
const attempt = (method: string, input: unknown) => backend.dispatch(method, input);
const decode = (f: ExportFile) => Buffer.from(f.base64, 'base64').toString('utf8');

beforeEach(async () => {
  backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  forumId = (await call<{ id: string }>('forums.create', { title: 'BPF Gender', year: 2026 })).id;
});
afterEach(() => backend.close());

const section = (r: Report, title: string) => r.sections.find((s) => s.title === title)!;

describe('report outline and sections', () => {
  it('creates a report from the BPF template, numbered', async () => {
    const r = await call<Report>('report.create', { forumId });
    expect(r.sections.map((s) => `${s.number} ${s.title}`).slice(0, 4)).toEqual([
      '1 Executive summary',
      '2 Part A: Findings',
      '2.1 Barriers',
      '2.2 Practices and initiatives',
    ]);
    expect(section(r, 'Methodology').kind).toBe('methodology');
    expect(section(r, 'Methodology').stale).toBe(false);
    expect(await call('report.list', { forumId })).toHaveLength(1);
  });

  it('adds, renames, reorders and removes sections', async () => {
    let r = await call<Report>('report.create', { forumId });
    const barriers = section(r, 'Barriers');
    r = await call<Report>('report.addSection', {
      reportId: r.id,
      afterId: barriers.id,
      title: 'Online abuse',
      level: 3,
    });
    expect(section(r, 'Online abuse').number).toBe('2.1.1');
    await call('report.updateSection', { id: barriers.id, title: 'Barriers to access' });
    const order = r.sections.map((s) => ({ id: s.id, level: s.level })).reverse();
    order[0].level = 1;
    r = await call<Report>('report.reorderSections', { reportId: r.id, sections: order });
    expect(r.sections[0].title).toBe('Session report');
    expect(section(r, 'Barriers to access')).toBeDefined();
    r = await call<Report>('report.removeSection', { id: barriers.id });
    expect(r.sections.find((s) => s.id === barriers.id)).toBeUndefined();
    const bad = await attempt('report.reorderSections', {
      reportId: r.id,
      sections: order.slice(1),
    });
    expect(bad).toMatchObject({ ok: false, error: { field: 'sections' } });
  });

  it('autosaves with revisions and rejects a stale write naming the field', async () => {
    const r = await call<Report>('report.create', { forumId });
    const s = section(r, 'Barriers');
    const saved = await call<ReportSection>('report.saveSection', {
      id: s.id,
      markdown: 'One.',
      baseRevision: s.revision,
    });
    expect(saved.revision).toBe(s.revision + 1);
    const stale = await attempt('report.saveSection', {
      id: s.id,
      markdown: 'Two.',
      baseRevision: s.revision,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', field: 'markdown' } });
    const again = await call<ReportSection>('report.saveSection', {
      id: s.id,
      markdown: 'Two.',
      baseRevision: saved.revision,
    });
    expect(again.markdown).toBe('Two.');
  });

  it('resolves citations and marks generated sections stale when data changes', async () => {
    const r = await call<Report>('report.create', { forumId });
    const c = await call<Contribution>('contributions.create', {
      forumId,
      title: 'Safe spaces programme',
      kind: 'practice',
      source: 'email',
      receivedOn: '2026-03-01',
      mayPublish: true,
      attribution: 'named',
      contributorName: 'Outside Person',
    });
    const s = section(r, 'Barriers');
    const saved = await call<ReportSection>('report.saveSection', {
      id: s.id,
      markdown: `Safe spaces help [@contribution:${c.id}].`,
      baseRevision: s.revision,
    });
    expect(saved.citations).toEqual([
      {
        kind: 'contribution',
        id: c.id,
        label: 'Safe spaces programme',
        date: '2026-03-01',
        missing: false,
      },
    ]);
    // Staleness compares the inputs' fingerprint stored at generation (issue 15: report.get does
    // not regenerate): any write to the forum's contributions, even a submitted one that the
    // section leaves out, marks it stale until regenerated.
    expect(
      section(await call<Report>('report.get', { id: r.id }), 'Practices and initiatives').stale,
    ).toBe(true);
    await call('report.generateSection', {
      id: section(await call<Report>('report.get', { id: r.id }), 'Practices and initiatives').id,
    });
    expect(
      section(await call<Report>('report.get', { id: r.id }), 'Practices and initiatives').stale,
    ).toBe(false);
    await call('contributions.setStatus', { id: c.id, status: 'accepted' });
    const practices = section(
      await call<Report>('report.get', { id: r.id }),
      'Practices and initiatives',
    );
    expect(practices.stale).toBe(true);
    const fresh = await call<ReportSection>('report.generateSection', { id: practices.id });
    expect(fresh.stale).toBe(false);
    expect(fresh.markdown).toContain('Safe spaces programme');
    // The credit is a reference, resolved when the report is rendered.
    expect(fresh.markdown).toContain(`[@attribution:${c.id}]`);
    expect(fresh.markdown).not.toContain('Outside Person');
    const md = decode(
      await call<ExportFile>('exports.render', {
        forumId,
        kind: 'report',
        format: 'md',
        audience: 'public',
        subjectId: r.id,
      }),
    );
    expect(md).toContain('Outside Person');
  });
});

describe('report.get without regenerating (issue 15)', () => {
  const ctxOf = (): BackendContext => ({
    db: backend.db,
    now: () => Date.now(),
    shell: 'test',
    dbFile: ':memory:',
  });
  /** The public report as it was made before issue 15: every generated section generated afresh. */
  const regeneratedForPublic = (r: Report) => {
    const ctx = ctxOf();
    const { redactor } = protectionFor(ctx, forumId);
    return r.sections.map(
      (s) =>
        redactMarkdown(
          s.kind === 'text' ? s.markdown : generateSection(ctx, forumId, r.id, s.kind).markdown,
          redactor,
        ).text,
    );
  };
  const publicGet = async (id: string) => {
    const res = await backend.dispatch('report.get', { id }, { audience: 'public' } as never);
    if (!res.ok) throw new Error(res.error.message);
    return res.value as Report;
  };

  it('gives the public the text generated now: stored when current, afresh when edited or out of date', async () => {
    const ana = await call<Participant>('participants.create', {
      forumId,
      fullName: 'Ana Lima',
      organisation: 'Rede Lima',
      stakeholderGroup: 'civil_society',
      country: 'BR',
      consentListed: true,
    });
    const c = await call<Contribution>('contributions.create', {
      forumId,
      title: 'Community networks',
      kind: 'practice',
      source: 'email',
      receivedOn: '2026-03-01',
      mayPublish: true,
      attribution: 'named',
      contributorId: ana.id,
    });
    await call('contributions.setStatus', { id: c.id, status: 'accepted' });
    const r = await call<Report>('report.create', { forumId });
    const expectSameAsRegenerated = async () => {
      const coordinators = await call<Report>('report.get', { id: r.id });
      expect((await publicGet(r.id)).sections.map((s) => s.markdown)).toEqual(
        regeneratedForPublic(coordinators),
      );
    };
    await expectSameAsRegenerated();
    // A generated section edited by hand: the public still reads the generated text. Saving a
    // section does not put the generated ones out of date (it did: it touched the report row).
    const contributors = section(r, 'Contributors');
    expect(contributors.kind).toBe('contributors');
    await call('report.saveSection', {
      id: contributors.id,
      baseRevision: contributors.revision,
      markdown: 'Ana Lima of Rede Lima wrote this.',
    });
    expect(section(await call<Report>('report.get', { id: r.id }), 'Contributors').stale).toBe(
      false,
    );
    await expectSameAsRegenerated();
    expect(section(await publicGet(r.id), 'Contributors').markdown).not.toContain('wrote this');
    // Protected after generation: out of date, so generated afresh (and redacted).
    await call('participants.protect', { id: ana.id, reason: 'Targeted online' });
    expect(
      section(await call<Report>('report.get', { id: r.id }), 'Practices and initiatives').stale,
    ).toBe(true);
    await expectSameAsRegenerated();
    expect(JSON.stringify((await publicGet(r.id)).sections)).not.toContain('Ana Lima');
  });

  it('still tells whether a section generated before input fingerprints were kept is out of date', async () => {
    const r = await call<Report>('report.create', { forumId });
    backend.db.prepare('UPDATE report_sections SET input_fingerprint = NULL').run();
    const practices = () =>
      call<Report>('report.get', { id: r.id }).then((x) => section(x, 'Practices and initiatives'));
    expect((await practices()).stale).toBe(false);
    const c = await call<Contribution>('contributions.create', {
      forumId,
      title: 'Digital literacy clubs',
      kind: 'practice',
      source: 'email',
      receivedOn: '2026-03-01',
      mayPublish: true,
      attribution: 'anonymous',
    });
    await call('contributions.setStatus', { id: c.id, status: 'accepted' });
    // Compared by the text regenerated: the accepted practice changes it.
    expect((await practices()).stale).toBe(true);
  });

  it('resolves only the citations the sections make, and counts versions without reading them', async () => {
    const r = await call<Report>('report.create', { forumId });
    const s = section(r, 'Barriers');
    await call('report.saveSection', {
      id: s.id,
      baseRevision: s.revision,
      markdown: 'Gone [@contribution:01890000-0000-7000-8000-000000000000].',
    });
    await call('report.saveVersion', { reportId: r.id, name: 'Draft 1' });
    const got = await call<Report>('report.get', { id: r.id });
    expect(section(got, 'Barriers').citations).toEqual([
      {
        kind: 'contribution',
        id: '01890000-0000-7000-8000-000000000000',
        label: 'Source no longer on record',
        date: null,
        missing: true,
      },
    ]);
    expect(got.versions).toEqual([
      expect.objectContaining({ name: 'Draft 1', sectionCount: got.sections.length }),
    ]);
  });
});

describe('versions and comparison', () => {
  it('saves named versions and compares them word by word', async () => {
    const r = await call<Report>('report.create', { forumId });
    const s = section(r, 'Executive summary');
    const first = await call<ReportSection>('report.saveSection', {
      id: s.id,
      markdown: 'Women face barriers.',
      baseRevision: s.revision,
    });
    const v1 = await call<ReportVersionSummary>('report.saveVersion', {
      reportId: r.id,
      name: 'Draft I',
    });
    await call('report.saveSection', {
      id: s.id,
      markdown: 'Women face serious barriers.',
      baseRevision: first.revision,
    });
    const v2 = await call<ReportVersionSummary>('report.saveVersion', {
      reportId: r.id,
      name: 'Draft II',
    });
    expect(await attempt('report.saveVersion', { reportId: r.id, name: 'draft ii' })).toMatchObject(
      {
        ok: false,
        error: { code: 'conflict', field: 'name' },
      },
    );
    const cmp = await call<ReportComparison>('report.compare', {
      fromVersionId: v1.id,
      toVersionId: v2.id,
    });
    const changed = cmp.sections.filter((x) => x.change !== 'unchanged');
    expect(changed).toHaveLength(1);
    expect(changed[0].parts.find((p) => p.added)?.value.trim()).toBe('serious');
    const withCurrent = await call<ReportComparison>('report.compare', { fromVersionId: v2.id });
    expect(withCurrent.to.name).toBe('Current text');
    expect(withCurrent.sections.every((x) => x.change === 'unchanged')).toBe(true);
  });
});

describe('comment rounds', () => {
  async function setup() {
    const r = await call<Report>('report.create', { forumId });
    const s = section(r, 'Barriers');
    await call('report.saveSection', {
      id: s.id,
      markdown: 'Paragraph one.\n\nParagraph two.',
      baseRevision: s.revision,
    });
    const v = await call<ReportVersionSummary>('report.saveVersion', {
      reportId: r.id,
      name: 'Draft I',
    });
    return { r, v };
  }

  it('runs a phase 2 round: comments per paragraph, answers, appendix', async () => {
    const { r, v } = await setup();
    const round = await call<CommentRound>('report.createRound', {
      reportId: r.id,
      phase: 2,
      title: 'Public comment',
      versionId: v.id,
      opensOn: '2026-06-01',
      closesOn: '2026-06-30',
    });
    expect(round.paragraphs.map((p) => p.ref)).toContain('2.1 ¶2');
    const protectedPerson = await call<Participant>('participants.create', {
      forumId,
      fullName: 'Zora Quispe',
      email: 'zora@example.org',
      stakeholderGroup: 'civil_society',
    });
    await call('participants.protect', { id: protectedPerson.id, reason: 'Targeted' });
    const c1 = await call<ReportComment>('report.addComment', {
      roundId: round.id,
      participantId: protectedPerson.id,
      ref: '2.1 ¶2',
      text: 'Add data on abuse.',
      channel: 'platform',
    });
    expect(c1.commenterName).toMatch(/^Participant /);
    expect(c1.stakeholderGroup).toBe('civil_society');
    expect(
      await attempt('report.addComment', {
        roundId: round.id,
        commenterName: 'X',
        ref: '2.1',
        text: 'Hi',
        channel: 'email',
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'ref' },
    });
    expect(
      await attempt('report.respondToComment', { id: c1.id, disposition: 'declined' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'response' },
    });
    await call('report.respondToComment', {
      id: c1.id,
      disposition: 'partly_accepted',
      response: 'Added a sentence.',
    });
    const imported = await call<CommentImportResult>('report.importComments', {
      roundId: round.id,
      dryRun: false,
      csv: 'Name,Stakeholder group,Paragraph,Comment,Channel,Anonymous\nJo Doe,Academia,2.1-1,Good point,e-mail,no\nSecret,Government,2.1 ¶2,Hidden,IGF session,yes\n',
    });
    expect(imported).toMatchObject({ totalRows: 2, validRows: 2, added: 2 });
    const bad = await call<CommentImportResult>('report.importComments', {
      roundId: round.id,
      dryRun: false,
      csv: 'Name,Paragraph,Comment\nA,9.9 ¶1,x\n',
    });
    expect(bad.added).toBe(0);
    expect(bad.rows[0].errors[0]).toMatch(/Line 2: Paragraph/);
    const got = await call<CommentRound>('report.getRound', { id: round.id });
    expect(got.comments).toHaveLength(3);
    expect(got.byDisposition).toMatchObject({ pending: 2, partly_accepted: 1 });
    const closed = await call<CommentRound>('report.updateRound', {
      id: round.id,
      status: 'closed',
    });
    expect(closed.status).toBe('closed');
    expect(
      await attempt('report.addComment', {
        roundId: round.id,
        commenterName: 'Late',
        text: 'x',
        channel: 'email',
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'roundId' },
    });
    const report = await call<Report>('report.get', { id: r.id });
    const appendix = await call<ReportSection>('report.generateSection', {
      id: section(report, 'Analysis of comments').id,
    });
    expect(appendix.markdown).toContain('Partly accepted: Added a sentence.');
    // Commenters are references in the saved text, resolved (and redacted) when rendered.
    expect(appendix.markdown).toContain('[@commenter:');
    expect(appendix.markdown).not.toContain('Zora');
    expect(appendix.markdown).not.toContain('Secret');
    const rendered = decode(
      await call<ExportFile>('exports.render', {
        forumId,
        kind: 'report',
        format: 'md',
        audience: 'public',
        subjectId: r.id,
      }),
    );
    expect(rendered).toContain('Anonymous');
    expect(rendered).toContain('Jo Doe');
    expect(rendered).not.toContain('Zora');
    expect(rendered).not.toContain('Secret');
  });

  it('exports a round with numbered paragraphs; phase 1 takes section comments', async () => {
    const { r, v } = await setup();
    const p2 = await call<CommentRound>('report.createRound', {
      reportId: r.id,
      phase: 2,
      title: 'Draft',
      versionId: v.id,
    });
    const md = decode(
      await call<ExportFile>('exports.render', {
        forumId,
        kind: 'report-round',
        format: 'md',
        audience: 'public',
        subjectId: p2.id,
      }),
    );
    expect(md).toMatch(/\*\*\\?\[2\.1 ¶1\]\*\* Paragraph one\./);
    expect(md).toMatch(/\*\*\\?\[2\.1 ¶2\]\*\* Paragraph two\./);
    const p1 = await call<CommentRound>('report.createRound', {
      reportId: r.id,
      phase: 1,
      title: 'Outline',
      versionId: v.id,
    });
    expect(p1.paragraphs.every((p) => p.paragraph === null)).toBe(true);
    await call('report.addComment', {
      roundId: p1.id,
      commenterName: 'A',
      ref: '2.1',
      text: 'Fine',
      channel: 'nri_session',
    });
  });
});

describe('report exports', () => {
  it('renders md, html and docx for public and participants only, with an audit record', async () => {
    const r = await call<Report>('report.create', { forumId });
    for (const format of ['md', 'html', 'docx'] as const) {
      const f = await call<ExportFile>('exports.render', {
        forumId,
        kind: 'report',
        format,
        audience: 'public',
        subjectId: r.id,
      });
      expect(f.filename.endsWith(`.${format}`)).toBe(true);
    }
    const html = decode(
      await call<ExportFile>('exports.render', {
        forumId,
        kind: 'report',
        format: 'html',
        audience: 'participants',
        subjectId: r.id,
      }),
    );
    expect(html).toContain('<ul class="toc">');
    expect(html).toMatch(/<h3 id="s-2-1" class="level-2">2\.1 Barriers/);
    // No inline styles (the CSP blocks them); ids unique.
    expect(html).not.toMatch(/ style="/);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain('<svg');
    expect(
      await attempt('exports.render', {
        forumId,
        kind: 'report',
        format: 'md',
        audience: 'coordinators',
        subjectId: r.id,
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'audience' },
    });
    expect(
      await attempt('exports.render', {
        forumId,
        kind: 'report',
        format: 'pdf',
        audience: 'public',
        subjectId: r.id,
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'format' },
    });
    const printable = await call<{ html: string }>('exports.printable', {
      forumId,
      kind: 'report',
      audience: 'public',
      subjectId: r.id,
    });
    expect(printable.html).toContain('@media print');
    const audit = await call<{ rows: { action: string; detail: { format: string } }[] }>(
      'audit.list',
      { forumId, action: 'export' },
    );
    expect(audit.rows.map((a) => a.detail.format).sort()).toEqual([
      'docx',
      'html',
      'html',
      'md',
      'pdf',
    ]);
  });
});
