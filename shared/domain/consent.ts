/**
 * Consent rules of contributions: how (and whether) a contribution may be used in an output for
 * an audience. Pure; the publish path and the UI both ask these functions.
 *
 * - Withdrawn publication: excluded from every export, for every audience.
 * - "May be published" not given: only coordinators' internal exports may use it.
 * - Withdrawn attribution: credited anonymously.
 * How a contribution is credited is the one credit rule of ./credit.ts (`creditLine`).
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

export type ContributionUse =
  | { included: false; reason: 'publication_withdrawn' | 'not_publishable' }
  | { included: true; attribution: Attribution };

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

/** A contributor on record (participant or outside contributor). */
/** Consent fields that, when changed, are recorded in the history and the audit log. */
export const CONSENT_FIELDS = [
  'attribution',
  'mayPublish',
  'consentGivenOn',
  'consentMethod',
] as const;
