/**
 * The one credit rule: how an output (or the UI) credits a contributor or commenter.
 *
 * - named: "Name (Organisation)", or the name alone;
 * - organisation only, when that was the choice (anonymous when no organisation is recorded);
 * - anonymous, when chosen, when attribution was withdrawn, or when nothing is known;
 * - a protected person is their pseudonym (anonymous when anonymous was the choice or they have no
 *   pseudonym) with NO organisation, country, role, gender or development status attached, for
 *   every audience: the organisation alone can single a person out.
 */
import { effectiveAttribution, type ConsentState, type Contributor } from './consent';
import type { Attribution } from './contributions';
import type { Audience } from './vocabulary';

export const ANONYMOUS_CREDIT = 'Anonymous contributor';

export type Credit =
  | { kind: 'named'; text: string }
  | { kind: 'organisation'; text: string }
  | { kind: 'pseudonym'; text: string }
  | { kind: 'anonymous'; text: string };

export interface CreditInput {
  /** Who they are on record; null when unknown. */
  contributor: { name: string; organisation: string | null } | null;
  /** The recorded attribution choice. */
  attribution: Attribution;
  /** When given, a withdrawn attribution makes the credit anonymous. */
  consent?: ConsentState;
  /** The person's protection now (null for outside contributors). */
  protection: { isProtected: boolean; pseudonym: string | null } | null;
  audience: Audience;
  /** The text of an anonymous credit ("Anonymous contributor", "Anonymous"). */
  anonymousText?: string;
}

export function creditLine(c: CreditInput): Credit {
  const anonymous: Credit = { kind: 'anonymous', text: c.anonymousText ?? ANONYMOUS_CREDIT };
  const attribution = c.consent ? effectiveAttribution(c.consent) : c.attribution;
  if (!c.contributor || attribution === 'anonymous') return anonymous;
  if (c.protection?.isProtected)
    return c.protection.pseudonym ? { kind: 'pseudonym', text: c.protection.pseudonym } : anonymous;
  const name = c.contributor.name.trim();
  const organisation = (c.contributor.organisation ?? '').trim();
  if (attribution === 'organisation' || !name)
    return organisation ? { kind: 'organisation', text: organisation } : anonymous;
  return { kind: 'named', text: organisation ? `${name} (${organisation})` : name };
}

/** A person as the coordinators' UI lists them: name, organisation, and a protection mark. */
export function personLabel(p: {
  fullName: string;
  organisation: string | null;
  isProtected: boolean;
}): string {
  return `${p.fullName}${p.organisation ? ` (${p.organisation})` : ''}${p.isProtected ? ' · protected' : ''}`;
}

/** `creditLine` for a contributor record as the services hold it. */
export function creditOfContributor(
  attribution: Attribution,
  who: Contributor | null,
  audience: Audience,
): Credit {
  return creditLine({
    contributor: who && { name: who.name, organisation: who.organisation },
    attribution,
    protection: who && { isProtected: who.isProtected, pseudonym: who.pseudonym },
    audience,
  });
}
