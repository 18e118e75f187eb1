/**
 * The outcome report leaves the app here, for the public or participants audience only:
 *
 * - 'report' (subjectId: the report = its current text, or a saved version): Markdown with
 *   footnotes; self-contained HTML with print CSS (table of contents, numbered headings,
 *   footnoted sources, inline SVG bar charts); DOCX (real headings, a TABLE OF CONTENTS field,
 *   tables, footnotes, charts drawn as tables of shaded cells: no canvas is needed); PDF is made
 *   by Chromium from the print-ready HTML (`exports.printable`; Electron's printToPDF).
 * - 'report-round' (subjectId: a comment round): the round's version with every section and
 *   (phase 2) every paragraph numbered as commenters cite them ("2.1 ¶3").
 *
 * Every free text (titles, sections, cited sources) goes through the forum's redactor, and the
 * document's metadata name the forum, never a person or the machine's user.
 */
import {
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { getParticipant } from '../../../db/queries/participants';
import { getContributionRow } from '../../../db/queries/contributions';
import { getReportRow, getRoundRow, getVersionRow } from '../../../db/queries/report';
import { listSessionsForReport } from '../../../db/queries/report';
import type { ExportFile, PrintableExport } from '../../../shared/api';
import { contributionUse, creditFor } from '../../../shared/domain/consent';
import type { Attribution, WithdrawalScope } from '../../../shared/domain/contributions';
import {
  CITATION_PATTERN,
  inlineText,
  isNumberedBlock,
  parseMarkdown,
  type Block,
  type Inline,
} from '../../../shared/domain/markdown';
import { ROUND_PHASE_LABELS, type RoundPhase } from '../../../shared/domain/report';
import { paragraphRef } from '../../../shared/domain/reportComments';
import type { ExportFormat, ExportKind } from '../../../shared/domain/safeguards';
import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { getCall } from '../../../db/queries/calls';
import { currentSections, numbered, versionSections, type VersionSection } from '../report/service';
import { protectionFor } from '../privacy/redactors';
import { RedactionTally } from './policy';

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

/* ---- the document model (already redacted) ---- */

interface DocSection {
  number: string;
  level: number;
  title: string;
  blocks: Block[];
  /** Round exports: the paragraph labels ("2.1 ¶3") of the numbered blocks. */
  numberedParagraphs: boolean;
}

export interface ReportDoc {
  forumTitle: string;
  title: string;
  subtitle: string;
  meta: string[];
  sections: DocSection[];
  /** Footnote texts; a citation `[@kind:id]` is replaced by `[^n]` in the section text. */
  footnotes: string[];
  slug: string;
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

function sourceText(
  ctx: BackendContext,
  forumId: string,
  kind: string,
  id: string,
  audience: Audience,
  sessions: Map<string, { title: string; startAt: number; nriName: string | null }>,
): string {
  if (kind === 'contribution') {
    const c = getContributionRow(ctx.db, id);
    if (!c || c.forumId !== forumId) return 'Source no longer on record.';
    const use = contributionUse(
      {
        attribution: c.attribution as Attribution,
        mayPublish: c.mayPublish === 1,
        withdrawn: c.consentWithdrawnScope as WithdrawalScope | null,
      },
      audience,
    );
    if (!use.included)
      return `A contribution received on ${c.receivedOn}, not published at its contributor's request.`;
    const p = c.contributorId ? getParticipant(ctx.db, c.contributorId) : undefined;
    const credit = creditFor(
      use.attribution,
      p
        ? {
            name: p.fullName,
            organisation: p.organisation ?? '',
            isProtected: p.isProtected === 1,
            pseudonym: p.pseudonym,
          }
        : c.contributorName || c.contributorOrganisation
          ? {
              name: c.contributorName,
              organisation: c.contributorOrganisation,
              isProtected: false,
              pseudonym: null,
            }
          : null,
    );
    return `Contribution: “${c.title}”, ${credit.text}, received ${c.receivedOn}.`;
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

/** The document to export, redacted for the audience; `tally` counts what was replaced. */
export function buildReportDoc(
  ctx: BackendContext,
  req: Omit<ReportExportRequest, 'format'>,
  tally: RedactionTally,
): ReportDoc {
  if (req.audience === 'coordinators')
    throw new DomainError(
      'validation',
      'audience: the report is published for the public or for participants',
      'audience',
    );
  const forum = requireForum(ctx, req.forumId, 'forumId');
  if (!req.subjectId)
    throw new DomainError(
      'validation',
      'subjectId: choose the report, version or round',
      'subjectId',
    );
  let reportId: string;
  let sections: VersionSection[];
  let versionName: string;
  let phase: RoundPhase | null = null;
  let roundTitle = '';
  if (req.kind === 'report-round') {
    const round = getRoundRow(ctx.db, req.subjectId);
    const version = round ? getVersionRow(ctx.db, round.versionId) : undefined;
    if (!round || !version)
      throw new DomainError('not_found', 'No comment round with this id', 'subjectId');
    reportId = round.reportId;
    sections = versionSections(version);
    versionName = version.name;
    phase = round.phase as RoundPhase;
    roundTitle = round.title;
  } else {
    const report = getReportRow(ctx.db, req.subjectId);
    const version = report ? undefined : getVersionRow(ctx.db, req.subjectId);
    if (!report && !version)
      throw new DomainError('not_found', 'No report or saved version with this id', 'subjectId');
    reportId = report?.id ?? version!.reportId;
    sections = version ? versionSections(version) : currentSections(ctx, reportId);
    versionName = version?.name ?? `Working draft, ${isoDay(ctx.now())}`;
  }
  const report = getReportRow(ctx.db, reportId);
  if (!report || report.forumId !== forum.id)
    throw new DomainError('not_found', 'No such report in this forum', 'subjectId');
  const { redactor } = protectionFor(ctx, forum.id);
  const red = (s: string) => tally.text(redactor, s);
  const sessions = new Map(listSessionsForReport(ctx.db, forum.id).map((s) => [s.id, s]));
  const footnotes: string[] = [];
  const noteOf = new Map<string, number>();
  const docSections: DocSection[] = numbered(sections).map((s) => {
    // Guidance comments are dropped; `<!-- chart: ... -->` markers stay for the renderers.
    const kept = s.markdown.replace(/<!--(?!\s*chart:)[\s\S]*?-->\n?/g, '');
    const withCharts = kept.replace(CITATION_PATTERN, (_m, kind: string, id: string) => {
      const key = `${kind}:${id.toLowerCase()}`;
      let n = noteOf.get(key);
      if (n === undefined) {
        footnotes.push(
          red(sourceText(ctx, forum.id, kind, id.toLowerCase(), req.audience, sessions)),
        );
        n = footnotes.length;
        noteOf.set(key, n);
      }
      return `[^${n}]`;
    });
    return {
      number: s.number,
      level: s.level,
      title: red(s.title),
      blocks: parseMarkdown(red(withCharts)),
      numberedParagraphs: phase === 2,
    };
  });
  const title = red(report.title);
  return {
    forumTitle: red(forum.title),
    title,
    subtitle:
      phase !== null
        ? `${red(roundTitle)}: ${ROUND_PHASE_LABELS[phase]} (on “${red(versionName)}”)`
        : red(versionName),
    meta: [
      `${red(forum.title)} (${forum.year})`,
      `Audience: ${AUDIENCE_LABELS[req.audience]}`,
      `Exported: ${isoDay(ctx.now())}`,
    ],
    sections: docSections,
    footnotes,
    slug: slugify(red(report.title)),
  };
}

/* ---- inline footnote references: `[^n]` ---- */

type Piece = Inline | { type: 'note'; n: number };

function withNotes(nodes: Inline[]): Piece[] {
  const out: Piece[] = [];
  for (const n of nodes) {
    if (n.type !== 'text') {
      if (n.type === 'strong' || n.type === 'em' || n.type === 'link')
        out.push({ ...n, children: withNotes(n.children) as Inline[] });
      else out.push(n);
      continue;
    }
    let last = 0;
    for (const m of n.text.matchAll(/\[\^(\d+)\]/g)) {
      if (m.index! > last) out.push({ type: 'text', text: n.text.slice(last, m.index) });
      out.push({ type: 'note', n: Number(m[1]) });
      last = m.index! + m[0].length;
    }
    if (last < n.text.length) out.push({ type: 'text', text: n.text.slice(last) });
  }
  return out;
}

/* ---- Markdown ---- */

export function reportToMarkdown(doc: ReportDoc): string {
  const out: string[] = [
    `# ${doc.title}`,
    '',
    `_${doc.subtitle}_`,
    '',
    ...doc.meta.map((m) => `- ${m}`),
    '',
  ];
  out.push('## Contents', '');
  for (const s of doc.sections) out.push(`${'  '.repeat(s.level - 1)}- ${s.number} ${s.title}`);
  out.push('');
  for (const s of doc.sections) {
    out.push(`${'#'.repeat(Math.min(6, s.level + 1))} ${s.number} ${s.title}`, '');
    let p = 0;
    for (const b of s.blocks) {
      if (b.type === 'comment') continue;
      let raw = b.raw;
      if (b.type === 'heading')
        raw = `${'#'.repeat(Math.min(6, s.level + 1 + b.level))} ${inlineText(b.children)}`;
      if (s.numberedParagraphs && isNumberedBlock(b))
        raw = `**[${paragraphRef(s.number, ++p)}]** ${raw}`;
      out.push(raw, '');
    }
  }
  if (doc.footnotes.length) {
    out.push('## Sources', '');
    doc.footnotes.forEach((f, i) => out.push(`[^${i + 1}]: ${f}`));
    out.push('');
  }
  return out.join('\n');
}

/* ---- HTML ---- */

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inlineHtml(nodes: Piece[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return esc(n.text);
        case 'code':
          return `<code>${esc(n.text)}</code>`;
        case 'strong':
          return `<strong>${inlineHtml(withNotes(n.children))}</strong>`;
        case 'em':
          return `<em>${inlineHtml(withNotes(n.children))}</em>`;
        case 'link':
          return `<a href="${esc(n.href)}">${inlineHtml(withNotes(n.children))}</a>`;
        case 'note':
          return `<sup class="fn"><a href="#fn-${n.n}" id="fnref-${n.n}">${n.n}</a></sup>`;
        case 'citation':
          return '';
      }
    })
    .join('');
}

const ih = (nodes: Inline[]) => inlineHtml(withNotes(nodes));

/** A chart's rows: label and count (null when suppressed or not a number). */
function chartRows(
  b: Extract<Block, { type: 'table' }>,
): { label: string; value: number | null; text: string }[] {
  return b.rows
    .map((r) => ({
      label: inlineText(r[0] ?? []).trim(),
      text: inlineText(r[1] ?? []).trim(),
    }))
    .filter((r) => !/^total$/i.test(r.label))
    .map((r) => ({ ...r, value: /^\d+$/.test(r.text) ? Number(r.text) : null }));
}

function svgChart(title: string, rows: ReturnType<typeof chartRows>): string {
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const rowH = 22;
  const labelW = 220;
  const barW = 320;
  const h = rows.length * rowH + 30;
  const bars = rows
    .map((r, i) => {
      const y = 24 + i * rowH;
      const w = r.value ? Math.max(2, Math.round((r.value / max) * barW)) : 0;
      return `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${esc(r.label)}</text>${
        w
          ? `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="#2f6f9f"/>`
          : ''
      }<text x="${labelW + w + 6}" y="${y + 14}">${esc(r.text)}</text>`;
    })
    .join('');
  return `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" viewBox="0 0 ${labelW + barW + 60} ${h}" width="100%" font-family="sans-serif" font-size="12"><text x="0" y="14" font-weight="bold">${esc(title)}</text>${bars}</svg></figure>`;
}

function blockHtml(b: Block, s: DocSection, label: string | null): string {
  const tag = label ? `<span class="pn">${esc(label)}</span> ` : '';
  switch (b.type) {
    case 'heading': {
      const h = Math.min(6, s.level + 1 + b.level);
      return `<h${h} class="inner">${tag}${ih(b.children)}</h${h}>`;
    }
    case 'paragraph':
      return `<p>${tag}${ih(b.children)}</p>`;
    case 'quote':
      return `<blockquote>${tag}${ih(b.children)}</blockquote>`;
    case 'code':
      return `${tag}<pre><code>${esc(b.text)}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'comment':
      return '';
    case 'list': {
      const t = b.ordered ? 'ol' : 'ul';
      const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
      return `${tag}<${t}${start}>${b.items.map((i) => `<li>${ih(i)}</li>`).join('')}</${t}>`;
    }
    case 'table': {
      const al = (i: number) => (b.align[i] ? ` style="text-align:${b.align[i]}"` : '');
      const table = `${tag}<table><thead><tr>${b.header.map((h, i) => `<th${al(i)}>${ih(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c, i) => `<td${al(i)}>${ih(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
      return b.chart ? table + svgChart(b.chart, chartRows(b)) : table;
    }
  }
}

const CSS = `
:root{--ink:#1b1f24;--muted:#5b6570;--rule:#d0d7de;--accent:#2f6f9f}
*{box-sizing:border-box}
body{font-family:Georgia,'Times New Roman',serif;color:var(--ink);max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1,h2,h3,h4,h5,h6{font-family:'Helvetica Neue',Arial,sans-serif;line-height:1.25}
h1{font-size:2rem;margin-bottom:.25rem}
.subtitle{color:var(--muted);font-style:italic;margin-top:0}
.meta{color:var(--muted);font-size:.9rem;padding:0;list-style:none}
nav.toc ol{list-style:none;padding-left:1.2rem}
nav.toc>ol{padding-left:0}
nav.toc a{color:var(--ink);text-decoration:none}
.num{color:var(--accent);margin-right:.5em}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}
th,td{border:1px solid var(--rule);padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f5f7}
figure.chart{margin:1rem 0}
sup.fn a{text-decoration:none}
.pn{font-family:Arial,sans-serif;font-size:.75rem;color:var(--accent);font-weight:bold}
blockquote{border-left:3px solid var(--rule);margin-left:0;padding-left:1rem;color:var(--muted)}
section.footnotes{border-top:1px solid var(--rule);margin-top:2rem;font-size:.85rem}
@page{size:A4;margin:20mm 18mm}
@media print{
  body{max-width:none;margin:0;padding:0;font-size:11pt}
  a{color:inherit;text-decoration:none}
  nav.toc{page-break-after:always}
  h2.level-1{page-break-before:always}
  h1,h2,h3,h4{page-break-after:avoid}
  table,figure,tr{page-break-inside:avoid}
}`;

export function reportToHtml(doc: ReportDoc): string {
  const anchor = (s: DocSection) => `s-${s.number.replace(/\./g, '-')}`;
  // Table of contents as nested lists.
  let toc = '<ol>';
  let depth = 1;
  doc.sections.forEach((s, i) => {
    while (depth < s.level) {
      toc += '<ol>';
      depth++;
    }
    while (depth > s.level) {
      toc += '</li></ol>';
      depth--;
    }
    if (i > 0 && doc.sections[i - 1].level >= s.level) toc += '</li>';
    toc += `<li><a href="#${anchor(s)}"><span class="num">${esc(s.number)}</span>${esc(s.title)}</a>`;
  });
  while (depth > 1) {
    toc += '</li></ol>';
    depth--;
  }
  toc += doc.sections.length ? '</li></ol>' : '</ol>';
  const body = doc.sections
    .map((s) => {
      const h = Math.min(6, s.level + 1);
      let p = 0;
      const blocks = s.blocks
        .map((b) =>
          blockHtml(
            b,
            s,
            s.numberedParagraphs && isNumberedBlock(b) ? paragraphRef(s.number, ++p) : null,
          ),
        )
        .join('\n');
      return `<section id="${anchor(s)}"><h${h} class="level-${s.level}"><span class="num">${esc(s.number)}</span>${esc(s.title)}</h${h}>\n${blocks}</section>`;
    })
    .join('\n');
  const notes = doc.footnotes.length
    ? `<section class="footnotes"><h2>Sources</h2><ol>${doc.footnotes
        .map(
          (f, i) =>
            `<li id="fn-${i + 1}">${esc(f)} <a href="#fnref-${i + 1}" aria-label="Back">↩</a></li>`,
        )
        .join('')}</ol></section>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="${esc(doc.forumTitle)}">
<meta name="generator" content="Intersession">
<title>${esc(doc.title)}</title>
<style>${CSS}</style></head>
<body>
<header><h1>${esc(doc.title)}</h1><p class="subtitle">${esc(doc.subtitle)}</p>
<ul class="meta">${doc.meta.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></header>
<nav class="toc"><h2>Contents</h2>${toc}</nav>
<main>${body}</main>
${notes}
</body></html>
`;
}

/* ---- DOCX ---- */

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

function runs(nodes: Piece[], style: { bold?: boolean; italics?: boolean } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    if (n.type === 'text') out.push(new TextRun({ text: n.text, ...style }));
    else if (n.type === 'code')
      out.push(new TextRun({ text: n.text, font: 'Courier New', ...style }));
    else if (n.type === 'strong')
      out.push(...runs(withNotes(n.children), { ...style, bold: true }));
    else if (n.type === 'em') out.push(...runs(withNotes(n.children), { ...style, italics: true }));
    else if (n.type === 'link')
      out.push(
        new ExternalHyperlink({
          link: n.href,
          children: [new TextRun({ text: inlineText(n.children), style: 'Hyperlink', ...style })],
        }),
      );
    else if (n.type === 'note') out.push(new FootnoteReferenceRun(n.n));
  }
  return out;
}

const dr = (nodes: Inline[], style?: { bold?: boolean; italics?: boolean }) =>
  runs(withNotes(nodes), style);

function cellOf(
  children: ParagraphChild[],
  opts: { header?: boolean; fill?: string; width?: number } = {},
) {
  return new TableCell({
    children: [new Paragraph({ children })],
    shading: opts.fill
      ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill }
      : opts.header
        ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F5F7' }
        : undefined,
    width: opts.width ? { size: opts.width, type: WidthType.DXA } : undefined,
  });
}

/** A bar chart as a table: label, count, then 20 cells of which the bar's share is shaded. */
function docxChart(title: string, rows: ReturnType<typeof chartRows>): (Paragraph | Table)[] {
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const STEPS = 20;
  return [
    new Paragraph({ children: [new TextRun({ text: title, bold: true })], keepNext: true }),
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: 9000, type: WidthType.DXA },
      columnWidths: [2600, 800, ...Array.from({ length: STEPS }, () => 280)],
      rows: rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [
              cellOf([new TextRun(r.label)], { width: 2600 }),
              cellOf([new TextRun(r.text)], { width: 800 }),
              ...Array.from({ length: STEPS }, (_, i) =>
                cellOf([], {
                  width: 280,
                  fill:
                    r.value !== null && i < Math.round((r.value / max) * STEPS)
                      ? '2F6F9F'
                      : undefined,
                }),
              ),
            ],
          }),
      ),
    }),
  ];
}

function docxBlocks(s: DocSection): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let p = 0;
  for (const b of s.blocks) {
    const label =
      s.numberedParagraphs && isNumberedBlock(b)
        ? [new TextRun({ text: `${paragraphRef(s.number, ++p)}  `, bold: true, color: '2F6F9F' })]
        : [];
    switch (b.type) {
      case 'heading':
        out.push(
          new Paragraph({
            heading: HEADINGS[Math.min(5, s.level + b.level)],
            children: [...label, ...dr(b.children)],
          }),
        );
        break;
      case 'paragraph':
        out.push(new Paragraph({ children: [...label, ...dr(b.children)] }));
        break;
      case 'quote':
        out.push(
          new Paragraph({
            indent: { left: 720 },
            children: [...label, ...dr(b.children, { italics: true })],
          }),
        );
        break;
      case 'code':
        out.push(
          ...b.text.split('\n').map(
            (l, i) =>
              new Paragraph({
                children: [
                  ...(i === 0 ? label : []),
                  new TextRun({ text: l, font: 'Courier New' }),
                ],
              }),
          ),
        );
        break;
      case 'list':
        if (label.length) out.push(new Paragraph({ children: label }));
        b.items.forEach((item, i) =>
          out.push(
            b.ordered
              ? new Paragraph({
                  indent: { left: 720, hanging: 360 },
                  children: [new TextRun(`${b.start + i}.\t`), ...dr(item)],
                })
              : new Paragraph({ bullet: { level: 0 }, children: dr(item) }),
          ),
        );
        break;
      case 'table': {
        if (label.length) out.push(new Paragraph({ children: label }));
        out.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                children: b.header.map((h) => cellOf(dr(h, { bold: true }), { header: true })),
              }),
              ...b.rows.map((r) => new TableRow({ children: r.map((c) => cellOf(dr(c))) })),
            ],
          }),
          new Paragraph({ children: [] }),
        );
        if (b.chart) out.push(...docxChart(b.chart, chartRows(b)), new Paragraph({ children: [] }));
        break;
      }
      case 'rule':
      case 'comment':
        break;
    }
  }
  return out;
}

export async function reportToDocx(doc: ReportDoc): Promise<Uint8Array> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  doc.footnotes.forEach((f, i) => {
    footnotes[i + 1] = { children: [new Paragraph({ children: [new TextRun(f)] })] };
  });
  const children: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }),
    ...doc.meta.map((m) => new Paragraph({ children: [new TextRun(m)] })),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun('Contents')],
    }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3' }),
  ];
  for (const s of doc.sections) {
    children.push(
      new Paragraph({
        heading: HEADINGS[Math.min(5, s.level - 1)],
        pageBreakBefore: s.level === 1,
        children: [new TextRun(`${s.number} ${s.title}`)],
      }),
      ...docxBlocks(s),
    );
  }
  const document = new Document({
    creator: doc.forumTitle,
    lastModifiedBy: doc.forumTitle,
    title: doc.title,
    subject: doc.subtitle,
    description: `${doc.title}: ${doc.forumTitle}`,
    features: { updateFields: true },
    footnotes,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
  const buf = await Packer.toBuffer(document);
  return new Uint8Array(buf);
}

/* ---- entry points ---- */

const MIME: Record<'md' | 'html' | 'docx', string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function filenameOf(
  doc: ReportDoc,
  req: Omit<ReportExportRequest, 'format'>,
  ext: string,
  now: number,
) {
  return `${doc.slug}-${req.kind === 'report-round' ? 'comment-round-' : ''}${req.audience}-${isoDay(now)}.${ext}`;
}

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
  const doc = buildReportDoc(ctx, req, tally);
  return {
    text: format === 'md' ? reportToMarkdown(doc) : format === 'html' ? reportToHtml(doc) : '',
    filename: filenameOf(doc, req, format, ctx.now()),
    mimeType: MIME[format],
    itemCount: doc.sections.length,
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
  const doc = buildReportDoc(ctx, req, tally);
  const bytes =
    format === 'docx'
      ? await reportToDocx(doc)
      : new TextEncoder().encode(format === 'md' ? reportToMarkdown(doc) : reportToHtml(doc));
  const filename = filenameOf(doc, req, format, ctx.now());
  audit(ctx, req, format, filename, tally, bytes.byteLength, doc.sections.length);
  return {
    filename,
    mimeType: MIME[format],
    audience: req.audience,
    itemCount: doc.sections.length,
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
  const doc = buildReportDoc(ctx, req, tally);
  const html = reportToHtml(doc);
  const filename = filenameOf(doc, req, 'pdf', ctx.now());
  audit(ctx, req, 'pdf', filename, tally, html.length, doc.sections.length);
  return {
    filename,
    title: doc.title,
    html,
    redactionCount: tally.count,
    pseudonyms: [...tally.pseudonyms].sort(),
  };
}
