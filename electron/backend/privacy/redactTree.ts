/**
 * Redaction of a document tree. A paragraph, heading or table cell is redacted as ONE string: the
 * text of its inline descendants joined in order, so `**Given** Family`, `[Given](url) Family` and
 * `Fam**ily**` are the same "Given Family" to the matcher. Each matched span's pseudonym goes into
 * the first text node the span touches; the rest of the span is deleted from the nodes after it,
 * and marks (strong, emphasis, links) left empty are dropped. Link and image URLs, titles and alt
 * text, code, footnote labels, raw HTML (turned into text first: nothing raw leaves the app), the
 * file name and every metadata field are redacted too.
 */
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { RedactionMatch, RedactionResult, Redactor } from '../../../shared/domain/redaction';
import type { Audience } from '../../../shared/domain/vocabulary';
import { bodyToMarkdown, parseBody, type PublicationDocument } from './document';
import { RedactionTally } from './tally';

/** An attribute, code or metadata string: redacted as plain text (it is not Markdown). */
function plainText(tally: RedactionTally, redactor: Redactor, s: string): string;
function plainText(tally: RedactionTally, redactor: Redactor, s: string | null): string | null;
function plainText(tally: RedactionTally, redactor: Redactor, s: string | null): string | null {
  if (!s) return s;
  const r = redactor.redact(s);
  tally.add(r);
  return r.text;
}

/** URL redaction: the redactor's own `redactUrl` when it has one (being added), else its text rule. */
type UrlRedactor = Redactor & { redactUrl?: (url: string) => RedactionResult | string };

function redactUrlWith(r: UrlRedactor, url: string): RedactionResult {
  if (typeof r.redactUrl === 'function') {
    const out = r.redactUrl(url);
    return typeof out === 'string'
      ? { text: out, count: out === url ? 0 : 1, pseudonyms: [] }
      : out;
  }
  // Identifiers hide percent-encoded too ("%40handle"): redact the decoded form.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    decoded = url; // a malformed escape: redact the URL as written
  }
  const direct = r.redact(decoded);
  if (direct.count > 0) return { ...direct, text: encodeURI(direct.text) };
  // A handle in a path or query ("x.com/given_family"): separators read as spaces.
  const spans = r.findMatches(url.replace(/[/?#&=+_~-]/g, ' '));
  if (spans.length === 0) return { text: url, count: 0, pseudonyms: [] };
  return {
    text: spliceMatches(url, spans, (m) => slugOf(m.pseudonym)),
    count: spans.length,
    pseudonyms: [...new Set(spans.map((m) => m.pseudonym))],
  };
}

const slugOf = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function spliceMatches(
  s: string,
  spans: readonly RedactionMatch[],
  replacement: (m: RedactionMatch) => string,
): string {
  let out = '';
  let pos = 0;
  for (const m of spans) {
    out += s.slice(pos, m.start) + replacement(m);
    pos = m.end;
  }
  return out + s.slice(pos);
}

/** A redacted file name: words of the name (separated by - _ . or spaces) matched as text. */
export function redactFilename(
  redactor: Redactor,
  filename: string,
  tally: RedactionTally,
): string {
  const dot = filename.lastIndexOf('.');
  const stem = dot > 0 ? filename.slice(0, dot) : filename;
  const ext = dot > 0 ? filename.slice(dot) : '';
  const spans = redactor.findMatches(stem.replace(/[-_.]/g, ' '));
  if (spans.length === 0) return filename;
  for (const m of spans) tally.withheld(1, m.pseudonym);
  return spliceMatches(stem, spans, (m) => slugOf(m.pseudonym)) + ext;
}

/* ---- inline text across markup ---- */

interface Leaf {
  node: PhrasingContent;
  start: number;
  end: number;
}

/**
 * The text leaves of a phrasing container, in order, with their offsets in the joined text. Raw
 * inline HTML (`<b>`) counts as markup: a zero-width leaf, so "Given <b>Fam</b>ily" still reads
 * "Given Family"; tags inside or at the edge of a match are deleted, the others become text.
 */
function leavesOf(parent: Parent, out: Leaf[], pos: { at: number }): void {
  for (const c of parent.children as PhrasingContent[]) {
    if (c.type === 'text' || c.type === 'inlineCode') {
      out.push({ node: c, start: pos.at, end: pos.at + c.value.length });
      pos.at += c.value.length;
    } else if (c.type === 'html') {
      out.push({ node: c, start: pos.at, end: pos.at });
    } else if (c.type === 'break') {
      // A line break reads as a space, so names broken over two lines still match.
      out.push({ node: c, start: pos.at, end: pos.at + 1 });
      pos.at += 1;
    } else if ('children' in c) leavesOf(c as Parent, out, pos);
  }
}

const leafValue = (n: PhrasingContent) =>
  n.type === 'text' || n.type === 'inlineCode' ? n.value : n.type === 'html' ? '' : ' ';

/** Raw HTML left in a phrasing container becomes text (then escaped by every serialiser). */
function htmlToText(parent: Parent): void {
  parent.children = (parent.children as PhrasingContent[]).map((c) =>
    c.type === 'html' ? { type: 'text', value: c.value } : c,
  ) as Parent['children'];
  for (const c of parent.children) if ('children' in c) htmlToText(c as Parent);
}

/** Removes emptied text, code and marks; a link or emphasis with nothing left goes too. */
function prune(parent: Parent): void {
  parent.children = (parent.children as PhrasingContent[]).filter((c) => {
    if (c.type === 'text' || c.type === 'inlineCode') return c.value.length > 0;
    if ((c as { data?: { removed?: boolean } }).data?.removed) return false;
    if ('children' in c) {
      prune(c as Parent);
      return (c as Parent).children.length > 0;
    }
    return true;
  }) as Parent['children'];
}

interface Unit {
  parent: Parent;
  leaves: Leaf[];
  joined: string;
}

function collectPhrasing(parent: Parent): Unit {
  const leaves: Leaf[] = [];
  leavesOf(parent, leaves, { at: 0 });
  return { parent, leaves, joined: leaves.map((l) => leafValue(l.node)).join('') };
}

/** Rewrites a block's text nodes for its matched spans (offsets in the block's joined text). */
function applySpans(unit: Unit, spans: readonly RedactionMatch[], tally: RedactionTally): void {
  const { leaves } = unit;
  if (spans.length > 0) {
    for (const m of spans) tally.withheld(1, m.pseudonym);
    let si = 0;
    for (const leaf of leaves) {
      if (leaf.node.type === 'html') {
        const at = leaf.start;
        if (spans.some((m) => m.start <= at && at <= m.end))
          (leaf.node as { data?: object }).data = { removed: true };
        continue;
      }
      const value = leafValue(leaf.node);
      let out = '';
      let pos = leaf.start;
      while (si < spans.length && spans[si].end <= leaf.start) si++;
      let k = si;
      let touched = false;
      while (k < spans.length && spans[k].start < leaf.end) {
        const m = spans[k];
        touched = true;
        if (m.start > pos) out += value.slice(pos - leaf.start, m.start - leaf.start);
        if (m.start >= leaf.start) out += m.pseudonym;
        pos = Math.min(leaf.end, Math.max(pos, m.end));
        if (m.end > leaf.end) break;
        k++;
      }
      if (!touched) continue;
      out += value.slice(pos - leaf.start);
      const n = leaf.node;
      if (n.type === 'text' || n.type === 'inlineCode') n.value = out;
      else if (out.trim() === '') (n as { data?: object }).data = { removed: true };
    }
    prune(unit.parent);
  }
}

/** URLs, titles, alt text and footnote labels of the inline nodes under `parent`. */
function redactInlineAttributes(parent: Parent, redactor: Redactor, tally: RedactionTally): void {
  for (const c of parent.children as PhrasingContent[]) {
    if (c.type === 'link' || c.type === 'image' || c.type === 'linkReference') {
      if ('url' in c) deferUrl(redactor, c, tally);
      if ('title' in c && c.title) c.title = plainText(tally, redactor, c.title);
    }
    if (c.type === 'image' || c.type === 'imageReference') {
      if (c.alt) c.alt = plainText(tally, redactor, c.alt);
    }
    if (
      c.type === 'footnoteReference' ||
      c.type === 'linkReference' ||
      c.type === 'imageReference'
    ) {
      c.identifier = plainText(tally, redactor, c.identifier);
      if (c.label) c.label = plainText(tally, redactor, c.label);
    }
    if ('children' in c) redactInlineAttributes(c as Parent, redactor, tally);
  }
}

/** URLs waiting for the batched scan (a redactor without its own `redactUrl`). */
type PendingUrls = { node: { url: string }; decoded: string }[];
let pending: PendingUrls | null = null;

/** Queues a node's URL for the batched scan, or redacts it now with the redactor's own rule. */
function deferUrl(redactor: Redactor, node: { url: string }, tally: RedactionTally): void {
  if (pending && typeof (redactor as UrlRedactor).redactUrl !== 'function') {
    let decoded: string;
    try {
      decoded = decodeURIComponent(node.url);
    } catch {
      decoded = node.url; // a malformed escape: redact the URL as written
    }
    pending.push({ node, decoded });
  } else node.url = urlOf(redactor, node.url, tally);
}

/** One scan for all queued URLs (decoded, so "%40handle" and "Given%20Family" match). */
function flushUrls(redactor: Redactor, urls: PendingUrls, tally: RedactionTally): void {
  if (urls.length === 0) return;
  const texts = urls.map((u) => u.decoded);
  const starts: number[] = [];
  let at = 0;
  for (const t of texts) {
    starts.push(at);
    at += t.length + 1;
  }
  const all = redactor.findMatches(texts.join('\u0000'));
  let k = 0;
  urls.forEach((u, i) => {
    const begin = starts[i];
    const end = begin + texts[i].length;
    const mine: RedactionMatch[] = [];
    while (k < all.length && all[k].start < end) {
      const m = all[k++];
      if (m.end > begin)
        mine.push({ ...m, start: m.start - begin, end: Math.min(m.end, end) - begin });
    }
    if (mine.length === 0) return;
    for (const m of mine) tally.withheld(1, m.pseudonym);
    u.node.url = encodeURI(spliceMatches(u.decoded, mine, (m) => slugOf(m.pseudonym)));
  });
}

function urlOf(redactor: Redactor, url: string, tally: RedactionTally): string {
  const r = redactUrlWith(redactor, url);
  if (r.count > 0) {
    tally.count += r.count;
    for (const p of r.pseudonyms) tally.pseudonyms.add(p);
  }
  return r.text;
}

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell']);

function redactBlock(n: Nodes, redactor: Redactor, tally: RedactionTally, units: Unit[]): void {
  if (PHRASING_PARENTS.has(n.type)) {
    units.push(collectPhrasing(n as Parent));
    return;
  }
  switch (n.type) {
    case 'code':
      n.value = plainText(tally, redactor, n.value);
      if (n.lang) n.lang = plainText(tally, redactor, n.lang);
      if (n.meta) n.meta = plainText(tally, redactor, n.meta);
      return;
    case 'definition':
      deferUrl(redactor, n, tally);
      if (n.title) n.title = plainText(tally, redactor, n.title);
      n.identifier = plainText(tally, redactor, n.identifier);
      if (n.label) n.label = plainText(tally, redactor, n.label);
      return;
    case 'footnoteDefinition':
      // Numbered notes (every export's) cannot carry a name; labels written by hand can.
      if (!/^\d+$/.test(n.identifier)) {
        n.identifier = plainText(tally, redactor, n.identifier);
        if (n.label) n.label = plainText(tally, redactor, n.label);
      }
      break;
    default:
      break;
  }
  if ('children' in n) {
    const parent = n as Parent;
    // Raw HTML blocks become paragraphs of text: redacted like prose, escaped when serialised.
    parent.children = parent.children.map((c) =>
      c.type === 'html' ? { type: 'paragraph', children: [{ type: 'text', value: c.value }] } : c,
    ) as Parent['children'];
    for (const c of parent.children) redactBlock(c as Nodes, redactor, tally, units);
  }
}

/** Redacts a body in place. */
/**
 * Blocks are joined with NUL (which no identifier pattern matches across) and scanned ONCE, as
 * string redaction scans a whole text: one normalisation and automaton pass, not one per block.
 */
const BLOCK_SEPARATOR = '\u0000';

export function redactBody(root: Root, redactor: Redactor, tally: RedactionTally): Root {
  const units: Unit[] = [];
  const urls: PendingUrls = [];
  pending = urls;
  try {
    redactBodyWith(root, redactor, tally, units);
  } finally {
    pending = null;
  }
  flushUrls(redactor, urls, tally);
  return root;
}

function redactBodyWith(root: Root, redactor: Redactor, tally: RedactionTally, units: Unit[]) {
  redactBlock(root, redactor, tally, units);
  const starts: number[] = [];
  let at = 0;
  for (const u of units) {
    starts.push(at);
    at += u.joined.length + BLOCK_SEPARATOR.length;
  }
  const all = redactor.findMatches(units.map((u) => u.joined).join(BLOCK_SEPARATOR));
  let k = 0;
  units.forEach((u, i) => {
    const begin = starts[i];
    const end = begin + u.joined.length;
    const mine: RedactionMatch[] = [];
    while (k < all.length && all[k].start < end) {
      const m = all[k++];
      if (m.end > begin)
        mine.push({ ...m, start: m.start - begin, end: Math.min(m.end, end) - begin });
    }
    applySpans(u, mine, tally);
    redactInlineAttributes(u.parent, redactor, tally);
    htmlToText(u.parent);
  });
}

/**
 * A deep copy of a tree without source positions (outputs do not need them). Hand-written because
 * structuredClone of a report's tree took 5x the redaction itself.
 */
function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k in v) if (k !== 'position') out[k] = clone((v as Record<string, unknown>)[k]);
  return out as T;
}

/**
 * The document as `audience` may see it: coordinators get it as it is; for the public and
 * participants every text, URL, file name and metadata field is redacted (a copy; the input is
 * left as it was). `tally` counts the replacements.
 */
export function redactDocument(
  doc: PublicationDocument,
  redactor: Redactor,
  audience: Audience,
  tally: RedactionTally = new RedactionTally(),
): PublicationDocument {
  if (audience === 'coordinators') return doc;
  const body = redactBody(clone(doc.body), redactor, tally);
  const properties: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc.meta.properties))
    properties[k] = plainText(tally, redactor, v);
  return {
    meta: {
      title: plainText(tally, redactor, doc.meta.title),
      filename: redactFilename(redactor, doc.meta.filename, tally),
      ...(doc.meta.subject !== undefined
        ? { subject: plainText(tally, redactor, doc.meta.subject) }
        : {}),
      properties,
    },
    body,
  };
}

/** Markdown in, Markdown out: parsed, redacted as a tree, serialised (public views of records). */
/** Characters that make Markdown differ from plain text (marks, links, HTML, entities, escapes). */
const MARKUP = /[*_~`[\]()<>&\\!|#\n]/;

export function redactMarkdown(
  md: string,
  redactor: Redactor,
): { text: string; count: number; pseudonyms: string[] } {
  if (!md) return { text: md, count: 0, pseudonyms: [] };
  // Plain text (most names and titles) reads the same as a paragraph: the string redactor suffices.
  if (!MARKUP.test(md)) return redactor.redact(md);
  const tally = new RedactionTally();
  const body = redactBody(parseBody(md), redactor, tally);
  // Nothing replaced: the record is returned as written (no reformatting of untouched text).
  if (tally.count === 0) return { text: md, count: 0, pseudonyms: [] };
  const out = bodyToMarkdown(body);
  // A one-line field (a title, a name) stays one line: the serialiser ends every document with \n.
  const text = md.endsWith('\n') ? out : out.replace(/\n+$/, '');
  return { text, count: tally.count, pseudonyms: [...tally.pseudonyms] };
}

export type { RootContent };
