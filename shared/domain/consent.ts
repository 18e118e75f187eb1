/**
 * Consent rules of contributions: how (and whether) a contribution may be used in an output for
 * an audience. Pure; the publish path and the UI both ask these functions.
 *
 * - Withdrawn publication: excluded from every export, for every audience.
 * - "May be published" not given: only coordinators' internal exports may use it.
 * - Withdrawn attribution: credited anonymously.
 * - A protected contributor is never named in an output: credited by pseudonym, or anonymously
 *   when the recorded choice is anonymous; whatever the recorded choice, for every audience.
 */
import type { Attribution, WithdrawalScope } from './contributions';
import type { Audience } from './vocabulary';

export interface ConsentState {
  attribution: Attribution;
  mayPublish: boolean;
  /** What the contributor withdrew, if anything. */
  withdrawn: WithdrawalScope | null;
}

export interface Contributor {
  /** The person's name (a participant's, or the outside contributor's); '' when unknown. */
  name: string;
  organisation: string;
  isProtected: boolean;
  pseudonym: string | null;
}

/** How an output credits a contribution. */
export type Credit =
  | { kind: 'named'; text: string }
  | { kind: 'organisation'; text: string }
  | { kind: 'pseudonym'; text: string }
  | { kind: 'anonymous'; text: string };

export type ContributionUse =
  | { included: false; reason: 'publication_withdrawn' | 'not_publishable' }
  | { included: true; attribution: Attribution };

export const ANONYMOUS_CREDIT = 'Anonymous contributor';

/** The attribution that holds now: a withdrawn attribution means anonymous. */
export function effectiveAttribution(c: ConsentState): Attribution {
  return c.withdrawn === 'attribution' ? 'anonymous' : c.attribution;
}

/** Whether an export for `audience` may use the contribution at all, and with which attribution. */
export function contributionUse(c: ConsentState, audience: Audience): ContributionUse {
  if (c.withdrawn === 'publication') return { included: false, reason: 'publication_withdrawn' };
  if (!c.mayPublish && audience !== 'coordinators')
    return { included: false, reason: 'not_publishable' };
  return { included: true, attribution: effectiveAttribution(c) };
}

/** The credit line of a contribution in an output. */
export function creditFor(attribution: Attribution, who: Contributor | null): Credit {
  const anonymous: Credit = { kind: 'anonymous', text: ANONYMOUS_CREDIT };
  if (!who || attribution === 'anonymous') return anonymous;
  if (who.isProtected)
    return who.pseudonym ? { kind: 'pseudonym', text: who.pseudonym } : anonymous;
  const name = who.name.trim();
  const organisation = who.organisation.trim();
  if (attribution === 'organisation')
    return organisation ? { kind: 'organisation', text: organisation } : anonymous;
  if (!name) return organisation ? { kind: 'organisation', text: organisation } : anonymous;
  return { kind: 'named', text: organisation ? `${name} (${organisation})` : name };
}

/** Consent fields that, when changed, are recorded in the history and the audit log. */
export const CONSENT_FIELDS = [
  'attribution',
  'mayPublish',
  'consentGivenOn',
  'consentMethod',
] as const;
