/**
 * The adversary's probe, as the hidden acceptance scenarios run it: every person of the shared
 * adversarial corpus (many scripts, family-first names, titles, slugs, look-alike letters, bidi
 * controls) is registered and protected; EVERY mention form of every one of them is written into
 * EVERY free-text field of the sample forum (minutes, titles, agenda, contributions and their
 * links, NRI notes, report prose, comments); then every export kind x format is made for the
 * public and participants audiences, and every read of the public session is asked. No output may
 * carry an identifier, and an unprotected namesake who shares only a given name stays intact.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ExportFile,
  Forum,
  Page,
  Participant,
  ParticipantRow,
  Report,
} from '../../../shared/api';
import {
  adversarialPeople,
  identifiersIn,
  mentionsOf,
  namesakesOf,
} from '../../../shared/domain/redaction/corpus';
import type { ProtectedPerson } from '../../../shared/domain/redaction';
import { EXPORT_FORMATS, EXPORT_KINDS } from '../../../shared/domain/safeguards';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';
import { unzip } from './zip-testing';

let backend: Backend;
let forum: Forum;
let report: Report;
const people = adversarialPeople();
const tmp = mkdtempSync(join(tmpdir(), 'adversary-'));

async function call<T>(method: string, input: unknown, audience?: string): Promise<RpcResult<T>> {
  return (await backend.dispatch(
    method,
    input,
    audience ? ({ audience } as never) : undefined,
  )) as RpcResult<T>;
}
async function value<T>(method: string, input: unknown): Promise<T> {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const hasPdftotext = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v pdftotext'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The text of an export as a reader would get it: DOCX parts, PDF text, others as UTF-8. */
function textOf(f: ExportFile): string {
  const buf = Buffer.from(f.base64, 'base64');
  if (f.filename.endsWith('.docx'))
    return [...unzip(buf).values()].map((b) => b.toString('utf8')).join('\n');
  if (f.filename.endsWith('.pdf') && hasPdftotext) {
    const file = join(tmp, 'probe.pdf');
    writeFileSync(file, buf);
    return execFileSync('pdftotext', [file, '-']).toString('utf8') + buf.toString('latin1');
  }
  return buf.toString('utf8');
}

/** Every identifier of every protected person found in `out`, as "Name: needle" strings. */
function leaksIn(out: string): string[] {
  return people.flatMap((p) => identifiersIn(out, p).map((n) => `${p.fullName}: ${n}`));
}

/** All mentions of everyone, as one Markdown text (one paragraph per mention). */
function allMentions(): string {
  return people
    .flatMap((p) => mentionsOf(p).map((m) => m.text))
    .map((t) => `Noted: ${t} spoke.`)
    .join('\n\n');
}

const ids: Record<string, string[]> = {};

beforeAll(async () => {
  backend = createBackend({ dbFile: join(tmp, 'adversary.db'), shell: 'test' });
  forum = await value<Forum>('forums.loadSample', {});
  // The sample has real namesakes (José Manuel Muñoz Araya, jose.munoz@…): other people, who
  // rightly keep their names, but whose name parts are this corpus's needles. They leave first.
  const sample = await value<Page<ParticipantRow>>('participants.list', {
    forumId: forum.id,
    limit: 500,
  });
  for (const r of sample.rows)
    if (leaksIn(`${r.fullName} ${r.email ?? ''}`).length > 0)
      await value('participants.remove', { id: r.id });
  for (const [i, p] of people.entries()) {
    const made = await value<Participant>('participants.create', {
      forumId: forum.id,
      fullName: p.fullName,
      email: p.email,
      handles: p.handles ?? [],
      organisation: `Hushwillow Trust ${i}`,
      stakeholderGroup: 'civil_society',
      country: 'KE',
      consentListed: true,
    });
    await value('participants.protect', { id: made.id, reason: 'Targeted by the adversary' });
  }
  // Namesakes sharing only a given name: registered, NOT protected, and listed.
  for (const p of people)
    for (const n of namesakesOf(p))
      await value('participants.create', {
        forumId: forum.id,
        fullName: n.fullName,
        stakeholderGroup: 'academia',
        country: 'BR',
        consentListed: true,
      });
  report = await value<Report>('report.create', { forumId: forum.id });
  for (const g of report.sections.filter((x) => x.kind !== 'text'))
    await value('report.generateSection', { id: g.id });

  // A comment round on a saved version, with a comment by a protected person and an outside one.
  const version = await value<{ id: string }>('report.saveVersion', {
    reportId: report.id,
    name: 'Draft for comments',
  });
  const round = await value<{ id: string }>('report.createRound', {
    reportId: report.id,
    phase: 1,
    title: 'First round',
    versionId: version.id,
  });
  const someone = await value<Page<ParticipantRow>>('participants.list', {
    forumId: forum.id,
    search: people[0].email,
    limit: 5,
  });
  await value('report.addComment', {
    roundId: round.id,
    participantId: someone.rows[0]?.id ?? null,
    text: 'Please expand the safety section.',
    channel: 'email',
  });
  await value('report.addComment', {
    roundId: round.id,
    commenterName: people[1].fullName,
    text: 'Agreed.',
    channel: 'email',
  });

  const text = allMentions();
  const oneLine = people.map((p) => mentionsOf(p)[0].text).join('; ');
  const db = backend.db;
  // Long fields get every form; one-line fields (titles, names) get the first form of each.
  const LONG: [string, string[]][] = [
    ['forums', ['mandate']],
    ['call_series', ['description']],
    ['calls', ['minutes']],
    ['agenda_items', ['minutes']],
    ['nris', ['notes']],
    ['onsite_sessions', ['notes', 'outcomes', 'local_hosts']],
    ['contributions', ['summary', 'body']],
    ['report_sections', ['markdown']],
    ['report_comments', ['text', 'response']],
  ];
  const SHORT: [string, string[]][] = [
    ['forums', ['topic']],
    ['milestones', ['label']],
    ['call_series', ['title', 'meeting_link']],
    ['calls', ['title']],
    ['agenda_items', ['title']],
    ['action_items', ['title']],
    ['nris', ['contact_name']],
    ['onsite_sessions', ['title', 'venue']],
    ['contributions', ['title', 'contributor_name']],
    ['report_comments', ['commenter_name']],
  ];
  for (const [table, cols] of LONG)
    db.prepare(
      `UPDATE ${table} SET ${cols.map((c) => `${c} = coalesce(${c}, '') || @m`).join(', ')}`,
    ).run({
      m: `\n\n${text}`,
    });
  for (const [table, cols] of SHORT)
    db.prepare(
      `UPDATE ${table} SET ${cols.map((c) => `${c} = coalesce(${c}, '') || @m`).join(', ')}`,
    ).run({
      m: ` ${oneLine}`,
    });
  const urls = people.flatMap((p) =>
    mentionsOf(p)
      .filter((m) => m.kind === 'url')
      .map((m) => m.text),
  );
  db.prepare(`UPDATE contributions SET links = @links`).run({ links: JSON.stringify(urls) });
  db.prepare(`UPDATE contributions SET status = 'accepted', may_publish = 1`).run();

  const pluck = (sql: string) => db.prepare(sql).pluck().all() as string[];
  ids.series = pluck('SELECT id FROM call_series');
  ids.calls = pluck('SELECT id FROM calls LIMIT 3');
  ids.sessions = pluck('SELECT id FROM onsite_sessions LIMIT 2');
  ids.report = [report.id];
  ids.rounds = pluck('SELECT id FROM comment_rounds');
  ids.incidents = pluck('SELECT id FROM incidents');
}, 240_000);

afterAll(() => {
  backend?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The subjects a kind takes (none for the forum-wide kinds). */
function subjectsOf(kind: string): (string | undefined)[] {
  switch (kind) {
    case 'series-calendar':
      return ids.series;
    case 'call-calendar':
    case 'call-minutes':
    case 'minutes-email':
      return ids.calls;
    case 'invitation-email':
      return [...ids.series.slice(0, 1), ...ids.calls.slice(0, 1)];
    case 'session-calendar':
      return ids.sessions;
    case 'report':
      return ids.report;
    case 'report-round':
      return ids.rounds;
    case 'incident-report':
      return ids.incidents.slice(0, 1);
    default:
      return [undefined];
  }
}

describe('the adversary finds no protected identifier', () => {
  it('wrote the corpus into the forum (the coordinators still see the names: not vacuous)', async () => {
    const r = await value<{ minutes: string | null }>('calls.get', { id: ids.calls[0] });
    expect(leaksIn(r.minutes ?? '').length).toBeGreaterThan(people.length);
  });

  for (const audience of ['public', 'participants'])
    it(`in every export kind and format for ${audience}`, async () => {
      const leaks: string[] = [];
      let made = 0;
      for (const kind of EXPORT_KINDS)
        for (const format of EXPORT_FORMATS)
          for (const subjectId of subjectsOf(kind)) {
            const r = await call<ExportFile>('exports.render', {
              forumId: forum.id,
              kind,
              format,
              audience,
              ...(subjectId ? { subjectId } : {}),
            });
            if (!r.ok) continue; // a format the kind does not have, or a kind this audience may not make
            made++;
            const out = textOf(r.value) + '\n' + r.value.filename;
            const found = leaksIn(out);
            for (const f of found) leaks.push(`${kind}.${format}: ${f}`);
          }
      expect(made).toBeGreaterThan(20);
      expect(leaks.slice(0, 40)).toEqual([]);
    }, 600_000);

  it('in every read of a public session', async () => {
    const leaks: string[] = [];
    const reads: [string, Record<string, unknown>][] = [
      ['forums.get', { id: forum.id }],
      ['forums.list', {}],
      ['participants.list', { forumId: forum.id, limit: 500 }],
      ['calls.get', { id: ids.calls[0] }],
      ['callSeries.list', { forumId: forum.id }],
      ['contributions.list', { forumId: forum.id, limit: 200 }],
      ['report.get', { id: report.id }],
      ['timeline.list', { forumId: forum.id }],
      ['nris.list', { forumId: forum.id }],
      ['sessions.list', { forumId: forum.id }],
      ['representation.dashboard', { forumId: forum.id }],
    ];
    let answered = 0;
    for (const [method, input] of reads) {
      const r = await call<unknown>(method, input, 'public');
      if (!r.ok) continue;
      answered++;
      for (const f of leaksIn(JSON.stringify(r.value))) leaks.push(`${method}: ${f}`);
    }
    expect(answered).toBeGreaterThan(5);
    expect(leaks.slice(0, 40)).toEqual([]);
  }, 120_000);

  it('and searching any identifier in a public session finds nothing', async () => {
    const hits: string[] = [];
    for (const p of people)
      for (const q of [p.fullName, p.email ?? '', ...(p.handles ?? [])].filter(Boolean)) {
        const r = await call<{ contributions: unknown[]; notes: unknown[] }>(
          'contributions.search',
          { forumId: forum.id, query: q },
          'public',
        );
        if (r.ok && r.value.contributions.length + r.value.notes.length > 0)
          hits.push(`${p.fullName}: ${q}`);
        const l = await call<Page<ParticipantRow>>(
          'participants.list',
          { forumId: forum.id, search: q, limit: 50 },
          'public',
        );
        if (l.ok && l.value.rows.length > 0) hits.push(`participants ${p.fullName}: ${q}`);
      }
    expect(hits).toEqual([]);
  }, 120_000);

  it('while unprotected namesakes keep their names in the public directory', async () => {
    const r = await call<ExportFile>(
      'exports.render',
      { forumId: forum.id, kind: 'participant-directory', format: 'csv', audience: 'public' },
      undefined,
    );
    expect(r.ok).toBe(true);
    const out = r.ok ? textOf(r.value) : '';
    const namesakes = people.flatMap((p: ProtectedPerson) => namesakesOf(p));
    expect(namesakes.length).toBeGreaterThan(0);
    const missing = namesakes.filter((n) => !out.includes(n.fullName)).map((n) => n.fullName);
    expect(missing).toEqual([]);
  });
});
