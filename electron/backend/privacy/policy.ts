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
import type { Participant, ParticipantRow } from '../../../shared/api';
import type { Redactor } from '../../../shared/domain/redaction';
import type { Audience } from '../../../shared/domain/vocabulary';

/** Counts what a publication redacted: withheld fields plus free-text replacements. */
export class RedactionTally {
  count = 0;
  readonly pseudonyms = new Set<string>();

  withheld(n: number, pseudonym: string): void {
    this.count += n;
    this.pseudonyms.add(pseudonym);
  }

  /** Runs free text through the redactor and counts what it replaced. */
  text(redactor: Redactor, s: string): string;
  text(redactor: Redactor, s: string | null): string | null;
  text(redactor: Redactor, s: string | null): string | null {
    if (!s) return s;
    const r = redactor.redact(s);
    if (r.count > 0) {
      this.count += r.count;
      for (const p of r.pseudonyms) this.pseudonyms.add(p);
    }
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
      fullName: r.pseudonym ?? 'Protected participant',
      preferredName: null,
      email: null,
      organisation: null,
      country: null,
    };
  const tally = new RedactionTally();
  return {
    ...r,
    fullName: tally.text(redactor, r.fullName),
    preferredName: tally.text(redactor, r.preferredName),
    organisation: tally.text(redactor, r.organisation),
    email: audience === 'participants' ? r.email : null,
  };
}
