/**
 * The one Markdown dialect of the app (CommonMark + GFM), read by the real parser
 * (mdast-util-from-markdown with micromark's GFM extension) into an mdast tree. Exports, the
 * redactor, comment rounds (paragraph numbering) and the renderer's preview (react-markdown with
 * remark-gfm: the same micromark parser) all read Markdown through this dialect.
 *
 * The report's own conventions sit on top of the tree, not in a parser of their own:
 * - citations `[@contribution|call|session:<uuid>]` stay literal text in mdast (an undefined
 *   reference is text), found by `CITATION_PATTERN` in text nodes;
 * - `<!-- chart: Title -->` right before a table is an `html` node followed by a `table` node;
 * - the numbered paragraphs of a comment round are the top-level blocks other than HTML comments
 *   and thematic breaks.
 */
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { CITATION_KINDS, type CitationKind } from './report';

/** Parses Markdown (CommonMark + GFM) into mdast. */
export function parseMarkdownTree(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** `[@contribution:<uuid>]`, `[@call:<uuid>]`, `[@session:<uuid>]`. */
export const CITATION_PATTERN = new RegExp(`\\[@(${CITATION_KINDS.join('|')}):(${UUID})\\]`, 'g');

/**
 * References that generated sections store instead of credit text, resolved when the report is
 * rendered so that a protection added later applies to text saved earlier:
 * `[@credit:<contribution>]` (the contribution's credit line), `[@attribution:<contribution>]`
 * (credit line and country, the country withheld for a protected contributor), `[@person:<participant>]` (the
 * participant's name as an output may show it), `[@organisation:<participant>]` (their
 * organisation, empty for a protected person), `[@commenter:<comment>]` (how a comment is signed).
 */
export const REFERENCE_KINDS = [
  'credit',
  'attribution',
  'person',
  'organisation',
  'commenter',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];
export const REFERENCE_PATTERN = new RegExp(`\\[@(${REFERENCE_KINDS.join('|')}):(${UUID})\\]`, 'g');
export const referenceToken = (kind: ReferenceKind, id: string) => `[@${kind}:${id}]`;

export interface CitationMention {
  kind: CitationKind;
  id: string;
}

/** The citations of a text, each source once, in order of first mention. */
export function parseCitations(markdown: string): CitationMention[] {
  const seen = new Set<string>();
  const out: CitationMention[] = [];
  for (const m of markdown.matchAll(CITATION_PATTERN)) {
    const kind = m[1] as CitationKind;
    const id = m[2].toLowerCase();
    const key = `${kind}:${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind, id });
  }
  return out;
}

export const citationToken = (kind: CitationKind, id: string) => `[@${kind}:${id}]`;

/** An HTML comment node (guidance; `chart:` asks for a chart of the next table). */
export const isComment = (n: RootContent): boolean =>
  n.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(n.value);

/** The chart title of a `<!-- chart: Title -->` comment, else null. */
export function chartTitleOf(n: RootContent): string | null {
  if (n.type !== 'html') return null;
  const m = /^\s*<!--\s*chart:\s*([\s\S]*?)\s*-->\s*$/i.exec(n.value);
  return m ? m[1].trim() : null;
}

/** The blocks a reader can comment on (numbered ¶1, ¶2, ... in a comment round). */
export const isNumberedBlock = (n: RootContent): boolean =>
  !isComment(n) && n.type !== 'thematicBreak' && n.type !== 'definition';

/** The numbered paragraphs of a section's Markdown, as their source text. */
export function paragraphsOf(markdown: string): string[] {
  const tree = parseMarkdownTree(markdown);
  return tree.children
    .filter(isNumberedBlock)
    .map((n) => markdown.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0));
}

/** Whether the Markdown has nothing to show (only blank lines and HTML comments). */
export const isBlankMarkdown = (markdown: string): boolean =>
  parseMarkdownTree(markdown).children.every(isComment);
