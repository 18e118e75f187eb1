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
 *  6. any run of whitespace (incl. NBSP, newlines, U+3000) becomes ONE space; whitespace next to a
 *     comma is dropped ("Muñoz , José" = "Muñoz,José"); whitespace between two characters of a
 *     script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) is dropped, so
 *     "山田 太郎" = "山田太郎".
 *
 * The result is a sequence of UTF-16 units with a map back to original offsets. A match's
 * original end is where the next unit's source starts (see `originalEnd`), so combining marks and
 * invisible characters after a name are replaced with it, never left dangling.
 */

import { Automaton } from './automaton';

/** Character classes used for word boundaries. */
export const CLS_OTHER = 0; // punctuation, symbols, spaces: never part of a word
export const CLS_WORD = 1; // letters and digits of scripts written with spaces between words
export const CLS_DENSE = 2; // Han, kana, Thai, Lao, Khmer, Myanmar: no boundary, spaces dropped
export const CLS_HANGUL = 3; // Hangul: no boundary required (particles attach), spaces kept

const DENSE_RE =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Bopomofo}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Yi}]/u;
const HANGUL_RE = /\p{sc=Hangul}/u;
const WORD_RE = /[\p{L}\p{N}]/u;
const MARK_RE = /\p{M}/gu;

let classTable: Uint8Array | null = null;
const astralClass = new Map<number, number>();

function computeClass(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (!WORD_RE.test(ch) && cp !== 0x30fc && cp !== 0x3005) return CLS_OTHER;
  if (DENSE_RE.test(ch)) return CLS_DENSE;
  if (HANGUL_RE.test(ch)) return CLS_HANGUL;
  return CLS_WORD;
}

/** The boundary class of a code point (see CLS_*). */
export function charClass(cp: number): number {
  if (cp < 0x10000) {
    if (classTable === null) {
      classTable = new Uint8Array(0x10000);
      for (let c = 0; c < 0x10000; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        classTable[c] = c < 128 ? (WORD_RE.test(String.fromCharCode(c)) ? CLS_WORD : 0) : computeClass(c);
      }
    }
    return classTable[cp];
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
  if (special !== undefined) return special;
  if (WHITESPACE_RE.test(ch)) return ' ';
  return ch;
}

/** Full fold of one code point to its matching form (may be '' or several characters). */
function computeFold(cp: number): string {
  const ch = String.fromCodePoint(cp);
  const direct = foldOne(ch);
  if (direct !== ch) return direct;
  const base = ch.normalize('NFKD').replace(MARK_RE, '').toLowerCase().normalize('NFKD').replace(MARK_RE, '');
  let out = '';
  for (const c of base) out += foldOne(c);
  return out;
}

/*
 * Packed per-BMP-unit fold table (filled lazily): the folded unit in the low 16 bits plus flags.
 * 0 = not computed yet. Surrogates and multi-unit folds take the slow path (F_SLOW).
 */
const F_SET = 1 << 16;
const F_WS = 1 << 17; // whitespace (or folds to a space, like hyphens)
const F_RM = 1 << 18; // removed (invisible)
const F_DENSE = 1 << 19; // CLS_DENSE
const F_SLOW = 1 << 20; // several units, or a surrogate
const F_COMMA = 1 << 21;
const packed = new Int32Array(0x10000);

const astralFold = new Map<number, string>();
const multiFold = new Map<number, string>();

function packEntry(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return F_SET | F_SLOW;
  const f = computeFold(c);
  let v: number;
  if (f.length === 0) v = F_SET | F_RM;
  else if (f === ' ') v = F_SET | F_WS | SPACE;
  else if (f.length === 1) {
    const u = f.charCodeAt(0);
    v = F_SET | u;
    if (u >= 128 && charClass(u) === CLS_DENSE) v |= F_DENSE;
    if (u === COMMA) v |= F_COMMA;
  } else {
    multiFold.set(c, f);
    v = F_SET | F_SLOW;
  }
  packed[c] = v;
  return v;
}
for (let c = 0; c < 128; c++) packEntry(c);

function slowFold(cp: number): string {
  if (cp < 0x10000) return multiFold.get(cp) ?? computeFold(cp);
  let f = astralFold.get(cp);
  if (f === undefined) {
    f = computeFold(cp);
    astralFold.set(cp, f);
  }
  return f;
}

/**
 * A normalised text: units[0..length). The map back to the original text is kept sparse: the
 * offset delta (original index - unit index) only changes at collapsed whitespace, removed
 * characters and multi-unit folds, so only those change points are stored (see `originalStart`).
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
  /** Scan results: pairs (automaton state with output, unit index after the unit read). */
  hits: Int32Array;
  hitCount: number;
}

/** Original offset of the character that unit k came from. */
export function originalStart(nz: Normalized, k: number): number {
  let lo = 0;
  let hi = nz.mapCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (nz.mapAt[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  return k + nz.mapDelta[lo];
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
  while (end > last + 1 && /\s/u.test(text[end - 1])) end--;
  return end;
}

let emptyAutomaton: Automaton | null = null;

function growI32(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** Sparse unit → original offset map (change points of the delta). */
class OffsetMap {
  at = new Int32Array(64);
  delta = new Int32Array(64);
  count = 0;
  current = -1;
  /** Unit `len` comes from original offset `src`. */
  note(len: number, src: number): void {
    const d = src - len;
    if (d !== this.current) this.add(len, d);
  }
  private add(len: number, d: number): void {
    if (this.count === this.at.length) {
      this.at = growI32(this.at, this.count + 1);
      this.delta = growI32(this.delta, this.count + 1);
    }
    this.at[this.count] = len;
    this.delta[this.count] = d;
    this.count++;
    this.current = d;
  }
}

/** Pairs (automaton state, unit index after the unit read) where the state ends a pattern. */
class HitList {
  data = new Int32Array(256);
  count = 0;
  push(state: number, end: number): void {
    if (this.count + 2 > this.data.length) this.data = growI32(this.data, this.count + 2);
    this.data[this.count++] = state;
    this.data[this.count++] = end;
  }
}

/**
 * Normalise `text` into the matching form with the map back to `text`, and (when an automaton is
 * given) run the Aho–Corasick scan over the normalised units in the same pass: every unit is fed to
 * the automaton as it is produced, and (state, position) is recorded when the state ends a
 * pattern. Linear in the text; per-code-point folds are cached in a packed table.
 *
 * (Performance note: no closures over the loop's variables, which would move them to the heap.)
 */
export function normalizeWithMap(text: string, automaton?: Automaton): Normalized {
  const ac = automaton ?? (emptyAutomaton ??= new Automaton([]));
  const { rootNext, edgeStart, edgeChar, edgeTo, fail, out } = ac;
  const n = text.length;
  let cap = n + 16;
  let units = new Uint16Array(cap);
  const map = new OffsetMap();
  const hits = new HitList();
  let state = 0;
  let len = 0;
  let pending = false; // a whitespace run waits to be emitted
  let pStart = 0;
  let lastDense = false; // last emitted code point is CLS_DENSE
  let lastComma = false; // last emitted unit is ','

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let v = packed[c];
    if (v === 0) v = packEntry(c);
    if ((v & (F_WS | F_RM | F_SLOW)) === 0) {
      // Common case: one unit in, one unit out (after the pending space, if any).
      if (pending) {
        pending = false;
        if (!lastComma && (v & F_COMMA) === 0 && !(lastDense && (v & F_DENSE) !== 0)) {
          map.note(len, pStart);
          units[len++] = SPACE;
          state = ac.next(state, SPACE);
          if (out[state] >= 0) hits.push(state, len);
        }
      }
      const u = v & 0xffff;
      map.note(len, i);
      units[len++] = u;
      // Aho–Corasick transition, inlined (the hot loop).
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
      if (out[s] >= 0) hits.push(s, len);
      lastDense = (v & F_DENSE) !== 0;
      lastComma = (v & F_COMMA) !== 0;
      i++;
      continue;
    }
    if ((v & F_WS) !== 0) {
      if (!pending) {
        pending = true;
        pStart = i;
      }
      i++;
      continue;
    }
    if ((v & F_RM) !== 0) {
      i++;
      continue;
    }

    // Slow path: surrogate pairs and multi-unit folds.
    let cp = c;
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        w = 2;
      }
    }
    const f = slowFold(cp);
    if (len + f.length + 2 + (n - i) > cap) {
      cap = Math.max(cap * 2, len + f.length + 2 + (n - i));
      const u2 = new Uint16Array(cap);
      u2.set(units.subarray(0, len));
      units = u2;
    }
    for (let k = 0; k < f.length; k++) {
      const u = f.charCodeAt(k);
      if (u === SPACE) {
        if (!pending) {
          pending = true;
          pStart = i;
        }
        continue;
      }
      let fcp = u;
      if (u >= 0xd800 && u <= 0xdbff && k + 1 < f.length) {
        fcp = 0x10000 + ((u - 0xd800) << 10) + (f.charCodeAt(k + 1) - 0xdc00);
      }
      const dense = fcp >= 128 && charClass(fcp) === CLS_DENSE;
      if (pending) {
        pending = false;
        if (!lastComma && u !== COMMA && !(lastDense && dense)) {
          map.note(len, pStart);
          units[len++] = SPACE;
          state = ac.next(state, SPACE);
          if (out[state] >= 0) hits.push(state, len);
        }
      }
      const unitsOfCp = fcp > 0xffff ? 2 : 1;
      for (let q = 0; q < unitsOfCp; q++) {
        const uu = f.charCodeAt(k + q);
        map.note(len, i);
        units[len++] = uu;
        state = ac.next(state, uu);
        if (out[state] >= 0) hits.push(state, len);
      }
      k += unitsOfCp - 1;
      lastDense = dense;
      lastComma = u === COMMA;
    }
    i += w;
  }
  if (pending) {
    map.note(len, pStart);
    units[len++] = SPACE;
    state = ac.next(state, SPACE);
    if (out[state] >= 0) hits.push(state, len);
  }
  if (map.count === 0) map.note(0, 0);
  return {
    units,
    length: len,
    sourceLength: n,
    mapAt: map.at,
    mapDelta: map.delta,
    mapCount: map.count,
    hits: hits.data,
    hitCount: hits.count,
  };
}

/** Decode a range of UTF-16 units to a string (chunked to stay within argument limits). */
export function unitsToString(units: Uint16Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i += 8192) {
    s += String.fromCharCode.apply(null, Array.from(units.subarray(i, Math.min(to, i + 8192))));
  }
  return s;
}

/**
 * The matching form of a string: NFKD, combining marks removed, case-folded, apostrophes and
 * hyphens unified (hyphens become spaces), whitespace collapsed to single spaces and trimmed.
 */
export function normalizeForMatch(s: string): string {
  const nz = normalizeWithMap(s);
  let from = 0;
  let to = nz.length;
  if (from < to && nz.units[from] === SPACE) from++;
  if (to > from && nz.units[to - 1] === SPACE) to--;
  return unitsToString(nz.units, from, to);
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
