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
const SPACE = 32;
const DOT = 46;
const WORDISH_RE = /[\p{L}\p{N}]/u;

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
  while (k >= 0 && j - k < MAX_HONORIFIC_UNITS && isWordAt(nz, k)) k--;
  if (k === j || (k >= 0 && isWordAt(nz, k))) return -1;
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
  const patPerson = new Int32Array(n);
  const patTitled = new Int32Array(n);
  const patLen = new Int32Array(n);
  const patStart = new Uint8Array(n);
  const patEnd = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = automaton.patterns[i];
    const m = meta.get(p) as PatternMeta; // every pattern came from `meta`
    patPerson[i] = m.person;
    patTitled[i] = m.titled;
    patLen[i] = p.length;
    const first = p.codePointAt(0) ?? 0;
    const last = [...p.slice(-2)].pop()?.codePointAt(0) ?? 0;
    if (charClass(first) === CLS_WORD) {
      patStart[i] =
        first >= 0x0600 && first <= 0x06ff
          ? START_ARABIC
          : first >= 0x05d0 && first <= 0x05ea
            ? START_HEBREW
            : START_WORD;
    } else patStart[i] = START_NONE;
    patEnd[i] = charClass(last) === CLS_WORD ? 1 : 0;
  }

  const workspace = new Workspace();

  function findMatches(text: string): RedactionMatch[] {
    if (text.length === 0 || (n === 0 && phones.size === 0)) return [];
    const nz = normalizeWithMap(text, automaton, workspace);
    const { hits, hitCount } = nz;
    const cStart: number[] = [];
    const cEnd: number[] = [];
    const cPerson: number[] = [];
    const { out, nextOut, term } = automaton;
    for (let h = 0; h < hitCount; h += 2) {
      const endN = hits[h + 1];
      let endWord = -1; // computed lazily: is the unit after the match a word character?
      let oEnd = -1;
      for (let o = out[hits[h]]; o >= 0; o = nextOut[o]) {
        const pid = term[o];
        if (patEnd[pid] === 1) {
          if (endWord < 0) endWord = isWordAt(nz, endN) ? 1 : 0;
          if (endWord === 1) continue;
        }
        const s = endN - patLen[pid];
        if (patPerson[pid] >= 0 && startOk(nz, s, patStart[pid])) {
          if (oEnd < 0) oEnd = originalEnd(nz, endN, text);
          cStart.push(originalStart(nz, s));
          cEnd.push(oEnd);
          cPerson.push(patPerson[pid]);
        }
        if (patTitled[pid] >= 0) {
          const t = titleStart(nz, s);
          if (t >= 0) {
            if (oEnd < 0) oEnd = originalEnd(nz, endN, text);
            cStart.push(originalStart(nz, t));
            cEnd.push(oEnd);
            cPerson.push(patTitled[pid]);
          }
        }
      }
    }
    for (const span of findPhones(nz, text, phones, maxPhoneKey)) {
      cStart.push(span.start);
      cEnd.push(span.end);
      cPerson.push(span.person);
    }
    if (cStart.length === 0) return [];

    const order = Array.from({ length: cStart.length }, (_, i) => i);
    let sorted = true;
    for (let i = 1; i < order.length && sorted; i++) {
      const d = cStart[i] - cStart[i - 1];
      sorted = d > 0 || (d === 0 && cEnd[i] <= cEnd[i - 1]);
    }
    if (!sorted) order.sort((a, b) => cStart[a] - cStart[b] || cEnd[b] - cEnd[a]);
    const matches: RedactionMatch[] = [];
    let lastEnd = -1;
    for (let oi = 0; oi < order.length; oi++) {
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
        for (let oj = oi + 1; oj < order.length && cStart[order[oj]] <= s; oj++) {
          if (cStart[order[oj]] >= lastEnd && cEnd[order[oj]] >= e) {
            coveredLater = true;
            break;
          }
        }
        if (coveredLater) continue;
      }
      const person = people[cPerson[c]];
      matches.push({ start: s, end: e, personId: person.id, pseudonym: person.pseudonym });
      lastEnd = e;
    }
    return matches;
  }

  function redact(text: string): RedactionResult {
    const matches = findMatches(text);
    if (matches.length === 0) return { text, count: 0, pseudonyms: [] };
    const parts: string[] = [];
    const seen = new Set<string>();
    const pseudonyms: string[] = [];
    let pos = 0;
    for (const m of matches) {
      parts.push(text.slice(pos, m.start), m.pseudonym);
      pos = m.end;
      if (!seen.has(m.pseudonym)) {
        seen.add(m.pseudonym);
        pseudonyms.push(m.pseudonym);
      }
    }
    parts.push(text.slice(pos));
    return { text: parts.join(''), count: matches.length, pseudonyms };
  }

  return { redact, findMatches, size: n + phones.size, automaton };
}
