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
 *     comma is dropped ("Muñoz , José" = "Muñoz,José"); whitespace between two characters of
 *     the dense scripts (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar) is dropped, so
 *     "山田 太郎" = "山田太郎" and "김 민준" = "김민준".
 *
 * The result is a sequence of UTF-16 units with a map back to original offsets. A match's
 * original end is where the next unit's source starts (see `originalEnd`), so combining marks and
 * invisible characters after a name are replaced with it, never left dangling.
 */

import { Automaton } from './automaton';

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

let classTable: Uint8Array | null = null;
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
    if (classTable === null) {
      classTable = new Uint8Array(0x10000);
      for (let c = 0; c < 0x10000; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        classTable[c] =
          c < 128 ? (WORD_RE.test(String.fromCharCode(c)) ? CLS_WORD : 0) : computeClass(c);
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
  const base = ch
    .normalize('NFKD')
    .replace(MARK_RE, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARK_RE, '');
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
const F_DENSE = 1 << 19; // folds to a CLS_DENSE unit
const F_SLOW = 1 << 20; // several units, or a surrogate
const F_COMMA = 1 << 21; // folds to ","
const F_DIGIT = 1 << 22; // folds to an ASCII digit
// normalizeWithMap's hot paths use these as literals: F_SET | any of F_WS..F_DIGIT = 0x7f0000,
// F_WS | F_RM | F_SLOW = 0x160000.
const packed = new Int32Array(0x10000);

const astralFold = new Map<number, string>();
const multiFold = new Map<number, string>();

function packEntry(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) {
    packed[c] = F_SET | F_SLOW;
    return packed[c];
  }
  const f = computeFold(c);
  let v: number;
  if (f.length === 0) v = F_SET | F_RM;
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

function slowFold(cp: number): string {
  if (cp < 0x10000) return multiFold.get(cp) ?? computeFold(cp);
  let f = astralFold.get(cp);
  if (f === undefined) {
    f = computeFold(cp);
    astralFold.set(cp, f);
  }
  return f;
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
  const v = packed[u] === 0 ? packEntry(u) : packed[u];
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
  /** Unit indices where a run of digits starts (for phone matching). */
  digitRuns: Int32Array;
  digitRunCount: number;
  /**
   * When an automaton was given: pairs (state, end) for every unit after which the automaton is in
   * a state whose suffix chain ends patterns (expand with out/nextOut/term, longest first).
   */
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

function growI32(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

let emptyAutomaton: Automaton | null = null;

/**
 * Normalise `text` into the matching form, with the map back to `text`, and (when an automaton
 * is given) run the Aho–Corasick scan in the same pass, each unit being fed to the automaton as it
 * is produced. Linear; per-code-unit folds are cached in a packed table, so a plain character
 * costs one table load, one flag test, one store and one automaton transition. A whitespace run
 * is emitted as one space at once and retracted (automaton state restored) when a comma or, between
 * two dense-script characters, a dense character follows.
 *
 * (Performance: no closures over the loop's variables — they would move to the heap.)
 */
export function normalizeWithMap(text: string, automaton?: Automaton): Normalized {
  const ac = automaton ?? (emptyAutomaton ??= new Automaton([]));
  const { rootNext, edgeStart, edgeChar, edgeTo, fail, out } = ac;
  const table = packed;
  const n = text.length;
  let cap = n + 16;
  let units = new Uint16Array(cap);
  let mapAt = new Int32Array(16);
  let mapDelta = new Int32Array(16);
  let mapCount = 0;
  let delta = -1; // forces a first change point
  let digitRuns = new Int32Array(16);
  let digitRunCount = 0;
  let hits = new Int32Array(64);
  let hitCount = 0;
  let state = 0;
  let stateBeforeSpace = 0;
  let len = 0;

  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    let v = table[c];
    if (v === 0) v = packEntry(c);
    if ((v & 0x170000) === 0x10000) {
      // Plain: one unit in, one unit out (F_SET without F_WS/F_RM/F_SLOW; literal masks because
      // module constants are context loads in this hot loop).
      if ((v & 0x680000) !== 0) {
        // F_DENSE, F_COMMA or F_DIGIT: the rare context rules.
        if (
          len > 0 &&
          units[len - 1] === 32 &&
          ((v & 0x200000) !== 0 || ((v & 0x80000) !== 0 && denseUnitAt(units, len - 2)))
        ) {
          // No space before a comma, nor between two dense-script characters: retract it.
          len--;
          state = stateBeforeSpace; // no pattern ends with a space: no hit to undo
          if (mapCount > 0 && mapAt[mapCount - 1] === len) {
            mapCount--;
            delta = mapCount > 0 ? mapDelta[mapCount - 1] : -1;
          }
        }
        if ((v & 0x400000) !== 0 && (len === 0 || units[len - 1] < 48 || units[len - 1] > 57)) {
          if (digitRunCount === digitRuns.length) digitRuns = growI32(digitRuns, digitRunCount + 1);
          digitRuns[digitRunCount++] = len;
        }
      }
      if (i - len !== delta) {
        if (mapCount === mapAt.length) {
          mapAt = growI32(mapAt, mapCount + 1);
          mapDelta = growI32(mapDelta, mapCount + 1);
        }
        delta = i - len;
        mapAt[mapCount] = len;
        mapDelta[mapCount++] = delta;
      }
      const u = v & 0xffff;
      units[len++] = u;
      // Aho–Corasick transition, manually inlined (a call here costs ~2x).
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
      if (out[state] >= 0) {
        if (hitCount + 2 > hits.length) hits = growI32(hits, hitCount + 2);
        hits[hitCount++] = state;
        hits[hitCount++] = len;
      }
      i++;
      continue;
    }
    if ((v & 0x160000) === 0x20000) {
      // F_WS without F_SLOW/F_RM
      // Whitespace (or a hyphen): one space per run, none after a comma.
      if (len > 0 && (units[len - 1] === 32 || units[len - 1] === 44)) {
        i++;
        continue;
      }
      if (i - len !== delta) {
        if (mapCount === mapAt.length) {
          mapAt = growI32(mapAt, mapCount + 1);
          mapDelta = growI32(mapDelta, mapCount + 1);
        }
        delta = i - len;
        mapAt[mapCount] = len;
        mapDelta[mapCount++] = delta;
      }
      const u = 32; // SPACE
      units[len++] = u;
      stateBeforeSpace = state;
      // Aho–Corasick transition, manually inlined (a call here costs ~2x).
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
      // No pattern ends with a space: no hit to record.
      i++;
      continue;
    }
    // Everything else goes through the general path, one folded unit at a time.
    let fold: string | null = null;
    let w = 1;
    if ((v & F_RM) !== 0) {
      i++;
      continue;
    }
    if ((v & F_SLOW) !== 0) {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          w = 2;
        }
      }
      fold = slowFold(cp);
      if (len + fold.length + 2 + (n - i) > cap) {
        cap = Math.max(cap * 2, len + fold.length + 2 + (n - i));
        const u2 = new Uint16Array(cap);
        u2.set(units.subarray(0, len));
        units = u2;
      }
    }
    const count = fold === null ? 1 : fold.length;
    for (let k = 0; k < count; k++) {
      let u: number;
      let flags: number;
      if (fold === null) {
        u = v & 0xffff;
        flags = v;
      } else {
        u = fold.charCodeAt(k);
        if (u >= 0xd800 && u <= 0xdfff) {
          const hi = u <= 0xdbff ? u : fold.charCodeAt(k - 1);
          const lo = u <= 0xdbff ? fold.charCodeAt(k + 1) : u;
          const cls = charClass(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00));
          flags = u <= 0xdbff && cls === CLS_DENSE ? F_DENSE : 0;
        } else {
          flags = table[u] === 0 ? packEntry(u) : table[u];
          if ((flags & F_SLOW) !== 0) flags = 0; // a folded unit is already in matching form
        }
      }
      if (u === SPACE) {
        // Whitespace: one space per run, none after a comma.
        if (len > 0 && (units[len - 1] === SPACE || units[len - 1] === COMMA)) continue;
        stateBeforeSpace = state;
      } else if (
        len > 0 &&
        units[len - 1] === SPACE &&
        ((flags & F_COMMA) !== 0 || ((flags & F_DENSE) !== 0 && denseUnitAt(units, len - 2)))
      ) {
        // No space before a comma, nor between two dense-script characters: retract it.
        len--;
        state = stateBeforeSpace; // no pattern ends with a space: no hit to undo
        if (mapCount > 0 && mapAt[mapCount - 1] === len) {
          mapCount--;
          delta = mapCount > 0 ? mapDelta[mapCount - 1] : -1;
        }
      }
      if ((flags & F_DIGIT) !== 0 && (len === 0 || units[len - 1] < 48 || units[len - 1] > 57)) {
        if (digitRunCount === digitRuns.length) digitRuns = growI32(digitRuns, digitRunCount + 1);
        digitRuns[digitRunCount++] = len;
      }
      if (i - len !== delta) {
        if (mapCount === mapAt.length) {
          mapAt = growI32(mapAt, mapCount + 1);
          mapDelta = growI32(mapDelta, mapCount + 1);
        }
        delta = i - len;
        mapAt[mapCount] = len;
        mapDelta[mapCount++] = delta;
      }
      units[len++] = u;
      state = Automaton.step(rootNext, edgeStart, edgeChar, edgeTo, fail, state, u);
      if (out[state] >= 0) {
        if (hitCount + 2 > hits.length) hits = growI32(hits, hitCount + 2);
        hits[hitCount++] = state;
        hits[hitCount++] = len;
      }
    }
    i += w;
  }
  if (mapCount === 0) {
    mapAt[0] = 0;
    mapDelta[0] = 0;
    mapCount = 1;
  }
  return {
    units,
    length: len,
    sourceLength: n,
    mapAt,
    mapDelta,
    mapCount,
    digitRuns,
    digitRunCount,
    hits,
    hitCount,
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
