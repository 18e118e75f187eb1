/**
 * The redaction policy: what each audience may see of a participant. The UI's "Preview as public"
 * and every export use these same functions, so what a coordinator previews is what leaves.
 *
 * - coordinators: everything, protected people marked as such.
 * - participants: name, organisation, group, country/region, role, e-mail, languages, time zone,
 *   handles. No gender, no notes, no consent flags.
 * - public: name, organisation, group, country/region, role.
 * For both non-coordinator audiences a protected participant becomes their pseudonym: every
 * identifying field is withheld (organisation, country, e-mail, handles, time zone...), only the
 * stakeholder group, region and role stay. Every remaining text goes through the free-text
 * redactor, so a protected person mentioned inside someone else's field is replaced too.
 */
import type { Contribution, Participant, ParticipantRow } from '../../../shared/api';
import type { Redactor } from '../../../shared/domain/redaction';
import type { Audience } from '../../../shared/domain/vocabulary';
import { narrows, type Session } from '../../../shared/methods';
import { DomainError } from '../../../shared/result';
import { redactMarkdown } from './markdown';
import { RedactionTally as PlainTally } from './tally';

/**
 * The tally every area and export uses: its `text` reads a field as Markdown (a name split by
 * emphasis, `**Given** Family`, is found). The tree redactor itself counts with the plain tally.
 */
export class RedactionTally extends PlainTally {
  override text(redactor: Redactor, s: string): string;
  override text(redactor: Redactor, s: string | null): string | null;
  override text(redactor: Redactor, s: string | null): string | null {
    if (!s) return s;
    const r = redactMarkdown(s, redactor);
    this.add(r);
    return r.text;
  }
}

const countPresent = (...values: unknown[]) =>
  values.filter((v) =>
    Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== '',
  ).length;

/** A participant as `audience` may see them. */
export function participantForAudience(
  p: Participant,
  audience: Audience,
  redactor: Redactor,
  tally: RedactionTally = new RedactionTally(),
): Participant {
  if (audience === 'coordinators') return p;
  if (p.isProtected) {
    const pseudonym = p.pseudonym ?? 'Protected participant';
    tally.withheld(
      1 +
        countPresent(
          p.preferredName,
          p.email,
          p.organisation,
          p.country,
          p.timeZone,
          p.aliases,
          p.handles,
          p.notes,
          p.gender,
        ),
      pseudonym,
    );
    return {
      ...p,
      // A reader outside coordinators sees the pseudonym as the name, with nothing marking it.
      isProtected: false,
      pseudonym: null,
      fullName: pseudonym,
      preferredName: null,
      email: null,
      organisation: null,
      country: null,
      developmentStatus: null,
      gender: null,
      genderSelfDescribed: null,
      languages: [],
      timeZone: null,
      aliases: [],
      handles: [],
      notes: null,
    };
  }
  const forParticipants = audience === 'participants';
  return {
    ...p,
    isProtected: false,
    pseudonym: null,
    fullName: tally.text(redactor, p.fullName),
    preferredName: tally.text(redactor, p.preferredName),
    organisation: tally.text(redactor, p.organisation),
    email: forParticipants ? tally.text(redactor, p.email) : null,
    languages: forParticipants ? p.languages : [],
    timeZone: forParticipants ? p.timeZone : null,
    handles: forParticipants ? p.handles.map((h) => tally.text(redactor, h)) : [],
    aliases: [],
    gender: null,
    genderSelfDescribed: null,
    notes: null,
  };
}

/** A list row as `audience` may see it. */
export function rowForAudience(
  r: ParticipantRow,
  audience: Audience,
  redactor: Redactor,
): ParticipantRow {
  if (audience === 'coordinators') return r;
  if (r.isProtected)
    return {
      ...r,
      isProtected: false,
      pseudonym: null,
      fullName: r.pseudonym ?? 'Protected participant',
      preferredName: null,
      email: null,
      organisation: null,
      country: null,
    };
  const tally = new RedactionTally();
  return {
    ...r,
    pseudonym: null,
    fullName: tally.text(redactor, r.fullName),
    preferredName: tally.text(redactor, r.preferredName),
    organisation: tally.text(redactor, r.organisation),
    email: audience === 'participants' ? r.email : null,
  };
}

/** Keys that hold ids, codes and enum values: never free text, left as they are. */
const NOT_TEXT =
  /(^id$|Id$|Ids$|^kind$|^status$|^format$|^zone$|^timeZone$|^region$|^country$|^role$|^stakeholderGroup$|^channel$|^severity$|^audience$|^mimeType$|Date$|^date$|^localTime$|^language$|^languages$)/;

/**
 * Every free-text string of a DTO (at any depth) run through `redact`; ids, codes and dates are
 * left alone. Used for records whose every text field is public once redacted (forum mandate,
 * titles, agendas, minutes, NRI contacts, theme names...).
 */
export function redactStrings<T>(value: T, redact: (s: string) => string, key = ''): T {
  if (typeof value === 'string') return (NOT_TEXT.test(key) ? value : redact(value)) as T;
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, redact, key)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactStrings(v, redact, k);
    return out as T;
  }
  return value;
}

/** The free-text redactor for `audience`: coordinators see everything. */
export function textRedactor(audience: Audience, redactor: Redactor): (s: string) => string {
  if (audience === 'coordinators') return (s) => s;
  return (s) => (s ? redactMarkdown(s, redactor).text : s);
}

/**
 * A contribution as a reader outside coordinators sees it: the texts redacted, credited only as
 * consent allows (`credit`), without the contributor's record, reviewer notes, review history,
 * consent paperwork or possible duplicates.
 */
export function contributionForAudience(
  c: Contribution,
  credit: string,
  redact: (s: string) => string,
): Contribution {
  return {
    ...c,
    title: redact(c.title),
    summary: redact(c.summary),
    body: redact(c.body),
    themeNames: c.themeNames.map(redact),
    sourceTitle: c.sourceTitle === null ? null : redact(c.sourceTitle),
    links: c.links.map(redact),
    contributorId: null,
    contributor: null,
    contributorName: credit,
    contributorOrganisation: '',
    consentGivenOn: null,
    consentMethod: null,
    consentWithdrawnAt: null,
    publicCredit: credit,
    reviewerNotes: '',
    history: [],
    possibleDuplicates: [],
  };
}

/** An export's audience may only narrow the session's: a public session cannot ask for more. */
export function requireNarrowing(session: Session, audience: Audience, kind?: string): void {
  // Incident reports are about targeted people: they never leave for another audience's session.
  if (kind === 'incident-report' && session.audience !== 'coordinators')
    throw new DomainError(
      'forbidden',
      `kind: incident reports are not available to the ${session.audience} audience.`,
      'kind',
    );
  if (!narrows(session, audience))
    throw new DomainError(
      'forbidden',
      `audience: a ${session.audience} session cannot export for ${audience}; choose ${session.audience} or narrower.`,
      'audience',
    );
}
