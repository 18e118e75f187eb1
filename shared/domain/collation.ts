/**
 * Sort keys that order names as `Intl.Collator` does, for sorting in SQL.
 *
 * Why hand-written: the lists of 100,000 participants are paged in SQLite, so the order must come
 * from an index on a stored key. SQLite compares text byte by byte (an ICU collation needs a
 * loadable extension, which better-sqlite3 cannot register), and `Intl.Collator` compares two
 * strings but has no sort-key API. No well-kept npm library makes UCA sort keys either. So the key
 * is built from the platform's own collator: every character of the BMP and plane 1 is ranked
 * once, in `Intl.Collator`'s order (root locale, base strength, numeric: the renderer's
 * `compareNames`), and a key is the text's ranks written as code points in the same order. UTF-8
 * byte order is code-point order, so SQLite's byte comparison of two keys is the collator's order.
 *
 * What the key does as the collator does (the property test compares them on adversarial text):
 * Ø, Ł, Đ sort with O, L, D (not after Z); accents and case do not split names (ties are broken
 * by id); Cyrillic, Greek, Arabic, Hebrew, Indic and Thai follow Latin and sort within their
 * alphabets (Ё with Е, Й after И); a text is composed (NFC) first, so a letter typed as base
 * and combining mark sorts as the letter, and Arabic آ أ إ keep their own places; Hangul syllables
 * sort by their jamo (canonical decomposition); Thai and Lao
 * vowels written before their consonant sort after it; Han ideographs follow every alphabet in
 * the collator's radical-stroke order, those of the supplementary planes placed among them by
 * binary search; ß, æ, œ sort as ss, ae, oe, and ligatures and Roman numerals as their letters; runs of digits of any script sort by their value
 * ("Call 2" before "Call 10").
 * What it leaves out: the secondary and tertiary levels (the collator at base strength ignores
 * them too), and a residue of contractions and expansions no decomposition tells (Tibetan vowel
 * pairs, the digraph ʨ, Arabic presentation-form ligatures): over 100,000 pairs of random code
 * points, 4 pairs differ from the collator; none in the scripts people write names in.
 * Cost: ranking the table takes about 250 ms, once per process, at the first key.
 */

/** Stored with the keys: when it changes, the stored keys are made again (db/open.ts). */
export const COLLATION_VERSION = `uca-ranks-1/icu-${process.versions.icu ?? 'none'}`;

const collator = new Intl.Collator('und', { sensitivity: 'base' });

/** Ranked: the BMP and plane 1 (historic scripts, symbols, emoji). */
const LAST_RANKED = 0x1ffff;
/** Not ranked: Hangul syllables (decomposed into jamo first), surrogates and private use. */
const HANGUL = [0xac00, 0xd7a3] as const;
const UNRANKED: ReadonlyArray<readonly [number, number]> = [HANGUL, [0xd800, 0xf8ff]];
/** The supplementary ideographic planes (CJK extensions B to I), placed by binary search. */
const IDEOGRAPHIC = [0x20000, 0x3ffff] as const;

/**
 * Characters the collator expands without a compatibility decomposition. The others (ligatures,
 * Roman numerals, ...) expand to their NFKD form. Each is used only if the collator agrees.
 */
const EXPANSIONS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
};

/** Rank r is the code point RANK_BASE + r below the surrogates, and 0x10000 + r above them. */
const RANK_BASE = 0x21;
const LOW_RANKS = 0xd800 - RANK_BASE;
const rankChar = (r: number) => String.fromCodePoint(r < LOW_RANKS ? RANK_BASE + r : 0x10000 + r);
/**
 * After the rank of the ranked character it follows, a supplementary ideograph adds a code point
 * above every rank's, so it sorts after that character followed by anything, and before the next.
 */
const AFTER_BASE = 0xf0000;

/** Unassigned and private-use code points: one code point each, above every rank. */
const IMPLICIT_BASE = 0x30000;
const IMPLICIT_LAST = AFTER_BASE - IMPLICIT_BASE - 1;
const IMPLICIT = /^[\p{Cn}\p{Co}]$/u;
const isImplicit = (ch: string) => IMPLICIT.test(ch) && collator.compare(ch, '') !== 0;

interface Table {
  /** The weight of each ranked code point. */
  ranks: Map<number, string>;
  /** The weights of the characters that sort as several ('ß' as 'ss', 'Ⅱ' as 'II'). */
  expanded: Map<number, string[]>;
  /** The ranked characters in the collator's order, for placing the unranked ideographs. */
  sorted: string[];
  /** The value of each digit weight ('0' to '9'). */
  digits: Map<string, string>;
  /** Weights of the supplementary ideographs met so far. */
  placed: Map<number, string>;
}

let table: Table | undefined;

const UNASSIGNED = /^\p{Cn}$/u;
/** Decimal digits of any script: what the collator reads as numbers ('④' is not one). */
const DECIMAL = /^\p{Nd}$/u;

function build(): Table {
  const chars: string[] = [];
  for (let cp = 0; cp <= LAST_RANKED; cp++) {
    if (UNRANKED.some(([from, to]) => cp >= from && cp <= to)) continue;
    const ch = String.fromCodePoint(cp);
    // Unassigned code points are left out; so are characters ignorable at base strength
    // (controls, combining marks): they have no rank and add nothing to a key.
    if (!UNASSIGNED.test(ch) && collator.compare(ch, '') !== 0) chars.push(ch);
  }
  chars.sort((a, b) => collator.compare(a, b) || a.codePointAt(0)! - b.codePointAt(0)!);
  const ranks = new Map<number, string>();
  let rank = -1;
  let previous = '';
  for (const ch of chars) {
    if (rank < 0 || collator.compare(previous, ch) !== 0) rank++;
    previous = ch;
    ranks.set(ch.codePointAt(0)!, rankChar(rank));
  }
  // Every decimal digit (ASCII, Arabic-Indic, fullwidth, ...) has the weight of its ASCII digit.
  const digits = new Map<string, string>();
  for (let d = 0; d <= 9; d++) digits.set(ranks.get(0x30 + d)!, String(d));
  // The expansions, by rank: every character of that rank ('ǽ' as 'æ') expands alike.
  const byRank = new Map<string, string[]>();
  for (const ch of chars) {
    const expansion = EXPANSIONS[ch] ?? ch.normalize('NFKD');
    if ([...expansion].length < 2 || collator.compare(ch, expansion) !== 0) continue;
    const weights = [...expansion].flatMap((c) => ranks.get(c.codePointAt(0)!) ?? []);
    if (weights.length > 1) byRank.set(ranks.get(ch.codePointAt(0)!)!, weights);
  }
  const expanded = new Map<number, string[]>();
  for (const ch of chars) {
    const weights = byRank.get(ranks.get(ch.codePointAt(0)!)!);
    if (weights) expanded.set(ch.codePointAt(0)!, weights);
  }
  return { ranks, expanded, sorted: chars, digits, placed: new Map() };
}

/** The weight of a supplementary ideograph: its equal's, or after the last ranked one before it. */
function place(t: Table, ch: string, cp: number): string {
  const known = t.placed.get(cp);
  if (known !== undefined) return known;
  let lo = 0;
  let hi = t.sorted.length; // t.sorted[lo - 1] < ch <= t.sorted[hi]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (collator.compare(t.sorted[mid], ch) < 0) lo = mid + 1;
    else hi = mid;
  }
  const weight =
    lo < t.sorted.length && collator.compare(t.sorted[lo], ch) === 0
      ? t.ranks.get(t.sorted[lo].codePointAt(0)!)!
      : (lo > 0 ? t.ranks.get(t.sorted[lo - 1].codePointAt(0)!)! : '') +
        String.fromCodePoint(AFTER_BASE + (cp - IDEOGRAPHIC[0]));
  t.placed.set(cp, weight);
  return weight;
}

/**
 * Thai and Lao vowels written before their consonant sort after it (the UCA's logical-order
 * exception).
 */
const PREVOWEL = /([\u0e40-\u0e44\u0ec0-\u0ec4])([\u0e01-\u0e2e\u0e81-\u0eae])/g;

/** The sort key of `text`: compare two keys by code point (SQLite's BINARY) for the collator's order. */
export function sortKey(text: string): string {
  const t = (table ??= build());
  let key = '';
  // A run of digits sorts by its value: the digit weight, the run's length, then the digits.
  // (Digits inside an expansion, as in '½', keep their own weights, as the collator does.)
  let run = '';
  const endRun = () => {
    if (run === '') return;
    const value = run.replace(/^0+(?=\d)/, '');
    key += t.ranks.get(0x30)! + String.fromCharCode(RANK_BASE + value.length);
    for (const d of value) key += t.ranks.get(d.charCodeAt(0))!;
    run = '';
  };
  for (const ch of text.normalize('NFC').replace(PREVOWEL, '$2$1')) {
    const cp = ch.codePointAt(0)!;
    const ranked = t.ranks.get(cp);
    const digit = ranked === undefined || !DECIMAL.test(ch) ? undefined : t.digits.get(ranked);
    if (digit !== undefined) {
      run += digit;
      continue;
    }
    const weights = t.expanded.get(cp) ?? (ranked === undefined ? undefined : [ranked]);
    if (weights !== undefined) {
      endRun();
      key += weights.join('');
    } else if (cp >= HANGUL[0] && cp <= HANGUL[1]) {
      endRun();
      for (const jamo of ch.normalize('NFD')) key += t.ranks.get(jamo.codePointAt(0)!)!;
    } else if (cp >= IDEOGRAPHIC[0] && cp <= IDEOGRAPHIC[1] && collator.compare(ch, '') !== 0) {
      endRun();
      key += place(t, ch, cp);
    }
    // Private use and unassigned code points: after everything, in code-point order (the
    // collator's implicit weights).
    else if (isImplicit(ch)) {
      endRun();
      key += String.fromCodePoint(IMPLICIT_BASE + Math.min(cp, IMPLICIT_LAST));
    }
    // Anything else is ignorable or a lone surrogate: no weight, but as in the collator it ends a
    // run of digits.
    else endRun();
  }
  endRun();
  return key;
}
