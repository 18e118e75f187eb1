/**
 * Adversarial corpus for redaction tests: protected people in many scripts, their mentions in
 * every form external testers used to make identifiers leak, namesakes who must NOT be redacted,
 * and a robust absence check. Deterministic; for tests only (imports fast-check).
 *
 *   for (const p of adversarialPeople())
 *     for (const { form, kind, text } of mentionsOf(p)) {
 *       const out = render(text);                      // your export / public view
 *       expect(containsIdentifier(out, p), form).toBe(false);
 *     }
 *
 * Kinds: 'text' forms must be redacted by `Redactor.redact`; 'url' forms by `redact` and by
 * `redactUrl`; 'markdown' forms split a name across inline markup (`**José** Muñoz`, `Mu**ñoz**`)
 * and are for the document-tree redaction (a plain-text `redact` does not see through markup).
 */
import fc from 'fast-check';
import { encodeHTML } from 'entities';
import { normalizeForMatch } from './normalize';
import type { ProtectedPerson } from './variants';

export type MentionKind = 'text' | 'url' | 'markdown';

export interface Mention {
  /** Name of the form ("family-comma-given", "url:percent-encoded", ...). */
  form: string;
  kind: MentionKind;
  text: string;
}

/** What the corpus knows about a person's name beyond ProtectedPerson. */
interface NameParts {
  given: string;
  family: string;
  /** Family name first in running text (Vietnamese, Chinese). */
  familyFirst: boolean;
  /** A title form that identifies the person ("Dr. Nguyễn", "Mr. Hòa", "Sr. Muñoz"). */
  titled: string[];
  /** Extra running-text forms specific to the person (first surname alone, ...). */
  extra: { form: string; text: string }[];
  /** Unprotected people sharing only a given name. */
  namesakes: string[];
  /** Whether the name's script has letter case and Latin look-alikes. */
  latin: boolean;
}

const PEOPLE: { person: ProtectedPerson; parts: NameParts }[] = [
  {
    person: {
      id: 'corpus-siobhan',
      pseudonym: 'Participant K7',
      fullName: "Siobhán O'Sullivan",
      email: 'siobhan.osullivan@example.ie',
      handles: ['@siobhan_os'],
    },
    parts: {
      given: 'Siobhán',
      family: "O'Sullivan",
      familyFirst: false,
      titled: ["Ms. O'Sullivan", 'Dr O’Sullivan'],
      extra: [{ form: 'slug-hyphen-in-text', text: 'siobhan-o-sullivan' }],
      namesakes: ['Siobhán Murphy', 'Siobhan Kelly'],
      latin: true,
    },
  },
  {
    person: {
      id: 'corpus-jose',
      pseudonym: 'Participant M3',
      fullName: 'José María Muñoz-Álvarez',
      email: 'jm.munoz@example.es',
      handles: ['@jmmunoz_alv'],
    },
    parts: {
      given: 'José María',
      family: 'Muñoz-Álvarez',
      familyFirst: false,
      titled: ['Sr. Muñoz', 'Dr. Muñoz-Álvarez'],
      extra: [
        { form: 'given-first-surname-ascii', text: 'Jose Maria Munoz' },
        { form: 'first-given-first-surname', text: 'José Muñoz' },
        { form: 'first-given-middle-initial', text: 'José M. Muñoz-Álvarez' },
      ],
      namesakes: ['José María Pérez', 'José Rodríguez', 'María Fernández'],
      latin: true,
    },
  },
  {
    person: { id: 'corpus-hoa', pseudonym: 'Participant V9', fullName: 'Lê Văn Hòa' },
    parts: {
      given: 'Văn Hòa',
      family: 'Lê',
      familyFirst: true,
      titled: ['Mr. Hòa', 'Dr. Lê'],
      extra: [],
      namesakes: ['Trần Văn Minh', 'Phạm Văn Đức'],
      latin: true,
    },
  },
  {
    person: {
      id: 'corpus-nguyen',
      pseudonym: 'Participant N4',
      fullName: 'Nguyễn Thị Lan',
      email: 'lan.nguyen@example.vn',
    },
    parts: {
      given: 'Thị Lan',
      family: 'Nguyễn',
      familyFirst: true,
      titled: ['Dr. Nguyễn', 'Ms. Lan'],
      extra: [],
      namesakes: ['Trần Thị Mai'],
      latin: true,
    },
  },
  {
    person: { id: 'corpus-ahmad', pseudonym: 'Participant A5', fullName: 'محمد الأحمد' },
    parts: {
      given: 'محمد',
      family: 'الأحمد',
      familyFirst: false,
      titled: ['السيد الأحمد', 'الدكتور الأحمد'],
      extra: [{ form: 'arabic-with-proclitic', text: 'ومحمد الأحمد' }],
      namesakes: ['محمد الخطيب'],
      latin: false,
    },
  },
  {
    person: {
      id: 'corpus-ivan',
      pseudonym: 'Participant P6',
      fullName: 'Иван Петров',
      handles: ['@ivan_petrov_org'],
    },
    parts: {
      given: 'Иван',
      family: 'Петров',
      familyFirst: false,
      titled: ['господин Петров'],
      extra: [],
      namesakes: ['Иван Смирнов'],
      latin: false,
    },
  },
  {
    person: { id: 'corpus-wang', pseudonym: 'Participant W8', fullName: '王 小明' },
    parts: {
      given: '小明',
      family: '王',
      familyFirst: true,
      titled: ['王先生'],
      extra: [{ form: 'chinese-attached', text: '王小明参加了会议' }],
      namesakes: [],
      latin: false,
    },
  },
  {
    person: { id: 'corpus-priya', pseudonym: 'Participant H2', fullName: 'प्रिया शर्मा' },
    parts: {
      given: 'प्रिया',
      family: 'शर्मा',
      familyFirst: false,
      titled: [],
      extra: [],
      namesakes: ['प्रिया पटेल'],
      latin: false,
    },
  },
];

const byId = new Map(PEOPLE.map((e) => [e.person.id, e]));

/** The corpus's protected people (fresh copies; pseudonyms "Participant K7" style). */
export function adversarialPeople(): ProtectedPerson[] {
  return PEOPLE.map((e) => ({
    ...e.person,
    handles: e.person.handles ? [...e.person.handles] : undefined,
  }));
}

function partsOf(person: ProtectedPerson): NameParts {
  const known = byId.get(person.id)?.parts;
  if (known !== undefined) return known;
  // Someone not in the corpus: last token = family name.
  const tokens = person.fullName.trim().split(/\s+/u);
  return {
    given: tokens.slice(0, -1).join(' ') || tokens[0],
    family: tokens[tokens.length - 1],
    familyFirst: false,
    titled: [`Dr. ${tokens[tokens.length - 1]}`],
    extra: [],
    namesakes: [],
    latin: /\p{sc=Latin}/u.test(person.fullName),
  };
}

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  e: 'е',
  o: 'о',
  c: 'с',
  p: 'р',
  i: 'і',
};
const LATIN_TO_GREEK: Record<string, string> = { o: 'ο', i: 'ι', v: 'ν', u: 'υ', a: 'α' };

function swapLetters(s: string, table: Record<string, string>): string {
  return [...s].map((c) => table[c] ?? c).join('');
}

const numericEntities = (s: string): string =>
  [...s].map((c) => ((c.codePointAt(0) ?? 0) > 127 ? `&#${c.codePointAt(0)};` : c)).join('');

const slugOf = (s: string, sep: string): string =>
  normalizeForMatch(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/ /gu, sep);

/** Insert `mark` after the first code point of every word (inside the name). */
function sprinkle(s: string, marks: string[]): string {
  let k = 0;
  return s.replace(
    /(\p{L})(\p{L})/gu,
    (_m, a: string, b: string) => `${a}${marks[k++ % marks.length]}${b}`,
  );
}

/** Every adversarial mention of `person`, one per form. */
export function mentionsOf(person: ProtectedPerson): Mention[] {
  const p = partsOf(person);
  const full = person.fullName.replace(/\s+/gu, ' ').trim();
  const running = p.familyFirst ? `${p.family} ${p.given}` : `${p.given} ${p.family}`;
  const out: Mention[] = [];
  const text = (form: string, t: string): void => void out.push({ form, kind: 'text', text: t });
  const url = (form: string, t: string): void => void out.push({ form, kind: 'url', text: t });
  const md = (form: string, t: string): void => void out.push({ form, kind: 'markdown', text: t });

  text('full-name', full);
  text('running-order', running);
  text('upper-case', full.toUpperCase());
  text('family-comma-given', `${p.family}, ${p.given}`);
  if (!p.familyFirst) text('family-given', `${p.family} ${p.given}`);
  for (const [i, t] of p.titled.entries()) text(`title-family-${i + 1}`, t);
  for (const e of p.extra) text(e.form, e.text);
  if (p.latin) {
    text(
      'ascii-folded',
      normalizeForMatch(full).replace(/(^|\s)\p{L}/gu, (m) => m.toUpperCase()),
    );
    const initial = [...p.given][0];
    if (!p.familyFirst) text('initial-family', `${initial}. ${p.family}`);
    text('html-named-entities', encodeHTML(running));
    text('html-numeric-entities', numericEntities(running));
    text('html-nbsp', encodeHTML(running).replace(/ /gu, '&nbsp;'));
    text('confusable-cyrillic', swapLetters(running, LATIN_TO_CYRILLIC));
    text('confusable-greek', swapLetters(running, LATIN_TO_GREEK));
    text('slug-underscore-in-text', slugOf(running, '_'));
  }
  text('bidi-override', `\u202e${sprinkle(running, ['\u202d', '\u202c'])}\u202c`);
  text(
    'bidi-isolates-marks',
    sprinkle(running, ['\u2066', '\u2069', '\u200e', '\u200f', '\u061c']),
  );
  text('zero-width-inside', sprinkle(running, ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']));
  text('nbsp-and-newline', running.replace(/ /u, '\u00a0').replace(/ /u, '\n'));
  text('in-sentence', `As ${running} (${p.family}) noted, the draft was late.`);
  text('table-cell', `| ${running} | NRI | 3 |`);
  if (person.email) {
    text('email', person.email);
    text('email-upper', person.email.toUpperCase());
    url('url:mailto', `mailto:${person.email}?subject=BPF`);
    url('url:email-in-query', `https://example.org/contact?to=${person.email}&ref=1`);
    url(
      'url:email-percent-40',
      `https://example.org/contact?to=${person.email.replace('@', '%40')}`,
    );
  }
  for (const h of person.handles ?? []) {
    const bare = h.replace(/^@+/u, '');
    text('handle', `@${bare}`);
    url('url:x.com-handle', `https://x.com/${bare}`);
    url('url:at-handle-path', `https://mastodon.social/@${bare}`);
  }
  url('url:slug-hyphen', `https://example.org/people/${slugOf(running, '-')}`);
  url('url:slug-underscore', `https://example.org/u/${slugOf(running, '_')}/`);
  url('url:percent-encoded', `https://example.org/p/${encodeURIComponent(running)}`);
  url('url:profile-slug', `https://www.linkedin.com/in/${slugOf(running, '-')}-4a7b21`);
  url(
    'url:query-plus',
    `https://search.example/?q=${encodeURIComponent(running).replace(/%20/gu, '+')}`,
  );

  const [g0, ...gRest] = p.given.split(' ');
  const givenMd = [g0, ...gRest].join(' ');
  if (!p.familyFirst) {
    md('md:bold-given', `**${givenMd}** ${p.family}`);
    md('md:italic-given', `_${givenMd}_ ${p.family}`);
    md('md:link-given', `[${givenMd}](https://example.org/x) ${p.family}`);
    const fam = [...p.family];
    const cut = Math.max(1, Math.floor(fam.length / 2));
    md(
      'md:bold-inside-family',
      `${givenMd} ${fam.slice(0, cut).join('')}**${fam.slice(cut).join('')}**`,
    );
  } else {
    md('md:bold-family', `**${p.family}** ${p.given}`);
    md('md:link-given', `${p.family} [${p.given}](https://example.org/x)`);
  }
  md('md:link-text', `[${running}](https://example.org/people/${slugOf(running, '-')})`);
  md('md:image-alt', `![${running}](https://example.org/img/${encodeURIComponent(running)}.png)`);
  return out;
}

/** Unprotected people sharing only a given name with `person` (must stay intact). */
export function namesakesOf(person: ProtectedPerson): ProtectedPerson[] {
  return partsOf(person).namesakes.map((fullName, i) => ({
    id: `${person.id}-namesake-${i + 1}`,
    pseudonym: '',
    fullName,
  }));
}

/** Mentions of the namesakes in running text (each must come out of redaction unchanged). */
export function namesakeMentions(person: ProtectedPerson): string[] {
  return namesakesOf(person).flatMap((n) => [
    n.fullName,
    `${n.fullName} sent comments.`,
    `| ${n.fullName} | NRI | 3 |`,
  ]);
}

const DENSE_GAP =
  /([\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Hangul}\p{sc=Thai}]) (?=[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Hangul}\p{sc=Thai}])/gu;

/**
 * Fold for an identifier search: the matching form (case, accents, look-alike letters, entities,
 * percent-encoding, bidi and zero-width characters all folded), then every run of separators
 * (spaces, punctuation, "-_./+@") as one space.
 */
export function foldForSearch(s: string): string {
  return normalizeForMatch(s)
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .replace(DENSE_GAP, '$1')
    .trim();
}

/** Strings that must never appear in redacted output, folded with `foldForSearch`. */
export function identifierNeedles(person: ProtectedPerson): string[] {
  const p = partsOf(person);
  const raw = [
    person.fullName,
    `${p.given} ${p.family}`,
    `${p.family} ${p.given}`,
    ...p.extra
      .filter((e) => !e.form.startsWith('arabic') && !e.form.startsWith('chinese'))
      .map((e) => e.text),
    ...(person.handles ?? []).map((h) => h.replace(/^@+/u, '')),
  ];
  if (person.email) raw.push(person.email, person.email.split('@')[0]);
  return [...new Set(raw.map(foldForSearch).filter((n) => n.length >= 3))];
}

const DENSE = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Hangul}\p{sc=Thai}]/u;

/** The needles of `person` found in `output` (folded the same way; whole words outside CJK). */
export function identifiersIn(output: string, person: ProtectedPerson): string[] {
  const hay = ` ${foldForSearch(output)} `;
  return identifierNeedles(person).filter((n) =>
    DENSE.test(n) ? hay.includes(n) : hay.includes(` ${n} `),
  );
}

/** Does `output` still contain an identifier of `person`? */
export function containsIdentifier(output: string, person: ProtectedPerson): boolean {
  return identifiersIn(output, person).length > 0;
}

/** Over-redaction on a corpus: how many namesake mentions a redaction function changed. */
export function measureOverRedaction(
  redact: (text: string) => string,
  people: readonly ProtectedPerson[] = adversarialPeople(),
): { changed: number; total: number; examples: string[] } {
  let changed = 0;
  let total = 0;
  const examples: string[] = [];
  for (const p of people) {
    for (const t of namesakeMentions(p)) {
      total++;
      const out = redact(t);
      if (out !== t) {
        changed++;
        if (examples.length < 5) examples.push(`${t} → ${out}`);
      }
    }
  }
  return { changed, total, examples };
}

// --- generators ---------------------------------------------------------------------------------

const CONTEXTS = [
  (m: string): string => `Minutes: ${m} presented the survey.`,
  (m: string): string => `${m}: agreed.`,
  (m: string): string => `Thanks to ${m}, ${m} and the NRI team.`,
  (m: string): string => `- [ ] ${m} to circulate the draft`,
  (m: string): string => `«${m}» (chair)`,
  (m: string): string => `(${m})`,
  (m: string): string => `See <${m}>.`,
];

/** One mention embedded in a context sentence (text and url kinds only). */
export function mentionArbitrary(
  person: ProtectedPerson,
): fc.Arbitrary<{ form: string; text: string }> {
  const forms = mentionsOf(person).filter((m) => m.kind !== 'markdown');
  return fc
    .tuple(fc.constantFrom(...forms), fc.constantFrom(...CONTEXTS))
    .map(([m, ctx]) => ({ form: m.form, text: ctx(m.text) }));
}

/** A protected person of the corpus with one embedded mention of them. */
export function personMentionArbitrary(): fc.Arbitrary<{
  person: ProtectedPerson;
  form: string;
  text: string;
}> {
  return fc
    .constantFrom(...adversarialPeople())
    .chain((person) => mentionArbitrary(person).map((m) => ({ person, ...m })));
}

/** Deterministic PRNG (mulberry32): the plain generator needs no fast-check runner. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` strings mentioning `person`, each one form (text and url kinds) in a context sentence,
 * every form at least once; the same (person, seed) always gives the same strings.
 */
export function adversarialMentions(person: ProtectedPerson, seed: number, count = 64): string[] {
  const forms = mentionsOf(person).filter((m) => m.kind !== 'markdown');
  const next = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < Math.max(count, forms.length); i++) {
    const m = i < forms.length ? forms[i] : forms[Math.floor(next() * forms.length)];
    out.push(CONTEXTS[Math.floor(next() * CONTEXTS.length)](m.text));
  }
  return out;
}
