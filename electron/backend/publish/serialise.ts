/**
 * Serialisers of a (redacted) PublicationDocument. They only format; redaction happened on the
 * tree (privacy/redactTree.ts). Markdown by mdast-util-to-markdown (raw HTML and a leading `@`
 * escaped: privacy/document.ts), HTML by mdast-util-to-hast + hast-util-to-html (raw HTML never
 * passed through: no `allowDangerousHtml`), DOCX by walking the tree into the `docx` package,
 * CSV from the table nodes. PDF is printed by Chromium from the HTML (exports.printable).
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table as DocxTable,
  TableCell as DocxCell,
  TableLayoutType,
  TableOfContents,
  TableRow as DocxRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type {
  FootnoteDefinition,
  List,
  Nodes,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { estimatePageNumbers } from 'docx/layout';
import { toString } from 'mdast-util-to-string';
import { bodyToMarkdown, tablesOf, type PublicationDocument } from '../privacy/document';
import { toCsv } from './csv';

/* ---- Markdown ---- */

export const documentToMarkdown = (doc: PublicationDocument): string => bodyToMarkdown(doc.body);

/* ---- CSV ---- */

/** The document's first table as CSV (a header line only when it has no table). */
export function documentToCsv(doc: PublicationDocument, columns: string[] = []): string {
  const table = tablesOf(doc.body)[0];
  if (!table) return toCsv([columns]);
  return toCsv(table.children.map((r) => r.children.map((c) => toString(c))));
}

/* ---- charts (HTML and DOCX): a table marked `data.chart` is drawn as a bar chart ---- */

export interface ChartRow {
  label: string;
  value: number | null;
  text: string;
}

export const chartOf = (t: Table): string | null =>
  ((t.data as { chart?: string } | undefined)?.chart ?? null) || null;

export function chartRows(t: Table): ChartRow[] {
  return t.children
    .slice(1)
    .map((r) => ({
      label: toString(r.children[0] ?? { type: 'text', value: '' }).trim(),
      text: toString(r.children[1] ?? { type: 'text', value: '' }).trim(),
    }))
    .filter((r) => !/^total$/i.test(r.label))
    .map((r) => ({ ...r, value: /^\d+$/.test(r.text) ? Number(r.text) : null }));
}

const el = (
  tagName: string,
  properties: Record<string, string | number | string[]>,
  children: ElementContent[] = [],
): Element => ({
  type: 'element',
  tagName,
  properties: properties as Element['properties'],
  children,
});
const tx = (value: string): ElementContent => ({ type: 'text', value });

function svgChart(title: string, rows: ChartRow[]): Element {
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const rowH = 22;
  const labelW = 220;
  const barW = 320;
  const h = rows.length * rowH + 30;
  const parts: ElementContent[] = [el('text', { x: 0, y: 14, fontWeight: 'bold' }, [tx(title)])];
  rows.forEach((r, i) => {
    const y = 24 + i * rowH;
    const w = r.value ? Math.max(2, Math.round((r.value / max) * barW)) : 0;
    parts.push(el('text', { x: labelW - 8, y: y + 14, textAnchor: 'end' }, [tx(r.label)]));
    if (w)
      parts.push(el('rect', { x: labelW, y: y + 3, width: w, height: rowH - 8, fill: '#2f6f9f' }));
    parts.push(el('text', { x: labelW + w + 6, y: y + 14 }, [tx(r.text)]));
  });
  return el('figure', { className: ['chart'] }, [
    el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        role: 'img',
        ariaLabel: title,
        viewBox: `0 0 ${labelW + barW + 60} ${h}`,
        width: '100%',
        fontFamily: 'sans-serif',
        fontSize: 12,
      },
      parts,
    ),
  ]);
}

/* ---- HTML ---- */

const HTML_CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:2rem;color:#1a1b1e;line-height:1.45}
h1{font-size:1.6rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:1rem 0}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f3f5}tr:nth-child(even) td{background:#fafafa}
.align-right{text-align:right}.align-center{text-align:center}.align-left{text-align:left}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
@media print{body{margin:0}th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}}`;

/** Alignment as classes (the app's CSP blocks style attributes); charts after marked tables. */
function finishHast(node: HastRoot | Element): void {
  const out: HastContent[] = [];
  for (const c of node.children as HastContent[]) {
    if (c.type === 'element') {
      const align = c.properties?.align;
      if (typeof align === 'string') {
        delete c.properties.align;
        const cls = c.properties.className;
        c.properties.className = [...(Array.isArray(cls) ? cls : []), `align-${align}`].map(String);
      }
      finishHast(c);
      out.push(c);
      const chart = c.tagName === 'table' ? c.properties?.dataChart : undefined;
      if (typeof chart === 'string' && c.data && 'mdast' in c.data)
        out.push(svgChart(chart, chartRows((c.data as { mdast: Table }).mdast)));
      continue;
    }
    out.push(c);
  }
  node.children = out as typeof node.children;
}

/** Keeps the mdast table on its hast element (for the chart) and marks it. */
function markCharts(root: Nodes): void {
  if (root.type === 'table' && chartOf(root)) {
    root.data = {
      ...root.data,
      hProperties: { ...(root.data?.hProperties ?? {}), dataChart: chartOf(root) },
    };
  }
  if ('children' in root) for (const c of root.children) markCharts(c as Nodes);
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface HtmlOptions {
  css?: string;
  lang?: string;
}

/** A self-contained HTML page: no scripts, no external resources, no raw HTML from records. */
export function documentToHtml(doc: PublicationDocument, opts: HtmlOptions = {}): string {
  markCharts(doc.body);
  const hast = toHast(doc.body, {
    footnoteLabel: 'Sources',
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: { className: ['sources'] },
    footnoteBackLabel: (i) => `Back to reference ${i + 1}`,
    clobberPrefix: '',
    handlers: {
      table(state, node: Table) {
        const e = el('table', {}, []);
        // The default handler does the rows; keep the mdast node for the chart.
        const rows: ElementContent[] = [];
        node.children.forEach((row, ri) => {
          const cells = row.children.map((cell, ci) => {
            const align = node.align?.[ci];
            return el(ri === 0 ? 'th' : 'td', align ? { align } : {}, state.all(cell));
          });
          rows.push(el('tr', {}, cells));
        });
        e.children = [
          el('thead', {}, rows.slice(0, 1)),
          ...(rows.length > 1 ? [el('tbody', {}, rows.slice(1))] : []),
        ];
        const chart = chartOf(node);
        if (chart) e.properties.dataChart = chart;
        e.data = { mdast: node } as Element['data'];
        state.patch(node, e);
        return state.applyData(node, e);
      },
    },
  }) as HastRoot;
  finishHast(hast);
  const props = Object.entries(doc.meta.properties)
    .map(([k, v]) => `<meta name="${escapeAttr(k)}" content="${escapeAttr(v)}">`)
    .join('\n');
  return `<!doctype html>
<html lang="${opts.lang ?? 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Intersession">
${props}
<title>${escapeAttr(doc.meta.title)}</title>
<style>${opts.css ?? HTML_CSS}</style></head>
<body>
${toHtml(hast)}
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

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  color?: string;
}

interface DocxState {
  definitions: Map<string, FootnoteDefinition>;
  footnotes: Record<number, { children: Paragraph[] }>;
  next: number;
}

const isWebLink = (url: string) => /^(https?:|mailto:)/i.test(url);

/** Every footnote mark gets its own note (LibreOffice misnumbers notes shared by two marks). */
function noteFor(st: DocxState, identifier: string): number | null {
  const def = st.definitions.get(identifier.toLowerCase());
  if (!def) return null;
  const n = st.next++;
  st.footnotes[n] = {
    children: def.children.map((c) => new Paragraph({ children: [new TextRun(toString(c))] })),
  };
  return n;
}

function runs(nodes: PhrasingContent[], st: DocxState, style: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push(new TextRun({ text: n.value.replace(/\n/g, ' '), ...style }));
        break;
      case 'inlineCode':
        out.push(new TextRun({ text: n.value, font: 'Courier New', ...style }));
        break;
      case 'strong':
        out.push(...runs(n.children, st, { ...style, bold: true }));
        break;
      case 'emphasis':
        out.push(...runs(n.children, st, { ...style, italics: true }));
        break;
      case 'delete':
        out.push(...runs(n.children, st, { ...style, strike: true }));
        break;
      case 'break':
        out.push(new TextRun({ text: '', break: 1 }));
        break;
      case 'link':
        if (isWebLink(n.url))
          out.push(
            new ExternalHyperlink({
              link: n.url,
              children: [new TextRun({ text: toString(n), style: 'Hyperlink', ...style })],
            }),
          );
        else out.push(...runs(n.children, st, style));
        break;
      case 'footnoteReference': {
        const id = noteFor(st, n.identifier);
        if (id !== null) out.push(new FootnoteReferenceRun(id));
        break;
      }
      case 'image':
        if (n.alt) out.push(new TextRun({ text: `[${n.alt}]`, ...style }));
        break;
      case 'html':
        out.push(new TextRun({ text: n.value, ...style }));
        break;
      default:
        if ('children' in n) out.push(...runs(n.children as PhrasingContent[], st, style));
    }
  }
  return out;
}

function cellOf(
  children: ParagraphChild[],
  opts: { header?: boolean; fill?: string; width?: number; align?: string | null } = {},
) {
  return new DocxCell({
    children: [
      new Paragraph({
        children,
        alignment:
          opts.align === 'right'
            ? AlignmentType.RIGHT
            : opts.align === 'center'
              ? AlignmentType.CENTER
              : undefined,
      }),
    ],
    shading: opts.fill
      ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill }
      : opts.header
        ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F5F7' }
        : undefined,
    width: opts.width ? { size: opts.width, type: WidthType.DXA } : undefined,
  });
}

/** A bar chart as a table: label, count, then 20 cells of which the bar's share is shaded. */
function docxChart(title: string, rows: ChartRow[]): (Paragraph | DocxTable)[] {
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const STEPS = 20;
  return [
    new Paragraph({ children: [new TextRun({ text: title, bold: true })], keepNext: true }),
    new DocxTable({
      layout: TableLayoutType.FIXED,
      width: { size: 9000, type: WidthType.DXA },
      columnWidths: [2600, 800, ...Array.from({ length: STEPS }, () => 280)],
      rows: rows.map(
        (r) =>
          new DocxRow({
            cantSplit: true,
            children: [
              cellOf([new TextRun(r.label)], { width: 2600 }),
              cellOf([new TextRun(r.text)], { width: 800, align: 'right' }),
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

type DocxBlock = Paragraph | DocxTable | TableOfContents;

export interface DocxOptions {
  /** The first depth-1 heading is the document's title (Title style); others move up one level. */
  titleFromFirstHeading?: boolean;
}

function docxBlocks(
  nodes: RootContent[],
  st: DocxState,
  opts: DocxOptions,
  ctx: { titleDone: boolean; listLevel: number },
): DocxBlock[] {
  const out: DocxBlock[] = [];
  for (const n of nodes) {
    const data = (n.data ?? {}) as { toc?: boolean; tocTitle?: boolean; pageBreak?: boolean };
    switch (n.type) {
      case 'heading': {
        if (opts.titleFromFirstHeading && !ctx.titleDone && n.depth === 1) {
          ctx.titleDone = true;
          out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: runs(n.children, st) }));
          break;
        }
        const depth = opts.titleFromFirstHeading ? Math.max(1, n.depth - 1) : n.depth;
        out.push(
          new Paragraph({
            heading: HEADINGS[Math.min(5, depth - 1)],
            pageBreakBefore: Boolean(data.pageBreak),
            children: runs(n.children, st),
          }),
        );
        break;
      }
      case 'paragraph':
        out.push(
          new Paragraph({
            pageBreakBefore: Boolean(data.tocTitle),
            children: runs(n.children, st, data.tocTitle ? { bold: true } : {}),
          }),
        );
        break;
      case 'blockquote':
        for (const c of n.children)
          if (c.type === 'paragraph')
            out.push(
              new Paragraph({
                indent: { left: 720 },
                children: runs(c.children, st, { italics: true }),
              }),
            );
          else out.push(...docxBlocks([c], st, opts, ctx));
        break;
      case 'code':
        out.push(
          ...n.value
            .split('\n')
            .map(
              (l) => new Paragraph({ children: [new TextRun({ text: l, font: 'Courier New' })] }),
            ),
        );
        break;
      case 'list': {
        if (data.toc) {
          // Word/LibreOffice fill it in (updateFields): real page numbers, links, heading styles.
          out.push(
            new TableOfContents('Contents', {
              hyperlink: true,
              headingStyleRange: '1-3',
              hideTabAndPageNumbersInWebView: true,
              useAppliedParagraphOutlineLevel: true,
            }),
          );
          break;
        }
        out.push(...listBlocks(n, st, opts, ctx));
        break;
      }
      case 'table': {
        const t = n;
        out.push(
          new DocxTable({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: t.children.map(
              (r, ri) =>
                new DocxRow({
                  tableHeader: ri === 0,
                  children: r.children.map((c, ci) =>
                    cellOf(runs(c.children, st, ri === 0 ? { bold: true } : {}), {
                      header: ri === 0,
                      align: t.align?.[ci] ?? null,
                    }),
                  ),
                }),
            ),
          }),
          new Paragraph({ children: [] }),
        );
        const chart = chartOf(t);
        if (chart) out.push(...docxChart(chart, chartRows(t)), new Paragraph({ children: [] }));
        break;
      }
      case 'html':
        out.push(new Paragraph({ children: [new TextRun(n.value)] }));
        break;
      case 'footnoteDefinition':
      case 'definition':
      case 'thematicBreak':
        break;
      default:
        if ('children' in n) out.push(...docxBlocks(n.children as RootContent[], st, opts, ctx));
    }
  }
  return out;
}

function listBlocks(
  list: List,
  st: DocxState,
  opts: DocxOptions,
  ctx: { titleDone: boolean; listLevel: number },
): DocxBlock[] {
  const out: DocxBlock[] = [];
  const level = ctx.listLevel;
  list.children.forEach((item, i) => {
    item.children.forEach((c, ci) => {
      if (c.type === 'paragraph') {
        const indent = { left: 720 * (level + 1), hanging: 360 };
        out.push(
          list.ordered
            ? new Paragraph({
                indent,
                children: [
                  ...(ci === 0 ? [new TextRun(`${(list.start ?? 1) + i}.\t`)] : []),
                  ...runs(c.children, st),
                ],
              })
            : new Paragraph({
                ...(ci === 0 ? { bullet: { level: Math.min(8, level) } } : { indent }),
                children: runs(c.children, st),
              }),
        );
      } else if (c.type === 'list') {
        out.push(...listBlocks(c, st, opts, { ...ctx, listLevel: level + 1 }));
      } else out.push(...docxBlocks([c], st, opts, ctx));
    });
  });
  return out;
}

function collectDefinitions(root: Root): Map<string, FootnoteDefinition> {
  const defs = new Map<string, FootnoteDefinition>();
  const walk = (n: Nodes) => {
    if (n.type === 'footnoteDefinition') defs.set(n.identifier.toLowerCase(), n);
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(root);
  return defs;
}

/** DOCX: real headings and styles, a TOC field, tables, one footnote per mark, metadata. */
export async function documentToDocx(
  doc: PublicationDocument,
  opts: DocxOptions = {},
): Promise<Uint8Array> {
  const st: DocxState = { definitions: collectDefinitions(doc.body), footnotes: {}, next: 1 };
  const children = docxBlocks(doc.body.children, st, opts, { titleDone: false, listLevel: 0 });
  const p = doc.meta.properties;
  const document = new Document({
    creator: p.author ?? 'Intersession',
    lastModifiedBy: p.author ?? 'Intersession',
    title: doc.meta.title,
    subject: doc.meta.subject ?? '',
    description: p.description ?? '',
    features: { updateFields: true },
    // The contents are written with page numbers (LibreOffice fills the entries but not the
    // numbers when it updates the field on load); Word still updates them.
    pageNumbers: estimatePageNumbers,
    footnotes: st.footnotes,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
