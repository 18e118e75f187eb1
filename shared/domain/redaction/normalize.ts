/**
 * Matching normal form, with a map back to the original text.
 *
 * Per code point, in this order:
 *  1. special folds NFKD does not do: ß/ẞ→ss, ı→i, ς→σ, ł→l, ø→o, đ/ð→d, ħ→h, ŧ→t, æ→ae, œ→oe,
 *     þ→th; Arabic ى→ي, ة→ه, Persian ی→ي, ک→ك; the Arabic comma ، → ",";
 *  2. apostrophe look-alikes (’ ‘ ‛ ʼ ʻ ′ ´ ` ＇) → ' ;
 *  3. hyphens and dashes (- ‐ ‑ ‒ – — ― − ﹘ ﹣ － ֊ ־ ⁃) → a space: "García-López" matches
 *     "Garcia Lopez" and "Jean‐Luc" (U+2010) matches "Jean-Luc";
 *  4. invisible characters are removed: zero-width space/joiners, soft hyphen, BOM, word joiner,
 *     bidi controls (LRM, RLM, ALM, embeddings, isolates), Arabic tatweel, variation selectors;
 *  5. everything else: NFKD, combining marks (\p{M}) removed, lower-cased (NFKD + marks again);
 *     except precomposed Hangul syllables, kept whole; decomposed Hangul (conjoining jamo, e.g.
 *     NFD text from macOS) is composed back into syllables;
 *  6. any run of whitespace (incl. NBSP, newlines, U+3000) becomes ONE space; whitespace next to a
 *     comma is dropped ("Muñoz , José" = "Muñoz,José"); whitespace between two characters of
 *     the dense scripts (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar) is dropped, so
 *     "山田 太郎" = "山田太郎" and "김 민준" = "김민준".
 *
 * The result is a sequence of UTF-16 units with a map back to original offsets. A match's
 * original end is where the next unit's source starts (see `originalEnd`), so combining marks and
 * invisible characters after a name are replaced with it, never left dangling.
 */

import { decodeHTML } from 'entities';
import { Automaton } from './automaton';
import { CONFUSABLES } from './confusables';

/** Character classes used for word boundaries. */
export const CLS_OTHER = 0; // punctuation, symbols, spaces: never part of a word
export const CLS_WORD = 1; // letters and digits of scripts written with spaces between words
/**
 * Han, kana, Hangul, Thai, Lao, Khmer, Myanmar, Yi, Bopomofo: no word boundary is required (names
 * are written without spaces, and Korean/Japanese particles attach to them) and spaces between two
 * such characters are dropped ("山田 太郎" = "山田太郎", "김 민준" = "김민준").
 */
export const CLS_DENSE = 2;

const DENSE_RE =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Yi}]/u;
const WORD_RE = /[\p{L}\p{N}]/u;
const MARK_RE = /\p{M}/gu;

/** Boundary class per BMP code point, computed on first use (255 = not yet). */
const classTable = new Uint8Array(0x10000).fill(255);
const astralClass = new Map<number, number>();

function computeClass(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (!WORD_RE.test(ch) && cp !== 0x30fc && cp !== 0x3005) return CLS_OTHER;
  if (DENSE_RE.test(ch)) return CLS_DENSE;
  return CLS_WORD;
}

/** The boundary class of a code point (see CLS_*). */
export function charClass(cp: number): number {
  if (cp < 0x10000) {
    let v = classTable[cp];
    if (v === 255) {
      v = cp >= 0xd800 && cp <= 0xdfff ? CLS_OTHER : computeClass(cp);
      classTable[cp] = v;
    }
    return v;
  }
  let v = astralClass.get(cp);
  if (v === undefined) {
    v = computeClass(cp);
    astralClass.set(cp, v);
  }
  return v;
}

const SPACE = 32;
const COMMA = 44;
const AMP = 0x26;
const PERCENT = 0x25;
const PLUS = 0x2b;

/** Is "+" at `i` a space (between a word character before it and a letter or escape after)? */
function plusIsSpace(prev: number, text: string, i: number): boolean {
  if (prev < 0 || prev === SPACE || charClass(prev) === CLS_OTHER) return false;
  const next = text.codePointAt(i + 1) ?? -1;
  if (next === PERCENT || next === AMP) return true;
  return next >= 0 && charClass(next) !== CLS_OTHER && !(next >= 48 && next <= 57);
}

/** Folds applied before and after NFKD (single code point → replacement). */
const SPECIAL: ReadonlyMap<number, string> = new Map<number, string>([
  [0x00df, 'ss'],
  [0x1e9e, 'ss'],
  [0x0131, 'i'],
  [0x03c2, 'σ'],
  [0x0141, 'l'],
  [0x0142, 'l'],
  [0x00d8, 'o'],
  [0x00f8, 'o'],
  [0x0110, 'd'],
  [0x0111, 'd'],
  [0x00d0, 'd'],
  [0x00f0, 'd'],
  [0x0126, 'h'],
  [0x0127, 'h'],
  [0x0166, 't'],
  [0x0167, 't'],
  [0x00c6, 'ae'],
  [0x00e6, 'ae'],
  [0x0152, 'oe'],
  [0x0153, 'oe'],
  [0x00de, 'th'],
  [0x00fe, 'th'],
  // Arabic-script spelling variants
  [0x0649, '\u064a'],
  [0x0629, '\u0647'],
  [0x06cc, '\u064a'],
  [0x06a9, '\u0643'],
  [0x060c, ','],
  // apostrophes
  [0x0027, "'"],
  [0x0060, "'"],
  [0x00b4, "'"],
  [0x2018, "'"],
  [0x2019, "'"],
  [0x201b, "'"],
  [0x02bc, "'"],
  [0x02bb, "'"],
  [0x02b9, "'"],
  [0x2032, "'"],
  [0xff07, "'"],
  // hyphens and dashes → space
  [0x002d, ' '],
  [0x2010, ' '],
  [0x2011, ' '],
  [0x2012, ' '],
  [0x2013, ' '],
  [0x2014, ' '],
  [0x2015, ' '],
  [0x2212, ' '],
  [0xfe58, ' '],
  [0xfe63, ' '],
  [0xff0d, ' '],
  [0x058a, ' '],
  [0x05be, ' '],
  [0x2043, ' '],
  [0x1806, ' '],
  [0x2e3a, ' '],
  [0x2e3b, ' '],
  [0x0085, ' '],
  // underscores join words in slugs and handles ("siobhan_o_sullivan"): a space, like hyphens
  [0x005f, ' '],
  // invisible → removed
  [0x00ad, ''],
  [0x034f, ''],
  [0x061c, ''],
  [0x0640, ''],
  [0x180e, ''],
  [0x200b, ''],
  [0x200c, ''],
  [0x200d, ''],
  [0x200e, ''],
  [0x200f, ''],
  [0x202a, ''],
  [0x202b, ''],
  [0x202c, ''],
  [0x202d, ''],
  [0x202e, ''],
  [0x2060, ''],
  [0x2066, ''],
  [0x2067, ''],
  [0x2068, ''],
  [0x2069, ''],
  [0xfeff, ''],
]);

const WHITESPACE_RE = /^\s$/u;

function foldOne(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const special = SPECIAL.get(cp);
  if (special !== undefined) {
    // ς → σ, then σ's look-alike fold
    return special.length === 1 ? (CONFUSABLES.get(special.charCodeAt(0)) ?? special) : special;
  }
  // Look-alikes are keyed by lower-case letters; `computeFold` lower-cases before this.
  const confusable = CONFUSABLES.get(cp);
  if (confusable !== undefined) return confusable;
  if (WHITESPACE_RE.test(ch)) return ' ';
  return ch;
}

/** Full fold of one code point to its matching form (may be '' or several characters). */
function computeFold(cp: number): string {
  // Precomposed Hangul syllables have no case and no marks: kept whole (NFKD would split them
  // into 2-3 jamo, for nothing but a slower scan). Decomposed text (conjoining jamo, e.g. NFD from
  // macOS) is composed back into syllables on output (see `emitUnit` / `pushUnit`).
  if (cp >= 0xac00 && cp <= 0xd7a3) return String.fromCharCode(cp);
  const ch = String.fromCodePoint(cp);
  const direct = foldOne(ch);
  if (direct !== ch) return direct;
  const base = ch
    .normalize('NFKD')
    .replace(MARK_RE, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARK_RE, '');
  let out = '';
  for (const c of base) out += foldOne(c);
  // Compose any conjoining jamo NFKD produced (e.g. from ㉮), as the scanner does for text.
  return out.normalize('NFC');
}

/*
 * Packed per-BMP-unit fold table (filled lazily): the folded unit in the low 16 bits plus flags.
 * 0 = not computed yet. Surrogates and multi-unit folds take the slow path (F_SLOW).
 */
const F_SET = 1 << 16;
const F_WS = 1 << 17; // whitespace (or folds to a space, like hyphens)
const F_RM = 1 << 18; // removed (invisible)
const F_DENSE = 1 << 19; // folds to a CLS_DENSE unit
const F_SLOW = 1 << 20; // several units, or a surrogate
const F_COMMA = 1 << 21; // folds to ","
const F_DIGIT = 1 << 22; // folds to an ASCII digit
// normalizeWithMap's hot paths use these as literals: F_SET | any of F_WS..F_DIGIT = 0x7f0000,
// F_WS | F_RM | F_SLOW = 0x160000.
// Entries not computed yet hold F_SLOW without F_SET: the hot loop sends them to the slow path,
// which computes them (so the hot loop needs no "not computed" test).
const packed = new Int32Array(0x10000).fill(F_SLOW);

const astralFold = new Map<number, string>();
const multiFold = new Map<number, string>();

/** Conjoining jamo: leading consonant L, vowel V, trailing consonant T (composed on output). */
const isL = (u: number): boolean => u >= 0x1100 && u <= 0x1112;
const isV = (u: number): boolean => u >= 0x1161 && u <= 0x1175;
const isT = (u: number): boolean => u >= 0x11a8 && u <= 0x11c2;
const JAMO_RE = /[\u1100-\u11ff]/;

function packEntry(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) {
    packed[c] = F_SET | F_SLOW;
    return packed[c];
  }
  const f = computeFold(c);
  let v: number;
  if (JAMO_RE.test(f)) {
    // Conjoining jamo are composed into syllables on output: the slow path does that.
    multiFold.set(c, f);
    v = F_SET | F_SLOW;
  } else if (f.length === 0) v = F_SET | F_RM;
  else if (f === ' ') v = F_SET | F_WS | SPACE;
  else if (f.length === 1) {
    const u = f.charCodeAt(0);
    v = F_SET | u;
    if (u >= 128 && charClass(u) === CLS_DENSE) v |= F_DENSE;
    if (u === COMMA) v |= F_COMMA;
    if (u >= 48 && u <= 57) v |= F_DIGIT;
  } else {
    multiFold.set(c, f);
    v = F_SET | F_SLOW;
  }
  packed[c] = v;
  return v;
}
for (let c = 0; c < 128; c++) packEntry(c);
// "&" (HTML entities) and "%" (percent-encoding) take the slow path, which decodes them.
packed[AMP] = F_SET | F_SLOW;
packed[PERCENT] = F_SET | F_SLOW;
// "+" is a space between words (form-encoded queries: "Siobh%C3%A1n+O%27Sullivan"), not before a
// digit or at a word start (phone numbers "+41 22", "C++" after a space).
packed[PLUS] = F_SET | F_SLOW;

const ENTITY_RE = /&(?:#[xX][0-9a-fA-F]{1,6};?|#[0-9]{1,7};?|[A-Za-z][A-Za-z0-9]{1,31};?)/y;
const PERCENT_RE = /(?:%[0-9A-Fa-f]{2})+/y;

/**
 * An HTML entity ("&aacute;", "&nbsp;", "&#233;", "&#xE9;") or a run of percent-encoded UTF-8
 * bytes ("%C3%A1") starting at `i`: its decoded text and where it ends; null if there is none (the
 * "&" or "%" is then an ordinary character). Entities are decoded with the `entities` package
 * (the HTML5 table, legacy forms without ";" included); percent runs with decodeURIComponent.
 */
export function decodeEscapeAt(text: string, i: number): { decoded: string; end: number } | null {
  const c = text.charCodeAt(i);
  const re = c === AMP ? ENTITY_RE : c === PERCENT ? PERCENT_RE : null;
  if (re === null) return null;
  re.lastIndex = i;
  const m = re.exec(text);
  if (m === null) return null;
  let decoded: string;
  if (c === AMP) {
    decoded = decodeHTML(m[0]);
  } else {
    try {
      decoded = decodeURIComponent(m[0]);
    } catch {
      return null; // not UTF-8: left as it is
    }
  }
  if (decoded === m[0] || decoded.length === 0) return null;
  return { decoded, end: i + m[0].length };
}

/** The folded units of a decoded escape (each code point folded as the text would be). */
function foldDecoded(decoded: string): string {
  let out = '';
  for (const ch of decoded) {
    const cp = ch.codePointAt(0) ?? 0;
    // A decoded "&" or "%" is not decoded again ("&amp;eacute;" is the text "&eacute;").
    out += cp === AMP || cp === PERCENT ? ch : slowFold(cp);
  }
  return out;
}

/** Flags (F_DENSE, F_COMMA, F_DIGIT) of unit k of a fold string, from the unit's own class. */
function foldUnitFlags(fold: string, k: number): number {
  const u = fold.charCodeAt(k);
  if (u === COMMA) return F_COMMA;
  if (u >= 48 && u <= 57) return F_DIGIT;
  if (u < 128) return 0;
  if (u >= 0xd800 && u <= 0xdbff && k + 1 < fold.length) {
    const cp = 0x10000 + ((u - 0xd800) << 10) + (fold.charCodeAt(k + 1) - 0xdc00);
    return charClass(cp) === CLS_DENSE ? F_DENSE : 0;
  }
  if (u >= 0xdc00 && u <= 0xdfff) return 0; // the flags went with the high surrogate
  return charClass(u) === CLS_DENSE ? F_DENSE : 0;
}

function slowFold(cp: number): string {
  if (cp < 0x10000) return multiFold.get(cp) ?? computeFold(cp);
  let f = astralFold.get(cp);
  if (f === undefined) {
    f = computeFold(cp);
    astralFold.set(cp, f);
  }
  return f;
}

/** Does this original code unit fold to whitespace (hyphens excluded)? */
function isWhitespaceUnit(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && WHITESPACE_RE.test(String.fromCharCode(c)));
}

/** Is the normalised unit at `k` (surrogate-aware) of a dense script? */
function denseUnitAt(units: Uint16Array, k: number): boolean {
  if (k < 0) return false;
  const u = units[k];
  if (u >= 0xdc00 && u <= 0xdfff && k > 0) {
    const h = units[k - 1];
    return charClass(0x10000 + ((h - 0xd800) << 10) + (u - 0xdc00)) === CLS_DENSE;
  }
  if (u < 128) return false;
  const v = (packed[u] & F_SET) === 0 ? packEntry(u) : packed[u];
  return (v & F_DENSE) !== 0;
}

/**
 * A normalised text: units[0..length). The map back to the original text is sparse: the offset
 * delta (original index - unit index) only changes at collapsed whitespace, removed characters
 * and multi-unit folds, so only those change points are stored (see `originalStart`).
 */
export interface Normalized {
  units: Uint16Array;
  length: number;
  /** Length of the original text. */
  sourceLength: number;
  /** Unit indices where the delta changes (ascending; the first is 0). */
  mapAt: Int32Array;
  /** The delta from mapAt[j] on. */
  mapDelta: Int32Array;
  mapCount: number;
  /** Lookup cursor into mapAt (see `originalStart`). */
  cursor: number;
  /** Unit indices where a run of digits starts (for phone matching). */
  digitRuns: Int32Array;
  digitRunCount: number;
  /**
   * When an automaton was given: pairs (pattern id, end) for every unit after which patterns end:
   * the longest one; expand the shorter ones with `automaton.nextPid`.
   */
  hits: Int32Array;
  hitCount: number;
}

/**
 * Original offset of the character that unit k came from. Lookups near the previous one (the
 * usual case: matches are processed in text order) walk from a cursor; others binary-search.
 */
export function originalStart(nz: Normalized, k: number): number {
  const at = nz.mapAt;
  const last = nz.mapCount - 1;
  let c = nz.cursor;
  if (at[c] <= k) {
    let steps = 0;
    while (c < last && at[c + 1] <= k && steps < 16) {
      c++;
      steps++;
    }
    if (c < last && at[c + 1] <= k) c = -1;
  } else {
    let steps = 0;
    while (c > 0 && at[c] > k && steps < 16) {
      c--;
      steps++;
    }
    if (at[c] > k) c = -1;
  }
  if (c < 0) {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    c = lo;
  }
  nz.cursor = c;
  return k + nz.mapDelta[c];
}

/**
 * Original end offset of a span of units ending (exclusively) at unit `e`: where the next unit
 * that comes from a later source character starts (so combining marks and invisible characters
 * after the span are included), minus trailing whitespace of the original text.
 */
export function originalEnd(nz: Normalized, e: number, text: string): number {
  const last = originalStart(nz, e - 1);
  let k = e;
  let end = nz.sourceLength;
  while (k < nz.length) {
    const s = originalStart(nz, k);
    if (s !== last) {
      end = s;
      break;
    }
    k++;
  }
  while (end > last + 1 && isWhitespaceUnit(text.charCodeAt(end - 1))) end--;
  return end;
}

function growI32(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

let emptyAutomaton: Automaton | null = null;

/**
 * Reusable buffers for `normalizeWithMap` (a redactor keeps one, so redacting many texts does not
 * allocate a text-sized buffer each time). The `Normalized` result of a call borrows them: it is
 * valid until the next call with the same workspace. Also the state the rare slow path works on.
 */
export class Workspace {
  units: Uint16Array = new Uint16Array(0);
  mapAt: Int32Array = new Int32Array(16);
  mapDelta: Int32Array = new Int32Array(16);
  digitRuns: Int32Array = new Int32Array(16);
  hits: Int32Array = new Int32Array(64);
  // Loop state, synchronised only around the slow path.
  len = 0;
  state = 0;
  stateBeforeSpace = 0;
  delta = -1;
  mapCount = 0;
  digitRunCount = 0;
  hitCount = 0;
  // Jamo composition (slow path only): where the last L / composed LV unit is, and the state and
  // source before the last slow-path unit.
  lAt = -1;
  lvAt = -1;
  stateBeforeLast = 0;
  lastSrc = 0;
}

function noteDelta(ws: Workspace, src: number): void {
  const d = src - ws.len;
  if (d === ws.delta) return;
  if (ws.mapCount === ws.mapAt.length) {
    ws.mapAt = growI32(ws.mapAt, ws.mapCount + 1);
    ws.mapDelta = growI32(ws.mapDelta, ws.mapCount + 1);
  }
  ws.delta = d;
  ws.mapAt[ws.mapCount] = ws.len;
  ws.mapDelta[ws.mapCount++] = d;
}

/**
 * The rare path: a code point that folds to several units, or a surrogate pair. Applies the same
 * rules as the hot loop, unit by unit, on the workspace state. Returns the next text index.
 */
function slowPath(ws: Workspace, ac: Automaton, text: string, i: number): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c === PLUS) {
    const prev = ws.len > 0 ? codePointAtUnits(ws.units, ws.len, ws.len - 1) : -1;
    emitUnit(ws, ac, plusIsSpace(prev, text, i) ? SPACE : PLUS, 0, i);
    return i + 1;
  }
  if (c === AMP || c === PERCENT) {
    // Decoded units all map to the escape's first character; the next unit maps past its end, so
    // a match ending in an escape replaces all of it.
    const esc = decodeEscapeAt(text, i);
    const fold = esc === null ? String.fromCharCode(c) : foldDecoded(esc.decoded);
    ensureRoom(ws, fold.length + 2 + (n - i));
    for (let k = 0; k < fold.length; k++) {
      emitUnit(ws, ac, fold.charCodeAt(k), foldUnitFlags(fold, k), i);
    }
    return esc === null ? i + 1 : esc.end;
  }
  const v = (packed[c] & F_SET) === 0 ? packEntry(c) : packed[c];
  if ((v & F_SLOW) === 0) {
    // First sight of a simple character (its entry was just computed): as the hot loop would.
    if ((v & F_RM) === 0) emitUnit(ws, ac, v & 0xffff, v, i);
    return i + 1;
  }
  let cp = c;
  let w = 1;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      w = 2;
    }
  }
  const fold = slowFold(cp);
  ensureRoom(ws, fold.length + 2 + (n - i));
  for (let k = 0; k < fold.length; k++) {
    emitUnit(ws, ac, fold.charCodeAt(k), foldUnitFlags(fold, k), i);
  }
  return i + w;
}

function ensureRoom(ws: Workspace, extra: number): void {
  if (ws.len + extra > ws.units.length) {
    const u2 = new Uint16Array(Math.max(ws.units.length * 2, ws.len + extra));
    u2.set(ws.units.subarray(0, ws.len));
    ws.units = u2;
  }
}

/**
 * Emit one unit from source offset `src` with the context rules (the slow path's emitter). Also
 * composes conjoining jamo into syllables (V after L, T after a composed LV), as NFC would: all
 * jamo come through here, so the hot loop never sees them.
 */
function emitUnit(ws: Workspace, ac: Automaton, unit: number, flags: number, src: number): void {
  const units = ws.units;
  let u = unit;
  let from = src;
  if (u === SPACE) {
    if (ws.len > 0 && (units[ws.len - 1] === SPACE || units[ws.len - 1] === COMMA)) return;
    ws.stateBeforeSpace = ws.state;
  } else {
    if (
      ws.len > 0 &&
      units[ws.len - 1] === SPACE &&
      ((flags & F_COMMA) !== 0 || ((flags & F_DENSE) !== 0 && denseUnitAt(units, ws.len - 2)))
    ) {
      retractSpace(ws);
    }
    if (
      (flags & F_DIGIT) !== 0 &&
      (ws.len === 0 || units[ws.len - 1] < 48 || units[ws.len - 1] > 57)
    ) {
      if (ws.digitRunCount === ws.digitRuns.length) {
        ws.digitRuns = growI32(ws.digitRuns, ws.digitRunCount + 1);
      }
      ws.digitRuns[ws.digitRunCount++] = ws.len;
    }
  }
  let composedLV = false;
  const last = ws.len - 1;
  if (isV(u) && last >= 0 && ws.lAt === last) {
    u = 0xac00 + ((units[last] - 0x1100) * 21 + (u - 0x1161)) * 28;
    composedLV = true;
  } else if (isT(u) && last >= 0 && ws.lvAt === last) {
    u = units[last] + (u - 0x11a7);
  } else {
    ws.stateBeforeLast = ws.state;
    ws.lastSrc = src;
  }
  if (u !== unit) {
    // Replace the previous unit (the L or LV), from its source, in the state before it.
    ws.len--;
    ws.state = ws.stateBeforeLast;
    from = ws.lastSrc;
  }
  noteDelta(ws, from);
  const at = ws.len;
  units[ws.len++] = u;
  ws.state = ac.next(ws.state, u);
  ws.lAt = isL(u) ? at : -1;
  ws.lvAt = composedLV ? at : -1;
  const pid = ac.outPid[ws.state];
  if (pid >= 0) {
    if (ws.hitCount + 2 > ws.hits.length) ws.hits = growI32(ws.hits, ws.hitCount + 2);
    ws.hits[ws.hitCount++] = pid;
    ws.hits[ws.hitCount++] = ws.len;
  }
}

/** Drop the space just emitted (before a comma, or between two dense-script characters). */
function retractSpace(ws: Workspace): void {
  ws.len--;
  ws.state = ws.stateBeforeSpace; // no pattern ends with a space: no hit to undo
  if (ws.mapCount > 0 && ws.mapAt[ws.mapCount - 1] === ws.len) {
    ws.mapCount--;
    ws.delta = ws.mapCount > 0 ? ws.mapDelta[ws.mapCount - 1] : -1;
  }
}

/**
 * Normalise `text` into the matching form, with the map back to `text`, and (when an automaton
 * is given) run the Aho–Corasick scan in the same pass, each unit being fed to the automaton as it
 * is produced. Linear; per-code-unit folds are cached in a packed table, so a typical character
 * costs one table load, one flag test, one store and one automaton transition. A whitespace run
 * is emitted as one space at once and retracted (automaton state restored) when a comma or, between
 * two dense-script characters, a dense character follows.
 *
 * Performance notes (V8): one emission site with the transition inlined by hand (a call costs
 * ~2x), literal flag masks (module constants are context loads), the rare paths in functions that
 * work on the workspace, and no closures over the loop's variables.
 */
export function normalizeWithMap(
  text: string,
  automaton?: Automaton,
  workspace?: Workspace,
): Normalized {
  const ac = automaton ?? (emptyAutomaton ??= new Automaton([]));
  const { rootNext, edgeStart, edgeChar, edgeTo, fail, outPid } = ac;
  const table = packed;
  const n = text.length;
  const ws = workspace ?? new Workspace();
  if (ws.units.length < n + 16) ws.units = new Uint16Array(n + 16 + (n >> 3));
  let units = ws.units;
  let len = 0;
  let state = 0;
  let stateBeforeSpace = 0;
  let delta = -1; // forces a first change point
  ws.mapCount = 0;
  ws.digitRunCount = 0;
  ws.hitCount = 0;
  ws.lAt = -1;
  ws.lvAt = -1;

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const v = table[c];
    // Literal masks: F_WS 0x20000, F_RM 0x40000, F_DENSE 0x80000, F_SLOW 0x100000,
    // F_COMMA 0x200000, F_DIGIT 0x400000.
    // One test for the common case (a plain letter): any flag at all sends it to the branches.
    if ((v & 0x7e0000) === 0) {
      // a plain unit: nothing to check before emitting it
    } else if ((v & 0x160000) !== 0) {
      if ((v & 0x160000) === 0x20000) {
        // Whitespace (or a hyphen): one space per run, none after a comma; emitted below.
        if (len > 0 && (units[len - 1] === 32 || units[len - 1] === 44)) {
          i++;
          continue;
        }
        stateBeforeSpace = state;
      } else if ((v & 0x40000) !== 0) {
        i++; // removed (invisible)
        continue;
      } else {
        ws.units = units;
        ws.len = len;
        ws.state = state;
        ws.stateBeforeSpace = stateBeforeSpace;
        ws.delta = delta;
        i = slowPath(ws, ac, text, i);
        units = ws.units;
        len = ws.len;
        state = ws.state;
        stateBeforeSpace = ws.stateBeforeSpace;
        delta = ws.delta;
        continue;
      }
    } else if ((v & 0x680000) !== 0) {
      // F_DENSE, F_COMMA or F_DIGIT: the context rules.
      if (
        len > 0 &&
        units[len - 1] === 32 &&
        ((v & 0x200000) !== 0 || ((v & 0x80000) !== 0 && denseUnitAt(units, len - 2)))
      ) {
        ws.len = len;
        ws.state = state;
        ws.stateBeforeSpace = stateBeforeSpace;
        ws.delta = delta;
        retractSpace(ws);
        len = ws.len;
        state = ws.state;
        delta = ws.delta;
      }
      if ((v & 0x400000) !== 0 && (len === 0 || units[len - 1] < 48 || units[len - 1] > 57)) {
        if (ws.digitRunCount === ws.digitRuns.length) {
          ws.digitRuns = growI32(ws.digitRuns, ws.digitRunCount + 1);
        }
        ws.digitRuns[ws.digitRunCount++] = len;
      }
    }
    // Emit one unit (the folded character, or the space of a whitespace run).
    if (i - len !== delta) {
      ws.len = len;
      ws.delta = delta;
      noteDelta(ws, i);
      delta = ws.delta;
    }
    const u = v & 0xffff;
    units[len++] = u;
    // Aho–Corasick transition, inlined.
    let s = state;
    for (;;) {
      if (s === 0) {
        s = rootNext[u];
        break;
      }
      let lo = edgeStart[s];
      const hi = edgeStart[s + 1];
      let t = -1;
      if (hi - lo <= 8) {
        for (; lo < hi; lo++) {
          const e = edgeChar[lo];
          if (e >= u) {
            if (e === u) t = edgeTo[lo];
            break;
          }
        }
      } else {
        t = Automaton.child(edgeStart, edgeChar, edgeTo, s, u);
      }
      if (t >= 0) {
        s = t;
        break;
      }
      s = fail[s];
    }
    state = s;
    const pid = outPid[s];
    if (pid >= 0) {
      if (ws.hitCount + 2 > ws.hits.length) ws.hits = growI32(ws.hits, ws.hitCount + 2);
      ws.hits[ws.hitCount++] = pid;
      ws.hits[ws.hitCount++] = len;
    }
    i++;
  }
  ws.units = units;
  ws.len = len;
  if (ws.mapCount === 0) {
    ws.mapAt[0] = 0;
    ws.mapDelta[0] = 0;
    ws.mapCount = 1;
  }
  return {
    units,
    length: len,
    sourceLength: n,
    mapAt: ws.mapAt,
    mapDelta: ws.mapDelta,
    mapCount: ws.mapCount,
    cursor: 0,
    digitRuns: ws.digitRuns,
    digitRunCount: ws.digitRunCount,
    hits: ws.hits,
    hitCount: ws.hitCount,
  };
}

/** Decode a range of UTF-16 units to a string (chunked to stay within argument limits). */
export function unitsToString(units: Uint16Array, from: number, to: number): string {
  if (to - from <= 8192) {
    // apply() takes any array-like, typed arrays included
    return String.fromCharCode.apply(null, units.subarray(from, to) as unknown as number[]);
  }
  const chunks: string[] = [];
  for (let i = from; i < to; i += 8192) {
    const part = units.subarray(i, Math.min(to, i + 8192));
    chunks.push(String.fromCharCode.apply(null, part as unknown as number[]));
  }
  return chunks.join('');
}

/**
 * The matching form of a string: NFKD, combining marks removed, case-folded, apostrophes and
 * hyphens unified (hyphens become spaces), whitespace collapsed to single spaces and trimmed.
 *
 * Same table and rules as `normalizeWithMap`, but a separate lean implementation for short
 * strings (names, patterns): sharing one function with the 10 MB scanner would pollute the
 * scanner's type feedback and halve its speed. Equivalence is a property test.
 */
export function normalizeForMatch(s: string): string {
  const out: number[] = [];
  const jamo = { lAt: -1, lvAt: -1 };
  const n = s.length;
  for (let i = 0; i < n;) {
    const c = s.charCodeAt(i);
    let v = packed[c];
    if ((v & F_SET) === 0) v = packEntry(c);
    if ((v & F_RM) !== 0) {
      i++;
      continue;
    }
    if ((v & F_SLOW) !== 0) {
      if (c === PLUS) {
        const prev = lastCodePoint(out);
        pushUnit(out, jamo, plusIsSpace(prev, s, i) ? SPACE : PLUS, 0);
        i++;
        continue;
      }
      if (c === AMP || c === PERCENT) {
        const esc = decodeEscapeAt(s, i);
        const fold = esc === null ? String.fromCharCode(c) : foldDecoded(esc.decoded);
        for (let k = 0; k < fold.length; k++) {
          pushUnit(out, jamo, fold.charCodeAt(k), foldUnitFlags(fold, k));
        }
        i = esc === null ? i + 1 : esc.end;
        continue;
      }
      let cp = c;
      let w = 1;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          w = 2;
        }
      }
      const fold = slowFold(cp);
      for (let k = 0; k < fold.length; k++) {
        pushUnit(out, jamo, fold.charCodeAt(k), foldUnitFlags(fold, k));
      }
      i += w;
      continue;
    }
    pushUnit(out, jamo, v & 0xffff, v);
    i++;
  }
  let from = 0;
  let to = out.length;
  if (from < to && out[from] === SPACE) from++;
  if (to > from && out[to - 1] === SPACE) to--;
  let res = '';
  for (let k = from; k < to; k += 4096) {
    res += String.fromCharCode(...out.slice(k, Math.min(to, k + 4096)));
  }
  return res;
}

/** The last code point of `out` (surrogate-aware), or -1. */
function lastCodePoint(out: number[]): number {
  const k = out.length - 1;
  if (k < 0) return -1;
  const u = out[k];
  if (u >= 0xdc00 && u <= 0xdfff && k > 0 && out[k - 1] >= 0xd800 && out[k - 1] <= 0xdbff) {
    return 0x10000 + ((out[k - 1] - 0xd800) << 10) + (u - 0xdc00);
  }
  return u;
}

/** `normalizeForMatch`'s emission rules (the same as the scanner's `emitUnit`). */
function pushUnit(
  out: number[],
  jamo: { lAt: number; lvAt: number },
  u: number,
  flags: number,
): void {
  const len = out.length;
  if (u === SPACE) {
    if (len > 0 && (out[len - 1] === SPACE || out[len - 1] === COMMA)) return;
  } else if (
    len > 0 &&
    out[len - 1] === SPACE &&
    ((flags & F_COMMA) !== 0 || ((flags & F_DENSE) !== 0 && denseCodeBefore(out, len - 2)))
  ) {
    out.pop();
  }
  const last = out.length - 1;
  if (isV(u) && last >= 0 && jamo.lAt === last) {
    out[last] = 0xac00 + ((out[last] - 0x1100) * 21 + (u - 0x1161)) * 28;
    jamo.lAt = -1;
    jamo.lvAt = last;
    return;
  }
  if (isT(u) && last >= 0 && jamo.lvAt === last) {
    out[last] += u - 0x11a7;
    jamo.lvAt = -1;
    return;
  }
  out.push(u);
  if (isL(u)) jamo.lAt = out.length - 1;
}

function denseCodeBefore(out: number[], k: number): boolean {
  if (k < 0) return false;
  const u = out[k];
  if (u >= 0xdc00 && u <= 0xdfff && k > 0) {
    return charClass(0x10000 + ((out[k - 1] - 0xd800) << 10) + (u - 0xdc00)) === CLS_DENSE;
  }
  if (u < 128) return false;
  const v = (packed[u] & F_SET) === 0 ? packEntry(u) : packed[u];
  return (v & F_DENSE) !== 0;
}

/** The code point of normalised units at position i (surrogate-aware), or -1 outside [0, len). */
export function codePointAtUnits(units: Uint16Array, len: number, i: number): number {
  if (i < 0 || i >= len) return -1;
  const u = units[i];
  if (u >= 0xd800 && u <= 0xdbff && i + 1 < len) {
    const d = units[i + 1];
    if (d >= 0xdc00 && d <= 0xdfff) return 0x10000 + ((u - 0xd800) << 10) + (d - 0xdc00);
  }
  if (u >= 0xdc00 && u <= 0xdfff && i > 0) {
    const h = units[i - 1];
    if (h >= 0xd800 && h <= 0xdbff) return 0x10000 + ((h - 0xd800) << 10) + (u - 0xdc00);
  }
  return u;
}
