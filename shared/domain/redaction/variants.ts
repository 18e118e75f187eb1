/**
 * Identifier forms of a protected person: the surface strings that identify them.
 *
 * Rules (documented in README.md next to this file):
 * - Full name; preferred name; aliases; handles with and without a leading "@"; e-mail; the
 *   e-mail's local part when it is distinctive (see `isDistinctiveLocalPart`).
 * - Name structure: the last token is the surname, extended to the left over particles
 *   (van, von, der, de, la, del, da, dos, di, bin, ibn, al, el, ...): "Jan van der Berg" →
 *   given "Jan", surname "van der Berg". "Family, Given" in the stored name is honoured. With three
 *   or more tokens the last two tokens are also tried as a (double) surname ("María José García
 *   López" → "García López").
 * - For each (given, surname) split: "Given Surname", "Surname Given", "Surname, Given"; with the
 *   first given name only when there are several; the preferred name in place of the given names.
 * - Initials (only for scripts with letter case: Latin, Cyrillic, Greek, ...): "J. Muñoz",
 *   "J Muñoz", "J.Muñoz", "Muñoz J.", "Muñoz, J."; all initials "J. M. Muñoz", "J.M. Muñoz",
 *   "JM Muñoz", "Muñoz J. M."; hyphenated given names "J.-L. Picard".
 * - Index forms without particles: "Berg, Jan", "Berg, Jan van der".
 * - Arabic article: "al-Ahmad" / "Al Ahmad" / "الأحمد" also without it ("Ahmad", "أحمد") in all
 *   name forms (this may also cover a different person with the article-less name: a deliberate
 *   privacy-first choice).
 * - Apostrophes may be dropped: "O'Brien" → also "OBrien".
 * - Run-together names, as in handles and profile URLs: "siobhanosullivan", "josemunoz" (8 letters
 *   or more, so short pairs that make a word, "Li Na" → "lina", are not forms).
 * - CJK / kana names: spaces between characters are ignored by the normaliser ("山田 太郎" =
 *   "山田太郎"); with a known family name (stored with a space) also family + さん/様/氏/先生/女士.
 *   Hangul names: "김민준" ↔ "김 민준".
 * - A bare given name is NEVER an identifier (unless it is the preferred name or an alias), and a
 *   bare surname only after a title ("Dr. Muñoz", "Ms Muñoz", "السيد الأحمد"): see HONORIFICS.
 */
import { normalizeForMatch } from './normalize';

export interface ProtectedPerson {
  id: string;
  pseudonym: string;
  fullName: string;
  preferredName?: string | null;
  email?: string | null;
  aliases?: string[];
  handles?: string[];
  phones?: string[];
}

/** How strongly a form points at its person; used when two people share a form. */
export const PRIORITY_PRIMARY = 3; // full name, e-mail, handle
export const PRIORITY_CHOSEN = 2; // preferred name, alias
export const PRIORITY_DERIVED = 1; // reordered / initial forms

export interface IdentifierForm {
  /** Surface form (as one would write it). */
  surface: string;
  priority: number;
}

/** Name particles that belong to the surname when they precede it. Compared in matching form. */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'delle',
  'dei',
  'degli',
  'di',
  'da',
  'das',
  'dos',
  'do',
  'du',
  'des',
  'la',
  'le',
  'lo',
  'ter',
  'ten',
  'te',
  'zu',
  'zum',
  'zur',
  'af',
  'av',
  'bin',
  'binti',
  'bint',
  'ibn',
  'ben',
  'bat',
  'al',
  'el',
  'abu',
  'st',
  'st.',
  'mac',
  'ap',
  'ní',
  'ni',
  'ó',
  'o',
  'ua',
  'mc',
]);

/**
 * Titles that make a bare surname an identifier ("Dr. Muñoz"). Matching form, without the dot;
 * the optional "." after a Latin title is handled by the matcher.
 */
export const HONORIFICS: readonly string[] = [
  'mr',
  'mrs',
  'ms',
  'mx',
  'miss',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'madam',
  'madame',
  'mme',
  'mlle',
  'monsieur',
  'herr',
  'frau',
  'sr',
  'sra',
  'srta',
  'senor',
  'senora',
  'sig',
  'amb',
  'ambassador',
  'hon',
  'rev',
  'gospodin',
  'господин',
  'госпожа',
  'κ',
  'κα',
  'κος',
  'السيد',
  'السيدة',
  'الدكتور',
  'الدكتورة',
  'الاستاذ',
  'מר',
  'גברת',
].map((h) => normalizeForMatch(h));

/** Titles rendered in `identifierVariants` (a representative subset of HONORIFICS, by script). */
function titleSurfaces(surname: string): string[] {
  if (/\p{sc=Arabic}/u.test(surname)) return ['السيد', 'السيدة', 'الدكتور'];
  if (/\p{sc=Hebrew}/u.test(surname)) return ['מר', 'גברת'];
  if (/\p{sc=Cyrillic}/u.test(surname)) return ['господин', 'госпожа', 'Dr.'];
  if (/\p{sc=Greek}/u.test(surname)) return ['κ.', 'κα', 'Dr.'];
  return ['Mr.', 'Mrs', 'Ms.', 'Mx', 'Dr.', 'Prof.', 'Sra.', 'Herr', 'Mme'];
}

/** Japanese / Chinese suffix titles after a family name. */
const CJK_SUFFIXES = ['さん', '様', '氏', '先生', '女士'];

/**
 * Generic mailbox names that never identify a person. The local part of an e-mail is used as an
 * identifier only if it is distinctive: at least 3 characters (matching form), contains a letter,
 * is not in this list and is not merely one of the person's own name tokens (a bare given name or
 * surname is not an identifier: "maria@example.org" must not redact every "Maria").
 */
export const GENERIC_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'info',
  'admin',
  'administrator',
  'contact',
  'contacts',
  'office',
  'mail',
  'email',
  'hello',
  'hi',
  'support',
  'help',
  'helpdesk',
  'team',
  'secretariat',
  'secretary',
  'webmaster',
  'web',
  'www',
  'noreply',
  'no reply',
  'no_reply',
  'donotreply',
  'postmaster',
  'hostmaster',
  'abuse',
  'root',
  'sales',
  'billing',
  'accounts',
  'finance',
  'enquiries',
  'inquiries',
  'enquiry',
  'inquiry',
  'igf',
  'bpf',
  'mag',
  'media',
  'press',
  'news',
  'newsletter',
  'general',
  'director',
  'hr',
  'jobs',
  'careers',
  'user',
  'test',
  'me',
  'mailbox',
  'reception',
  'staff',
  'members',
  'membership',
  'events',
  'event',
  'list',
  'lists',
  'community',
  'comms',
  'communications',
  'program',
  'programme',
  'projects',
  'project',
  'research',
  'policy',
  'legal',
  'privacy',
  'security',
  'it',
  'tech',
  'service',
  'services',
  'feedback',
  'registration',
  'register',
  'participant',
  'participants',
]);

export function isDistinctiveLocalPart(local: string, ownNameTokens: ReadonlySet<string>): boolean {
  const n = normalizeForMatch(local);
  if ([...n].length < 3) return false;
  if (!/\p{L}/u.test(n)) return false;
  if (GENERIC_LOCAL_PARTS.has(n)) return false;
  if (ownNameTokens.has(n)) return false;
  return true;
}

const HAS_CASE = (ch: string): boolean => ch.toLowerCase() !== ch.toUpperCase();
const DENSE_NAME_RE = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Hangul}]+$/u;
const HANGUL_NAME_RE = /^\p{sc=Hangul}+$/u;
const ARABIC_ARTICLE_RE = /^(?:ال)(?=\p{sc=Arabic}{2,})/u;

function splitTokens(s: string): string[] {
  return s
    .trim()
    .split(/\s+/u)
    .filter((t) => t.length > 0);
}

/**
 * Is `token` a surname particle? Compared with accents kept ("Văn", a Vietnamese given name, is not
 * the Dutch "van"; "Ó" and "Ní" are listed with theirs), and never a token the person uses as a
 * given name (`givenTokens`, e.g. from the preferred name).
 */
function isParticle(token: string, givenTokens: ReadonlySet<string> = NO_TOKENS): boolean {
  const t = token.normalize('NFC').toLowerCase();
  return PARTICLES.has(t) && !givenTokens.has(t);
}
const NO_TOKENS: ReadonlySet<string> = new Set();

/**
 * Letters only Vietnamese uses among Latin-script names (breve, horn, stroke d, dot below, hook
 * above). A name with one of them is written family name first ("Nguyễn Văn An": family Nguyễn,
 * addressed as "Mr. An" or "Dr. Nguyễn").
 */
const VIETNAMESE_RE = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/** The surname without an Arabic definite article ("al-Ahmad", "Al Ahmad", "الأحمد"), or null. */
function articleCore(family: string[]): string | null {
  const first = family[0];
  if (family.length >= 2 && /^(?:al|el)$/iu.test(first)) return family.slice(1).join(' ');
  const latin = /^(?:al|el)[-\u2010-\u2015'\u2019]/iu.exec(first);
  if (latin !== null && first.length > latin[0].length + 1) {
    return [first.slice(latin[0].length), ...family.slice(1)].join(' ');
  }
  if (ARABIC_ARTICLE_RE.test(first)) return [first.slice(2), ...family.slice(1)].join(' ');
  return null;
}

/** The surname without leading particles ("van der Berg" → "Berg"), or null if it has none. */
function particleCore(family: string[]): { core: string; particles: string } | null {
  let i = 0;
  while (i < family.length - 1 && isParticle(family[i])) i++;
  if (i === 0) return null;
  return { core: family.slice(i).join(' '), particles: family.slice(0, i).join(' ') };
}

/** Initials of the given tokens: "Jean-Luc" → ["J", "L"] (hyphen parts each give one). */
function initialsOf(given: string[]): string[] {
  const out: string[] = [];
  for (const t of given) {
    for (const part of t.split(/[-‐‑‒–—]/u)) {
      const first = [...part.replace(/^[^\p{L}]+/u, '')][0];
      if (first !== undefined) out.push(first.toUpperCase());
    }
  }
  return out;
}

/**
 * The first of a double surname ("Muñoz-Álvarez", "García López" → "Muñoz", "García"), or null:
 * exactly two parts, neither a particle nor an Arabic article, each with at least 2 letters.
 */
function firstSurname(family: string[]): string | null {
  const parts = family.flatMap((t) => t.split(/[-‐‑‒–—]/u)).filter((t) => t.length > 0);
  if (parts.length !== 2) return null;
  if (parts.some((t) => isParticle(t) || /^(?:al|el|ال)$/iu.test(t) || [...t].length < 2)) {
    return null;
  }
  if (!/^\p{L}/u.test(parts[0]) || DENSE_NAME_RE.test(parts[0])) return null;
  return parts[0];
}

/** Name forms for one (given, family) split. */
function splitForms(given: string[], family: string, add: (s: string) => void): void {
  const g = given.join(' ');
  add(`${g} ${family}`);
  add(`${family} ${g}`);
  add(`${family}, ${g}`);
  if (given.length > 1) {
    add(`${given[0]} ${family}`);
    add(`${family} ${given[0]}`);
    add(`${family}, ${given[0]}`);
  }
  const firstChar = [...given[0]][0] ?? '';
  if (!HAS_CASE(firstChar)) return;
  // "J. Muñoz" forms, from the first given token (a hyphenated one gives "J.-L." too).
  const firstParts = initialsOf([given[0]]);
  const i1 = firstParts[0];
  if (i1 === undefined) return;
  for (const s of [
    `${i1}. ${family}`,
    `${i1} ${family}`,
    `${i1}.${family}`,
    `${family} ${i1}.`,
    `${family}, ${i1}.`,
  ]) {
    add(s);
  }
  const all = initialsOf(given);
  if (given.length > 1) {
    // First given name in full, the others as initials: "José M. Muñoz", "José M Muñoz".
    const rest = initialsOf(given.slice(1));
    add(`${given[0]} ${rest.map((c) => `${c}.`).join(' ')} ${family}`);
    add(`${given[0]} ${rest.join(' ')} ${family}`);
  }
  if (all.length > 1) {
    const dotted = all.map((c) => `${c}.`);
    add(`${dotted.join(' ')} ${family}`);
    add(`${dotted.join('')} ${family}`);
    add(`${dotted.join('-')} ${family}`);
    add(`${all.join('')} ${family}`);
    add(`${family} ${dotted.join(' ')}`);
    add(`${family}, ${dotted.join(' ')}`);
    add(`${family} ${dotted.join('')}`);
  }
}

interface ParsedName {
  tokens: string[];
  /** (given tokens, family tokens) splits, the primary one first. */
  splits: { given: string[]; family: string[] }[];
  /** Surnames that identify the person after a title. */
  surnames: string[];
  dense: boolean;
}

function parseName(fullName: string, givenTokens: ReadonlySet<string> = NO_TOKENS): ParsedName {
  const isP = (t: string): boolean => isParticle(t, givenTokens);
  const trimmed = fullName.trim();
  const comma = trimmed.indexOf(',');
  let tokens: string[];
  let primaryAt: number;
  let storedComma = false;
  if (comma > 0 && trimmed.indexOf(',', comma + 1) < 0 && trimmed.slice(comma + 1).trim() !== '') {
    // "Family, Given" as stored.
    const family = splitTokens(trimmed.slice(0, comma));
    const given = splitTokens(trimmed.slice(comma + 1));
    tokens = [...given, ...family];
    primaryAt = given.length;
    storedComma = true;
  } else {
    tokens = splitTokens(trimmed);
    primaryAt = tokens.length - 1;
    while (primaryAt - 1 >= 1 && isP(tokens[primaryAt - 1])) primaryAt--;
  }
  const dense = tokens.length > 0 && tokens.every((t) => DENSE_NAME_RE.test(t));
  const splits: ParsedName['splits'] = [];
  const surnames: string[] = [];
  if (tokens.length >= 2) {
    if (dense) {
      // CJK and Korean names are written family name first.
      splits.push({ given: tokens.slice(1), family: tokens.slice(0, 1) });
      surnames.push(tokens[0]);
    } else {
      splits.push({ given: tokens.slice(0, primaryAt), family: tokens.slice(primaryAt) });
      surnames.push(tokens.slice(primaryAt).join(' '));
      const n = tokens.length;
      const vietnamese = VIETNAMESE_RE.test(trimmed);
      if (vietnamese && !storedComma) {
        // Family name first: "Lê Văn Hòa" = family Lê, given Văn Hòa ("Lê, Văn Hòa", "Dr. Lê").
        splits.unshift({ given: tokens.slice(1), family: tokens.slice(0, 1) });
        surnames.push(tokens[0]);
      }
      if (vietnamese) {
        // Vietnamese people are addressed by the LAST given name: "Mr. Hòa", "Ms. An".
        surnames.push(storedComma ? tokens[primaryAt - 1] : tokens[n - 1]);
      } else if (n >= 3 && primaryAt === n - 1 && !isP(tokens[n - 2])) {
        splits.push({ given: tokens.slice(0, n - 2), family: tokens.slice(n - 2) });
        surnames.push(tokens.slice(n - 2).join(' '));
      }
    }
  }
  return { tokens, splits, surnames, dense };
}

/** The shortest run-together name ("givenfamily") that counts as an identifier. */
const MIN_JOINED = 8;

/** All identifier forms with priorities (surfaces may repeat in matching form; callers dedupe). */
export function identifierForms(p: ProtectedPerson): {
  forms: IdentifierForm[];
  /** Surnames matched only right after a title (HONORIFICS) or, for CJK, before a suffix title. */
  titledSurnames: string[];
} {
  const forms: IdentifierForm[] = [];
  const push = (surface: string, priority: number): void => {
    const s = surface.trim();
    if (s.length === 0) return;
    forms.push({ surface: s, priority });
    if (/['’‘ʼ`´]/u.test(s)) {
      const noApostrophe = s.replace(/['’‘ʼ`´]/gu, '');
      if (noApostrophe.trim().length > 0) forms.push({ surface: noApostrophe, priority });
      // URL slugs write the apostrophe as a separator: "siobhan-o-sullivan", "o_sullivan".
      forms.push({ surface: s.replace(/['’‘ʼ`´]/gu, ' '), priority });
    }
  };

  const preferredGiven = new Set(
    splitTokens(p.preferredName ?? '').map((t) => t.normalize('NFC').toLowerCase()),
  );
  const parsed = parseName(p.fullName, preferredGiven);
  push(p.fullName, PRIORITY_PRIMARY);
  if (parsed.tokens.length > 0) push(parsed.tokens.join(' '), PRIORITY_PRIMARY);
  const titledSurnames: string[] = [];

  const preferred = p.preferredName?.trim() ?? '';
  const preferredTokens = splitTokens(preferred);
  if (preferred !== '') push(preferred, PRIORITY_CHOSEN);

  const derived = (s: string): void => push(s, PRIORITY_DERIVED);

  for (const { given, family } of parsed.splits) {
    const familyForms = [family.join(' ')];
    if (!parsed.dense) {
      const article = articleCore(family);
      if (article !== null) {
        // The article is often dropped in running text: every name form, also without it.
        familyForms.push(article);
      } else {
        const particles = particleCore(family);
        if (particles !== null) {
          // Particles are kept in running text; index forms ("Berg, Jan van der") drop them.
          derived(`${particles.core}, ${given.join(' ')}`);
          derived(`${particles.core}, ${given.join(' ')} ${particles.particles}`);
        }
      }
    }
    for (const f of familyForms) {
      splitForms(given, f, derived);
      // A one-word preferred name stands in for the given names ("Pepe Muñoz", "P. Muñoz").
      if (preferredTokens.length === 1 && preferred !== given.join(' ')) {
        splitForms(preferredTokens, f, derived);
      }
    }
    for (const f of familyForms.slice(1)) titledSurnames.push(f);
    const first = firstSurname(family);
    if (first !== null) {
      // Spanish / Portuguese double surnames: the first one alone is common in running text
      // ("José María Muñoz" for "José María Muñoz-Álvarez", "Sr. Muñoz").
      splitForms(given, first, derived);
      titledSurnames.push(first);
    }
  }
  if (!parsed.dense) {
    // Handles and profile URLs run the name together: "x.com/givenfamily", "@SiobhanOSullivan",
    // "josemunoz". Only long enough ones (8+ letters): "Li Na" → "lina" is a word of its own.
    const joined = new Set<string>([parsed.tokens.join('')]);
    for (const { given, family } of parsed.splits) {
      joined.add(given.join('') + family.join(''));
      joined.add(given[0] + family.join(''));
      const first = firstSurname(family);
      if (first !== null) joined.add(given[0] + first);
    }
    for (const j of joined) {
      const bare = j.replace(/['’‘ʼ`´.\-‐]/gu, '');
      if (normalizeForMatch(bare).replace(/ /gu, '').length >= MIN_JOINED) derived(bare);
    }
  }
  for (const s of parsed.surnames) titledSurnames.unshift(s);
  if (preferredTokens.length > 1) {
    // A preferred name of several words is a name of its own: all its forms (not its surname
    // alone, which stays an identifier only after a title if it is the real surname).
    for (const { given, family } of parseName(preferred).splits) {
      splitForms(given, family.join(' '), derived);
    }
  }

  if (
    parsed.dense &&
    parsed.tokens.length >= 2 &&
    !parsed.tokens.some((t) => HANGUL_NAME_RE.test(t))
  ) {
    // Known Chinese/Japanese family name: family + suffix title ("山田さん").
    for (const suffix of CJK_SUFFIXES) derived(`${parsed.tokens[0]}${suffix}`);
  }

  for (const alias of p.aliases ?? []) push(alias, PRIORITY_CHOSEN);
  for (const handle of p.handles ?? []) {
    const h = handle.trim();
    if (h === '') continue;
    const bare = h.replace(/^@+/u, '');
    push(`@${bare}`, PRIORITY_PRIMARY);
    push(bare, PRIORITY_PRIMARY);
  }
  const email = p.email?.trim() ?? '';
  if (email !== '') {
    push(email, PRIORITY_PRIMARY);
    const at = email.lastIndexOf('@');
    if (at > 0) {
      const local = email.slice(0, at);
      const own = new Set<string>();
      for (const t of parsed.tokens) {
        own.add(normalizeForMatch(t));
        for (const part of normalizeForMatch(t).split(' ')) own.add(part);
      }
      if (isDistinctiveLocalPart(local, own)) push(local, PRIORITY_PRIMARY);
    }
  }
  // Dense (CJK) names: family + suffix titles are already forms; others use HONORIFICS.
  return { forms, titledSurnames: parsed.dense ? [] : dedupe(titledSurnames) };
}

function dedupe(xs: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const k = normalizeForMatch(x);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

/** A form is usable if its matching form has at least 2 characters and a letter or digit. */
export function isUsableForm(normalized: string): boolean {
  return [...normalized].length >= 2 && /[\p{L}\p{N}]/u.test(normalized);
}

/**
 * The surface forms that identify `p` (deduplicated by matching form), including the titled
 * surname forms for a representative set of titles ("Dr. Muñoz"). Phone numbers are not listed:
 * they are matched on digits (see phone.ts).
 */
export function identifierVariants(p: ProtectedPerson): string[] {
  const { forms, titledSurnames } = identifierForms(p);
  const surfaces = forms.map((f) => f.surface);
  for (const s of titledSurnames) for (const t of titleSurfaces(s)) surfaces.push(`${t} ${s}`);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of surfaces) {
    const k = normalizeForMatch(s);
    if (!isUsableForm(k) || seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}
