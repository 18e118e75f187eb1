/**
 * The outcome report slice of the contract's DTOs (issue 6; re-exported by ./api.ts, which lists
 * the methods). Times are UTC epoch ms; calendar dates are 'YYYY-MM-DD'.
 */
import type {
  CitationKind,
  CommentChannel,
  CommentDisposition,
  RoundPhase,
  RoundStatus,
  SectionKind,
} from './domain/report';
import type { StakeholderGroup } from './domain/vocabulary';
import type { CommentImportField } from './schemas/report';

export interface ReportSummary {
  id: string;
  forumId: string;
  title: string;
  sectionCount: number;
  versionCount: number;
  createdAt: number;
  updatedAt: number;
}

/** A cited source as the editor shows it (title, date), or `missing` if it was deleted. */
export interface CitationTarget {
  kind: CitationKind;
  id: string;
  label: string;
  /** 'YYYY-MM-DD' (received on, or the call's/session's UTC date), if known. */
  date: string | null;
  missing: boolean;
}

export interface ReportSection {
  id: string;
  reportId: string;
  /** 0-based order in the outline (a flat list; `level` gives the nesting). */
  position: number;
  /** 1 = part / top-level section, 2 = section, 3 = subsection. */
  level: number;
  /** Outline number shown in headings and comment rounds ("2", "2.1", "2.1.3"). */
  number: string;
  title: string;
  kind: SectionKind;
  markdown: string;
  /** Raised on every save; send it back as `baseRevision` to `report.saveSection`. */
  revision: number;
  /** For generated sections: when the text was last generated (null: never). */
  generatedAt: number | null;
  /** For generated sections: the data changed since the text was generated. */
  stale: boolean;
  /** The sources the Markdown cites, in order of first mention. */
  citations: CitationTarget[];
  updatedAt: number;
}

export interface ReportVersionSummary {
  id: string;
  reportId: string;
  name: string;
  sectionCount: number;
  createdAt: number;
}

export interface CommentRoundSummary {
  id: string;
  reportId: string;
  phase: RoundPhase;
  title: string;
  versionId: string;
  versionName: string;
  opensOn: string | null;
  closesOn: string | null;
  status: RoundStatus;
  commentCount: number;
  /** Comments still `pending` (a round is accounted for when this is 0). */
  pendingCount: number;
  createdAt: number;
}

export interface Report extends ReportSummary {
  sections: ReportSection[];
  versions: ReportVersionSummary[];
  rounds: CommentRoundSummary[];
}

/** One word-level piece of a difference (as the `diff` package's diffWords gives it). */
export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export type SectionChange = 'added' | 'removed' | 'changed' | 'unchanged';

export interface SectionComparison {
  sectionId: string;
  change: SectionChange;
  /** Number and title in each side (null where the section is absent). */
  fromNumber: string | null;
  toNumber: string | null;
  fromTitle: string | null;
  toTitle: string | null;
  /** Word-level differences of the title and of the text (empty when unchanged). */
  titleParts: DiffPart[];
  parts: DiffPart[];
  wordsAdded: number;
  wordsRemoved: number;
}

export interface ReportComparison {
  reportId: string;
  from: { id: string | null; name: string };
  to: { id: string | null; name: string };
  sections: SectionComparison[];
}

/** A numbered unit a comment can be about: a section (phase 1) or a paragraph (phase 2). */
export interface RoundParagraph {
  /** What commenters write and CSV files carry: "2.1" (a section) or "2.1 ¶3" (a paragraph). */
  ref: string;
  sectionId: string;
  sectionTitle: string;
  /** 1-based paragraph number within the section; null for the section itself. */
  paragraph: number | null;
  /** The first words (up to ~160 characters, redacted as for the participants audience). */
  excerpt: string;
}

export interface ReportComment {
  id: string;
  roundId: string;
  /** '' for a general comment on the whole document. */
  ref: string;
  sectionId: string | null;
  paragraph: number | null;
  participantId: string | null;
  /**
   * The commenter as the rapporteur sees them: a protected participant is shown by pseudonym, an
   * anonymous commenter as "Anonymous".
   */
  commenterName: string;
  anonymous: boolean;
  isProtected: boolean;
  stakeholderGroup: StakeholderGroup | null;
  channel: CommentChannel;
  receivedOn: string | null;
  text: string;
  disposition: CommentDisposition;
  response: string;
  createdAt: number;
  updatedAt: number;
}

export interface CommentRound extends CommentRoundSummary {
  paragraphs: RoundParagraph[];
  comments: ReportComment[];
  /** Counts by disposition (every disposition present, zeros included). */
  byDisposition: Record<CommentDisposition, number>;
}

/** Field -> 0-based CSV column, or null for "not imported". */
export type CommentImportMapping = Record<CommentImportField, number | null>;

export interface CommentImportRow {
  /** Physical line in the file (the header is line 1). */
  line: number;
  ok: boolean;
  /** "Line 4: Paragraph: no paragraph 9.9 in this round". */
  errors: string[];
  ref: string;
  commenterName: string;
  channel: CommentChannel | null;
  text: string;
}

export interface CommentImportResult {
  headers: string[];
  mapping: CommentImportMapping;
  totalRows: number;
  validRows: number;
  /** Every row (up to 1,000 shown) with what would be / was imported. */
  rows: CommentImportRow[];
  /** Comments written (0 on a dry run or when any row is invalid: the import is all or nothing). */
  added: number;
}

/** A print-ready, self-contained HTML document (for PDF: Electron printToPDF or the browser). */
export interface PrintableExport {
  filename: string;
  title: string;
  html: string;
  redactionCount: number;
  pseudonyms: string[];
}
