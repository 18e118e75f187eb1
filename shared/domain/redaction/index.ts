/**
 * The redaction engine: replaces every identifier of a protected person with their pseudonym, in
 * structured fields and free text alike. Pure (no I/O); see README.md for the matching rules.
 *
 *   const r = buildRedactor(protectedPeople);   // once per export: builds one automaton
 *   r.redact(minutesText)                        // linear in the text
 *
 * How a text is redacted:
 *  1. it is normalised (normalize.ts) into a matching form with a map back to original offsets;
 *  2. one Aho–Corasick scan (automaton.ts) finds every pattern occurrence;
 *  3. occurrences are kept if they sit at word boundaries (not preceded or followed by a letter or
 *     digit of a script written with spaces; none needed for Han, kana, Thai, Hangul, ...; an
 *     Arabic/Hebrew name may carry attached one-letter proclitics such as و / ב); a bare surname
 *     only counts right after a title ("Dr. Muñoz");
 *  4. phone numbers are found on digits (phone.ts);
 *  5. overlapping occurrences: the leftmost wins, then the longest; an occurrence that sticks out
 *     past the chosen one has its remainder replaced too (with its own person's pseudonym), so no
 *     fragment of an identifier survives;
 *  6. the chosen spans of the ORIGINAL text are replaced by the pseudonyms.
 */
import { Automaton } from './automaton';
import {
  CLS_WORD,
  charClass,
  codePointAtUnits,
  normalizeForMatch,
  normalizeWithMap,
  originalEnd,
  originalStart,
  unitsToString,
  Workspace,
  type Normalized,
} from './normalize';
import { findPhones, phoneKeys } from './phone';
import { HONORIFICS, identifierForms, isUsableForm, type ProtectedPerson } from './variants';

export { normalizeForMatch } from './normalize';
export {
  GENERIC_LOCAL_PARTS,
  HONORIFICS,
  identifierVariants,
  isDistinctiveLocalPart,
  type ProtectedPerson,
} from './variants';
export { Automaton } from './automaton';
export { MIN_PHONE_DIGITS } from './phone';

export interface RedactionResult {
  text: string;
  /** Number of replaced spans. */
  count: number;
  /** Distinct pseudonyms used, in order of first appearance. */
  pseudonyms: string[];
}

/** One replaced span of the original text. */
export interface RedactionMatch {
  start: number;
  end: number;
  personId: string;
  pseudonym: string;
}

export interface Redactor {
  redact(text: string): RedactionResult;
  /**
   * Redact a link target or image source: percent-encoding is decoded, each path / query segment
   * (split on "/ ? # & = ;") is matched as it is and with "- _ . +" read as spaces (slugs such as
   * "siobhan-o-sullivan", "jose_munoz", hosts), and the matching parts are replaced by a URL-safe
   * slug of the pseudonym ("participant-k7"). Segments without a match are kept byte for byte.
   */
  redactUrl(url: string): RedactionResult;
  /**
   * `redact` of each text, in one normalisation and scan pass over the texts joined by NUL (which
   * no pattern contains and which is a word boundary, so the results are those of separate calls):
   * many short fields (titles, alt texts, footnote labels) cost one call, not one each.
   */
  redactMany(texts: readonly string[]): RedactionResult[];
  /** `redactUrl` of each URL, all segments in one scan (as `redactMany`). */
  redactUrls(urls: readonly string[]): RedactionResult[];
  /** The spans `redact` replaces, in text order (for highlighting and the export audit). */
  findMatches(text: string): RedactionMatch[];
  /** Number of patterns (distinct matching forms, including titled surnames and phone keys). */
  readonly size: number;
  /** The automaton and its patterns (for the benchmark's raw-scan baseline and diagnostics). */
  readonly automaton: Automaton;
}

const START_NONE = 0;
const START_WORD = 1;
const START_ARABIC = 2;
const START_HEBREW = 3;

const ARABIC_PROCLITICS = new Set([0x0648, 0x0641, 0x0628, 0x0644, 0x0643]); // و ف ب ل ك
const HEBREW_PROCLITICS = new Set([0x05d5, 0x05d4, 0x05d1, 0x05dc, 0x05de, 0x05e9, 0x05db]); // ו ה ב ל מ ש כ
const HONORIFIC_SET: ReadonlySet<string> = new Set(HONORIFICS);
const MAX_HONORIFIC_UNITS = HONORIFICS.reduce((m, h) => Math.max(m, h.length), 0);
/**
 * A hash of a word's units read backwards (as titleStart scans them), so the word before every
 * surname occurrence is rejected without building a string; a hash hit is confirmed on the string.
 */
function backHash(h: number, unit: number): number {
  return (Math.imul(h, 31) + unit) | 0;
}
const HONORIFIC_HASHES: ReadonlySet<number> = new Set(
  HONORIFICS.map((t) => {
    let h = 0;
    for (let i = t.length - 1; i >= 0; i--) h = backHash(h, t.charCodeAt(i));
    return h;
  }),
);
const SPACE = 32;
const DOT = 46;
const WORDISH_RE = /[\p{L}\p{N}]/u;

function growI32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

interface PatternMeta {
  person: number;
  priority: number;
  titled: number;
}

function isWordAt(nz: Normalized, i: number): boolean {
  const cp = codePointAtUnits(nz.units, nz.length, i);
  return cp >= 0 && charClass(cp) === CLS_WORD;
}

/** Start of the title before a surname at `s` ("dr. munoz" → index of "d"), or -1. */
function titleStart(nz: Normalized, s: number): number {
  const u = nz.units;
  let j = s - 1;
  if (j >= 0 && u[j] === SPACE) j--;
  if (j >= 0 && u[j] === DOT) j--;
  if (j === s - 1 || j < 0) return -1;
  let k = j;
  let h = 0;
  while (k >= 0 && j - k < MAX_HONORIFIC_UNITS && isWordAt(nz, k)) h = backHash(h, u[k--]);
  if (k === j || (k >= 0 && isWordAt(nz, k)) || !HONORIFIC_HASHES.has(h)) return -1;
  return HONORIFIC_SET.has(unitsToString(u, k + 1, j + 1)) ? k + 1 : -1;
}

function startOk(nz: Normalized, s: number, mode: number): boolean {
  if (mode === START_NONE || !isWordAt(nz, s - 1)) return true;
  if (mode === START_WORD) return false;
  const set = mode === START_ARABIC ? ARABIC_PROCLITICS : HEBREW_PROCLITICS;
  const max = mode === START_ARABIC ? 2 : 3;
  let j = s - 1;
  let n = 0;
  while (j >= 0 && n < max && set.has(nz.units[j])) {
    j--;
    n++;
  }
  return n > 0 && !isWordAt(nz, j);
}

const slugCache = new Map<string, string>();

/** "Participant K7" → "participant-k7": a pseudonym that can stand in a URL path or query. */
export function pseudonymSlug(pseudonym: string): string {
  let slug = slugCache.get(pseudonym);
  if (slug === undefined) {
    slug = computeSlug(pseudonym);
    // Bounded: pseudonyms are per person, but a long-running server sees many forums.
    if (slugCache.size > 100_000) slugCache.clear();
    slugCache.set(pseudonym, slug);
  }
  return slug;
}

function computeSlug(pseudonym: string): string {
  const slug = normalizeForMatch(pseudonym)
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return slug === '' ? 'redacted' : slug;
}

/** Percent-decoding that keeps what is not valid UTF-8 as it is (decodeURIComponent would throw). */
function decodePercent(s: string): string {
  if (!s.includes('%')) return s;
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/gu, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Percent-encode a decoded piece of a URL segment, keeping the sub-delimiters it may carry. */
const URL_SAFE = /^[A-Za-z0-9\-_.!~*'()@:,$+]*$/u;

function encodeSegment(s: string): string {
  // Most pieces need no escaping (host names, slugs, handles): no encode-and-undo round trip.
  if (URL_SAFE.test(s)) return s;
  return encodeURIComponent(s).replace(/%(?:3A|40|2C|21|24|27|28|29|2A|2B)/giu, (e) =>
    decodeURIComponent(e),
  );
}

const SPACED_IN_URL = /[-_.+]/u;

/** Union of [start, end, person] triples (any order) into sorted, disjoint triples. */
function mergeSpans(spans: number[]): number[] {
  const triples: [number, number, number][] = [];
  for (let k = 0; k < spans.length; k += 3) triples.push([spans[k], spans[k + 1], spans[k + 2]]);
  triples.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: number[] = [];
  for (const [s, e, p] of triples) {
    const last = out.length - 3;
    if (last >= 0 && s <= out[last + 1]) out[last + 1] = Math.max(out[last + 1], e);
    else out.push(s, e, p);
  }
  return out;
}

/** Build a redactor for the protected people (pseudonyms come with them). */
export function buildRedactor(people: readonly ProtectedPerson[]): Redactor {
  const meta = new Map<string, PatternMeta>();
  const phones = new Map<string, number>();
  let maxPhoneKey = 0;

  people.forEach((person, pi) => {
    const { forms, titledSurnames } = identifierForms(person);
    for (const f of forms) {
      const k = normalizeForMatch(f.surface);
      if (!isUsableForm(k)) continue;
      const e = meta.get(k);
      if (e === undefined) meta.set(k, { person: pi, priority: f.priority, titled: -1 });
      else if (e.person < 0 || f.priority > e.priority) {
        e.person = pi;
        e.priority = f.priority;
      }
    }
    for (const s of titledSurnames) {
      const k = normalizeForMatch(s);
      if (!isUsableForm(k)) continue;
      const e = meta.get(k);
      if (e === undefined) meta.set(k, { person: -1, priority: -1, titled: pi });
      else if (e.titled < 0) e.titled = pi;
    }
    for (const phone of person.phones ?? []) {
      for (const key of phoneKeys(phone)) {
        if (!phones.has(key)) phones.set(key, pi);
        maxPhoneKey = Math.max(maxPhoneKey, key.length);
      }
    }
  });

  const automaton = new Automaton(meta.keys());
  const n = automaton.patterns.length;
  // Per-pattern data packed in one strided array (one cache line per pattern in the hot
  // post-processing): [length | start mode << 24 | end flag << 27, person, titled person, next].
  const pat = new Int32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const p = automaton.patterns[i];
    const m = meta.get(p) as PatternMeta; // every pattern came from `meta`
    const first = p.codePointAt(0) ?? 0;
    const last = [...p.slice(-2)].pop()?.codePointAt(0) ?? 0;
    let startMode = START_NONE;
    if (charClass(first) === CLS_WORD) {
      startMode =
        first >= 0x0600 && first <= 0x06ff
          ? START_ARABIC
          : first >= 0x05d0 && first <= 0x05ea
            ? START_HEBREW
            : START_WORD;
    }
    const endFlag = charClass(last) === CLS_WORD ? 1 : 0;
    pat[i * 4] = Math.min(p.length, 0xffffff) | (startMode << 24) | (endFlag << 27);
    pat[i * 4 + 1] = m.person;
    pat[i * 4 + 2] = m.titled;
    pat[i * 4 + 3] = automaton.nextPid[i];
  }

  const workspace = new Workspace();

  // Candidate buffers, reused across calls (like the workspace).
  let cStart: Int32Array = new Int32Array(256);
  let cEnd: Int32Array = new Int32Array(256);
  let cPerson: Int32Array = new Int32Array(256);
  let cCount = 0;
  let orderBuf: Int32Array = new Int32Array(256);
  const addCandidate = (start: number, end: number, person: number): void => {
    if (cCount === cStart.length) {
      cStart = growI32(cStart);
      cEnd = growI32(cEnd);
      cPerson = growI32(cPerson);
    }
    cStart[cCount] = start;
    cEnd[cCount] = end;
    cPerson[cCount++] = person;
  };

  /** The chosen spans, in text order: [start, end, person index] triples. */
  function selectSpans(text: string): number[] {
    if (text.length === 0 || (n === 0 && phones.size === 0)) return [];
    const nz = normalizeWithMap(text, automaton, workspace);
    const { hits, hitCount } = nz;
    cCount = 0;
    for (let h = 0; h < hitCount; h += 2) {
      const endN = hits[h + 1];
      let endWord = -1; // computed lazily: is the unit after the match a word character?
      let oEnd = -1;
      for (let pid = hits[h]; pid >= 0; pid = pat[pid * 4 + 3]) {
        const info = pat[pid * 4];
        if ((info & (1 << 27)) !== 0) {
          if (endWord < 0) endWord = isWordAt(nz, endN) ? 1 : 0;
          if (endWord === 1) continue;
        }
        const s = endN - (info & 0xffffff);
        const person = pat[pid * 4 + 1];
        if (person >= 0 && startOk(nz, s, (info >> 24) & 7)) {
          if (oEnd < 0) oEnd = originalEnd(nz, endN, text);
          addCandidate(originalStart(nz, s), oEnd, person);
        }
        const titled = pat[pid * 4 + 2];
        if (titled >= 0) {
          const t = titleStart(nz, s);
          if (t >= 0) {
            if (oEnd < 0) oEnd = originalEnd(nz, endN, text);
            addCandidate(originalStart(nz, t), oEnd, titled);
          }
        }
      }
    }
    for (const span of findPhones(nz, text, phones, maxPhoneKey)) {
      addCandidate(span.start, span.end, span.person);
    }
    if (cCount === 0) return [];

    // Order by start, longest first. Candidates arrive by END position, so they are nearly sorted
    // by start: insertion sort (linear for few inversions), with a full sort as the fallback.
    if (orderBuf.length < cCount) orderBuf = new Int32Array(Math.max(cCount, orderBuf.length * 2));
    const order = orderBuf; // reused across calls: redacting many blocks allocates nothing here
    const before = (a: number, b: number): boolean =>
      cStart[a] < cStart[b] || (cStart[a] === cStart[b] && cEnd[a] > cEnd[b]);
    let budget = 8 * cCount;
    for (let i = 0; i < cCount; i++) {
      let j = i;
      while (j > 0 && before(i, order[j - 1]) && budget > 0) {
        order[j] = order[j - 1];
        j--;
        budget--;
      }
      order[j] = i;
      if (budget === 0) break;
    }
    if (budget === 0) {
      for (let i = 0; i < cCount; i++) order[i] = i;
      order.subarray(0, cCount).sort((a, b) => cStart[a] - cStart[b] || cEnd[b] - cEnd[a]);
    }

    const spans: number[] = [];
    let lastEnd = -1;
    for (let oi = 0; oi < cCount; oi++) {
      const c = order[oi];
      let s = cStart[c];
      const e = cEnd[c];
      if (e <= lastEnd) continue;
      if (s < lastEnd) {
        // Sticks out past the chosen span. Its remainder starts at its first letter/digit...
        s = lastEnd;
        while (s < e && !WORDISH_RE.test(text[s])) s++;
        if (s >= e) continue;
        // ...and is left to a later occurrence that starts by then and covers it (e.g. the
        // cross-mention "van der Berg, J." in "Jan van der Berg, J. van der Berg"), else replaced.
        let coveredLater = false;
        for (let oj = oi + 1; oj < cCount && cStart[order[oj]] <= s; oj++) {
          if (cStart[order[oj]] >= lastEnd && cEnd[order[oj]] >= e) {
            coveredLater = true;
            break;
          }
        }
        if (coveredLater) continue;
      }
      spans.push(s, e, cPerson[c]);
      lastEnd = e;
    }
    return spans;
  }

  const SEP = '\u0000';

  /** selectSpans of each text, from one pass over the texts joined by NUL (see redactMany). */
  function selectSpansMany(texts: readonly string[]): number[][] {
    const out: number[][] = texts.map(() => []);
    if (texts.length === 0) return out;
    if (texts.length === 1) {
      out[0] = selectSpans(texts[0]);
      return out;
    }
    const all = selectSpans(texts.join(SEP));
    let t = 0;
    let begin = 0;
    for (let k = 0; k < all.length; k += 3) {
      while (all[k] >= begin + texts[t].length) {
        begin += texts[t].length + 1;
        t++;
      }
      out[t].push(all[k] - begin, all[k + 1] - begin, all[k + 2]);
    }
    return out;
  }

  function applySpans(text: string, spans: readonly number[]): RedactionResult {
    if (spans.length === 0) return { text, count: 0, pseudonyms: [] };
    const parts: string[] = [];
    const seen = new Set<string>();
    const pseudonyms: string[] = [];
    let pos = 0;
    for (let k = 0; k < spans.length; k += 3) {
      const pseudonym = people[spans[k + 2]].pseudonym;
      parts.push(text.slice(pos, spans[k]), pseudonym);
      pos = spans[k + 1];
      if (!seen.has(pseudonym)) {
        seen.add(pseudonym);
        pseudonyms.push(pseudonym);
      }
    }
    parts.push(text.slice(pos));
    return { text: parts.join(''), count: spans.length / 3, pseudonyms };
  }

  function redactMany(texts: readonly string[]): RedactionResult[] {
    const spans = selectSpansMany(texts);
    return texts.map((t, i) => applySpans(t, spans[i]));
  }

  function findMatches(text: string): RedactionMatch[] {
    const spans = selectSpans(text);
    const matches: RedactionMatch[] = [];
    for (let k = 0; k < spans.length; k += 3) {
      const person = people[spans[k + 2]];
      matches.push({
        start: spans[k],
        end: spans[k + 1],
        personId: person.id,
        pseudonym: person.pseudonym,
      });
    }
    return matches;
  }

  function redact(text: string): RedactionResult {
    return applySpans(text, selectSpans(text));
  }

  function redactUrl(url: string): RedactionResult {
    return redactUrls([url])[0];
  }

  function redactUrls(urls: readonly string[]): RedactionResult[] {
    // Every non-empty segment, decoded and with "- _ . +" read as spaces, goes into ONE scan.
    const split = urls.map((url) => url.split(/([/?#&=;])/u));
    const pieces: string[] = [];
    // A segment repeated across links ("https:", "x.com") is scanned once: the scan of one
    // NUL-separated text does not depend on its neighbours, so the spans are the same.
    const distinct = new Map<string, number>();
    const scanned: string[] = [];
    const slot: number[] = [];
    const add = (piece: string) => {
      let i = distinct.get(piece);
      if (i === undefined) {
        i = scanned.length;
        distinct.set(piece, i);
        scanned.push(piece);
      }
      pieces.push(piece);
      slot.push(i);
    };
    for (const parts of split) {
      for (let k = 0; k < parts.length; k += 2) {
        if (parts[k].length === 0) continue;
        const decoded = decodePercent(parts[k]);
        add(decoded);
        // Same length as `decoded` (one BMP unit for one), so spans apply to both; a piece with
        // none of "- _ . +" is its own spaced form (scanned once, through `distinct`).
        add(SPACED_IN_URL.test(decoded) ? decoded.replace(/[-_.+]/gu, ' ') : decoded);
      }
    }
    const spansOf = selectSpansMany(scanned);
    const found = slot.map((i) => spansOf[i]);
    let at = 0;
    return urls.map((url, u) => {
      const first = at;
      for (let k = 0; k < split[u].length; k += 2) if (split[u][k].length > 0) at += 2;
      for (let p = first; p < at; p++) {
        if (found[p].length > 0) {
          let next = first;
          return redactUrlParts(url, split[u], pieces, found, () => (next += 2) - 2);
        }
      }
      return { text: url, count: 0, pseudonyms: [] }; // nothing found: kept byte for byte
    });
  }

  function redactUrlParts(
    url: string,
    parts: string[],
    pieces: readonly string[],
    found: readonly number[][],
    nextPiece: () => number,
  ): RedactionResult {
    const seen = new Set<string>();
    const pseudonyms: string[] = [];
    let count = 0;
    for (let k = 0; k < parts.length; k += 2) {
      if (parts[k].length === 0) continue;
      const p = nextPiece();
      const decoded = pieces[p];
      if (found[p].length === 0 && found[p + 1].length === 0) continue;
      const a = found[p];
      const b = found[p + 1];
      // Each list is sorted and disjoint already: merge only when both found something.
      const spans = b.length === 0 || a === b ? a : a.length === 0 ? b : mergeSpans([...a, ...b]);
      if (spans.length === 0) continue;
      let out = '';
      let pos = 0;
      for (let j = 0; j < spans.length; j += 3) {
        const pseudonym = people[spans[j + 2]].pseudonym;
        out += encodeSegment(decoded.slice(pos, spans[j])) + pseudonymSlug(pseudonym);
        pos = spans[j + 1];
        count++;
        if (!seen.has(pseudonym)) {
          seen.add(pseudonym);
          pseudonyms.push(pseudonym);
        }
      }
      parts[k] = out + encodeSegment(decoded.slice(pos));
    }
    return count === 0
      ? { text: url, count: 0, pseudonyms: [] }
      : { text: parts.join(''), count, pseudonyms };
  }

  return {
    redact,
    redactMany,
    redactUrl,
    redactUrls,
    findMatches,
    size: n + phones.size,
    automaton,
  };
}
