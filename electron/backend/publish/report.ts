/**
 * The outcome report leaves the app here, for the public or participants audience only:
 *
 * - 'report' (subjectId: the report = its current text, or a saved version): Markdown with
 *   footnotes; self-contained HTML with print CSS (contents, numbered headings, footnoted sources,
 *   inline SVG bar charts); DOCX (real headings, a TABLE OF CONTENTS field, tables, one footnote
 *   per mark, charts drawn as tables of shaded cells); PDF is made by Chromium from the
 *   print-ready HTML (`exports.printable`; Electron's printToPDF).
 * - 'report-round' (subjectId: a comment round): the round's version with every section and
 *   (phase 2) every paragraph numbered as commenters cite them ("2.1 ¶3").
 *
 * The report becomes ONE document tree (privacy/document.ts) from the saved text: sections parsed
 * as GFM, citations turned into footnotes (each mark its own note), stored references (credits,
 * names, commenters) resolved with today's records; then the tree is redacted with the protections
 * in force NOW (privacy/redactTree.ts), whenever the text was saved, and serialised.
 */
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { getCall } from '../../../db/queries/calls';
import { getContributionRow } from '../../../db/queries/contributions';
import { getReportRow, getRoundRow, getVersionRow } from '../../../db/queries/report';
import { listSessionsForReport } from '../../../db/queries/report';
import type { ExportFile, PrintableExport } from '../../../shared/api';
import {
  chartTitleOf,
  CITATION_PATTERN,
  isComment,
  isNumberedBlock,
  parseMarkdownTree,
  REFERENCE_PATTERN,
  type ReferenceKind,
} from '../../../shared/domain/markdownTree';
import { ROUND_PHASE_LABELS, type RoundPhase } from '../../../shared/domain/report';
import { paragraphRef } from '../../../shared/domain/reportComments';
import type { ExportFormat, ExportKind } from '../../../shared/domain/safeguards';
import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import {
  bulletList,
  heading,
  paragraph,
  text,
  type PublicationDocument,
} from '../privacy/document';
import { RedactionTally } from '../privacy/views';
import { redactDocument } from '../privacy/redactTree';
import { contributionCredit, resolveReference } from '../privacy/references';
import { currentSections, numbered, versionSections, type VersionSection } from '../report/service';
import { protectionFor } from '../privacy/redactors';
import { documentToDocx, documentToHtml, documentToMarkdown } from './serialise';

export const REPORT_EXPORT_KINDS = ['report', 'report-round'] as const;
export type ReportExportKind = (typeof REPORT_EXPORT_KINDS)[number];
export const isReportExportKind = (k: ExportKind): k is ReportExportKind =>
  (REPORT_EXPORT_KINDS as readonly string[]).includes(k);

export interface ReportExportRequest {
  forumId: string;
  kind: ExportKind;
  format: ExportFormat;
  audience: Audience;
  subjectId?: string;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const slugify = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'report';

type Sessions = Map<string, { title: string; startAt: number; nriName: string | null }>;

function sourceText(
  ctx: BackendContext,
  forumId: string,
  kind: string,
  id: string,
  audience: Audience,
  sessions: Sessions,
  tally: RedactionTally,
): string {
  if (kind === 'contribution') {
    const row = getContributionRow(ctx.db, id);
    if (!row || row.forumId !== forumId) return 'Source no longer on record.';
    const credit = contributionCredit(ctx, forumId, id, audience, false, tally);
    if (credit.startsWith('not published'))
      return `A contribution received on ${row.receivedOn}, not published at its contributor’s request.`;
    return `Contribution: “${row.title}”, ${credit}, received ${row.receivedOn}.`;
  }
  if (kind === 'call') {
    const c = getCall(ctx.db, id);
    if (!c || c.forumId !== forumId) return 'Source no longer on record.';
    return `Virtual call: ${c.title}, ${isoDay(c.startAt)} (UTC).`;
  }
  const s = sessions.get(id);
  if (!s) return 'Source no longer on record.';
  return `Onsite session: ${s.title}${s.nriName ? `, ${s.nriName}` : ''}, ${isoDay(s.startAt)}.`;
}

const TOKEN = new RegExp(`${CITATION_PATTERN.source}|${REFERENCE_PATTERN.source}`, 'g');
const CITATION_ONE = new RegExp(`^${CITATION_PATTERN.source}$`);
const REFERENCE_ONE = new RegExp(`^${REFERENCE_PATTERN.source}$`);

interface Expansion {
  cite(kind: string, id: string): PhrasingContent;
  reference(kind: ReferenceKind, id: string): string;
}

/** Citations become footnote marks; references become the text they stand for today. */
function expandTokens(parent: Parent, x: Expansion): void {
  const out: RootContent[] = [];
  for (const c of parent.children as RootContent[]) {
    if (c.type === 'text' && TOKEN.test(c.value)) {
      TOKEN.lastIndex = 0;
      let last = 0;
      let buf = '';
      const flush = () => {
        if (buf) out.push({ type: 'text', value: buf } satisfies Text);
        buf = '';
      };
      for (const m of c.value.matchAll(TOKEN)) {
        buf += c.value.slice(last, m.index);
        last = m.index + m[0].length;
        const cite = CITATION_ONE.exec(m[0]);
        if (cite) {
          flush();
          out.push(x.cite(cite[1], cite[2].toLowerCase()));
          continue;
        }
        const ref = REFERENCE_ONE.exec(m[0]);
        if (ref) buf += x.reference(ref[1] as ReferenceKind, ref[2].toLowerCase());
      }
      buf += c.value.slice(last);
      flush();
      continue;
    }
    TOKEN.lastIndex = 0;
    if ('children' in c) expandTokens(c as Parent, x);
    out.push(c);
  }
  parent.children = out as Parent['children'];
}

/** Inner headings start one level below the section heading and never skip a level. */
function normaliseHeadings(blocks: RootContent[], base: number): void {
  const depths = blocks.filter((b) => b.type === 'heading').map((b) => b.depth);
  if (!depths.length) return;
  const min = Math.min(...depths);
  let prev = base;
  for (const b of blocks)
    if (b.type === 'heading') {
      const d = Math.min(6, prev + 1, base + 1 + (b.depth - min));
      b.depth = Math.max(base + 1, d) as typeof b.depth;
      prev = b.depth;
    }
}

interface Loaded {
  reportId: string;
  sections: VersionSection[];
  versionName: string;
  phase: RoundPhase | null;
  roundTitle: string;
}

function loadSubject(ctx: BackendContext, req: Omit<ReportExportRequest, 'format'>): Loaded {
  if (!req.subjectId)
    throw new DomainError(
      'validation',
      'subjectId: choose the report, version or round',
      'subjectId',
    );
  if (req.kind === 'report-round') {
    const round = getRoundRow(ctx.db, req.subjectId);
    const version = round ? getVersionRow(ctx.db, round.versionId) : undefined;
    if (!round || !version)
      throw new DomainError('not_found', 'No comment round with this id', 'subjectId');
    return {
      reportId: round.reportId,
      sections: versionSections(version),
      versionName: version.name,
      phase: round.phase as RoundPhase,
      roundTitle: round.title,
    };
  }
  const report = getReportRow(ctx.db, req.subjectId);
  const version = report ? undefined : getVersionRow(ctx.db, req.subjectId);
  if (!report && !version)
    throw new DomainError('not_found', 'No report or saved version with this id', 'subjectId');
  const reportId = report?.id ?? version!.reportId;
  return {
    reportId,
    sections: version ? versionSections(version) : currentSections(ctx, reportId),
    versionName: version?.name ?? `Working draft, ${isoDay(ctx.now())}`,
    phase: null,
    roundTitle: '',
  };
}

const anchorOf = (number: string) => `s-${number.replace(/\./g, '-')}`;

/** The report's document tree, from the saved text, before redaction. */
export function buildReportTree(
  ctx: BackendContext,
  req: Omit<ReportExportRequest, 'format'>,
  ext: string,
  tally: RedactionTally,
): { doc: PublicationDocument; sections: number } {
  if (req.audience === 'coordinators')
    throw new DomainError(
      'validation',
      'audience: the report is published for the public or for participants',
      'audience',
    );
  const forum = requireForum(ctx, req.forumId, 'forumId');
  const { reportId, sections, versionName, phase, roundTitle } = loadSubject(ctx, req);
  const report = getReportRow(ctx.db, reportId);
  if (!report || report.forumId !== forum.id)
    throw new DomainError('not_found', 'No such report in this forum', 'subjectId');
  const sessionsById: Sessions = new Map(
    listSessionsForReport(ctx.db, forum.id).map((s) => [s.id, s]),
  );
  const notes: RootContent[] = [];
  const expansion: Expansion = {
    // Every mark its own note (numbered in order), so MD, HTML and DOCX number them alike.
    cite: (kind, id) => {
      const identifier = String(notes.length + 1);
      notes.push({
        type: 'footnoteDefinition',
        identifier,
        label: identifier,
        children: [
          paragraph(text(sourceText(ctx, forum.id, kind, id, req.audience, sessionsById, tally))),
        ],
      });
      return { type: 'footnoteReference', identifier, label: identifier };
    },
    reference: (kind, id) => resolveReference(ctx, forum.id, kind, id, req.audience, tally),
  };
  const list = numbered(sections);
  const subtitle =
    phase !== null
      ? `${roundTitle}: ${ROUND_PHASE_LABELS[phase]} (on “${versionName}”)`
      : versionName;
  const body: RootContent[] = [
    heading(1, text(report.title)),
    paragraph({ type: 'emphasis', children: [text(subtitle)] }),
    bulletList([
      [text(`${forum.title} (${forum.year})`)],
      [text(`Audience: ${AUDIENCE_LABELS[req.audience]}`)],
      [text(`Exported: ${isoDay(ctx.now())}`)],
    ]),
  ];
  if (list.length) {
    body.push({
      ...paragraph(text('Contents')),
      data: { tocTitle: true, hProperties: { className: ['toc-title'] } },
    } as RootContent);
    body.push({
      ...bulletList(
        list.map((s) => [
          {
            type: 'link',
            url: `#${anchorOf(s.number)}`,
            children: [text(`${'\u2003'.repeat(s.level - 1)}${s.number} ${s.title}`)],
          },
        ]),
      ),
      data: { toc: true, hProperties: { className: ['toc'] } },
    } as RootContent);
  }
  for (const s of list) {
    const depth = Math.min(6, s.level + 1);
    body.push({
      ...heading(depth, text(`${s.number} ${s.title}`)),
      data: {
        pageBreak: s.level === 1,
        hProperties: { id: anchorOf(s.number), className: [`level-${s.level}`] },
      },
    } as RootContent);
    const tree: Root = parseMarkdownTree(s.markdown);
    const blocks: RootContent[] = [];
    let chart: string | null = null;
    let p = 0;
    for (const b of tree.children) {
      if (isComment(b)) {
        chart = chartTitleOf(b);
        continue; // guidance is never exported
      }
      if (b.type === 'table' && chart) b.data = { ...b.data, chart } as typeof b.data;
      chart = null;
      if (phase === 2 && isNumberedBlock(b)) {
        const label: PhrasingContent = {
          type: 'strong',
          data: { hProperties: { className: ['pn'] } },
          children: [text(`[${paragraphRef(s.number, ++p)}]`)],
        };
        if (b.type === 'paragraph' || b.type === 'heading') b.children.unshift(label, text(' '));
        else blocks.push(paragraph(label));
      }
      blocks.push(b);
    }
    normaliseHeadings(blocks, depth);
    const holder: Root = { type: 'root', children: blocks };
    expandTokens(holder, expansion);
    body.push(...holder.children);
  }
  body.push(...notes);
  return {
    doc: {
      meta: {
        title: report.title,
        filename: `${slugify(report.title)}-${req.kind === 'report-round' ? 'comment-round-' : ''}${req.audience}-${isoDay(ctx.now())}.${ext}`,
        subject: subtitle,
        properties: { author: forum.title, description: `${report.title}: ${forum.title}` },
      },
      body: { type: 'root', children: body },
    },
    sections: list.length,
  };
}

/** The report as `audience` may see it now: built, then redacted with today's protections. */
export function buildReportDocument(
  ctx: BackendContext,
  req: Omit<ReportExportRequest, 'format'>,
  ext: string,
  tally: RedactionTally,
): { doc: PublicationDocument; sections: number } {
  const built = buildReportTree(ctx, req, ext, tally);
  const { redactor } = protectionFor(ctx, req.forumId);
  return {
    doc: redactDocument(built.doc, redactor, req.audience, tally),
    sections: built.sections,
  };
}

const CSS = `
:root{--ink:#1b1f24;--muted:#5b6570;--rule:#d0d7de;--accent:#2f6f9f}
*{box-sizing:border-box}
body{font-family:Georgia,'Times New Roman',serif;color:var(--ink);max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1,h2,h3,h4,h5,h6{font-family:'Helvetica Neue',Arial,sans-serif;line-height:1.25}
h1{font-size:2rem;margin-bottom:.25rem}
h1+p{color:var(--muted);margin-top:0}
.toc-title{font-family:'Helvetica Neue',Arial,sans-serif;font-weight:bold;font-size:1.3rem;margin-top:2rem}
ul.toc{list-style:none;padding-left:0}
ul.toc a{color:var(--ink);text-decoration:none}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}
th,td{border:1px solid var(--rule);padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f5f7}
.align-right{text-align:right}.align-center{text-align:center}.align-left{text-align:left}
figure.chart{margin:1rem 0}
sup a{text-decoration:none}
.pn{font-family:Arial,sans-serif;font-size:.75rem;color:var(--accent)}
blockquote{border-left:3px solid var(--rule);margin-left:0;padding-left:1rem;color:var(--muted)}
section.footnotes{border-top:1px solid var(--rule);margin-top:2rem;font-size:.85rem}
@page{size:A4;margin:20mm 18mm}
@media print{
  body{max-width:none;margin:0;padding:0;font-size:11pt}
  a{color:inherit;text-decoration:none}
  ul.toc{page-break-after:always}
  h2.level-1{page-break-before:always}
  h1,h2,h3,h4{page-break-after:avoid}
  table,figure,tr{page-break-inside:avoid}
}`;

export const reportToMarkdown = (doc: PublicationDocument) => documentToMarkdown(doc);
export const reportToHtml = (doc: PublicationDocument) => documentToHtml(doc, { css: CSS });
export const reportToDocx = (doc: PublicationDocument) =>
  documentToDocx(doc, { titleFromFirstHeading: true });

/* ---- entry points ---- */

const MIME: Record<'md' | 'html' | 'docx', string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function checkFormat(format: ExportFormat): 'md' | 'html' | 'docx' {
  if (format === 'pdf')
    throw new DomainError(
      'validation',
      'format: a PDF is printed from the print-ready page (exports.printable)',
      'format',
    );
  if (format !== 'md' && format !== 'html' && format !== 'docx')
    throw new DomainError(
      'validation',
      'format: the report is exported as Markdown, HTML, PDF or DOCX',
      'format',
    );
  return format;
}

/** For previews (synchronous): the counts are the document model's; DOCX bytes are not built. */
export function reportPreviewText(
  ctx: BackendContext,
  req: ReportExportRequest,
  tally: RedactionTally,
): { text: string; filename: string; mimeType: string; itemCount: number } {
  const format = checkFormat(req.format);
  const { doc, sections } = buildReportDocument(ctx, req, format, tally);
  return {
    text: format === 'md' ? reportToMarkdown(doc) : format === 'html' ? reportToHtml(doc) : '',
    filename: doc.meta.filename,
    mimeType: MIME[format],
    itemCount: sections,
  };
}

function audit(
  ctx: BackendContext,
  req: Omit<ReportExportRequest, 'format'>,
  format: string,
  filename: string,
  tally: RedactionTally,
  bytes: number,
  items: number,
) {
  recordAudit(ctx, {
    forumId: req.forumId,
    action: 'export',
    subjectType: req.kind,
    subjectId: req.subjectId,
    detail: {
      kind: req.kind,
      format,
      audience: req.audience,
      filename,
      items,
      redactions: tally.count,
      pseudonyms: tally.pseudonyms.size,
      bytes,
    },
  });
}

/** `exports.render` for the report kinds (async: DOCX is zipped by the docx package). */
export async function renderReportExport(
  ctx: BackendContext,
  req: ReportExportRequest,
): Promise<ExportFile> {
  const format = checkFormat(req.format);
  const tally = new RedactionTally();
  const { doc, sections } = buildReportDocument(ctx, req, format, tally);
  const bytes =
    format === 'docx'
      ? await reportToDocx(doc)
      : new TextEncoder().encode(format === 'md' ? reportToMarkdown(doc) : reportToHtml(doc));
  const filename = doc.meta.filename;
  audit(ctx, req, format, filename, tally, bytes.byteLength, sections);
  return {
    filename,
    mimeType: MIME[format],
    audience: req.audience,
    itemCount: sections,
    redactionCount: tally.count,
    pseudonyms: [...tally.pseudonyms].sort(),
    base64: Buffer.from(bytes).toString('base64'),
  };
}

/** `exports.printable`: the print-ready HTML (for PDF), with its audit record. */
export function printableExport(
  ctx: BackendContext,
  req: Omit<ReportExportRequest, 'format'>,
): PrintableExport {
  if (!isReportExportKind(req.kind))
    throw new DomainError('validation', 'kind: only the report has a print-ready page', 'kind');
  const tally = new RedactionTally();
  const { doc, sections } = buildReportDocument(ctx, req, 'pdf', tally);
  const html = reportToHtml(doc);
  const filename = doc.meta.filename;
  audit(ctx, req, 'pdf', filename, tally, html.length, sections);
  return {
    filename,
    title: doc.meta.title,
    html,
    redactionCount: tally.count,
    pseudonyms: [...tally.pseudonyms].sort(),
  };
}
