import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
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
    index('participants_forum_name_idx').on(t.forumId, t.removedAt, t.sortName),
    index('participants_forum_group_idx').on(t.forumId, t.stakeholderGroup),
    index('participants_forum_region_idx').on(t.forumId, t.region),
    index('participants_forum_role_idx').on(t.forumId, t.role),
    index('participants_forum_created_idx').on(t.forumId, t.createdAt),
    index('participants_forum_protected_idx').on(t.forumId, t.isProtected),
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
