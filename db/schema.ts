import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/**
 * The tables. Times are UTC epoch milliseconds; calendar dates (milestones) are ISO `YYYY-MM-DD`.
 * IDs are UUIDv7 strings. Lists stored as JSON text arrays.
 */

export const forums = sqliteTable('forums', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  topic: text('topic').notNull().default(''),
  year: integer('year').notNull(),
  mandate: text('mandate').notNull().default(''),
  /** Per-forum key for pseudonyms (HMAC); never leaves the app. */
  secret: text('secret').notNull(),
  /**
   * Retention (issue 13 §5): personal data is replaced by pseudonyms this many months after the
   * final report milestone; null means off (the default).
   */
  retentionMonths: integer('retention_months'),
  /** When retention was applied (UTC epoch ms), or null. */
  retentionAppliedAt: integer('retention_applied_at'),
  /** Set when the forum is archived: hidden from the list and read-only. */
  archivedAt: integer('archived_at'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const milestones = sqliteTable(
  'milestones',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    date: text('date').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('milestones_forum_idx').on(t.forumId, t.position)],
);

export const participants = sqliteTable(
  'participants',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    preferredName: text('preferred_name'),
    email: text('email'),
    /** Lower-cased e-mail, for duplicate detection. */
    emailKey: text('email_key'),
    organisation: text('organisation'),
    stakeholderGroup: text('stakeholder_group').notNull(),
    country: text('country'),
    /** Derived from country (shared/domain/countries); stored so lists filter on an index. */
    region: text('region'),
    developmentStatus: text('development_status'),
    gender: text('gender'),
    genderSelfDescribed: text('gender_self_described'),
    languages: text('languages').notNull().default('[]'),
    timeZone: text('time_zone'),
    aliases: text('aliases').notNull().default('[]'),
    handles: text('handles').notNull().default('[]'),
    consentListed: integer('consent_listed', { mode: 'boolean' }).notNull().default(false),
    consentInvitations: integer('consent_invitations', { mode: 'boolean' })
      .notNull()
      .default(false),
    role: text('role').notNull().default('member'),
    notes: text('notes'),
    /** Accent- and case-folded name, organisation and e-mail, for search. */
    searchText: text('search_text').notNull(),
    /** Folded full name, for sorting. */
    sortName: text('sort_name').notNull(),
    isProtected: integer('is_protected', { mode: 'boolean' }).notNull().default(false),
    pseudonym: text('pseudonym'),
    removedAt: integer('removed_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('participants_forum_name_idx').on(t.forumId, t.removedAt, t.sortName, t.id),
    index('participants_forum_group_idx').on(t.forumId, t.stakeholderGroup),
    index('participants_forum_region_idx').on(t.forumId, t.region),
    index('participants_forum_role_idx').on(t.forumId, t.role),
    index('participants_forum_created_idx').on(t.forumId, t.createdAt),
    index('participants_forum_protected_idx').on(t.forumId, t.isProtected),
    /** The public directory: listed people, the protected ones apart, in name order. */
    index('participants_forum_listed_name_idx').on(
      t.forumId,
      t.removedAt,
      t.consentListed,
      t.isProtected,
      t.sortName,
      t.id,
    ),
    /**
     * The public directory filtered by stakeholder group, region or role: the filter's equality
     * sits in the prefix with the listing flags, so with no statistics (the app runs no ANALYZE)
     * the planner still prefers these to the listing index above (more equality columns) and
     * counts and pages the filtered, listed people in name order without a sort.
     */
    index('participants_public_group_name_idx').on(
      t.forumId,
      t.removedAt,
      t.consentListed,
      t.stakeholderGroup,
      t.isProtected,
      t.sortName,
      t.id,
    ),
    index('participants_public_region_name_idx').on(
      t.forumId,
      t.removedAt,
      t.consentListed,
      t.region,
      t.isProtected,
      t.sortName,
      t.id,
    ),
    index('participants_public_role_name_idx').on(
      t.forumId,
      t.removedAt,
      t.consentListed,
      t.role,
      t.isProtected,
      t.sortName,
      t.id,
    ),
    /**
     * Sorting by role or date added: the sort key and the name tie-break in the index, so a page
     * is read in order (no sort of the whole forum; ~270 ms a page at 100,000 without them).
     */
    index('participants_forum_role_order_idx').on(t.forumId, t.removedAt, t.role, t.sortName, t.id),
    index('participants_forum_created_order_idx').on(
      t.forumId,
      t.removedAt,
      t.createdAt,
      t.sortName,
      t.id,
    ),
    /**
     * The public directory sorted by group, role or date added: the listed, unprotected people
     * (the compound's first arm, db/queries/participants.ts) in sort order. Partial, so only a
     * query that asks for exactly those people can use them: the coordinators' plans do not
     * change. With the listing flags out of the key, a deep page skips its offset in the index
     * alone, as the coordinators' page does.
     */
    index('participants_public_group_order_idx')
      .on(t.forumId, t.removedAt, t.stakeholderGroup, t.sortName, t.id)
      .where(sql`consent_listed = 1 AND is_protected = 0`),
    index('participants_public_role_order_idx')
      .on(t.forumId, t.removedAt, t.role, t.sortName, t.id)
      .where(sql`consent_listed = 1 AND is_protected = 0`),
    index('participants_public_created_order_idx')
      .on(t.forumId, t.removedAt, t.createdAt, t.sortName, t.id)
      .where(sql`consent_listed = 1 AND is_protected = 0`),
    // participants_forum_organisation_idx (sorting by organisation) is an expression index that
    // drizzle-kit cannot express: it is hand-written in migration 0009. So are the country sort's
    // and the public directory's organisation and country indexes (migration 0015).
    /** Covers the representation breakdowns (issue 7): counted without reading the rows. */
    index('participants_forum_representation_idx').on(
      t.forumId,
      t.removedAt,
      t.stakeholderGroup,
      t.region,
      t.developmentStatus,
      t.gender,
      t.isProtected,
      t.id,
    ),
    uniqueIndex('participants_forum_email_uq')
      .on(t.forumId, t.emailKey)
      .where(sql`email_key IS NOT NULL AND removed_at IS NULL`),
    uniqueIndex('participants_forum_pseudonym_uq')
      .on(t.forumId, t.pseudonym)
      .where(sql`pseudonym IS NOT NULL`),
  ],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id'),
    at: integer('at').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** JSON object with what the action needs to be understood later (reason, counts, ...). */
    detail: text('detail').notNull().default('{}'),
  },
  (t) => [index('audit_forum_at_idx').on(t.forumId, t.at)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Something that happened to the forum or its people: visible to coordinators only. */
export const incidents = sqliteTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    occurredAt: integer('occurred_at').notNull(),
    channel: text('channel').notNull(),
    severity: text('severity').notNull(),
    status: text('status').notNull(),
    description: text('description').notNull(),
    /** JSON array of action codes (warned, muted, removed_from_call, ...). */
    actions: text('actions').notNull().default('[]'),
    supportOffered: text('support_offered').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('incidents_forum_idx').on(t.forumId, t.occurredAt)],
);

export const incidentTargets = sqliteTable(
  'incident_targets',
  {
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    participantId: text('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.participantId] })],
);

/** People who disrupted the process; their identifiers are checked on every add, edit and import. */
export const disruptiveActors = sqliteTable(
  'disruptive_actors',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** JSON arrays. */
    names: text('names').notNull().default('[]'),
    emails: text('emails').notNull().default('[]'),
    handles: text('handles').notNull().default('[]'),
    excluded: integer('excluded', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('actors_forum_idx').on(t.forumId)],
);

export const incidentActors = sqliteTable(
  'incident_actors',
  {
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    actorId: text('actor_id')
      .notNull()
      .references(() => disruptiveActors.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.actorId] })],
);

/* ---- Calls and sessions (issue 4) ---- */

/** A recurring virtual call: cadence in weeks and a rotation of 1-3 time slots. */
export const callSeries = sqliteTable(
  'call_series',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** First call's date (YYYY-MM-DD) in the first slot's zone. */
    firstDate: text('first_date').notNull(),
    cadenceWeeks: integer('cadence_weeks').notNull().default(2),
    /** Ends on this date, or after `occurrenceCount` calls. */
    endDate: text('end_date'),
    occurrenceCount: integer('occurrence_count'),
    durationMinutes: integer('duration_minutes').notNull(),
    /** JSON array of {time:'HH:mm', zone:'UTC'|IANA zone}: the rotation, in order. */
    slots: text('slots').notNull(),
    meetingLink: text('meeting_link').notNull().default(''),
    description: text('description').notNull().default(''),
    /** JSON array of reminder offsets in minutes before the start (VALARM), e.g. [1440, 60]. */
    reminders: text('reminders').notNull().default('[]'),
    /** iCalendar SEQUENCE: raised on every change. */
    sequence: integer('sequence').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('call_series_forum_idx').on(t.forumId)],
);

/** One call: an occurrence of a series (kept even when moved or cancelled) or a single call. */
export const calls = sqliteTable(
  'calls',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    seriesId: text('series_id').references(() => callSeries.id, { onDelete: 'cascade' }),
    /** 0-based position in the series. */
    occurrenceIndex: integer('occurrence_index'),
    /** Planned start (UTC epoch ms) before any move: the iCalendar RECURRENCE-ID. */
    originalStartAt: integer('original_start_at'),
    startAt: integer('start_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** IANA zone the call was planned in. */
    zone: text('zone').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('scheduled'),
    moved: integer('moved', { mode: 'boolean' }).notNull().default(false),
    minutes: text('minutes').notNull().default(''),
    sequence: integer('sequence').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('calls_forum_start_idx').on(t.forumId, t.startAt),
    index('calls_series_idx').on(t.seriesId, t.occurrenceIndex),
  ],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: text('id').primaryKey(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    ownerId: text('owner_id').references(() => participants.id, { onDelete: 'set null' }),
    minutes: text('minutes').notNull().default(''),
  },
  (t) => [index('agenda_call_idx').on(t.callId, t.position)],
);

export const attendance = sqliteTable(
  'attendance',
  {
    callId: text('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    participantId: text('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    /** invited | attended | apologies | absent */
    status: text('status').notNull(),
    /** Minutes in the call, from the meeting platform's report (null when marked by hand). */
    minutesPresent: integer('minutes_present'),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.participantId] }),
    index('attendance_participant_idx').on(t.participantId),
    index('attendance_participant_status_idx').on(t.participantId, t.status, t.callId),
  ],
);

export const actionItems = sqliteTable(
  'action_items',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    callId: text('call_id').references(() => calls.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    ownerId: text('owner_id').references(() => participants.id, { onDelete: 'set null' }),
    dueDate: text('due_date'),
    /** open | in_progress | done */
    status: text('status').notNull().default('open'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('action_items_forum_idx').on(t.forumId, t.status)],
);

/**
 * Deleted things kept for Undo: the deleted rows (and the references nulled by the delete) as
 * JSON, restorable within the restore window, then purged. Deleting for real keeps every other
 * area's queries free of a `deleted_at` filter.
 */
export const trash = sqliteTable(
  'trash',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    /** callSeries | call | actionItem | session */
    kind: text('kind').notNull(),
    subjectId: text('subject_id').notNull(),
    label: text('label').notNull(),
    /** JSON: {rows: {table: row[]}, nulled: {table, column, value, ids}[]} */
    payload: text('payload').notNull(),
    deletedAt: integer('deleted_at').notNull(),
  },
  (t) => [index('trash_forum_idx').on(t.forumId, t.deletedAt)],
);

/** National and Regional IGF Initiatives: one directory for all forums. */
export const nris = sqliteTable('nris', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** national | sub_regional | regional | youth */
  kind: text('kind').notNull(),
  country: text('country'),
  region: text('region'),
  website: text('website').notNull().default(''),
  contactName: text('contact_name').notNull().default(''),
  contactEmail: text('contact_email').notNull().default(''),
  notes: text('notes').notNull().default(''),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** A BPF session held onsite at an NRI's event. */
export const onsiteSessions = sqliteTable(
  'onsite_sessions',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    nriId: text('nri_id').references(() => nris.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    startAt: integer('start_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** The venue's IANA zone. */
    zone: text('zone').notNull(),
    venue: text('venue').notNull().default(''),
    /** workshop | roundtable | open_forum */
    format: text('format').notNull(),
    localHosts: text('local_hosts').notNull().default(''),
    notes: text('notes').notNull().default(''),
    outcomes: text('outcomes').notNull().default(''),
    status: text('status').notNull().default('scheduled'),
    sequence: integer('sequence').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('onsite_sessions_forum_idx').on(t.forumId, t.startAt)],
);

export const sessionAttendance = sqliteTable(
  'session_attendance',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => onsiteSessions.id, { onDelete: 'cascade' }),
    participantId: text('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.participantId] }),
    index('session_attendance_participant_idx').on(t.participantId, t.status, t.sessionId),
  ],
);

/* ---- Contributions (issue 5) ---- */

export const themes = sqliteTable(
  'themes',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('themes_forum_name_uq').on(t.forumId, t.name)],
);

/** A best practice, case study, story, survey answer or resource, with its consent. */
export const contributions = sqliteTable(
  'contributions',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    /** practice | case_study | story | survey_answer | resource */
    kind: text('kind').notNull(),
    country: text('country'),
    region: text('region'),
    /** call | nri_session | survey | email | desk_research | other */
    source: text('source').notNull(),
    sourceCallId: text('source_call_id').references(() => calls.id, { onDelete: 'set null' }),
    sourceSessionId: text('source_session_id').references(() => onsiteSessions.id, {
      onDelete: 'set null',
    }),
    contributorId: text('contributor_id').references(() => participants.id, {
      onDelete: 'set null',
    }),
    /** An outside person or organisation, when the contributor is not a participant. */
    contributorName: text('contributor_name').notNull().default(''),
    contributorOrganisation: text('contributor_organisation').notNull().default(''),
    language: text('language').notNull().default('en'),
    receivedOn: text('received_on').notNull(),
    links: text('links').notNull().default('[]'),
    /** named | organisation | anonymous */
    attribution: text('attribution').notNull().default('anonymous'),
    mayPublish: integer('may_publish', { mode: 'boolean' }).notNull().default(false),
    consentGivenOn: text('consent_given_on'),
    /** email | form | call | other */
    consentMethod: text('consent_method'),
    consentWithdrawnAt: integer('consent_withdrawn_at'),
    /** What was withdrawn: publication (the whole contribution) or attribution only. */
    consentWithdrawnScope: text('consent_withdrawn_scope'),
    /** submitted | in_review | needs_information | accepted | declined */
    status: text('status').notNull().default('submitted'),
    reviewerNotes: text('reviewer_notes').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('contributions_forum_status_idx').on(t.forumId, t.status),
    index('contributions_forum_region_idx').on(t.forumId, t.region),
    index('contributions_forum_received_idx').on(t.forumId, t.receivedOn),
    index('contributions_contributor_idx').on(t.contributorId),
  ],
);

export const contributionThemes = sqliteTable(
  'contribution_themes',
  {
    contributionId: text('contribution_id')
      .notNull()
      .references(() => contributions.id, { onDelete: 'cascade' }),
    themeId: text('theme_id')
      .notNull()
      .references(() => themes.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.contributionId, t.themeId] }),
    index('contribution_themes_theme_idx').on(t.themeId),
  ],
);

/** Who changed what when on a contribution (review, consent). */
export const contributionHistory = sqliteTable(
  'contribution_history',
  {
    id: text('id').primaryKey(),
    contributionId: text('contribution_id')
      .notNull()
      .references(() => contributions.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    /** Who made the change (the name set in the app's settings, or "Coordinator"). */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    /** JSON: {field, from, to, note}. */
    detail: text('detail').notNull().default('{}'),
  },
  (t) => [index('contribution_history_idx').on(t.contributionId, t.at)],
);

/* ---- Stakeholder analysis and representation (issue 7) ---- */

/**
 * The forum's stakeholder map (KICTANet advice: who should be involved, to what extent and when):
 * one row per cell of groups x regions, optionally one named organisation. A null group means any
 * group, a null region all regions.
 */
export const stakeholderMapCells = sqliteTable(
  'stakeholder_map_cells',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    stakeholderGroup: text('stakeholder_group'),
    region: text('region'),
    organisation: text('organisation'),
    /** inform | consult | involve | collaborate */
    level: text('level').notNull(),
    /** JSON array of phases (kick_off, calls, nri_sessions, drafting, comment_rounds, igf_session). */
    phases: text('phases').notNull().default('[]'),
    /** At least this many participants in each planned phase... */
    targetMin: integer('target_min'),
    /** ...or at least this share (0-1) of the phase's participants. */
    targetShare: real('target_share'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('stakeholder_map_forum_idx').on(t.forumId, t.position)],
);

/** Alert thresholds of a forum's representation dashboard. */
export const representationSettings = sqliteTable('representation_settings', {
  forumId: text('forum_id')
    .primaryKey()
    .references(() => forums.id, { onDelete: 'cascade' }),
  dominanceShare: real('dominance_share').notNull(),
  genderThreshold: real('gender_threshold').notNull(),
  recentCalls: integer('recent_calls').notNull(),
  minSample: integer('min_sample').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/* ---- Outcome report (issue 6) ---- */

export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('reports_forum_idx').on(t.forumId, t.createdAt)],
);

/** The outline as a flat ordered list; `level` gives the nesting (1 part, 2 section, 3 sub). */
export const reportSections = sqliteTable(
  'report_sections',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    level: integer('level').notNull().default(2),
    title: text('title').notNull(),
    /** text | methodology | practices | contributors | comments */
    kind: text('kind').notNull().default('text'),
    /** Markdown with citations such as [@contribution:<id>]. */
    markdown: text('markdown').notNull().default(''),
    revision: integer('revision').notNull().default(0),
    /** Generated sections: SHA-256 of the inputs they were generated from. */
    fingerprint: text('fingerprint'),
    /**
     * Generated sections: the forum's data versions (forum_data_versions) and held calls when it
     * was generated; report.get compares it instead of regenerating (issue 15).
     */
    inputFingerprint: text('input_fingerprint'),
    generatedAt: integer('generated_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('report_sections_report_idx').on(t.reportId, t.position)],
);

/** A named snapshot ("Draft I", "Final"): JSON array of {id, level, title, kind, markdown}. */
export const reportVersions = sqliteTable(
  'report_versions',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    sections: text('sections').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('report_versions_report_idx').on(t.reportId, t.createdAt),
    uniqueIndex('report_versions_name_uq').on(t.reportId, t.name),
  ],
);

export const commentRounds = sqliteTable(
  'comment_rounds',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** 1: principles/outline (per section); 2: draft (per paragraph). */
    phase: integer('phase').notNull(),
    title: text('title').notNull(),
    versionId: text('version_id')
      .notNull()
      .references(() => reportVersions.id, { onDelete: 'restrict' }),
    opensOn: text('opens_on'),
    closesOn: text('closes_on'),
    /** open | closed */
    status: text('status').notNull().default('open'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('comment_rounds_report_idx').on(t.reportId, t.createdAt)],
);

export const reportComments = sqliteTable(
  'report_comments',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => commentRounds.id, { onDelete: 'cascade' }),
    /** "2.1 ¶3", "2.1" or '' (whole document), as numbered in the round's version. */
    ref: text('ref').notNull().default(''),
    sectionId: text('section_id'),
    paragraph: integer('paragraph'),
    participantId: text('participant_id').references(() => participants.id, {
      onDelete: 'set null',
    }),
    commenterName: text('commenter_name').notNull().default(''),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    stakeholderGroup: text('stakeholder_group'),
    /** email | platform | nri_session | igf_session */
    channel: text('channel').notNull(),
    receivedOn: text('received_on'),
    text: text('text').notNull(),
    /** pending | accepted | partly_accepted | noted | declined */
    disposition: text('disposition').notNull().default('pending'),
    response: text('response').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('report_comments_round_idx').on(t.roundId, t.createdAt)],
);

/* ---- Representation counters and data versions (issue 15): maintained by SQL triggers ---- */
// The triggers are in migration 0009 (below its hand-written line): every write path (services,
// imports, the sample loader, raw SQL in benches) keeps these up to date in its own transaction.
// NULL attributes are stored as '' and "never" as NEVER_AT so that every cell has a primary key.

/** Per member: the start of their first attended non-cancelled call and NRI session. */
export const representationPeople = sqliteTable('representation_people', {
  participantId: text('participant_id')
    .primaryKey()
    .references(() => participants.id, { onDelete: 'cascade' }),
  forumId: text('forum_id').notNull(),
  firstCallAt: integer('first_call_at').notNull(),
  firstSessionAt: integer('first_session_at').notNull(),
});

/** Active members per cube cell and first call / first session: count and key sum mod 2^32. */
export const representationCounts = sqliteTable(
  'representation_counts',
  {
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    stakeholderGroup: text('stakeholder_group').notNull(),
    region: text('region').notNull(),
    developmentStatus: text('development_status').notNull(),
    gender: text('gender').notNull(),
    isProtected: integer('is_protected').notNull(),
    firstCallAt: integer('first_call_at').notNull(),
    firstSessionAt: integer('first_session_at').notNull(),
    count: integer('count').notNull(),
    keySum: integer('key_sum').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.forumId,
        t.stakeholderGroup,
        t.region,
        t.developmentStatus,
        t.gender,
        t.isProtected,
        t.firstCallAt,
        t.firstSessionAt,
      ],
    }),
  ],
);

/** Attended records of active members per call and cube cell. */
export const representationCallCounts = sqliteTable(
  'representation_call_counts',
  {
    callId: text('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    stakeholderGroup: text('stakeholder_group').notNull(),
    region: text('region').notNull(),
    developmentStatus: text('development_status').notNull(),
    gender: text('gender').notNull(),
    isProtected: integer('is_protected').notNull(),
    count: integer('count').notNull(),
    keySum: integer('key_sum').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.callId,
        t.stakeholderGroup,
        t.region,
        t.developmentStatus,
        t.gender,
        t.isProtected,
      ],
    }),
  ],
);

/** Attended records of active members per NRI session and cube cell. */
export const representationSessionCounts = sqliteTable(
  'representation_session_counts',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => onsiteSessions.id, { onDelete: 'cascade' }),
    stakeholderGroup: text('stakeholder_group').notNull(),
    region: text('region').notNull(),
    developmentStatus: text('development_status').notNull(),
    gender: text('gender').notNull(),
    isProtected: integer('is_protected').notNull(),
    count: integer('count').notNull(),
    keySum: integer('key_sum').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.sessionId,
        t.stakeholderGroup,
        t.region,
        t.developmentStatus,
        t.gender,
        t.isProtected,
      ],
    }),
  ],
);

/**
 * A change counter per forum and area of data (participants, calls, contributions, comments),
 * bumped by triggers on every write: the input fingerprint of generated report sections.
 */
export const forumDataVersions = sqliteTable(
  'forum_data_versions',
  {
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    area: text('area').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.forumId, t.area] })],
);

/**
 * A named set of a list's search, filters and sort (issue 12), kept per forum and list. `params`
 * is JSON text of the list's own query fields; the list validates it again when it is picked.
 */
export const savedFilters = sqliteTable(
  'saved_filters',
  {
    id: text('id').primaryKey(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    list: text('list').notNull(),
    name: text('name').notNull(),
    params: text('params').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('saved_filters_forum_list_name_uq').on(t.forumId, t.list, t.name)],
);

/**
 * Team server accounts (issue 14): one row per person who signs in to the team server. `email`
 * is stored trimmed and lowercased (the unique key); `password_hash` is an argon2id PHC string;
 * `totp_secret` is the base32 TOTP key (null until enrolled) and `totp_last_step` the last time
 * step accepted (a code of that step or an earlier one is refused: replay guard). An
 * `administrator` manages accounts on the whole server (the account made with the setup token);
 * roles within a forum are memberships. `locked_until` is set after repeated failed sign-ins.
 */
export const teamUsers = sqliteTable(
  'team_users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    totpSecret: text('totp_secret'),
    totpLastStep: integer('totp_last_step'),
    administrator: integer('administrator', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: integer('locked_until'),
    createdAt: integer('created_at').notNull(),
    deactivatedAt: integer('deactivated_at'),
  },
  (t) => [
    uniqueIndex('team_users_email_uq').on(t.email),
    check('team_users_email_normalised', sql`${t.email} = lower(trim(${t.email}))`),
  ],
);

/** A team user's role in one forum. */
export const teamMemberships = sqliteTable(
  'team_memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => teamUsers.id, { onDelete: 'cascade' }),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.forumId] }),
    index('team_memberships_forum_idx').on(t.forumId),
    check(
      'team_memberships_role',
      sql`${t.role} IN ('coordinator', 'rapporteur', 'mag_reviewer', 'observer')`,
    ),
  ],
);

/**
 * A one-time invitation to a forum with a role; only the SHA-256 of its token is kept.
 * `totp_secret` is the authenticator key offered while the invitee enrols (before the account
 * exists); it moves to the account when the invitation is accepted.
 */
export const teamInvitations = sqliteTable(
  'team_invitations',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    forumId: text('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => teamUsers.id),
    totpSecret: text('totp_secret'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [
    uniqueIndex('team_invitations_token_uq').on(t.tokenHash),
    index('team_invitations_forum_email_idx').on(t.forumId, t.email),
    index('team_invitations_invited_by_idx').on(t.invitedBy),
    check(
      'team_invitations_role',
      sql`${t.role} IN ('coordinator', 'rapporteur', 'mag_reviewer', 'observer')`,
    ),
  ],
);

/**
 * A signed-in browser; only the SHA-256 of its token is kept. It ends after 30 idle minutes
 * (`last_seen_at`) or at `expires_at` (12 hours after sign-in), whichever comes first.
 */
export const teamSessions = sqliteTable(
  'team_sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => teamUsers.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    address: text('address').notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [
    uniqueIndex('team_sessions_token_uq').on(t.tokenHash),
    index('team_sessions_user_idx').on(t.userId),
  ],
);

/**
 * Failed sign-ins by client address (the per-address limit), kept 15 minutes. In the database
 * rather than in memory so the limit holds across the team server's worker threads and restarts.
 */
export const teamLoginAttempts = sqliteTable(
  'team_login_attempts',
  {
    id: integer('id').primaryKey(),
    address: text('address').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [
    index('team_login_attempts_address_at_idx').on(t.address, t.at),
    index('team_login_attempts_at_idx').on(t.at),
  ],
);
