/**
 * The contributions slice of the contract's DTOs (re-exported by ./api.ts, which lists the
 * methods). Kept in its own file so areas can grow the contract without editing the same lines.
 */
import type { Region } from './domain/countries';
import type {
  Attribution,
  ConsentMethod,
  ContributionKind,
  ContributionSource,
  ContributionStatus,
  WithdrawalScope,
} from './domain/contributions';
import type { StakeholderGroup } from './domain/vocabulary';
import type { ContributionImportField } from './schemas/contributions';

export interface Theme {
  id: string;
  forumId: string;
  name: string;
  /** Contributions tagged with it. */
  contributionCount: number;
}

/** A piece of text with the search hits marked, for rendering without HTML. */
export type HighlightedText = { text: string; hit: boolean }[];

export interface ContributorInfo {
  id: string;
  fullName: string;
  organisation: string | null;
  email: string | null;
  stakeholderGroup: StakeholderGroup;
  isProtected: boolean;
  pseudonym: string | null;
}

export interface ContributionHistoryEntry {
  id: string;
  at: number;
  actor: string;
  /** created | updated | status | consent | consent_withdrawn | imported */
  action: string;
  field: string | null;
  from: unknown;
  to: unknown;
  note: string | null;
}

export interface DuplicateCandidate {
  id: string;
  title: string;
  status: ContributionStatus;
  /** What made it similar. */
  reason: 'title' | 'text';
  /** 0-1 */
  score: number;
}

export interface ContributionRow {
  id: string;
  title: string;
  summary: string;
  kind: ContributionKind;
  status: ContributionStatus;
  source: ContributionSource;
  country: string | null;
  region: Region | null;
  receivedOn: string;
  attribution: Attribution;
  mayPublish: boolean;
  consentWithdrawnScope: WithdrawalScope | null;
  /** Who contributed, as the audience may see it ("Anonymous contributor" when hidden). */
  contributorLabel: string;
  stakeholderGroup: StakeholderGroup | null;
  themeNames: string[];
  /** With a search: the best matching passage, hits marked. */
  snippet: HighlightedText | null;
  /** With a search: the title with hits marked. */
  titleHighlighted: HighlightedText | null;
}

export interface ContributionPage {
  total: number;
  offset: number;
  rows: ContributionRow[];
}

export interface Contribution {
  id: string;
  forumId: string;
  title: string;
  summary: string;
  body: string;
  kind: ContributionKind;
  country: string | null;
  region: Region | null;
  themeIds: string[];
  themeNames: string[];
  source: ContributionSource;
  sourceCallId: string | null;
  sourceSessionId: string | null;
  /** The linked call's or session's title, when the row exists. */
  sourceTitle: string | null;
  contributorId: string | null;
  contributor: ContributorInfo | null;
  contributorName: string;
  contributorOrganisation: string;
  language: string;
  receivedOn: string;
  links: string[];
  attribution: Attribution;
  mayPublish: boolean;
  consentGivenOn: string | null;
  consentMethod: ConsentMethod | null;
  consentWithdrawnAt: number | null;
  consentWithdrawnScope: WithdrawalScope | null;
  /** How public outputs credit it now (consent and protection applied); null if excluded. */
  publicCredit: string | null;
  status: ContributionStatus;
  reviewerNotes: string;
  history: ContributionHistoryEntry[];
  possibleDuplicates: DuplicateCandidate[];
  createdAt: number;
  updatedAt: number;
}

export interface NoteHit {
  type: 'call' | 'session';
  id: string;
  title: string;
  startAt: number | null;
  snippet: HighlightedText;
}

export interface ContributionSearch {
  contributions: ContributionRow[];
  contributionTotal: number;
  notes: NoteHit[];
}

export interface CoverageBar {
  key: string;
  label: string;
  /** 0 where the figure is suppressed (see `shown`). */
  count: number;
  /** Outside coordinators: the figure as published ("<3", "x" or the count). */
  shown?: string;
}

export interface ContributionCoverage {
  /** Accepted contributions still usable (publication not withdrawn). */
  accepted: number;
  /** Outside coordinators: the total as published ("<3" or the count). */
  acceptedShown?: string;
  byRegion: CoverageBar[];
  byTheme: CoverageBar[];
  byKind: CoverageBar[];
  byStakeholderGroup: CoverageBar[];
}

export interface SourceOption {
  id: string;
  title: string;
  startAt: number;
}

export interface ContributionSources {
  calls: SourceOption[];
  sessions: SourceOption[];
}

/** Field -> 0-based CSV column, or null for "not imported". */
export type ContributionImportColumns = Record<ContributionImportField, number | null>;

export interface ContributionImportRowError {
  /** Physical line in the file (the header is line 1; quoted line breaks count). */
  line: number;
  field: ContributionImportField | null;
  message: string;
}

export interface ContributionImportPreviewRow {
  line: number;
  valid: boolean;
  title: string;
  contributor: string;
  /** The participant the contributor e-mail matched, if any. */
  matchedParticipant: string | null;
  errors: ContributionImportRowError[];
}

export interface ContributionImportPreview {
  headers: string[];
  mapping: ContributionImportColumns;
  totalRows: number;
  validRows: number;
  /** Rows whose contributor e-mail matches a participant of the forum. */
  matchedContributors: number;
  /** Theme names in the file that are not themes of the forum yet (created on import). */
  newThemes: string[];
  preview: ContributionImportPreviewRow[];
  errors: ContributionImportRowError[];
  errorCount: number;
}

export interface ContributionImportStatus {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Checking, preparing ('writing'), then saving in one transaction ('saving': no longer cancellable). */
  phase: 'validating' | 'writing' | 'saving';
  total: number;
  processed: number;
  added: number;
  skipped: number;
  error?: string;
}
