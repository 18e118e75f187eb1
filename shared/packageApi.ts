/** DTOs of the forum package (handover) and retention methods (issue 13 §4, §5). */
import type { ForumSummary } from './api';

export interface PackageCount {
  /** The table, as stored ("participants", "calls", ...). */
  kind: string;
  /** What a coordinator reads ("Participants", "Calls", ...). */
  label: string;
  count: number;
}

/** What "Import forum package" will bring in, shown before anything is written. */
export interface ForumPackagePreview {
  title: string;
  topic: string;
  year: number;
  exportedAt: number;
  schemaVersion: number;
  includesSafeguards: boolean;
  counts: PackageCount[];
  /** This database already holds the forum: it comes in as a copy with new ids. */
  alreadyPresent: boolean;
}

export interface ForumPackageImport {
  forum: ForumSummary;
  counts: PackageCount[];
  /** How many ids were replaced because this database already held them. */
  remappedIds: number;
}

/** A forum's retention setting and whether it is due. */
export interface RetentionStatus {
  forumId: string;
  /** Months after the final report milestone; null when retention is off. */
  months: number | null;
  /** The final report milestone's date (YYYY-MM-DD), if the timeline has one. */
  finalReportOn: string | null;
  /** The day personal data becomes due for deletion (YYYY-MM-DD), or null. */
  dueOn: string | null;
  /** Due and not yet applied: the overview offers it. */
  due: boolean;
  /** When it was applied (UTC epoch ms), or null. */
  appliedAt: number | null;
}

export interface RetentionResult {
  forumId: string;
  /** Participants whose names, e-mails and handles were replaced by pseudonyms. */
  participants: number;
  /** Stored text values rewritten (free-text mentions replaced). */
  rewrittenValues: number;
}
