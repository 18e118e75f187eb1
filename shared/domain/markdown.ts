/**
 * The Markdown the report is written in, parsed into a small tree that every export renders
 * (HTML, DOCX) and comment rounds number (one block = one paragraph). Pure, no dependencies.
 *
 * Supported: ATX headings, paragraphs, bullet and numbered lists (one level), pipe tables,
 * block quotes, fenced code, horizontal rules, HTML comments (guidance, never exported; a
 * `<!-- chart: Title -->` comment right before a table asks for a bar chart of it), and inline
 * strong, emphasis, code, links, autolinks and citations `[@contribution|call|session:<id>]`.
 */
import { CITATION_KINDS, type CitationKind } from './report';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'citation'; kind: CitationKind; id: string };

export type Align = 'left' | 'center' | 'right' | null;

export type Block =
  | { type: 'heading'; level: number; children: Inline[]; raw: string }
  | { type: 'paragraph'; children: Inline[]; raw: string }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][]; raw: string }
  | {
      type: 'table';
      header: Inline[][];
      align: Align[];
      rows: Inline[][][];
      /** From a `<!-- chart: Title -->` comment right before the table. */
      chart: string | null;
      raw: string;
    }
  | { type: 'quote'; children: Inline[]; raw: string }
  | { type: 'code'; text: string; raw: string }
  | { type: 'rule'; raw: string }
  | { type: 'comment'; text: string; raw: string };

/** `[@contribution:<uuid>]`, `[@call:<uuid>]`, `[@session:<uuid>]`. */
export const CITATION_PATTERN = new RegExp(
  `\\[@(${CITATION_KINDS.join('|')}):([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\]`,
  'g',
);

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

/* ---- inline ---- */

const PUNCT = /[\\`*_{}[\]()#+\-.!|<>~"']/;

function findClosing(s: string, from: number, marker: string): number {
  for (let j = from; j <= s.length - marker.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] === '`') {
      const end = s.indexOf('`', j + 1);
      if (end > 0) j = end;
      continue;
    }
    if (s.startsWith(marker, j) && j > from) return j;
  }
  return -1;
}

/** Parses inline Markdown. */
export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ type: 'text', text: buf });
    buf = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '\\' && i + 1 < s.length && PUNCT.test(s[i + 1])) {
      buf += s[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i) {
        flush();
        out.push({ type: 'code', text: s.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      CITATION_PATTERN.lastIndex = 0;
      const rest = s.slice(i);
      const m = new RegExp(`^${CITATION_PATTERN.source}`).exec(rest);
      if (m) {
        flush();
        out.push({ type: 'citation', kind: m[1] as CitationKind, id: m[2].toLowerCase() });
        i += m[0].length;
        continue;
      }
      const close = findClosing(s, i + 1, ']');
      if (close > 0 && s[close + 1] === '(') {
        const end = s.indexOf(')', close + 2);
        if (end > 0) {
          const href = s.slice(close + 2, end).trim();
          if (/^(https?:|mailto:|#)/i.test(href)) {
            flush();
            out.push({ type: 'link', href, children: parseInline(s.slice(i + 1, close)) });
            i = end + 1;
            continue;
          }
        }
      }
    }
    if (ch === '<') {
      const m = /^<(https?:\/\/[^\s<>]+)>/i.exec(s.slice(i));
      if (m) {
        flush();
        out.push({ type: 'link', href: m[1], children: [{ type: 'text', text: m[1] }] });
        i += m[0].length;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && s[i + 1] === ch) {
      const marker = ch + ch;
      const end = findClosing(s, i + 2, marker);
      if (end > 0) {
        flush();
        out.push({ type: 'strong', children: parseInline(s.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      const wordBefore = i > 0 && /[\p{L}\p{N}]/u.test(s[i - 1]);
      if (!(ch === '_' && wordBefore) && s[i + 1] && s[i + 1] !== ' ') {
        const end = findClosing(s, i + 1, ch);
        if (end > 0 && s[end - 1] !== ' ' && s[end + 1] !== ch) {
          flush();
          out.push({ type: 'em', children: parseInline(s.slice(i + 1, end)) });
          i = end + 1;
          continue;
        }
      }
    }
    buf += ch;
    i++;
  }
  flush();
  return out;
}

/** The plain text of inlines (citations as their token). */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes
    .map((n) =>
      n.type === 'text' || n.type === 'code'
        ? n.text
        : n.type === 'citation'
          ? ''
          : inlineText(n.children),
    )
    .join('');
}

/* ---- blocks ---- */

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const TABLE_SEP = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (s[i] === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += s[i];
  }
  cells.push(cur.trim());
  return cells;
}

const startsBlock = (line: string, next: string | undefined) =>
  FENCE.test(line) ||
  HEADING.test(line) ||
  RULE.test(line) ||
  BULLET.test(line) ||
  ORDERED.test(line) ||
  QUOTE.test(line) ||
  line.trimStart().startsWith('<!--') ||
  (line.includes('|') && next !== undefined && TABLE_SEP.test(next) && next.includes('-'));

/** Parses block Markdown. */
export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let pendingChart: string | null = null;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const start = i;
    const raw = () => lines.slice(start, i).join('\n');
    const fence = FENCE.exec(line);
    if (fence) {
      i++;
      const body: string[] = [];
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) body.push(lines[i++]);
      i++;
      blocks.push({ type: 'code', text: body.join('\n'), raw: raw() });
      pendingChart = null;
      continue;
    }
    if (line.trimStart().startsWith('<!--')) {
      const body: string[] = [];
      while (i < lines.length) {
        body.push(lines[i]);
        if (lines[i++].includes('-->')) break;
      }
      const text = body
        .join('\n')
        .replace(/^\s*<!--/, '')
        .replace(/-->\s*$/, '')
        .trim();
      blocks.push({ type: 'comment', text, raw: raw() });
      const chart = /^chart:\s*(.*)$/i.exec(text);
      pendingChart = chart ? chart[1].trim() : null;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      i++;
      blocks.push({
        type: 'heading',
        level: heading[1].length,
        children: parseInline(heading[2]),
        raw: raw(),
      });
      pendingChart = null;
      continue;
    }
    if (RULE.test(line)) {
      i++;
      blocks.push({ type: 'rule', raw: raw() });
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_SEP.test(lines[i + 1])) {
      const header = splitRow(line);
      const align: Align[] = splitRow(lines[i + 1]).map((c) =>
        c.startsWith(':') && c.endsWith(':')
          ? 'center'
          : c.endsWith(':')
            ? 'right'
            : c.startsWith(':')
              ? 'left'
              : null,
      );
      i += 2;
      const rows: Inline[][][] = [];
      while (i < lines.length && lines[i].trim() && lines[i].includes('|')) {
        const cells = splitRow(lines[i++]);
        rows.push(header.map((_, c) => parseInline(cells[c] ?? '')));
      }
      blocks.push({
        type: 'table',
        header: header.map(parseInline),
        align: header.map((_, c) => align[c] ?? null),
        rows,
        chart: pendingChart,
        raw: raw(),
      });
      pendingChart = null;
      continue;
    }
    pendingChart = null;
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) body.push(QUOTE.exec(lines[i++])![1]);
      blocks.push({ type: 'quote', children: parseInline(body.join(' ').trim()), raw: raw() });
      continue;
    }
    const bullet = BULLET.test(line);
    const ordered = ORDERED.exec(line);
    if (bullet || ordered) {
      const items: string[] = [];
      while (i < lines.length) {
        const l = lines[i];
        const m = bullet ? BULLET.exec(l) : ORDERED.exec(l);
        if (m) {
          items.push(bullet ? m[1] : m[2]);
          i++;
        } else if (l.trim() && /^\s+/.test(l) && items.length) {
          items[items.length - 1] += ' ' + l.trim();
          i++;
        } else break;
      }
      blocks.push({
        type: 'list',
        ordered: !bullet,
        start: ordered ? Number(ordered[1]) : 1,
        items: items.map((t) => parseInline(t.trim())),
        raw: raw(),
      });
      continue;
    }
    const body: string[] = [line];
    i++;
    while (i < lines.length && lines[i].trim() && !startsBlock(lines[i], lines[i + 1]))
      body.push(lines[i++]);
    const text = body.map((l) => l.trim()).join(' ');
    blocks.push({ type: 'paragraph', children: parseInline(text), raw: raw() });
  }
  return blocks;
}

/** The blocks a reader can comment on (numbered ¶1, ¶2, ... in a comment round). */
export const isNumberedBlock = (b: Block): boolean => b.type !== 'comment' && b.type !== 'rule';

/** The numbered paragraphs of a section's Markdown, as their source text. */
export function paragraphsOf(markdown: string): string[] {
  return parseMarkdown(markdown)
    .filter(isNumberedBlock)
    .map((b) => b.raw);
}

/** Strips HTML comments (guidance) from Markdown, for exports. */
export function withoutComments(markdown: string): string {
  return markdown.replace(/<!--[\s\S]*?-->\n?/g, '');
}
