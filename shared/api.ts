/**
 * The contract between the UI and the backend. Every method takes ONE object (validated by its zod
 * schema in shared/schemas) and returns a DTO. Both shells serve exactly this.
 */
import type { Region, DevelopmentStatus } from './domain/countries';
import type { ForumRole, Gender, MilestoneKind, StakeholderGroup } from './domain/vocabulary';
import type {
  IncidentAction,
  IncidentChannel,
  IncidentSeverity,
  IncidentStatus,
} from './domain/safeguards';
import type { Audience } from './domain/vocabulary';
import type {
  ActionItemStatus,
  AttendanceStatus,
  CallPhase,
  CallStatus,
  CountCell,
} from './domain/calls';
import type { AttendanceFormat } from './domain/attendanceReport';
import type { CallSlot } from './domain/schedule';
import type { NriKind, SessionAttendanceStatus, SessionFormat, SessionStatus } from './domain/nris';
import type { DuplicatePolicy, ImportField } from './schemas/participantImport';
import type { MethodInput, MethodName } from './schemas';
import type {
  Contribution,
  ContributionCoverage,
  ContributionImportPreview,
  ContributionImportStatus,
  ContributionPage,
  ContributionSearch,
  ContributionSources,
  DuplicateCandidate,
  Theme,
} from './contributionsApi';
import type { RepresentationDashboard, StakeholderMap } from './representationApi';
import type {
  CitationTarget,
  CommentImportResult,
  CommentRound,
  PrintableExport,
  Report,
  ReportComment,
  ReportComparison,
  ReportSection,
  ReportSummary,
  ReportVersionSummary,
} from './reportApi';
import type {
  ForumPackageImport,
  ForumPackagePreview,
  RetentionResult,
  RetentionStatus,
} from './packageApi';

export type * from './contributionsApi';
export type * from './representationApi';
export type * from './reportApi';
export type * from './packageApi';

export type { MethodName, MethodInput } from './schemas';

export interface MethodDescription {
  name: string;
  /** JSON Schema (draft 2020-12) of the method's input. */
  input: unknown;
  /** True when the method changes stored data (an audit record counts). */
  writes: boolean;
  /** The audiences whose sessions may call it. */
  audiences: Audience[];
}

/** A narrower session: send `token` as the Bearer token (browser) or IPC session token. */
export interface OpenedSession {
  token: string;
  audience: Audience;
}

export interface SystemInfo {
  version: string;
  shell: 'electron' | 'browser' | 'test';
  dbFile: string;
}

export interface BackupSettings {
  /** The folder backups are written to (the user picks it; default: `backups` next to the file). */
  folder: string;
  /** How many backups are kept; older ones are deleted after each new one. */
  keep: number;
  /** Whether a backup is made daily while the app runs. */
  daily: boolean;
  /** When the last backup was made (epoch ms), or null. */
  lastBackupAt: number | null;
}

export interface BackupEntry {
  /** File name inside the backup folder. */
  name: string;
  /** When it was made (epoch ms). */
  createdAt: number;
  size: number;
  /** Forums in it, or null when it does not open with the current key (made before a passphrase change). */
  forumCount: number | null;
}

export interface RestoreResult {
  restored: string;
  /** The backup made of the file that was replaced. */
  keptAs: string;
}

export interface Milestone {
  id: string;
  kind: MilestoneKind;
  label: string;
  date: string;
}

export interface ForumSummary {
  id: string;
  title: string;
  topic: string;
  year: number;
  /** When the forum was archived (UTC epoch ms): hidden from the switcher and read-only. */
  archivedAt?: number | null;
}

export interface Forum extends ForumSummary {
  mandate: string;
  milestones: Milestone[];
  participantCount: number;
  createdAt: number;
  updatedAt: number;
}

export interface Participant {
  id: string;
  forumId: string;
  fullName: string;
  preferredName: string | null;
  email: string | null;
  organisation: string | null;
  stakeholderGroup: StakeholderGroup;
  country: string | null;
  region: Region | null;
  developmentStatus: DevelopmentStatus | null;
  gender: Gender | null;
  genderSelfDescribed: string | null;
  languages: string[];
  timeZone: string | null;
  aliases: string[];
  handles: string[];
  consentListed: boolean;
  consentInvitations: boolean;
  role: ForumRole;
  notes: string | null;
  isProtected: boolean;
  pseudonym: string | null;
  createdAt: number;
  updatedAt: number;
}

/** One row of the participant list: what the table shows. */
export type ParticipantRow = Pick<
  Participant,
  | 'id'
  | 'fullName'
  | 'preferredName'
  | 'email'
  | 'organisation'
  | 'stakeholderGroup'
  | 'country'
  | 'region'
  | 'role'
  | 'consentListed'
  | 'consentInvitations'
  | 'isProtected'
  | 'pseudonym'
>;

export interface Page<T> {
  total: number;
  offset: number;
  rows: T[];
}

/** What a bulk action on participants did. */
export interface BulkParticipantsResult {
  /** How many participants were selected. */
  count: number;
  /** How many of them changed (the others already had that role or protection). */
  changed: number;
}

/** A named search, filters and sort of one list (`params` as the list's query fields). */
export interface SavedFilter {
  id: string;
  forumId: string;
  list: 'participants' | 'contributions';
  name: string;
  params: Record<string, string | number | boolean | null>;
  createdAt: number;
}

export interface Removed {
  id: string;
  /** Until when `participants.restore` can bring it back (epoch ms). */
  restorableUntil: number;
}

export interface AuditEntry {
  id: string;
  at: number;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  /** The subject in words (a participant's name, or pseudonym when protected); null when none. */
  subjectLabel?: string | null;
  detail: Record<string, unknown>;
}

export interface DisruptiveActor {
  id: string;
  forumId: string;
  name: string;
  names: string[];
  emails: string[];
  handles: string[];
  excluded: boolean;
  notes: string;
  createdAt: number;
  updatedAt: number;
}

/** One identifier of a disruptive actor that a participant's details match. */
export interface ActorMatch {
  actorId: string;
  actorName: string;
  excluded: boolean;
  /** Which participant field matched (fullName, email, handles, ...). */
  field: string;
  identifier: string;
}

export interface IncidentTarget {
  id: string;
  fullName: string;
  isProtected: boolean;
  pseudonym: string | null;
}

export interface Incident {
  id: string;
  forumId: string;
  occurredAt: number;
  channel: IncidentChannel;
  severity: IncidentSeverity;
  status: IncidentStatus;
  description: string;
  actions: IncidentAction[];
  supportOffered: string;
  targets: IncidentTarget[];
  actors: DisruptiveActor[];
  createdAt: number;
  updatedAt: number;
}

export interface IncidentCreated {
  incident: Incident;
  /** Participants protected in the same step. */
  protectedIds: string[];
}

export interface ExportPreview {
  filename: string;
  mimeType: string;
  audience: Audience;
  /** Rows or entries in the export. */
  itemCount: number;
  /** Identifiers replaced by pseudonyms or withheld. */
  redactionCount: number;
  /** The pseudonyms that appear in the export. */
  pseudonyms: string[];
}

export interface ExportFile extends ExportPreview {
  /** The file's bytes, base64-encoded, for the shell to save. */
  base64: string;
}

/** A participant's fields as a CSV import will write them. */
export type ImportedParticipant = Pick<
  Participant,
  | 'fullName'
  | 'preferredName'
  | 'email'
  | 'organisation'
  | 'stakeholderGroup'
  | 'country'
  | 'gender'
  | 'genderSelfDescribed'
  | 'languages'
  | 'timeZone'
  | 'aliases'
  | 'handles'
  | 'consentListed'
  | 'consentInvitations'
  | 'role'
  | 'notes'
>;

/** Field -> 0-based CSV column, or null for "not imported". */
export type ImportColumnMapping = Record<ImportField, number | null>;

/** Why a row of the file cannot be imported as it is ("Line 4: Email: must be an e-mail address"). */
export interface ImportRowError {
  /** Physical line in the file (the header is line 1; quoted line breaks count). */
  line: number;
  /** The field the problem is about; null for the row's structure (e.g. an unclosed quote). */
  field: ImportField | null;
  message: string;
}

export type ImportRowAction = 'add' | 'merge' | 'skip' | 'invalid';

export interface ImportPreviewRow {
  line: number;
  action: ImportRowAction;
  /** Why a row is merged or skipped ("Same e-mail as line 3", "Already in the forum"). */
  reason: string | null;
  /** The mapped cells as text (with any fix applied): what an inline fix starts from. */
  values: Record<ImportField, string>;
  /** The fields as they will be written; null for an invalid row. */
  participant: ImportedParticipant | null;
  errors: ImportRowError[];
}

export interface ImportDuplicateRow {
  line: number;
  email: string;
  /** True if the e-mail is already in the forum; false if it repeats an earlier line of the file. */
  existing: boolean;
  /** The earlier line of the file with the same e-mail, if any. */
  firstLine: number | null;
}

export interface ImportPreview {
  headers: string[];
  delimiter: ',' | ';' | '\t';
  /** The mapping used: the one given, or the one suggested from the header names. */
  mapping: ImportColumnMapping;
  /** Data rows in the file (blank lines left out). */
  totalRows: number;
  /** Rows that pass validation (after fixes). */
  validRows: number;
  /** What the import would do with every row, given the duplicate policy and skipped lines. */
  counts: Record<ImportRowAction, number>;
  /** The first rows of the file, as they will be imported. */
  preview: ImportPreviewRow[];
  /** Every problem of every invalid row, up to a cap (`errorCount` has them all). */
  errors: ImportRowError[];
  errorCount: number;
  /** The invalid rows with their mapped values (for inline fixes), up to the same cap. */
  invalidRows: { line: number; values: Record<ImportField, string> }[];
  invalidCount: number;
  duplicateRows: ImportDuplicateRow[];
  duplicateCount: number;
  duplicates: DuplicatePolicy;
  /**
   * Rows checked: `totalRows` for the whole file, fewer for a first page (`firstPage`), where the
   * counts, errors and duplicates cover the checked rows only.
   */
  checkedRows?: number;
}

export interface ImportSummary {
  total: number;
  added: number;
  merged: number;
  skipped: number;
}

export type ImportJobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface ImportJobStatus extends ImportSummary {
  jobId: string;
  state: ImportJobState;
  /**
   * Checking every row first, then preparing the records ('writing'), then saving them in one
   * transaction ('saving': from then on a cancel can no longer stop it).
   */
  phase: 'validating' | 'writing' | 'saving';
  /** Rows handled so far (of `total`). */
  processed: number;
  error?: string;
}

/** A National or Regional IGF Initiative in the directory (one directory for all forums). */
export interface Nri {
  id: string;
  name: string;
  kind: NriKind;
  country: string | null;
  region: Region | null;
  website: string;
  contactName: string;
  contactEmail: string;
  notes: string;
  /** Onsite sessions (of any forum) held at this NRI's events. */
  sessionCount: number;
  createdAt: number;
  updatedAt: number;
}

export interface NriRemoved {
  id: string;
  /** Sessions that stay, no longer linked to an NRI. */
  unlinkedSessions: number;
}

/** One row of the onsite sessions list. The start is a UTC instant; `zone` is the venue's. */
export interface OnsiteSessionSummary {
  id: string;
  forumId: string;
  nriId: string | null;
  nriName: string | null;
  title: string;
  startAt: number;
  durationMinutes: number;
  zone: string;
  /** The venue's wall clock at the start: 'YYYY-MM-DD' and 'HH:mm'. */
  localDate: string;
  localTime: string;
  venue: string;
  format: SessionFormat;
  status: SessionStatus;
  attendedCount: number;
}

export interface SessionAttendanceEntry {
  participantId: string;
  /** The name as the audience may see it (a pseudonym for a protected participant). */
  fullName: string;
  stakeholderGroup: StakeholderGroup;
  isProtected: boolean;
  pseudonym: string | null;
  status: SessionAttendanceStatus;
}

export interface OnsiteSession extends OnsiteSessionSummary {
  localHosts: string;
  notes: string;
  outcomes: string;
  /** iCalendar SEQUENCE: raised on every change. */
  sequence: number;
  attendance: SessionAttendanceEntry[];
  createdAt: number;
  updatedAt: number;
}

/* ---- Calls (issue 4) ---- */

export type { CallSlot } from './domain/schedule';
export type { CountCell } from './domain/calls';

export interface CallSeries {
  id: string;
  forumId: string;
  title: string;
  firstDate: string;
  cadenceWeeks: number;
  endDate: string | null;
  occurrenceCount: number | null;
  durationMinutes: number;
  slots: CallSlot[];
  /** Empty for the public audience. */
  meetingLink: string;
  description: string;
  /** Reminder offsets (minutes before each call) written as VALARMs. */
  reminders: number[];
  sequence: number;
  callCount: number;
  /** Start of the next scheduled call (epoch ms), if any. */
  nextCallAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface CallSummary {
  id: string;
  forumId: string;
  seriesId: string | null;
  occurrenceIndex: number | null;
  title: string;
  startAt: number;
  durationMinutes: number;
  /** The zone the call was planned in ('UTC' for UTC-fixed slots). */
  zone: string;
  status: CallStatus;
  /** Scheduled, held, needs minutes or cancelled (shared/domain/calls callPhase). */
  phase: CallPhase;
  moved: boolean;
  /** Planned start before any move. */
  originalStartAt: number | null;
  sequence: number;
}

export interface CallSeriesDetails extends CallSeries {
  calls: CallSummary[];
}

export interface AgendaItem {
  id: string;
  position: number;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  minutes: string;
}

export interface AttendanceEntry {
  participantId: string;
  /** As the audience may see it (a pseudonym for a protected participant outside coordinators). */
  fullName: string;
  stakeholderGroup: StakeholderGroup;
  region: Region | null;
  isProtected: boolean;
  status: AttendanceStatus | null;
  /** Minutes in the call from an imported platform report (null when marked by hand). */
  minutesPresent: number | null;
}

/** One attendee of an imported platform report, with the member they were matched to. */
export interface AttendanceReportRow {
  key: string;
  name: string;
  email: string | null;
  minutes: number | null;
  match: { participantId: string; fullName: string; by: 'email' | 'name' } | null;
  /** Set when the attendee matches a disruptive actor: flagged before anything is recorded. */
  actor: {
    actorId: string;
    actorName: string;
    excluded: boolean;
    incidentId: string | null;
  } | null;
}

export interface AttendanceReportPreview {
  format: AttendanceFormat;
  formatLabel: string;
  callMinutes: number;
  rows: AttendanceReportRow[];
}

/** Something deleted, restorable until `restorableUntil` (epoch ms) with `trash.restore`. */
export interface Deleted {
  trashId: string;
  kind: 'callSeries' | 'call' | 'actionItem' | 'session';
  label: string;
  restorableUntil: number;
}

export interface Restored {
  kind: Deleted['kind'];
  subjectId: string;
  forumId: string;
}

export interface AttendanceCounts {
  byStatus: Record<AttendanceStatus, number>;
  /** Attended, with small cells shown as "<3". */
  attended: string;
  byStakeholderGroup: CountCell[];
  byRegion: CountCell[];
  byGender: CountCell[];
}

export interface ActionItem {
  id: string;
  forumId: string;
  callId: string | null;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  status: ActionItemStatus;
  createdAt: number;
  updatedAt: number;
}

export interface CallDetails extends CallSummary {
  seriesTitle: string | null;
  /** Empty for the public audience. */
  meetingLink: string;
  minutes: string;
  agenda: AgendaItem[];
  attendance: AttendanceEntry[];
  counts: AttendanceCounts;
  actionItems: ActionItem[];
}

export interface RegionBurden {
  region: string;
  label: string;
  members: number;
  /** Average burden (0-4) at each UTC hour 0..23. */
  hours: number[];
  /** For each slot asked about: the members' local start times and the region's average burden. */
  slots: { localTimes: string[]; burden: number }[];
}

export interface BurdenReport {
  dates: string[];
  regions: RegionBurden[];
  /** Members without a time zone (not scored). */
  withoutZone: number;
}

export interface TimeSuggestion {
  slots: CallSlot[];
  /** Highest region average burden over the rotation. */
  worstRegionBurden: number;
  /** Highest burden any region has at any single call of the rotation. */
  worstCallBurden: number;
  totalBurden: number;
  perRegion: { region: string; label: string; burden: number }[];
  /** With days chosen: the weekday (1 = Monday) the calls move to, and their dates there. */
  day?: number;
  dates?: string[];
  /** For each slot, whether it is a current slot kept fixed. */
  fixed?: boolean[];
  /** The heat map for those dates, with the suggested slots scored. */
  report?: BurdenReport;
  /** Each region's worst call of the suggestion, in local time. */
  worstCalls?: WorstCall[];
  /** The current slots scored the same way, on their own day (null without current slots). */
  current?: { day: number; worstCallBurden: number; worstRegionBurden: number } | null;
}

export interface WorstCall {
  region: string;
  label: string;
  zone: string;
  date: string;
  /** 1-based slot number in the rotation. */
  slot: number;
  burden: number;
  /** e.g. "Fri 06:30". */
  localStart: string;
  /** Minutes the call starts before 08:00 or ends after 20:00 local (0 when inside). */
  outsideMinutes: number;
  side: 'before' | 'after' | null;
}

export interface TimelineEntry {
  kind: 'call' | 'session';
  id: string;
  title: string;
  startAt: number;
  durationMinutes: number;
  zone: string;
  status: string;
  seriesId: string | null;
}

export interface AppApi {
  'system.describe'(input: MethodInput<'system.describe'>): Promise<MethodDescription[]>;
  'system.info'(input: MethodInput<'system.info'>): Promise<SystemInfo>;
  /** "Preview as public": a session that may only see less than the current one. */
  'session.open'(input: MethodInput<'session.open'>): Promise<OpenedSession>;
  'system.changePassphrase'(
    input: MethodInput<'system.changePassphrase'>,
  ): Promise<{ changed: true }>;

  'backups.settings'(input: MethodInput<'backups.settings'>): Promise<BackupSettings>;
  'backups.updateSettings'(input: MethodInput<'backups.updateSettings'>): Promise<BackupSettings>;
  'backups.create'(input: MethodInput<'backups.create'>): Promise<BackupEntry>;
  'backups.list'(input: MethodInput<'backups.list'>): Promise<BackupEntry[]>;
  'backups.restore'(input: MethodInput<'backups.restore'>): Promise<RestoreResult>;

  'forums.list'(input: MethodInput<'forums.list'>): Promise<ForumSummary[]>;
  'forums.get'(input: MethodInput<'forums.get'>): Promise<Forum>;
  'forums.create'(input: MethodInput<'forums.create'>): Promise<Forum>;
  'forums.update'(input: MethodInput<'forums.update'>): Promise<Forum>;
  'forums.open'(input: MethodInput<'forums.open'>): Promise<Forum>;
  'forums.current'(input: MethodInput<'forums.current'>): Promise<Forum | null>;
  'forums.loadSample'(input: MethodInput<'forums.loadSample'>): Promise<Forum>;
  /** "Export forum package": one forum, encrypted for a recipient's passphrase (audited). */
  'forums.exportPackage'(input: MethodInput<'forums.exportPackage'>): Promise<ExportFile>;
  /** What an import would bring in; writes nothing. */
  'forums.previewPackage'(
    input: MethodInput<'forums.previewPackage'>,
  ): Promise<ForumPackagePreview>;
  /** "Import forum package": one transaction, ids remapped on collision. */
  'forums.importPackage'(input: MethodInput<'forums.importPackage'>): Promise<ForumPackageImport>;
  'forums.retention'(input: MethodInput<'forums.retention'>): Promise<RetentionStatus>;
  'forums.setRetention'(input: MethodInput<'forums.setRetention'>): Promise<RetentionStatus>;
  /** Replaces the forum's personal data by pseudonyms (audited; confirmed by typing the title). */
  'forums.applyRetention'(input: MethodInput<'forums.applyRetention'>): Promise<RetentionResult>;
  /** Hides the forum from the switcher and makes it read-only (audited). */
  'forums.archive'(input: MethodInput<'forums.archive'>): Promise<Forum>;
  'forums.unarchive'(input: MethodInput<'forums.unarchive'>): Promise<Forum>;
  /** Deletes the forum and everything in it, in one audited transaction (confirmed by its title). */
  'forums.remove'(input: MethodInput<'forums.remove'>): Promise<{ removed: true; title: string }>;

  'participants.list'(input: MethodInput<'participants.list'>): Promise<Page<ParticipantRow>>;
  'participants.get'(input: MethodInput<'participants.get'>): Promise<Participant>;
  'participants.create'(input: MethodInput<'participants.create'>): Promise<Participant>;
  'participants.update'(input: MethodInput<'participants.update'>): Promise<Participant>;
  'participants.remove'(input: MethodInput<'participants.remove'>): Promise<Removed>;
  'participants.restore'(input: MethodInput<'participants.restore'>): Promise<Participant>;
  'participants.importPreview'(
    input: MethodInput<'participants.importPreview'>,
  ): Promise<ImportPreview>;
  'participants.importStart'(
    input: MethodInput<'participants.importStart'>,
  ): Promise<{ jobId: string }>;
  'participants.importStatus'(
    input: MethodInput<'participants.importStatus'>,
  ): Promise<ImportJobStatus>;
  'participants.importCancel'(
    input: MethodInput<'participants.importCancel'>,
  ): Promise<ImportJobStatus>;
  'participants.protect'(input: MethodInput<'participants.protect'>): Promise<Participant>;
  'participants.unprotect'(input: MethodInput<'participants.unprotect'>): Promise<Participant>;
  /** "Change role" for a selection: all or none, one audit record per person. */
  'participants.setRoleMany'(
    input: MethodInput<'participants.setRoleMany'>,
  ): Promise<BulkParticipantsResult>;
  /** "Protect" for a selection: all or none, one audit record per person. */
  'participants.protectMany'(
    input: MethodInput<'participants.protectMany'>,
  ): Promise<BulkParticipantsResult>;

  'savedFilters.list'(input: MethodInput<'savedFilters.list'>): Promise<SavedFilter[]>;
  'savedFilters.save'(input: MethodInput<'savedFilters.save'>): Promise<SavedFilter>;
  'savedFilters.remove'(input: MethodInput<'savedFilters.remove'>): Promise<{ id: string }>;

  'audit.list'(input: MethodInput<'audit.list'>): Promise<Page<AuditEntry>>;
  'incidents.list'(input: MethodInput<'incidents.list'>): Promise<Incident[]>;
  'incidents.get'(input: MethodInput<'incidents.get'>): Promise<Incident>;
  'incidents.create'(input: MethodInput<'incidents.create'>): Promise<IncidentCreated>;
  'incidents.update'(input: MethodInput<'incidents.update'>): Promise<Incident>;
  'actors.list'(input: MethodInput<'actors.list'>): Promise<DisruptiveActor[]>;
  'actors.create'(input: MethodInput<'actors.create'>): Promise<DisruptiveActor>;
  'actors.update'(input: MethodInput<'actors.update'>): Promise<DisruptiveActor>;
  'actors.check'(input: MethodInput<'actors.check'>): Promise<ActorMatch[]>;
  'exports.preview'(input: MethodInput<'exports.preview'>): Promise<ExportPreview>;
  'exports.render'(input: MethodInput<'exports.render'>): Promise<ExportFile>;

  'callSeries.list'(input: MethodInput<'callSeries.list'>): Promise<CallSeries[]>;
  'callSeries.get'(input: MethodInput<'callSeries.get'>): Promise<CallSeriesDetails>;
  'callSeries.create'(input: MethodInput<'callSeries.create'>): Promise<CallSeriesDetails>;
  'callSeries.update'(input: MethodInput<'callSeries.update'>): Promise<CallSeriesDetails>;
  'calls.burden'(input: MethodInput<'calls.burden'>): Promise<BurdenReport>;
  'calls.suggestTimes'(input: MethodInput<'calls.suggestTimes'>): Promise<TimeSuggestion | null>;
  'calls.get'(input: MethodInput<'calls.get'>): Promise<CallDetails>;
  'calls.update'(input: MethodInput<'calls.update'>): Promise<CallDetails>;
  'calls.move'(input: MethodInput<'calls.move'>): Promise<CallDetails>;
  'calls.cancel'(input: MethodInput<'calls.cancel'>): Promise<CallDetails>;
  'calls.reinstate'(input: MethodInput<'calls.reinstate'>): Promise<CallDetails>;
  'calls.saveAgenda'(input: MethodInput<'calls.saveAgenda'>): Promise<CallDetails>;
  'calls.setAttendance'(input: MethodInput<'calls.setAttendance'>): Promise<CallDetails>;
  'calls.inviteMembers'(input: MethodInput<'calls.inviteMembers'>): Promise<CallDetails>;
  'calls.setAttendanceMany'(input: MethodInput<'calls.setAttendanceMany'>): Promise<CallDetails>;
  'calls.attendancePreview'(
    input: MethodInput<'calls.attendancePreview'>,
  ): Promise<AttendanceReportPreview>;
  'calls.attendanceApply'(input: MethodInput<'calls.attendanceApply'>): Promise<CallDetails>;
  'calls.needingMinutes'(input: MethodInput<'calls.needingMinutes'>): Promise<CallSummary[]>;
  'calls.remove'(input: MethodInput<'calls.remove'>): Promise<Deleted>;
  'callSeries.remove'(input: MethodInput<'callSeries.remove'>): Promise<Deleted>;
  'actionItems.remove'(input: MethodInput<'actionItems.remove'>): Promise<Deleted>;
  'actionItems.carryOver'(input: MethodInput<'actionItems.carryOver'>): Promise<ActionItem>;
  'trash.restore'(input: MethodInput<'trash.restore'>): Promise<Restored>;
  'actionItems.list'(input: MethodInput<'actionItems.list'>): Promise<ActionItem[]>;
  'actionItems.create'(input: MethodInput<'actionItems.create'>): Promise<ActionItem>;
  'actionItems.update'(input: MethodInput<'actionItems.update'>): Promise<ActionItem>;
  'timeline.list'(input: MethodInput<'timeline.list'>): Promise<TimelineEntry[]>;

  'themes.list'(input: MethodInput<'themes.list'>): Promise<Theme[]>;
  'themes.create'(input: MethodInput<'themes.create'>): Promise<Theme>;
  'themes.update'(input: MethodInput<'themes.update'>): Promise<Theme>;
  'themes.remove'(input: MethodInput<'themes.remove'>): Promise<{ id: string }>;
  'contributions.list'(input: MethodInput<'contributions.list'>): Promise<ContributionPage>;
  'contributions.search'(input: MethodInput<'contributions.search'>): Promise<ContributionSearch>;
  'contributions.get'(input: MethodInput<'contributions.get'>): Promise<Contribution>;
  'contributions.create'(input: MethodInput<'contributions.create'>): Promise<Contribution>;
  'contributions.update'(input: MethodInput<'contributions.update'>): Promise<Contribution>;
  'contributions.setStatus'(input: MethodInput<'contributions.setStatus'>): Promise<Contribution>;
  'contributions.withdrawConsent'(
    input: MethodInput<'contributions.withdrawConsent'>,
  ): Promise<Contribution>;
  'contributions.duplicates'(
    input: MethodInput<'contributions.duplicates'>,
  ): Promise<DuplicateCandidate[]>;
  'contributions.coverage'(
    input: MethodInput<'contributions.coverage'>,
  ): Promise<ContributionCoverage>;
  'contributions.sources'(
    input: MethodInput<'contributions.sources'>,
  ): Promise<ContributionSources>;
  'contributions.importPreview'(
    input: MethodInput<'contributions.importPreview'>,
  ): Promise<ContributionImportPreview>;
  'contributions.importStart'(
    input: MethodInput<'contributions.importStart'>,
  ): Promise<{ jobId: string }>;
  'contributions.importStatus'(
    input: MethodInput<'contributions.importStatus'>,
  ): Promise<ContributionImportStatus>;
  'contributions.importCancel'(
    input: MethodInput<'contributions.importCancel'>,
  ): Promise<ContributionImportStatus>;

  'nris.list'(input: MethodInput<'nris.list'>): Promise<Nri[]>;
  'nris.create'(input: MethodInput<'nris.create'>): Promise<Nri>;
  'nris.update'(input: MethodInput<'nris.update'>): Promise<Nri>;
  'nris.remove'(input: MethodInput<'nris.remove'>): Promise<NriRemoved>;
  'sessions.list'(input: MethodInput<'sessions.list'>): Promise<OnsiteSessionSummary[]>;
  'sessions.get'(input: MethodInput<'sessions.get'>): Promise<OnsiteSession>;
  'sessions.create'(input: MethodInput<'sessions.create'>): Promise<OnsiteSession>;
  'sessions.update'(input: MethodInput<'sessions.update'>): Promise<OnsiteSession>;
  'sessions.remove'(input: MethodInput<'sessions.remove'>): Promise<{ id: string } & Deleted>;
  'sessions.setAttendance'(input: MethodInput<'sessions.setAttendance'>): Promise<OnsiteSession>;

  'representation.map'(input: MethodInput<'representation.map'>): Promise<StakeholderMap>;
  'representation.saveMap'(input: MethodInput<'representation.saveMap'>): Promise<StakeholderMap>;
  'representation.saveSettings'(
    input: MethodInput<'representation.saveSettings'>,
  ): Promise<StakeholderMap>;
  'representation.dashboard'(
    input: MethodInput<'representation.dashboard'>,
  ): Promise<RepresentationDashboard>;

  /* ---- Outcome report (issue 6) ---- */
  /** Report picker: the forum's reports, newest first. */
  'report.list'(input: MethodInput<'report.list'>): Promise<ReportSummary[]>;
  /** "New report" button: creates it with the BPF outline; open the returned report. */
  'report.create'(input: MethodInput<'report.create'>): Promise<Report>;
  /** The editor's data: outline (flat, ordered, with levels and numbers), versions, rounds. */
  'report.get'(input: MethodInput<'report.get'>): Promise<Report>;
  /** Inline edit of the report title. */
  'report.rename'(input: MethodInput<'report.rename'>): Promise<Report>;
  /** Delete the report with its versions and rounds (confirm first). */
  'report.remove'(input: MethodInput<'report.remove'>): Promise<{ id: string }>;
  /** "Add section" in the outline; replace the outline with the returned report. */
  'report.addSection'(input: MethodInput<'report.addSection'>): Promise<Report>;
  /** Rename a section or switch its kind (written/generated); update that section in place. */
  'report.updateSection'(input: MethodInput<'report.updateSection'>): Promise<ReportSection>;
  /** After a drag, indent or outdent: send the full order with levels; numbers are recomputed. */
  'report.reorderSections'(input: MethodInput<'report.reorderSections'>): Promise<Report>;
  /** Remove a section (confirm first); saved versions keep their copy. */
  'report.removeSection'(input: MethodInput<'report.removeSection'>): Promise<Report>;
  /**
   * Autosave (debounced) with the revision the editor started from; keep the returned revision.
   * On `{code:'conflict', field:'markdown'}` the section changed elsewhere: reload it and tell the user.
   */
  'report.saveSection'(input: MethodInput<'report.saveSection'>): Promise<ReportSection>;
  /** "Generate"/"Refresh" on a generated section (show the button highlighted when `stale`). */
  'report.generateSection'(input: MethodInput<'report.generateSection'>): Promise<ReportSection>;
  /** Citation picker: insert `[@<kind>:<id>]` at the cursor for the chosen source. */
  'report.citables'(input: MethodInput<'report.citables'>): Promise<CitationTarget[]>;
  /** "Save version" (Draft I, Draft II, Final): a snapshot of every section. */
  'report.saveVersion'(input: MethodInput<'report.saveVersion'>): Promise<ReportVersionSummary>;
  /** Compare view: show each section's parts, green for added, red struck-through for removed. */
  'report.compare'(input: MethodInput<'report.compare'>): Promise<ReportComparison>;
  /** Open a comment round on a saved version (phase 1: per section; phase 2: per paragraph). */
  'report.createRound'(input: MethodInput<'report.createRound'>): Promise<CommentRound>;
  /** Edit dates/title or close/reopen a round. */
  'report.updateRound'(input: MethodInput<'report.updateRound'>): Promise<CommentRound>;
  /** The round's numbered paragraphs (the `ref` picker for comments) and its comments. */
  'report.getRound'(input: MethodInput<'report.getRound'>): Promise<CommentRound>;
  /** Enter a comment by hand (errors name the field, e.g. 'ref' for an unknown paragraph). */
  'report.addComment'(input: MethodInput<'report.addComment'>): Promise<ReportComment>;
  'report.updateComment'(input: MethodInput<'report.updateComment'>): Promise<ReportComment>;
  /** Rapporteur's answer: accepted / partly accepted / noted / declined, with a response. */
  'report.respondToComment'(input: MethodInput<'report.respondToComment'>): Promise<ReportComment>;
  'report.removeComment'(input: MethodInput<'report.removeComment'>): Promise<{ id: string }>;
  /** CSV import: call with dryRun true to show mapping + rows, then dryRun false to write. */
  'report.importComments'(
    input: MethodInput<'report.importComments'>,
  ): Promise<CommentImportResult>;
  /**
   * PDF: the print-ready HTML of an export (kinds 'report' / 'report-round'). In Electron pass it
   * to `shell.printToPdf`; in the browser show it in a new window/iframe and call print().
   */
  'exports.printable'(input: MethodInput<'exports.printable'>): Promise<PrintableExport>;
}

/** Compile-time check: the contract and the schemas name the same methods. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const contractMatchesSchemas: Same<keyof AppApi, MethodName> = true;

export type MethodOutput<M extends keyof AppApi> = Awaited<ReturnType<AppApi[M]>>;
