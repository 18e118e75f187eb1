/** Vocabulary of the outcome report: section kinds, comment rounds and the rapporteur's answers. */

/**
 * What a section holds: free Markdown written by the rapporteur, or a generated, refreshable
 * evidence section (stored as Markdown too, with a fingerprint of the data it was made from).
 */
export const SECTION_KINDS = [
  'text',
  'methodology',
  'practices',
  'contributors',
  'comments',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  text: 'Written',
  methodology: 'Generated: methodology and participation',
  practices: 'Generated: practices by theme and region',
  contributors: 'Generated: contributors',
  comments: 'Generated: analysis of comments',
};
export const GENERATED_SECTION_KINDS = SECTION_KINDS.filter((k) => k !== 'text');
export const isGeneratedKind = (k: SectionKind): boolean => k !== 'text';

/** Outline depth: 1 = a part (or a top-level section), 2 = a section, 3 = a subsection. */
export const MAX_SECTION_LEVEL = 3;

/** Phase 1 takes comments on the principles/outline (per section); phase 2 on the draft, per paragraph. */
export const ROUND_PHASES = [1, 2] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];
export const ROUND_PHASE_LABELS: Record<RoundPhase, string> = {
  1: 'Phase 1: principles and outline',
  2: 'Phase 2: draft, paragraph by paragraph',
};

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const COMMENT_CHANNELS = ['email', 'platform', 'nri_session', 'igf_session'] as const;
export type CommentChannel = (typeof COMMENT_CHANNELS)[number];
export const COMMENT_CHANNEL_LABELS: Record<CommentChannel, string> = {
  email: 'E-mail',
  platform: 'Review platform',
  nri_session: 'NRI session',
  igf_session: 'IGF session',
};

/** `pending` until the rapporteur has accounted for the comment. */
export const COMMENT_DISPOSITIONS = [
  'pending',
  'accepted',
  'partly_accepted',
  'noted',
  'declined',
] as const;
export type CommentDisposition = (typeof COMMENT_DISPOSITIONS)[number];
export const COMMENT_DISPOSITION_LABELS: Record<CommentDisposition, string> = {
  pending: 'Not yet answered',
  accepted: 'Accepted',
  partly_accepted: 'Partly accepted',
  noted: 'Noted',
  declined: 'Declined',
};
/** Answers that must say why (a response text is required). */
export const DISPOSITIONS_NEEDING_RESPONSE: readonly CommentDisposition[] = [
  'partly_accepted',
  'declined',
];

/** The things a section can cite: `[@contribution:<id>]`, `[@call:<id>]`, `[@session:<id>]`. */
export const CITATION_KINDS = ['contribution', 'call', 'session'] as const;
export type CitationKind = (typeof CITATION_KINDS)[number];
