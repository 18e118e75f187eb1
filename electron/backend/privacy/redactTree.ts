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
import {
  MIN_PHONE_DIGITS,
  type RedactionMatch,
  type Redactor,
} from '../../../shared/domain/redaction';
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

/**
 * Rewrites the text nodes of a (copied) phrasing container for its matched spans, given as offsets
 * in the container's joined text; html leaves inside or at the edge of a span are marked removed.
 */
function rewriteLeaves(parent: Parent, spans: readonly RedactionMatch[]): void {
  const leaves: Leaf[] = [];
  leavesOf(parent, leaves, { at: 0 });
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
  prune(parent);
}

/* ---- the walk: one read-only pass collects every string, one scan redacts them all ---- */

/** A block ancestor on the walk's path (a linked list, so a text records its path for free). */
interface Frame {
  node: object;
  up: Frame | null;
}

/** A paragraph, heading or table cell: its inline text is one segment of the scan. */
interface Unit {
  node: Parent;
  frame: Frame | null;
  start: number;
  end: number;
  /** Raw inline HTML under it: always rewritten (to text), so the unit is always copied. */
  html: boolean;
  spans: RedactionMatch[];
}

/** An attribute string (title, alt, label, code, ...): redacted as plain text in the same scan. */
interface Attr {
  /** The node whose field it is, and the node copied when it changes (itself or its unit). */
  node: object;
  field: string;
  value: string;
  owner: object;
  frame: Frame | null;
  start: number;
  end: number;
}

interface UrlField {
  node: { url: string };
  owner: object;
  frame: Frame | null;
}

/**
 * One body's walk. Nothing of the input is modified: strings are collected with their place, one
 * `findMatches` scan over all of them (NUL-joined, as `redactMany` does: the results are those of
 * separate calls) and one `redactUrls` call find what to replace, and only the nodes on the path
 * to a change are copied; untouched subtrees are shared with the input, as the coordinators'
 * (unredacted) export shares the whole tree.
 */
class BodyWalk {
  readonly parts: string[] = [];
  at = 0;
  readonly units: Unit[] = [];
  readonly attrs: Attr[] = [];
  readonly urls: UrlField[] = [];
  /** Block-level raw HTML, replaced by a paragraph of its text (redacted like prose). */
  readonly replaced = new Map<object, Parent>();
  /** Nodes that are copied (a change below them); everything else is shared. */
  readonly dirty = new Set<object>();
  /** Changed fields per original node, applied to its copy. */
  readonly overrides = new Map<object, Record<string, string>>();

  /** Attribute strings, scanned after all texts (offsets from the end of `parts`). */
  readonly attrParts: string[] = [];
  attrAt = 0;

  private attr(
    node: object,
    field: string,
    value: string | null | undefined,
    owner: object,
    frame: Frame | null,
  ) {
    if (!value) return;
    const start = this.attrAt;
    this.attrParts.push(value, BLOCK_SEPARATOR);
    this.attrAt += value.length + BLOCK_SEPARATOR.length;
    this.attrs.push({ node, field, value, owner, frame, start, end: start + value.length });
  }

  /**
   * A footnote, link or image reference label. A note number (every export numbers its notes) is
   * too short to be a phone number and has no letters: it cannot carry an identifier. Labels
   * written by hand, and long digit runs, are redacted; a reference and its definition alike.
   */
  private label(
    node: object,
    field: string,
    value: string | null | undefined,
    owner: object,
    frame: Frame | null,
  ) {
    if (value && !NOTE_NUMBER.test(value)) this.attr(node, field, value, owner, frame);
  }

  private url(node: { url: string }, owner: object, frame: Frame | null) {
    if (node.url) this.urls.push({ node, owner, frame });
  }

  block(n: Nodes, frame: Frame | null): void {
    const type = n.type;
    if (type === 'paragraph' || type === 'heading' || type === 'tableCell')
      return this.unit(n as Parent, frame);
    switch (type) {
      case 'code':
        this.attr(n, 'value', n.value, n, frame);
        this.attr(n, 'lang', n.lang, n, frame);
        this.attr(n, 'meta', n.meta, n, frame);
        return;
      case 'definition':
        this.url(n, n, frame);
        this.attr(n, 'title', n.title, n, frame);
        this.attr(n, 'identifier', n.identifier, n, frame);
        this.attr(n, 'label', n.label, n, frame);
        return;
      case 'footnoteDefinition':
        this.label(n, 'identifier', n.identifier, n, frame);
        this.label(n, 'label', n.label, n, frame);
        break;
      default:
        break;
    }
    const children = (n as Partial<Parent>).children;
    if (children === undefined) return;
    const inner: Frame = { node: n, up: frame };
    for (const c of children) {
      if (c.type === 'html') {
        // Raw HTML blocks become paragraphs of text: redacted like prose, escaped when serialised.
        const para: Parent = { type: 'paragraph', children: [{ type: 'text', value: c.value }] };
        this.replaced.set(c, para);
        this.markDirty(n, frame);
        this.unit(para, inner);
      } else this.block(c as Nodes, inner);
    }
  }

  private unit(node: Parent, frame: Frame | null): void {
    const start = this.at;
    const unit: Unit = { node, frame, start, end: start, html: false, spans: [] };
    this.units.push(unit);
    this.inline(node, unit);
    unit.end = this.at;
    this.parts.push(BLOCK_SEPARATOR);
    this.at += BLOCK_SEPARATOR.length;
  }

  /**
   * The text of a phrasing container (as `leavesOf` reads it), and in the same pass the attribute
   * strings and URLs of its inline nodes (they go to their own segments, so the order of the two
   * does not mix).
   */
  private inline(parent: Parent, unit: Unit): void {
    for (const c of parent.children as PhrasingContent[]) {
      switch (c.type) {
        case 'text':
        case 'inlineCode':
          this.parts.push(c.value);
          this.at += c.value.length;
          continue;
        case 'html':
          unit.html = true;
          continue;
        case 'break':
          this.parts.push(' ');
          this.at += 1;
          continue;
        case 'link':
          this.url(c, unit.node, unit.frame);
          this.attr(c, 'title', c.title, unit.node, unit.frame);
          break;
        case 'image':
          this.url(c, unit.node, unit.frame);
          this.attr(c, 'title', c.title, unit.node, unit.frame);
          this.attr(c, 'alt', c.alt, unit.node, unit.frame);
          continue;
        case 'imageReference':
          this.attr(c, 'alt', c.alt, unit.node, unit.frame);
          this.label(c, 'identifier', c.identifier, unit.node, unit.frame);
          this.label(c, 'label', c.label, unit.node, unit.frame);
          continue;
        case 'footnoteReference':
          this.label(c, 'identifier', c.identifier, unit.node, unit.frame);
          this.label(c, 'label', c.label, unit.node, unit.frame);
          continue;
        case 'linkReference':
          this.label(c, 'identifier', c.identifier, unit.node, unit.frame);
          this.label(c, 'label', c.label, unit.node, unit.frame);
          break;
        default:
          break;
      }
      if ((c as Partial<Parent>).children !== undefined) this.inline(c as Parent, unit);
    }
  }

  markDirty(node: object, frame: Frame | null): void {
    this.dirty.add(node);
    for (let f = frame; f !== null && !this.dirty.has(f.node); f = f.up) this.dirty.add(f.node);
  }

  override(node: object, field: string, value: string): void {
    const o = this.overrides.get(node);
    if (o) o[field] = value;
    else this.overrides.set(node, { [field]: value });
  }
}

/**
 * A copy of a unit's inline nodes with the walk's field overrides. Deep in `children` only: the
 * rewrite assigns fields (`value`, `data`, `children`) and never changes a shared object in place.
 */
function copyInline(n: Parent | PhrasingContent, overrides: Map<object, Record<string, string>>) {
  const out = { ...n } as Record<string, unknown>;
  const o = overrides.get(n);
  if (o) Object.assign(out, o);
  const children = (n as Partial<Parent>).children as PhrasingContent[] | undefined;
  if (children !== undefined) out.children = children.map((c) => copyInline(c, overrides));
  return out as unknown as Parent;
}

/** The redacted copy of `n`: itself when nothing under it changed. */
function build(n: object, w: BodyWalk, units: Map<object, Unit>): object {
  const replacement = w.replaced.get(n);
  if (replacement) n = replacement;
  if (!w.dirty.has(n)) return n;
  const unit = units.get(n);
  if (unit) {
    const copy = copyInline(n as Parent, w.overrides);
    if (unit.spans.length > 0) rewriteLeaves(copy, unit.spans);
    // Every raw HTML node of the unit is one of its leaves: no leaf, nothing to turn into text.
    if (unit.html) htmlToText(copy);
    return copy;
  }
  const out = { ...n } as Record<string, unknown>;
  const o = w.overrides.get(n);
  if (o) Object.assign(out, o);
  const children = (n as Partial<Parent>).children;
  if (children !== undefined) out.children = children.map((c) => build(c, w, units));
  return out;
}

/** A note number: fewer digits than the shortest phone number the redactor matches. */
const NOTE_NUMBER = new RegExp(`^\\d{1,${MIN_PHONE_DIGITS - 1}}$`);

/**
 * Blocks and attribute strings are joined with NUL (which no identifier pattern matches across)
 * and scanned ONCE, as string redaction scans a whole text: one normalisation and automaton pass.
 */
const BLOCK_SEPARATOR = '\u0000';

/** The redacted copy of a body (the input is left as it was; untouched subtrees are shared). */
export function redactBody(root: Root, redactor: Redactor, tally: RedactionTally): Root {
  const w = new BodyWalk();
  w.block(root, null);
  // Attribute strings after all texts (a unit's text is one contiguous segment).
  const base = w.at;
  const all =
    w.at + w.attrAt > 0 ? redactor.findMatches(w.parts.join('') + w.attrParts.join('')) : [];

  // Matches come in text order, as the segments do: one merge pass hands them out.
  let k = 0;
  const take = (start: number, end: number): RedactionMatch[] => {
    const mine: RedactionMatch[] = [];
    while (k < all.length && all[k].start < end) {
      const m = all[k++];
      if (m.end > start)
        mine.push({ ...m, start: m.start - start, end: Math.min(m.end, end) - start });
    }
    return mine;
  };
  const byNode = new Map<object, Unit>();
  for (const u of w.units) {
    byNode.set(u.node, u);
    u.spans = take(u.start, u.end);
    for (const m of u.spans) tally.withheld(1, m.pseudonym);
    if (u.spans.length > 0 || u.html) w.markDirty(u.node, u.frame);
  }
  for (const a of w.attrs) {
    const spans = take(base + a.start, base + a.end);
    if (spans.length === 0) continue;
    for (const m of spans) tally.withheld(1, m.pseudonym);
    w.override(
      a.node,
      a.field,
      spliceMatches(a.value, spans, (m) => m.pseudonym),
    );
    w.markDirty(a.owner, a.frame);
  }
  if (w.urls.length > 0) {
    redactor.redactUrls(w.urls.map((u) => u.node.url)).forEach((r, i) => {
      if (r.count === 0) return;
      tally.add(r);
      const u = w.urls[i];
      w.override(u.node, 'url', r.text);
      w.markDirty(u.owner, u.frame);
    });
  }
  return build(root, w, byNode) as Root;
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
  const body = redactBody(doc.body, redactor, tally);
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
