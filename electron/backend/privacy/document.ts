/**
 * The publication model: every export is a document tree before it is a file. The body is mdast
 * (the Markdown syntax tree of the unified ecosystem: headings, paragraphs with inline marks and
 * links, tables, footnotes), so one redaction pass (./redactTree.ts) sees a paragraph's text across
 * its markup, its link URLs, footnotes and metadata, and the serialisers in publish/ only format.
 */
import type {
  AlignType,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { parseMarkdownTree } from '../../../shared/domain/markdownTree';

export interface PublicationMeta {
  title: string;
  /** The file name (with extension); redacted like the title. */
  filename: string;
  subject?: string;
  /** Document properties (author, description...): redacted, shown in DOCX/HTML metadata. */
  properties: Record<string, string>;
}

export interface PublicationDocument {
  meta: PublicationMeta;
  body: Root;
}

/** A table export's content, before it becomes a document. */
export interface TableContent {
  title: string;
  /** Lines shown above the table (forum, audience, date). */
  meta: string[];
  columns: string[];
  rows: string[][];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  /** Column alignment (numbers right-aligned); default left. */
  align?: AlignType[];
}

export const parseBody = (markdown: string): Root => parseMarkdownTree(markdown);

export const text = (value: string): Text => ({ type: 'text', value });
export const paragraph = (...children: PhrasingContent[]): Paragraph => ({
  type: 'paragraph',
  children,
});
export const heading = (depth: number, ...children: PhrasingContent[]): Heading => ({
  type: 'heading',
  depth: Math.max(1, Math.min(6, depth)) as Heading['depth'],
  children,
});
export const bulletList = (items: PhrasingContent[][]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((c): ListItem => ({
    type: 'listItem',
    spread: false,
    children: [paragraph(...c)],
  })),
});

/** Cell text stays text: a value is never read as Markdown (no markup can be injected). */
const cell = (s: string): TableCell => ({
  type: 'tableCell',
  children: s ? [text(s.replace(/\r?\n/g, ' '))] : [],
});

export function tableNode(columns: string[], rows: string[][], align?: AlignType[]): Table {
  return {
    type: 'table',
    align: columns.map((_, i) => align?.[i] ?? null),
    children: [columns, ...rows].map((r): TableRow => ({
      type: 'tableRow',
      children: columns.map((_, i) => cell(r[i] ?? '')),
    })),
  };
}

/** The document of a table export. */
export function tableDocument(t: TableContent, filename: string): PublicationDocument {
  const body: RootContent[] = [heading(1, text(t.title)), bulletList(t.meta.map((m) => [text(m)]))];
  body.push(t.rows.length ? tableNode(t.columns, t.rows, t.align) : paragraph(text(t.empty)));
  return {
    meta: { title: t.title, filename, properties: {} },
    body: { type: 'root', children: body },
  };
}

/** The table nodes of a document (for CSV). */
export function tablesOf(root: Root): Table[] {
  const out: Table[] = [];
  const walk = (n: Root | RootContent) => {
    if (n.type === 'table') out.push(n);
    else if ('children' in n) for (const c of n.children) walk(c as RootContent);
  };
  walk(root);
  return out;
}

/**
 * Characters escaped in Markdown output beyond CommonMark's own: `@` at the start of a word (pandoc
 * reads `@key` and `[@key]` as citations) and `<` anywhere (raw HTML is never passed through).
 */
const EXTRA_UNSAFE: Unsafe[] = [
  { character: '@', atBreak: true },
  { character: '@', before: '[\\s\\[\\(;,-]', inConstruct: 'phrasing' },
  { character: '<', inConstruct: 'phrasing' },
  { character: '<', atBreak: true },
];

/** Markdown (CommonMark + GFM tables, footnotes, strikethrough). */
export function bodyToMarkdown(root: Root): string {
  return toMarkdown(root, {
    extensions: [gfmToMarkdown()],
    unsafe: EXTRA_UNSAFE,
    bullet: '-',
    emphasis: '_',
    fences: true,
    rule: '-',
  });
}
