/**
 * Reading a registration-form export (CSV) into participants: pure functions, no database.
 *
 * parseCsv -> {headers, records with their physical line numbers}; suggestMapping -> which column
 * feeds which participant field; mapRecord -> the participant's fields (validated with the same zod
 * schema as the form, `participantInput`) or the reasons the row is invalid; mergeParticipantFields
 * -> the merge rule for duplicates. The database side (duplicates, the transaction, the job) is in
 * importJob.ts.
 */
import Papa from 'papaparse';
import type { z } from 'zod';
import { COUNTRIES, countryByCode, suggestedTimeZone } from '../../../shared/domain/countries';
import { fold } from '../../../shared/domain/fold';
import {
  FORUM_ROLES,
  FORUM_ROLE_LABELS,
  GENDERS,
  GENDER_LABELS,
  STAKEHOLDER_GROUPS,
  STAKEHOLDER_GROUP_LABELS,
  type ForumRole,
  type Gender,
  type StakeholderGroup,
} from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  type ImportField,
  type ImportMapping,
} from '../../../shared/schemas/participantImport';
import { participantInput } from '../../../shared/schemas/participants';
import type { ParticipantFields } from './service';

/* ------------------------------------------------------------------------------------------------
 * Parsing
 * ---------------------------------------------------------------------------------------------- */

export type CsvDelimiter = ',' | ';' | '\t';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

export interface CsvRecord {
  /** The physical line of the file the record starts on (the header is line 1). */
  line: number;
  cells: string[];
  /** A problem with the record's structure (unclosed quote, too many cells). */
  problem?: string;
}

export interface ParsedCsv {
  headers: string[];
  delimiter: CsvDelimiter;
  /** Data records, without blank lines. */
  records: CsvRecord[];
}

/**
 * The delimiter of the header line: whichever of comma, semicolon and tab occurs most often in it
 * outside quotes (comma when none does: a one-column file).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t'))
      counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * Parses CSV text (UTF-8, with or without BOM; CRLF, LF or CR line ends; comma, semicolon or tab
 * delimited). Each record keeps the physical line it starts on, counting the line breaks inside
 * quoted fields, so errors can point at the line a spreadsheet or editor shows.
 */
export function parseCsv(csv: string): ParsedCsv {
  const text = (csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv).replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  let headers: string[] | null = null;
  let headerColumns = 0;
  const records: CsvRecord[] = [];
  let start = 0; // where the current record starts in `text`
  let line = 1; // the physical line of `start`
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      const cells = result.data;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (headers === null) {
        if (!isBlank(cells)) {
          if (quoteError)
            throw new DomainError(
              'validation',
              'The header line has an unclosed quotation mark',
              'csv',
            );
          headers = cells.map((h) => h.trim());
          headerColumns = cells.length;
        }
      } else if (!isBlank(cells)) {
        const record: CsvRecord = { line, cells };
        if (quoteError)
          record.problem =
            quoteError.code === 'MissingQuotes'
              ? 'has a quotation mark that is never closed (the rest of the file was read into this row)'
              : 'has a stray quotation mark inside a quoted value';
        else if (cells.length > headerColumns && !isBlank(cells.slice(headerColumns)))
          record.problem = `has ${cells.length} values but the header has ${headerColumns} columns (a value containing "${delimiter === '\t' ? 'tab' : delimiter}" must be in quotes)`;
        records.push(record);
      }
      const end = result.meta.cursor;
      for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1))
        line++;
      start = end;
    },
  });
  if (headers === null) throw new DomainError('validation', 'The file has no header line', 'csv');
  return { headers, delimiter, records };
}

/* ------------------------------------------------------------------------------------------------
 * Column mapping
 * ---------------------------------------------------------------------------------------------- */

/** Lower case, no accents, punctuation as single spaces: "E-mail Address" -> "e mail address". */
export function matchKey(s: string): string {
  let key = matchKeys.get(s);
  if (key === undefined) {
    key = fold(s)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    // Cells of one column repeat (groups, countries, yes/no): remember a bounded number of them.
    if (matchKeys.size > 10_000) matchKeys.clear();
    matchKeys.set(s, key);
  }
  return key;
}
const matchKeys = new Map<string, string>();

/** Header names (as match keys) a registration form may use for each field. */
const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  fullName: [
    'full name',
    'fullname',
    'name',
    'participant name',
    'participant',
    'your name',
    'attendee name',
    'name and surname',
    'first and last name',
  ],
  email: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'your email'],
  organisation: [
    'organisation',
    'organization',
    'affiliation',
    'org',
    'company',
    'institution',
    'employer',
    'organisation affiliation',
    'organization affiliation',
  ],
  stakeholderGroup: [
    'stakeholder group',
    'stakeholder',
    'sector',
    'stakeholder category',
    'stakeholder type',
    'constituency',
  ],
  country: ['country', 'country of residence', 'residence', 'country region', 'location'],
  preferredName: ['preferred name', 'nickname', 'display name', 'name to be called'],
  gender: ['gender', 'sex', 'gender identity'],
  timeZone: ['time zone', 'timezone', 'tz'],
  languages: ['languages', 'language', 'spoken languages', 'working languages'],
  aliases: ['aliases', 'alias', 'other names', 'also known as', 'aka'],
  handles: [
    'online handles',
    'handles',
    'handle',
    'social media',
    'social media handles',
    'twitter',
    'mastodon',
  ],
  role: ['role', 'forum role', 'role in the forum'],
  consentListed: [
    'may be listed',
    'listed',
    'consent to be listed',
    'list my name',
    'acknowledgement',
    'acknowledgements',
    'publish my name',
  ],
  consentInvitations: [
    'may receive invitations',
    'invitations',
    'receive invitations',
    'consent to invitations',
    'consent to receive invitations',
    'mailing list',
  ],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks'],
};

/** A mapping with every field present (null = not imported). */
export type FullMapping = Record<ImportField, number | null>;

export const emptyMapping = (): FullMapping =>
  Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as FullMapping;

/** The given mapping with the fields it leaves out set to "not imported". */
export const completeMapping = (mapping: ImportMapping): FullMapping => ({
  ...emptyMapping(),
  ...mapping,
});

const containsWords = (haystack: string, needle: string) => ` ${haystack} `.includes(` ${needle} `);

/**
 * Suggests a column for each field from the header names (case-, accent- and punctuation-
 * insensitive, with common synonyms). An exact name beats a header that merely contains a synonym,
 * and a longer synonym beats a shorter one; each column feeds at most one field.
 */
export function suggestMapping(headers: readonly string[]): FullMapping {
  const candidates: { field: ImportField; column: number; score: number }[] = [];
  headers.forEach((header, column) => {
    const key = matchKey(header);
    if (!key) return;
    for (const field of IMPORT_FIELDS) {
      const names = [matchKey(IMPORT_FIELD_LABELS[field]), ...HEADER_SYNONYMS[field]];
      let score = 0;
      for (const name of names) {
        if (key === name) score = Math.max(score, 1000 + name.length);
        else if (name.length >= 4 && containsWords(key, name)) score = Math.max(score, name.length);
      }
      if (score > 0) candidates.push({ field, column, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping = emptyMapping();
  const used = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== null || used.has(c.column)) continue;
    mapping[c.field] = c.column;
    used.add(c.column);
  }
  return mapping;
}

/* ------------------------------------------------------------------------------------------------
 * Values
 * ---------------------------------------------------------------------------------------------- */

const STAKEHOLDER_SYNONYMS: Record<StakeholderGroup, readonly string[]> = {
  government: ['government', 'governments', 'gov', 'govt', 'governmental', 'public sector'],
  private_sector: [
    'private sector',
    'private',
    'business',
    'business community',
    'industry',
    'company',
    'corporate',
    'private sector business',
  ],
  civil_society: [
    'civil society',
    'ngo',
    'cso',
    'non governmental organisation',
    'non governmental organization',
    'nonprofit',
    'non profit',
  ],
  technical_community: ['technical community', 'technical', 'tech community', 'technical sector'],
  academia: ['academia', 'academic', 'academic community', 'university', 'research', 'researcher'],
  intergovernmental: [
    'intergovernmental organisation',
    'intergovernmental organization',
    'intergovernmental',
    'igo',
    'international organisation',
    'international organization',
  ],
  individual_other: ['individual', 'other', 'individual other', 'individual or other'],
};

let stakeholderIndex: Map<string, StakeholderGroup> | undefined;
/** A stakeholder group from its stored value, its label or a common variant. */
export function parseStakeholderGroup(s: string): StakeholderGroup | undefined {
  stakeholderIndex ??= new Map(
    STAKEHOLDER_GROUPS.flatMap((g) =>
      [g, STAKEHOLDER_GROUP_LABELS[g], ...STAKEHOLDER_SYNONYMS[g]].map(
        (name) => [matchKey(name), g] as const,
      ),
    ),
  );
  return stakeholderIndex.get(matchKey(s));
}

/** Other names spreadsheets use for countries (match keys), beyond the table and ICU names. */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  'united states of america': 'US',
  uk: 'GB',
  'u k': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  'russian federation': 'RU',
  'republic of korea': 'KR',
  'korea republic of': 'KR',
  'democratic people s republic of korea': 'KP',
  turkey: 'TR',
  'viet nam': 'VN',
  'iran islamic republic of': 'IR',
  'ivory coast': 'CI',
  'czech republic': 'CZ',
  holland: 'NL',
  'bolivia plurinational state of': 'BO',
  'venezuela bolivarian republic of': 'VE',
  'united republic of tanzania': 'TZ',
  'tanzania united republic of': 'TZ',
  'lao people s democratic republic': 'LA',
  'syrian arab republic': 'SY',
  'republic of moldova': 'MD',
  'moldova republic of': 'MD',
  'dr congo': 'CD',
  drc: 'CD',
  'republic of the congo': 'CG',
  swaziland: 'SZ',
  macedonia: 'MK',
  'cape verde': 'CV',
  palestine: 'PS',
  'state of palestine': 'PS',
  'brunei darussalam': 'BN',
  uae: 'AE',
  burma: 'MM',
  'east timor': 'TL',
};

let countryIndex: Map<string, string> | undefined;
function buildCountryIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = matchKey(name).replace(/^the /, '');
    if (key && !index.has(key)) index.set(key, code);
  };
  let icu: Intl.DisplayNames | undefined;
  try {
    icu = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  } catch {
    icu = undefined;
  }
  for (const c of COUNTRIES) {
    const names = [c.name, icu?.of(c.code)].filter((n): n is string => Boolean(n));
    for (const name of names) {
      add(name, c.code);
      const bare = name.replace(/\s*\(.*?\)\s*/g, ' ').trim(); // "Myanmar (Burma)" -> "Myanmar"
      add(bare, c.code);
      for (const inner of name.matchAll(/\(([^)]+)\)/g)) add(inner[1], c.code); // -> "Burma"
      const comma = /^(.+?),\s*(.+)$/.exec(bare); // "Congo, Democratic Republic of the"
      if (comma) add(`${comma[2]} ${comma[1]}`, c.code);
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) add(alias, code);
  return index;
}

/** An ISO 3166-1 alpha-2 code from a code ("br", "BR") or an English name ("Brazil", "Türkiye"). */
export function parseCountry(s: string): string | undefined {
  const byCode = s.trim().length === 2 ? countryByCode(s) : undefined;
  if (byCode) return byCode.code;
  countryIndex ??= buildCountryIndex();
  return countryIndex.get(matchKey(s).replace(/^the /, ''));
}

const GENDER_SYNONYMS: Record<Gender, readonly string[]> = {
  woman: ['woman', 'female', 'f', 'w', 'women', 'girl'],
  man: ['man', 'male', 'm', 'men'],
  non_binary: ['non binary', 'nonbinary', 'nb', 'enby', 'genderqueer'],
  prefer_not_to_say: [
    'prefer not to say',
    'prefer not to answer',
    'rather not say',
    'prefer not to disclose',
    'undisclosed',
    'not disclosed',
  ],
  self_described: ['self described', 'self describe', 'prefer to self describe'],
};

let genderIndex: Map<string, Gender> | undefined;
/**
 * A gender from its stored value, label or a common variant. Any other text is kept as the
 * person's own description (self-described), since a form's free-text answer is theirs to give.
 */
export function parseGender(s: string): { gender: Gender; selfDescribed: string | null } {
  genderIndex ??= new Map(
    GENDERS.flatMap((g) =>
      [g, GENDER_LABELS[g], ...GENDER_SYNONYMS[g]].map((name) => [matchKey(name), g] as const),
    ),
  );
  const known = genderIndex.get(matchKey(s));
  if (known && known !== 'self_described') return { gender: known, selfDescribed: null };
  return { gender: 'self_described', selfDescribed: known ? null : s.trim() };
}

const ROLE_SYNONYMS: Partial<Record<ForumRole, readonly string[]>> = {
  coordinator: ['co coordinator', 'cocoordinator', 'lead coordinator'],
  mag_liaison: ['mag', 'mag member', 'mag liaison', 'mag facilitator'],
  member: ['participant', 'contributor'],
};

let roleIndex: Map<string, ForumRole> | undefined;
export function parseRole(s: string): ForumRole | undefined {
  roleIndex ??= new Map(
    FORUM_ROLES.flatMap((r) =>
      [r, FORUM_ROLE_LABELS[r], ...(ROLE_SYNONYMS[r] ?? [])].map(
        (name) => [matchKey(name), r] as const,
      ),
    ),
  );
  return roleIndex.get(matchKey(s));
}

const TRUE_WORDS = new Set(['yes', 'true', '1', 'y', 'x', 'on', 'agree', 'i agree', 'ok']);
const FALSE_WORDS = new Set(['no', 'false', '0', 'n', 'off', 'disagree', 'i disagree']);
const TICKS = new Set(['✓', '✔', '☑', '✅']);

/** yes/no, true/false, 1/0, y/n, x or a tick; "Yes, I agree" and "No thanks" too. */
export function parseBoolean(s: string): boolean | undefined {
  const raw = s.trim();
  if (TICKS.has(raw)) return true;
  const key = matchKey(raw);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  if (/^yes\b/.test(key)) return true;
  if (/^no\b/.test(key)) return false;
  return undefined;
}

/** Splits a cell on semicolons, commas or line breaks; trims and drops empty items. */
export function splitList(s: string): string[] {
  return s
    .split(/[;,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

let languageIndex: Map<string, string> | undefined;
function buildLanguageIndex(): Map<string, string> {
  const index = new Map<string, string>();
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  } catch {
    return index;
  }
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters)
    for (const b of letters) {
      const code = a + b;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        name = undefined;
      }
      if (name && name.toLowerCase() !== code) index.set(matchKey(name), code);
    }
  return index;
}

/** Language tags, from tags ("en, pt-BR") or English names ("English; Portuguese"). */
export function parseLanguages(s: string): string[] {
  languageIndex ??= buildLanguageIndex();
  const index = languageIndex;
  return splitList(s).map((item) => index.get(matchKey(item)) ?? item);
}

/* ------------------------------------------------------------------------------------------------
 * Rows
 * ---------------------------------------------------------------------------------------------- */

export type RowValues = Record<ImportField, string>;

export interface FieldIssue {
  /** The field the problem is about; null for the row's structure. */
  field: ImportField | null;
  message: string;
}

export type MappedRow =
  | {
      ok: true;
      line: number;
      values: RowValues;
      fields: ParticipantFields;
      /** The fields the row gives a value for (a mapped, non-empty cell). */
      given: ReadonlySet<ImportField>;
    }
  | { ok: false; line: number; values: RowValues; errors: FieldIssue[] };

/** The raw cell of each mapped field ('' when not mapped or missing), with a fix laid over it. */
export function rowValues(
  cells: readonly string[],
  mapping: FullMapping,
  fix?: Partial<Record<ImportField, string>>,
): RowValues {
  const values = {} as RowValues;
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    values[field] = fix?.[field] ?? (column === null ? '' : (cells[column] ?? ''));
  }
  return values;
}

const LIST_FIELDS = new Set<string>(['languages', 'aliases', 'handles']);

/** Which import field a schema path points at (genderSelfDescribed is part of Gender). */
const fieldOfPath = (key: PropertyKey | undefined): ImportField | null =>
  key === 'genderSelfDescribed'
    ? 'gender'
    : (IMPORT_FIELDS as readonly PropertyKey[]).includes(key ?? '')
      ? (key as ImportField)
      : null;

function issueMessage(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  if (issue.path.length === 1 && input[issue.path[0] as string] === undefined) return 'is required';
  const [key, index] = issue.path;
  if (typeof key === 'string' && LIST_FIELDS.has(key) && typeof index === 'number') {
    const item = (input[key] as string[])[index];
    return `"${item}" ${issue.message}`;
  }
  return issue.message;
}

/**
 * Turns one record into a participant's fields with the column mapping, or lists why it cannot:
 * values are read leniently (see the parse* functions), then the whole row is validated with the
 * form's own schema (`participantInput`), so the rules never diverge. An empty cell means "not
 * given"; the time zone defaults to the country's suggested zone.
 */
export function mapRecord(
  record: CsvRecord,
  mapping: FullMapping,
  fix?: Partial<Record<ImportField, string>>,
): MappedRow {
  const values = rowValues(record.cells, mapping, fix);
  const errors: FieldIssue[] = [];
  // A fixed row was re-entered by the user, so its structural problem no longer matters.
  if (record.problem && !fix) errors.push({ field: null, message: record.problem });
  const given = new Set<ImportField>();
  const input: Record<string, unknown> = {};
  const bad = (field: ImportField, message: string) => errors.push({ field, message });

  for (const field of IMPORT_FIELDS) {
    const raw = values[field];
    if (raw.trim() === '') continue;
    given.add(field);
    switch (field) {
      case 'stakeholderGroup': {
        const group = parseStakeholderGroup(raw);
        if (group) input.stakeholderGroup = group;
        else
          bad(
            field,
            `"${raw.trim()}" is not a stakeholder group (use ${STAKEHOLDER_GROUPS.map((g) => STAKEHOLDER_GROUP_LABELS[g]).join(', ')})`,
          );
        break;
      }
      case 'country': {
        const code = parseCountry(raw);
        if (code) input.country = code;
        else bad(field, `"${raw.trim()}" is not a country name or ISO code`);
        break;
      }
      case 'gender': {
        const { gender, selfDescribed } = parseGender(raw);
        input.gender = gender;
        input.genderSelfDescribed = selfDescribed;
        break;
      }
      case 'role': {
        const role = parseRole(raw);
        if (role) input.role = role;
        else
          bad(
            field,
            `"${raw.trim()}" is not a role (use ${FORUM_ROLES.map((r) => FORUM_ROLE_LABELS[r]).join(', ')})`,
          );
        break;
      }
      case 'consentListed':
      case 'consentInvitations': {
        const yes = parseBoolean(raw);
        if (yes === undefined) bad(field, `"${raw.trim()}" is not yes or no`);
        else input[field] = yes;
        break;
      }
      case 'languages':
        input.languages = parseLanguages(raw);
        break;
      case 'aliases':
      case 'handles':
        input[field] = splitList(raw);
        break;
      default:
        input[field] = raw;
    }
  }
  if (!given.has('timeZone') && typeof input.country === 'string')
    input.timeZone = suggestedTimeZone(input.country) ?? null;

  const parsed = participantInput.safeParse(input);
  if (!parsed.success) {
    const flagged = new Set(errors.map((e) => e.field));
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path[0]);
      if (field && flagged.has(field)) continue; // already explained by the value reader
      errors.push({ field, message: issueMessage(issue, input) });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, line: record.line, values, errors };
  return { ok: true, line: record.line, values, fields: parsed.data, given };
}

/** "Line 4: Email: must be an e-mail address". */
export function describeIssue(line: number, issue: FieldIssue): string {
  return issue.field
    ? `Line ${line}: ${IMPORT_FIELD_LABELS[issue.field]}: ${issue.message}`
    : `Line ${line}: ${issue.message}`;
}

/* ------------------------------------------------------------------------------------------------
 * Merging duplicates
 * ---------------------------------------------------------------------------------------------- */

const LIST_CAPS = { languages: 20, aliases: 30, handles: 30 } as const;

function union(existing: readonly string[], added: readonly string[], cap: number): string[] {
  const seen = new Set(existing.map((x) => x.toLowerCase()));
  const out = [...existing];
  for (const item of added) {
    if (seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  return out.slice(0, cap);
}

/**
 * The merge rule for a row whose e-mail is already in the forum (or earlier in the file):
 * - a field the row gives (mapped column, non-empty cell) replaces the stored value; a field the
 *   row does not give keeps the stored value, so an empty cell never erases anything;
 * - the e-mail is kept as stored when it is the same address in another letter case;
 * - languages, aliases and online handles are combined (stored ones first, new ones added, no
 *   duplicates ignoring case, up to the form's limits);
 * - notes are appended as a new paragraph unless the stored notes already contain them;
 * - the time zone, when the row does not give one but changes the country, follows the new
 *   country only if the stored zone was empty or the old country's suggestion;
 * - protection, pseudonym, id and creation date never change (the caller keeps them).
 */
export function mergeParticipantFields(
  existing: ParticipantFields,
  imported: ParticipantFields,
  given: ReadonlySet<ImportField>,
): ParticipantFields {
  const merged: ParticipantFields = { ...existing };
  const copy = <K extends keyof ParticipantFields>(key: K) => {
    merged[key] = imported[key];
  };
  for (const field of given) {
    switch (field) {
      case 'email':
        if ((existing.email ?? '').toLowerCase() !== (imported.email ?? '').toLowerCase())
          merged.email = imported.email;
        break;
      case 'languages':
      case 'aliases':
      case 'handles':
        merged[field] = union(existing[field], imported[field], LIST_CAPS[field]);
        break;
      case 'notes':
        if (imported.notes && !(existing.notes ?? '').includes(imported.notes))
          merged.notes = existing.notes ? `${existing.notes}\n\n${imported.notes}` : imported.notes;
        break;
      case 'gender':
        merged.gender = imported.gender;
        merged.genderSelfDescribed = imported.genderSelfDescribed;
        break;
      case 'fullName':
      case 'preferredName':
      case 'organisation':
      case 'stakeholderGroup':
      case 'country':
      case 'timeZone':
      case 'role':
      case 'consentListed':
      case 'consentInvitations':
        copy(field);
        break;
    }
  }
  if (
    given.has('country') &&
    !given.has('timeZone') &&
    merged.country !== existing.country &&
    (existing.timeZone === null ||
      (existing.country !== null && existing.timeZone === suggestedTimeZone(existing.country)))
  )
    merged.timeZone = imported.timeZone;
  return merged;
}
