/** Vocabulary of contributions (best practices, case studies, stories) and their review. */
import { fold } from './fold';

export const CONTRIBUTION_KINDS = [
  'practice',
  'case_study',
  'story',
  'survey_answer',
  'resource',
] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
export const CONTRIBUTION_KIND_LABELS: Record<ContributionKind, string> = {
  practice: 'Practice',
  case_study: 'Case study',
  story: 'Story',
  survey_answer: 'Survey answer',
  resource: 'Resource',
};

export const CONTRIBUTION_SOURCES = [
  'call',
  'nri_session',
  'survey',
  'email',
  'desk_research',
  'other',
] as const;
export type ContributionSource = (typeof CONTRIBUTION_SOURCES)[number];
export const CONTRIBUTION_SOURCE_LABELS: Record<ContributionSource, string> = {
  call: 'Call',
  nri_session: 'NRI session',
  survey: 'Survey',
  email: 'E-mail',
  desk_research: 'Desk research',
  other: 'Other',
};

export const CONTRIBUTION_STATUSES = [
  'submitted',
  'in_review',
  'needs_information',
  'accepted',
  'declined',
] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
export const CONTRIBUTION_STATUS_LABELS: Record<ContributionStatus, string> = {
  submitted: 'Submitted',
  in_review: 'In review',
  needs_information: 'Needs information',
  accepted: 'Accepted',
  declined: 'Declined',
};

/** The keys of `labels` in the alphabetical order of their labels (folded, as names sort). */
function byLabel<K extends string>(labels: Record<K, string>): K[] {
  const key = (k: K) => fold(labels[k]);
  return (Object.keys(labels) as K[]).sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0,
  );
}

/** The order of the list sorted by kind or by status: the order of the labels it shows. */
export const CONTRIBUTION_KINDS_BY_LABEL = byLabel(CONTRIBUTION_KIND_LABELS);
export const CONTRIBUTION_STATUSES_BY_LABEL = byLabel(CONTRIBUTION_STATUS_LABELS);

export const ATTRIBUTIONS = ['named', 'organisation', 'anonymous'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];
export const ATTRIBUTION_LABELS: Record<Attribution, string> = {
  named: 'By name',
  organisation: 'Organisation only',
  anonymous: 'Anonymous',
};

export const CONSENT_METHODS = ['email', 'form', 'call', 'other'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  email: 'E-mail',
  form: 'Form',
  call: 'In a call',
  other: 'Other',
};

/** What a contributor can withdraw: the whole contribution, or only being credited. */
export const WITHDRAWAL_SCOPES = ['publication', 'attribution'] as const;
export type WithdrawalScope = (typeof WITHDRAWAL_SCOPES)[number];
export const WITHDRAWAL_SCOPE_LABELS: Record<WithdrawalScope, string> = {
  publication: 'Publication (exclude the contribution from every export)',
  attribution: 'Attribution (keep the contribution, credit it anonymously)',
};
