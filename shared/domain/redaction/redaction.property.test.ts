/**
 * Property tests for the redactor, with an independent checker (plain indexOf over the
 * normalised text, its own boundary rule) rather than the engine's automaton.
 *
 * Texts are segments joined by " | " ('|' is in no identifier, so no identifier spans two
 * segments and the output splits back into the same segments).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeWithMap, unitsToString } from './normalize';
import {
  buildRedactor,
  identifierVariants,
  normalizeForMatch,
  type ProtectedPerson,
} from './index';

interface Pool {
  given: string[];
  family: string[];
  letters: string;
  /** Has letter case: initial forms make sense. */
  cased: boolean;
  /** Written without spaces (family name first). */
  dense: boolean;
}

const POOLS: Record<string, Pool> = {
  latin: {
    given: [
      'José',
      'María',
      'Jean-Luc',
      'Aïcha',
      'Søren',
      'Łukasz',
      'Zoë',
      'Hope',
      'Rose',
      'Ngozi',
      'François',
      'Ana',
    ],
    family: [
      'Muñoz',
      'van der Berg',
      "O'Brien",
      'García-López',
      'Nguyễn',
      'Okonkwo',
      'Ştefănescu',
      'de la Cruz',
      'Bishop',
      'Park',
      'Müller',
      'al-Rashid',
    ],
    letters: 'abcdefghijklmnoprstuvzéñüø',
    cased: true,
    dense: false,
  },
  cyrillic: {
    given: ['Иван', 'Мария', 'Ольга', 'Дмитрий'],
    family: ['Петров', 'Иванова', 'Смирнов', 'Кузнецова'],
    letters: 'абвгдеёжзиклмнопрст',
    cased: true,
    dense: false,
  },
  greek: {
    given: ['Γιώργος', 'Μαρία', 'Νίκος'],
    family: ['Παπαδόπουλος', 'Οικονόμου', 'Γεωργίου'],
    letters: 'αβγδεζηθικλμνξοπρστ',
    cased: true,
    dense: false,
  },
  arabic: {
    given: ['محمد', 'فاطمة', 'أحمد', 'عائشة'],
    family: ['الأحمد', 'حداد', 'المصري', 'خوري'],
    letters: 'بتثجحخدذرزسشصضطظعغفقكلمن',
    cased: false,
    dense: false,
  },
  hebrew: {
    given: ['דוד', 'שרה', 'יוסף'],
    family: ['כהן', 'לוי', 'מזרחי'],
    letters: 'אבגדהוזחטיכלמנסעפצקרשת',
    cased: false,
    dense: false,
  },
  chinese: {
    given: ['小明', '伟', '秀英'],
    family: ['王', '李', '张'],
    letters: '明华国英杰文军平',
    cased: false,
    dense: true,
  },
  japanese: {
    given: ['太郎', '花子', 'さくら'],
    family: ['山田', '佐藤', '鈴木'],
    letters: 'あいうえおかきくけこ',
    cased: false,
    dense: true,
  },
  korean: {
    given: ['민준', '서연'],
    family: ['김', '박'],
    letters: '가나다라마바사',
    cased: false,
    dense: true,
  },
};
const SCRIPTS = Object.keys(POOLS);

/** Filler words (several scripts); none is a name in the pools above. */
const FILLER = [
  'the group agreed',
  'we discussed the draft',
  'hope the bishop of the park agrees',
  'la reunión terminó',
  'участники обсудили',
  'ناقش المشاركون',
  'המשתתפים דנו',
  '与会者讨论了',
  '会議で議論しました',
  '참가자들은 논의했다',
  'οι συμμετέχοντες',
  'action: circulate',
  'rose early',
];

interface Participant {
  script: string;
  given: string;
  family: string;
  email: string | null;
  handle: string | null;
  person: ProtectedPerson;
}

const word = (letters: string, min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...letters), minLength: min, maxLength: max });

const participantArb = (index: number): fc.Arbitrary<Participant> =>
  fc.constantFrom(...SCRIPTS).chain((script) => {
    const pool = POOLS[script];
    const namePart = (names: string[]): fc.Arbitrary<string> =>
      fc.oneof(
        fc.tuple(fc.constantFrom(...names), word(pool.letters, 0, 3)).map(([n, s]) => n + s),
        word(pool.letters, 2, 7).map((w) => (pool.cased ? w[0].toUpperCase() + w.slice(1) : w)),
      );
    return fc
      .record({
        given: namePart(pool.given),
        family: namePart(pool.family),
        email: fc.option(word('abcdefghijkmnpqrstuvwxyz', 4, 8), { nil: null }),
        handle: fc.option(word('abcdefghijkmnpqrstuvwxyz', 4, 8), { nil: null }),
      })
      .map(({ given, family, email, handle }) => {
        const fullName = pool.dense ? `${family}${given}` : `${given} ${family}`;
        const emailAddr = email === null ? null : `${email}.${index}@example.org`;
        const handleStr = handle === null ? null : `${handle}_${index}`;
        return {
          script,
          given,
          family,
          email: emailAddr,
          handle: handleStr,
          person: {
            id: `id-${index}`,
            pseudonym: `Participant Q${'ABCDEFGHJK'[index % 10]}`,
            fullName,
            email: emailAddr,
            handles: handleStr === null ? [] : [`@${handleStr}`],
          },
        };
      });
  });

const stripAccents = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '');
const spaced = (s: string, ws: string): string => s.replace(/ /g, ws);

/** A mention of `p` in form `k` (0..11), with whitespace `ws` between words. */
function mention(p: Participant, k: number, ws: string): string {
  const pool = POOLS[p.script];
  const full = p.person.fullName;
  switch (k) {
    case 0:
      return full;
    case 1:
      return full.toUpperCase();
    case 2:
      return full.toLowerCase();
    case 3:
      return stripAccents(full);
    case 4:
      return pool.dense ? full : spaced(`${p.family} ${p.given}`, ws);
    case 5:
      return pool.dense ? `${p.family} ${p.given}` : `${p.family}, ${p.given}`;
    case 6:
      return pool.cased ? spaced(`${[...p.given][0]}. ${p.family}`, ws) : spaced(full, ws);
    case 7:
      return spaced(full, ws);
    case 8:
      return p.email ?? full;
    case 9:
      return p.handle === null ? full : `@${p.handle}`;
    case 10:
      return p.handle ?? full;
    default:
      return stripAccents(full).toUpperCase();
  }
}

const WRAPS: [string, string][] = [
  ['', ''],
  ['(', ')'],
  ['"', '"'],
  ['«', '»'],
  ['', ','],
  ['', '.'],
  ['', ':'],
  ['', '!'],
  ['— ', ' —'],
  ['[', ']'],
];
const WHITESPACE = [' ', '  ', '\n', '\u00a0', ' \n ', '\t'];

const DENSE_RE =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const isSpacedWord = (ch: string | undefined): boolean =>
  ch !== undefined && /[\p{L}\p{N}]/u.test(ch) && !DENSE_RE.test(ch);

/** Occurrences of normalised `v` in normalised `hay` that sit at boundaries (independent check). */
function occurrences(hay: string, v: string): number[] {
  const chars = [...v];
  const needStart = isSpacedWord(chars[0]);
  const needEnd = isSpacedWord(chars[chars.length - 1]);
  const found: number[] = [];
  for (let i = hay.indexOf(v); i >= 0; i = hay.indexOf(v, i + 1)) {
    const before = [...hay.slice(Math.max(0, i - 2), i)].pop();
    const after = [...hay.slice(i + v.length, i + v.length + 2)][0];
    if (needStart && isSpacedWord(before)) continue;
    if (needEnd && isSpacedWord(after)) continue;
    found.push(i);
  }
  return found;
}

function protectedForms(people: ProtectedPerson[]): string[] {
  const forms = new Set<string>();
  for (const p of people) for (const v of identifierVariants(p)) forms.add(normalizeForMatch(v));
  return [...forms].filter((f) => f.length >= 2);
}

function survivors(text: string, forms: string[]): string[] {
  const hay = normalizeForMatch(text);
  return forms.filter((f) => occurrences(hay, f).length > 0);
}

const segmentArb = (
  n: number,
): fc.Arbitrary<{
  who: number;
  form: number;
  ws: number;
  wrap: number;
  filler: number;
  where: number;
}> =>
  fc.record({
    who: fc.integer({ min: -1, max: n - 1 }), // -1: filler only
    form: fc.integer({ min: 0, max: 11 }),
    ws: fc.integer({ min: 0, max: WHITESPACE.length - 1 }),
    wrap: fc.integer({ min: 0, max: WRAPS.length - 1 }),
    filler: fc.integer({ min: 0, max: FILLER.length - 1 }),
    where: fc.integer({ min: 0, max: 2 }), // mention before, after or alone
  });

const scenarioArb = fc
  .integer({ min: 2, max: 7 })
  .chain((n) =>
    fc.record({
      participants: fc.tuple(...Array.from({ length: n }, (_, i) => participantArb(i))),
      protectedMask: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      segments: fc.array(segmentArb(n), { minLength: 1, maxLength: 12 }),
    }),
  )
  .filter(({ protectedMask }) => protectedMask.some(Boolean));

function render(
  participants: Participant[],
  seg: { who: number; form: number; ws: number; wrap: number; filler: number; where: number },
): { text: string; mention: string | null } {
  const filler = FILLER[seg.filler];
  if (seg.who < 0) return { text: filler, mention: null };
  const [open, close] = WRAPS[seg.wrap];
  const m = mention(participants[seg.who], seg.form, WHITESPACE[seg.ws]);
  const wrapped = `${open}${m}${close}`;
  const text =
    seg.where === 0 ? `${wrapped} ${filler}` : seg.where === 1 ? `${filler} ${wrapped}` : wrapped;
  return { text, mention: m };
}

describe('redaction properties', () => {
  it('no protected identifier survives; unrelated segments are untouched', () => {
    fc.assert(
      fc.property(scenarioArb, ({ participants, protectedMask, segments }) => {
        const prot = participants.filter((_, i) => protectedMask[i]).map((p) => p.person);
        const forms = protectedForms(prot);
        const redactor = buildRedactor(prot);
        const rendered = segments.map((s) => render(participants, s));
        const input = rendered.map((r) => r.text).join(' | ');
        const output = redactor.redact(input).text;

        // 1. Nothing identifying a protected person is left, anywhere.
        expect(survivors(output, forms)).toEqual([]);

        // 2. Segment by segment: protected mentions are gone, the rest is byte-for-byte intact.
        const outSegments = output.split(' | ');
        expect(outSegments.length).toBe(rendered.length);
        rendered.forEach((r, i) => {
          const hit = survivors(r.text, forms).length > 0;
          if (!hit) expect(outSegments[i]).toBe(r.text);
          if (r.mention !== null && segments[i].who >= 0 && protectedMask[segments[i].who]) {
            expect(outSegments[i]).not.toContain(r.mention);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('a mention of a protected person in any generated form is found', () => {
    fc.assert(
      fc.property(
        participantArb(0),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 0, max: WHITESPACE.length - 1 }),
        fc.integer({ min: 0, max: WRAPS.length - 1 }),
        (p, form, ws, wrap) => {
          const [open, close] = WRAPS[wrap];
          const m = mention(p, form, WHITESPACE[ws]);
          const out = buildRedactor([p.person]).redact(`x ${open}${m}${close} y`);
          expect(out.text).toBe(`x ${open}${p.person.pseudonym}${close} y`);
          expect(out.count).toBe(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a redactor for nobody changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        expect(buildRedactor([]).redact(s)).toEqual({ text: s, count: 0, pseudonyms: [] });
      }),
      { numRuns: 100 },
    );
  });

  it('normalisation is idempotent and never longer than NFKD would make it (+ folds)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const n = normalizeForMatch(s);
        expect(normalizeForMatch(n)).toBe(n);
      }),
      { numRuns: 200 },
    );
  });

  it("normalizeForMatch equals the scanner's normal form (trimmed)", () => {
    const tricky = fc.constantFrom(
      ' ',
      '  ',
      '\n',
      '\u00a0',
      ',',
      ' , ',
      '-',
      '\u2010',
      "'",
      '’',
      '\u200b',
      '\u0301',
      'ß',
      'ﬁ',
      'İ',
      '山',
      '田',
      ' 山',
      '김',
      'ก',
      '1',
      '2',
      '(',
      '.',
      '@',
      'é',
      'E\u0301',
      '𠀋',
      '👩🏽‍💻',
      'ﷺ',
      '¨',
      '\u1100',
      '\u1161',
      '\u11a8',
      '\u1100\u1161\u11a8',
      'ﾧ',
      'ﾡ',
      '㉮',
      '㈀',
      '각',
    );
    const arb = fc.array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 4 })), {
      maxLength: 25,
    });
    fc.assert(
      fc.property(arb, (parts) => {
        const s = parts.join('');
        const nz = normalizeWithMap(s);
        const scanner = unitsToString(nz.units, 0, nz.length).replace(/^ /, '').replace(/ $/, '');
        expect(normalizeForMatch(s)).toBe(scanner);
      }),
      { numRuns: 300 },
    );
  });
});
