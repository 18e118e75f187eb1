/**
 * The outcome report: outline, sections (autosave with revisions), generated sections, versions
 * and comparison, comment rounds and comments. Services own the transactions and the rules.
 */
import { createHash } from 'node:crypto';
import { getParticipant } from '../../../db/queries/participants';
import * as q from '../../../db/queries/report';
import type {
  CitationTarget,
  CommentRound,
  CommentRoundSummary,
  Report,
  ReportComment,
  ReportComparison,
  ReportSection,
  ReportSummary,
  ReportVersionSummary,
} from '../../../shared/api';
import { newId } from '../../../shared/domain/ids';
import { parseCitations } from '../../../shared/domain/markdownTree';
import {
  COMMENT_DISPOSITIONS,
  isGeneratedKind,
  type CitationKind,
  type CommentChannel,
  type CommentDisposition,
  type RoundPhase,
  type RoundStatus,
  type SectionKind,
} from '../../../shared/domain/report';
import {
  commenterDisplay,
  resolveCommentRef,
  responseProblem,
  roundParagraphs,
} from '../../../shared/domain/reportComments';
import { compareSections, type SectionSnapshot } from '../../../shared/domain/reportDiff';
import { BPF_OUTLINE, normaliseLevels, sectionNumbers } from '../../../shared/domain/reportOutline';
import type { StakeholderGroup } from '../../../shared/domain/vocabulary';
import { fold } from '../../../shared/domain/fold';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { generatedSectionNow, generateSection, inputsFingerprint } from './generate';

/** A section as a saved version keeps it. */
export interface VersionSection {
  id: string;
  level: number;
  title: string;
  kind: SectionKind;
  markdown: string;
}

const MAX_SECTIONS = 500;

export function requireReport(ctx: BackendContext, id: string, field = 'id'): q.ReportRecord {
  const r = q.getReportRow(ctx.db, id);
  if (!r) throw new DomainError('not_found', 'No report with this id', field);
  return r;
}

function requireSection(ctx: BackendContext, id: string, field = 'id'): q.SectionRecord {
  const s = q.getSectionRow(ctx.db, id);
  if (!s) throw new DomainError('not_found', 'No report section with this id', field);
  return s;
}

export function requireVersion(ctx: BackendContext, id: string, field = 'id'): q.VersionRecord {
  const v = q.getVersionRow(ctx.db, id);
  if (!v) throw new DomainError('not_found', 'No saved version with this id', field);
  return v;
}

export function requireRound(ctx: BackendContext, id: string, field = 'id'): q.RoundRecord {
  const r = q.getRoundRow(ctx.db, id);
  if (!r) throw new DomainError('not_found', 'No comment round with this id', field);
  return r;
}

/* ---- citations ---- */

/**
 * The citable records of a forum by `kind:id`: every one (the citation picker), or only those
 * with these keys (a report's sections: work in proportion to what they cite, issue 15).
 */
function citationIndex(
  ctx: BackendContext,
  forumId: string,
  only?: readonly { kind: string; id: string }[],
): Map<string, CitationTarget> {
  const map = new Map<string, CitationTarget>();
  const rows = only ? q.citedTitles(ctx.db, forumId, only) : q.citableTitles(ctx.db, forumId);
  for (const r of rows) {
    const date =
      typeof r.date === 'number'
        ? new Date(r.date).toISOString().slice(0, 10)
        : (r.date as string | null);
    map.set(`${r.kind}:${r.id}`, {
      kind: r.kind as CitationKind,
      id: r.id,
      label: r.title,
      date,
      missing: false,
    });
  }
  return map;
}

function resolveCitations(markdown: string, index: Map<string, CitationTarget>): CitationTarget[] {
  return parseCitations(markdown).map(
    (c) =>
      index.get(`${c.kind}:${c.id}`) ?? {
        kind: c.kind,
        id: c.id,
        label: 'Source no longer on record',
        date: null,
        missing: true,
      },
  );
}

/* ---- sections ---- */

function toSections(
  ctx: BackendContext,
  report: q.ReportRecord,
  rows: q.SectionRecord[],
  only?: string,
): ReportSection[] {
  const numbers = sectionNumbers(rows.map((r) => r.level));
  const levels = normaliseLevels(rows.map((r) => r.level));
  const shown = only ? rows.filter((r) => r.id === only) : rows;
  const cited = new Map<string, { kind: string; id: string }>();
  for (const r of shown)
    for (const c of parseCitations(r.markdown)) cited.set(`${c.kind}:${c.id}`, c);
  const index = citationIndex(ctx, report.forumId, [...cited.values()]);
  let inputs: string | undefined;
  const out: ReportSection[] = [];
  rows.forEach((r, i) => {
    if (only && r.id !== only) return;
    const kind = r.kind as SectionKind;
    let stale = false;
    if (isGeneratedKind(kind)) {
      // Compare the stored input fingerprint: no regeneration (issue 15).
      inputs ??= inputsFingerprint(ctx, report.forumId);
      if (r.inputFingerprint !== null) stale = r.inputFingerprint !== inputs;
      // Generated before input fingerprints were kept: compare the text regenerated (once per
      // kind and state of the inputs).
      else
        stale =
          r.fingerprint !==
          generatedSectionNow(ctx, report.forumId, report.id, kind, inputs).fingerprint;
    }
    out.push({
      id: r.id,
      reportId: r.reportId,
      position: i,
      level: levels[i],
      number: numbers[i],
      title: r.title,
      kind,
      markdown: r.markdown,
      revision: r.revision,
      generatedAt: r.generatedAt,
      stale,
      citations: resolveCitations(r.markdown, index),
      updatedAt: r.updatedAt,
    });
  });
  return out;
}

function sectionDto(ctx: BackendContext, id: string): ReportSection {
  const s = requireSection(ctx, id);
  const report = requireReport(ctx, s.reportId, 'reportId');
  return toSections(ctx, report, q.listSectionRows(ctx.db, report.id), id)[0];
}

function versionSummary(v: q.VersionRecord): ReportVersionSummary {
  return {
    id: v.id,
    reportId: v.reportId,
    name: v.name,
    sectionCount: (JSON.parse(v.sections) as unknown[]).length,
    createdAt: v.createdAt,
  };
}

function roundSummary(
  r: q.RoundRecord & { commentCount: number; pendingCount: number },
  versionName: string,
): CommentRoundSummary {
  return {
    id: r.id,
    reportId: r.reportId,
    phase: r.phase as RoundPhase,
    title: r.title,
    versionId: r.versionId,
    versionName,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    status: r.status as RoundStatus,
    commentCount: r.commentCount,
    pendingCount: r.pendingCount,
    createdAt: r.createdAt,
  };
}

/**
 * The text of each generated section of `report` as generated now, by section id, without
 * regenerating where that is known to give the stored text: a section that is not out of date
 * was generated from the inputs as they are now (a protection changes the inputs' fingerprint),
 * and its stored text is that generated text unless edited since (the stored fingerprint is the
 * hash of the generated text).
 */
export function generatedTextsNow(ctx: BackendContext, report: Report): Map<string, string> {
  const rows = new Map(q.listSectionRows(ctx.db, report.id).map((r) => [r.id, r]));
  const out = new Map<string, string>();
  for (const s of report.sections) {
    if (!isGeneratedKind(s.kind)) continue;
    const row = rows.get(s.id);
    const unedited =
      row !== undefined &&
      row.markdown === s.markdown &&
      row.fingerprint === createHash('sha256').update(row.markdown, 'utf8').digest('hex');
    out.set(
      s.id,
      !s.stale && unedited
        ? s.markdown
        : generatedSectionNow(ctx, report.forumId, report.id, s.kind).markdown,
    );
  }
  return out;
}

export function getReport(ctx: BackendContext, id: string): Report {
  const report = requireReport(ctx, id);
  const sections = toSections(ctx, report, q.listSectionRows(ctx.db, id));
  // Summaries counted in SQL: a saved version's text is not read to list it.
  const versions = q.listVersionSummaries(ctx.db, id);
  const names = new Map(versions.map((v) => [v.id, v.name]));
  return {
    id: report.id,
    forumId: report.forumId,
    title: report.title,
    sectionCount: sections.length,
    versionCount: versions.length,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    sections,
    versions,
    rounds: q.listRoundRows(ctx.db, id).map((r) => roundSummary(r, names.get(r.versionId) ?? '')),
  };
}

export function listReports(ctx: BackendContext, forumId: string): ReportSummary[] {
  requireForum(ctx, forumId, 'forumId');
  return q.listReportRows(ctx.db, forumId);
}

export function createReport(ctx: BackendContext, input: ParsedInput<'report.create'>): Report {
  const forum = requireForum(ctx, input.forumId, 'forumId');
  const at = ctx.now();
  const id = newId(at);
  ctx.db.transaction(() => {
    q.insertReport(ctx.db, {
      id,
      forumId: forum.id,
      title: input.title || `${forum.title}: outcome report ${forum.year}`,
      createdAt: at,
      updatedAt: at,
    });
    if (input.fromTemplate)
      BPF_OUTLINE.forEach((e, position) => {
        const generated = isGeneratedKind(e.kind)
          ? generateSection(ctx, forum.id, id, e.kind)
          : null;
        q.insertSection(ctx.db, {
          id: newId(at),
          reportId: id,
          position,
          level: e.level,
          title: e.title,
          kind: e.kind,
          markdown:
            generated?.markdown ??
            (e.title === 'Mandate' && forum.mandate ? forum.mandate : e.markdown),
          revision: 0,
          fingerprint: generated?.fingerprint ?? null,
          inputFingerprint: generated?.inputFingerprint ?? null,
          generatedAt: generated ? at : null,
          createdAt: at,
          updatedAt: at,
        });
      });
    recordAudit(ctx, {
      forumId: forum.id,
      action: 'report.create',
      subjectType: 'report',
      subjectId: id,
    });
  })();
  return getReport(ctx, id);
}

export function renameReport(ctx: BackendContext, id: string, title: string): Report {
  requireReport(ctx, id);
  q.setReportTitle(ctx.db, id, title, ctx.now());
  return getReport(ctx, id);
}

export function removeReport(ctx: BackendContext, id: string): { id: string } {
  const r = requireReport(ctx, id);
  ctx.db.transaction(() => {
    q.deleteReport(ctx.db, id);
    recordAudit(ctx, {
      forumId: r.forumId,
      action: 'report.remove',
      subjectType: 'report',
      subjectId: id,
    });
  })();
  return { id };
}

function writeOrder(ctx: BackendContext, order: { id: string; level: number }[]): void {
  const levels = normaliseLevels(order.map((o) => o.level));
  order.forEach((o, i) => q.setSectionPlace(ctx.db, o.id, i, levels[i]));
}

export function addSection(ctx: BackendContext, input: ParsedInput<'report.addSection'>): Report {
  const report = requireReport(ctx, input.reportId, 'reportId');
  const at = ctx.now();
  ctx.db.transaction(() => {
    const rows = q.listSectionRows(ctx.db, report.id);
    if (rows.length >= MAX_SECTIONS)
      throw new DomainError(
        'validation',
        `A report has at most ${MAX_SECTIONS} sections`,
        'reportId',
      );
    let index = 0;
    if (input.afterId) {
      const i = rows.findIndex((r) => r.id === input.afterId);
      if (i < 0) throw new DomainError('not_found', 'No such section in this report', 'afterId');
      index = i + 1;
    }
    const generated = isGeneratedKind(input.kind)
      ? generateSection(ctx, report.forumId, report.id, input.kind)
      : null;
    const id = newId(at);
    q.insertSection(ctx.db, {
      id,
      reportId: report.id,
      position: index,
      level: input.level,
      title: input.title,
      kind: input.kind,
      markdown: generated?.markdown ?? '',
      revision: 0,
      fingerprint: generated?.fingerprint ?? null,
      inputFingerprint: generated?.inputFingerprint ?? null,
      generatedAt: generated ? at : null,
      createdAt: at,
      updatedAt: at,
    });
    const order = rows.map((r) => ({ id: r.id, level: r.level }));
    order.splice(index, 0, { id, level: input.level });
    writeOrder(ctx, order);
    q.touchReport(ctx.db, report.id, at);
  })();
  return getReport(ctx, report.id);
}

export function updateSection(
  ctx: BackendContext,
  input: ParsedInput<'report.updateSection'>,
): ReportSection {
  const s = requireSection(ctx, input.id);
  const at = ctx.now();
  q.setSectionMeta(ctx.db, s.id, input.title ?? s.title, input.kind ?? s.kind, at);
  q.touchReport(ctx.db, s.reportId, at);
  return sectionDto(ctx, s.id);
}

export function reorderSections(
  ctx: BackendContext,
  input: ParsedInput<'report.reorderSections'>,
): Report {
  const report = requireReport(ctx, input.reportId, 'reportId');
  ctx.db.transaction(() => {
    const rows = q.listSectionRows(ctx.db, report.id);
    const ids = new Set(rows.map((r) => r.id));
    const given = new Set(input.sections.map((s) => s.id));
    if (
      given.size !== input.sections.length ||
      given.size !== ids.size ||
      [...given].some((id) => !ids.has(id))
    )
      throw new DomainError(
        'validation',
        'sections: must list every section of the report exactly once',
        'sections',
      );
    writeOrder(ctx, input.sections);
    q.touchReport(ctx.db, report.id, ctx.now());
  })();
  return getReport(ctx, report.id);
}

export function removeSection(ctx: BackendContext, id: string): Report {
  const s = requireSection(ctx, id);
  ctx.db.transaction(() => {
    q.deleteSection(ctx.db, id);
    writeOrder(
      ctx,
      q.listSectionRows(ctx.db, s.reportId).map((r) => ({ id: r.id, level: r.level })),
    );
    q.touchReport(ctx.db, s.reportId, ctx.now());
  })();
  return getReport(ctx, s.reportId);
}

export function saveSection(
  ctx: BackendContext,
  input: ParsedInput<'report.saveSection'>,
): ReportSection {
  const s = requireSection(ctx, input.id);
  const at = ctx.now();
  if (s.markdown === input.markdown && s.revision === input.baseRevision)
    return sectionDto(ctx, s.id);
  const saved = q.saveSectionText(ctx.db, s.id, input.markdown, input.baseRevision, at);
  if (!saved)
    throw new DomainError(
      'conflict',
      `markdown: this section was changed elsewhere (revision ${s.revision}, you edited revision ${input.baseRevision}); reload it before saving`,
      'markdown',
    );
  q.touchReport(ctx.db, s.reportId, at);
  return sectionDto(ctx, s.id);
}

export function regenerateSection(ctx: BackendContext, id: string): ReportSection {
  const s = requireSection(ctx, id);
  const kind = s.kind as SectionKind;
  if (!isGeneratedKind(kind))
    throw new DomainError('validation', 'kind: this section is written, not generated', 'kind');
  const report = requireReport(ctx, s.reportId, 'reportId');
  const g = generateSection(ctx, report.forumId, report.id, kind);
  q.saveSectionText(ctx.db, s.id, g.markdown, s.revision, ctx.now(), {
    fingerprint: g.fingerprint,
    inputFingerprint: g.inputFingerprint,
  });
  return sectionDto(ctx, s.id);
}

export function listCitables(
  ctx: BackendContext,
  input: ParsedInput<'report.citables'>,
): CitationTarget[] {
  requireForum(ctx, input.forumId, 'forumId');
  const needle = fold(input.query);
  return [...citationIndex(ctx, input.forumId).values()]
    .filter((c) => !needle || fold(c.label).includes(needle))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.label.localeCompare(b.label))
    .slice(0, input.limit);
}

/* ---- versions ---- */

export function saveVersion(
  ctx: BackendContext,
  input: ParsedInput<'report.saveVersion'>,
): ReportVersionSummary {
  const report = requireReport(ctx, input.reportId, 'reportId');
  const at = ctx.now();
  const id = newId(at);
  ctx.db.transaction(() => {
    if (q.findVersionByName(ctx.db, report.id, input.name))
      throw new DomainError('conflict', `name: there is already a version "${input.name}"`, 'name');
    const sections: VersionSection[] = q.listSectionRows(ctx.db, report.id).map((s) => ({
      id: s.id,
      level: s.level,
      title: s.title,
      kind: s.kind as SectionKind,
      markdown: s.markdown,
    }));
    q.insertVersion(ctx.db, {
      id,
      reportId: report.id,
      name: input.name,
      sections: JSON.stringify(sections),
      createdAt: at,
    });
    recordAudit(ctx, {
      forumId: report.forumId,
      action: 'report.version',
      subjectType: 'report',
      subjectId: report.id,
      detail: { versionId: id, name: input.name },
    });
  })();
  return versionSummary(requireVersion(ctx, id));
}

export function versionSections(v: q.VersionRecord): VersionSection[] {
  return JSON.parse(v.sections) as VersionSection[];
}

/** Current or saved sections, numbered. */
export function numbered(sections: VersionSection[]): (VersionSection & { number: string })[] {
  const numbers = sectionNumbers(sections.map((s) => s.level));
  const levels = normaliseLevels(sections.map((s) => s.level));
  return sections.map((s, i) => ({ ...s, level: levels[i], number: numbers[i] }));
}

export function currentSections(ctx: BackendContext, reportId: string): VersionSection[] {
  return q.listSectionRows(ctx.db, reportId).map((s) => ({
    id: s.id,
    level: s.level,
    title: s.title,
    kind: s.kind as SectionKind,
    markdown: s.markdown,
  }));
}

export function compareVersions(
  ctx: BackendContext,
  input: ParsedInput<'report.compare'>,
): ReportComparison {
  const from = requireVersion(ctx, input.fromVersionId, 'fromVersionId');
  const to = input.toVersionId ? requireVersion(ctx, input.toVersionId, 'toVersionId') : null;
  if (to && to.reportId !== from.reportId)
    throw new DomainError(
      'validation',
      'toVersionId: must be a version of the same report',
      'toVersionId',
    );
  const snap = (s: VersionSection[]): SectionSnapshot[] => numbered(s);
  return {
    reportId: from.reportId,
    from: { id: from.id, name: from.name },
    to: to ? { id: to.id, name: to.name } : { id: null, name: 'Current text' },
    sections: compareSections(
      snap(versionSections(from)),
      snap(to ? versionSections(to) : currentSections(ctx, from.reportId)),
    ),
  };
}

/* ---- comment rounds ---- */

function roundParagraphsOf(ctx: BackendContext, round: q.RoundRecord) {
  const v = requireVersion(ctx, round.versionId, 'versionId');
  return roundParagraphs(round.phase as RoundPhase, numbered(versionSections(v)));
}

function toComment(ctx: BackendContext, c: q.CommentRecord): ReportComment {
  const p = c.participantId ? getParticipant(ctx.db, c.participantId) : undefined;
  const isProtected = p?.isProtected === 1;
  return {
    id: c.id,
    roundId: c.roundId,
    ref: c.ref,
    sectionId: c.sectionId,
    paragraph: c.paragraph,
    participantId: c.participantId,
    commenterName: commenterDisplay({
      anonymous: c.anonymous === 1,
      isProtected,
      pseudonym: p?.pseudonym ?? null,
      name: p ? p.fullName : c.commenterName,
    }),
    anonymous: c.anonymous === 1,
    isProtected,
    stakeholderGroup: (c.stakeholderGroup as StakeholderGroup | null) ?? null,
    channel: c.channel as CommentChannel,
    receivedOn: c.receivedOn,
    text: c.text,
    disposition: c.disposition as CommentDisposition,
    response: c.response,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function getRound(ctx: BackendContext, id: string): CommentRound {
  const round = requireRound(ctx, id);
  const summary = q.listRoundRows(ctx.db, round.reportId).find((r) => r.id === id)!;
  const version = requireVersion(ctx, round.versionId, 'versionId');
  const comments = q.listCommentRows(ctx.db, id).map((c) => toComment(ctx, c));
  const byDisposition = Object.fromEntries(COMMENT_DISPOSITIONS.map((d) => [d, 0])) as Record<
    CommentDisposition,
    number
  >;
  for (const c of comments) byDisposition[c.disposition]++;
  return {
    ...roundSummary(summary, version.name),
    paragraphs: roundParagraphsOf(ctx, round),
    comments,
    byDisposition,
  };
}

export function createRound(
  ctx: BackendContext,
  input: ParsedInput<'report.createRound'>,
): CommentRound {
  const report = requireReport(ctx, input.reportId, 'reportId');
  const version = requireVersion(ctx, input.versionId, 'versionId');
  if (version.reportId !== report.id)
    throw new DomainError('validation', 'versionId: must be a version of this report', 'versionId');
  if (input.opensOn && input.closesOn && input.closesOn < input.opensOn)
    throw new DomainError(
      'validation',
      'closesOn: must not be before the opening date',
      'closesOn',
    );
  const at = ctx.now();
  const id = newId(at);
  q.insertRound(ctx.db, {
    id,
    reportId: report.id,
    phase: input.phase,
    title: input.title,
    versionId: version.id,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    status: 'open',
    createdAt: at,
    updatedAt: at,
  });
  return getRound(ctx, id);
}

export function updateRound(
  ctx: BackendContext,
  input: ParsedInput<'report.updateRound'>,
): CommentRound {
  const r = requireRound(ctx, input.id);
  const next = {
    ...r,
    title: input.title ?? r.title,
    opensOn: input.opensOn === undefined ? r.opensOn : input.opensOn,
    closesOn: input.closesOn === undefined ? r.closesOn : input.closesOn,
    status: input.status ?? r.status,
    updatedAt: ctx.now(),
  };
  if (next.opensOn && next.closesOn && next.closesOn < next.opensOn)
    throw new DomainError(
      'validation',
      'closesOn: must not be before the opening date',
      'closesOn',
    );
  q.updateRoundRow(ctx.db, next);
  return getRound(ctx, r.id);
}

type CommentFields = Omit<ParsedInput<'report.addComment'>, 'roundId'>;

/** Checks a comment against its round and returns the row fields (throws naming the field). */
export function commentRecordFields(
  ctx: BackendContext,
  round: q.RoundRecord,
  forumId: string,
  f: CommentFields,
  paragraphs = roundParagraphsOf(ctx, round),
): Omit<
  q.CommentRecord,
  'id' | 'roundId' | 'disposition' | 'response' | 'createdAt' | 'updatedAt'
> {
  const where = resolveCommentRef(round.phase as RoundPhase, paragraphs, f.ref);
  if (!where.ok) throw new DomainError('validation', `ref: ${where.message}`, 'ref');
  let group = f.stakeholderGroup;
  if (f.participantId) {
    const p = getParticipant(ctx.db, f.participantId);
    if (!p || p.forumId !== forumId || p.removedAt !== null)
      throw new DomainError(
        'not_found',
        'participantId: no such participant in this forum',
        'participantId',
      );
    group ??= p.stakeholderGroup as StakeholderGroup;
  } else if (!f.commenterName && !f.anonymous)
    throw new DomainError(
      'validation',
      'commenterName: name the commenter, choose a participant or mark the comment anonymous',
      'commenterName',
    );
  return {
    ref: where.ref,
    sectionId: where.sectionId,
    paragraph: where.paragraph,
    participantId: f.participantId,
    commenterName: f.participantId ? '' : f.commenterName,
    anonymous: f.anonymous ? 1 : 0,
    stakeholderGroup: group,
    channel: f.channel,
    receivedOn: f.receivedOn,
    text: f.text,
  };
}

export function addComment(
  ctx: BackendContext,
  input: ParsedInput<'report.addComment'>,
): ReportComment {
  const round = requireRound(ctx, input.roundId, 'roundId');
  if (round.status !== 'open')
    throw new DomainError('validation', 'roundId: this comment round is closed', 'roundId');
  const report = requireReport(ctx, round.reportId, 'roundId');
  const at = ctx.now();
  const id = newId(at);
  const { roundId: _roundId, ...fields } = input;
  void _roundId;
  q.insertComment(ctx.db, {
    id,
    roundId: round.id,
    ...commentRecordFields(ctx, round, report.forumId, fields),
    disposition: 'pending',
    response: '',
    createdAt: at,
    updatedAt: at,
  });
  return toComment(ctx, q.getCommentRow(ctx.db, id)!);
}

function requireComment(ctx: BackendContext, id: string): q.CommentRecord {
  const c = q.getCommentRow(ctx.db, id);
  if (!c) throw new DomainError('not_found', 'No comment with this id', 'id');
  return c;
}

export function updateComment(
  ctx: BackendContext,
  input: ParsedInput<'report.updateComment'>,
): ReportComment {
  const c = requireComment(ctx, input.id);
  const round = requireRound(ctx, c.roundId, 'roundId');
  const report = requireReport(ctx, round.reportId, 'roundId');
  const { id: _id, ...fields } = input;
  void _id;
  q.updateCommentRow(ctx.db, {
    ...c,
    ...commentRecordFields(ctx, round, report.forumId, fields),
    updatedAt: ctx.now(),
  });
  return toComment(ctx, requireComment(ctx, c.id));
}

export function respondToComment(
  ctx: BackendContext,
  input: ParsedInput<'report.respondToComment'>,
): ReportComment {
  const c = requireComment(ctx, input.id);
  const problem = responseProblem(input.disposition, input.response);
  if (problem) throw new DomainError('validation', `response: ${problem}`, 'response');
  q.updateCommentRow(ctx.db, {
    ...c,
    disposition: input.disposition,
    response: input.response.trim(),
    updatedAt: ctx.now(),
  });
  return toComment(ctx, requireComment(ctx, c.id));
}

export function removeComment(ctx: BackendContext, id: string): { id: string } {
  requireComment(ctx, id);
  q.deleteComment(ctx.db, id);
  return { id };
}
