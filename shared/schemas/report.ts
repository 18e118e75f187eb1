import { z } from 'zod';
import {
  COMMENT_CHANNELS,
  COMMENT_DISPOSITIONS,
  MAX_SECTION_LEVEL,
  ROUND_STATUSES,
  SECTION_KINDS,
} from '../domain/report';
import { EXPORT_KINDS } from '../domain/safeguards';
import { AUDIENCES, STAKEHOLDER_GROUPS } from '../domain/vocabulary';
import { id, isoDate, line, list, requiredLine, text } from './common';

/** The comment fields a CSV column can be mapped to, in the order the mapping step shows them. */
export const COMMENT_IMPORT_FIELDS = [
  'commenter',
  'email',
  'stakeholderGroup',
  'paragraph',
  'text',
  'channel',
  'receivedOn',
  'anonymous',
] as const;
export type CommentImportField = (typeof COMMENT_IMPORT_FIELDS)[number];
export const COMMENT_IMPORT_FIELD_LABELS: Record<CommentImportField, string> = {
  commenter: 'Commenter',
  email: 'E-mail (matches a participant)',
  stakeholderGroup: 'Stakeholder group',
  paragraph: 'Paragraph',
  text: 'Comment',
  channel: 'Channel',
  receivedOn: 'Date received',
  anonymous: 'Anonymous',
};

/** Largest section text (a long chapter with tables); generated sections are capped the same. */
export const SECTION_MARKDOWN_MAX = 400_000;

const level = z.number().int().min(1).max(MAX_SECTION_LEVEL);
const sectionTitle = requiredLine(300);
/** "2.1" (a section), "2.1 ¶3" (a paragraph) or "" (the whole document). */
const paragraphRef = line(40);
const column = z.number().int().min(0).max(199).nullable();

const commentFields = {
  /** A participant of the forum, or null for an outside commenter named in `commenterName`. */
  participantId: id.nullish().transform((v) => v ?? null),
  commenterName: line(200).default(''),
  /** Shown as "Anonymous" in every export and in the appendix. */
  anonymous: z.boolean().default(false),
  stakeholderGroup: z
    .enum(STAKEHOLDER_GROUPS)
    .nullish()
    .transform((v) => v ?? null),
  ref: paragraphRef.default(''),
  text: text(20_000).refine((s) => s.trim().length > 0, 'is required'),
  channel: z.enum(COMMENT_CHANNELS),
  receivedOn: isoDate.nullish().transform((v) => v ?? null),
};

export const reportSchemas = {
  /** The forum's reports (usually one per year). */
  'report.list': z.strictObject({ forumId: id }),
  /** A new report with the BPF outline (shared/domain/reportOutline.ts). */
  'report.create': z.strictObject({
    forumId: id,
    title: line(300).optional(),
    /** false: start empty instead of from the BPF template. */
    fromTemplate: z.boolean().default(true),
  }),
  'report.get': z.strictObject({ id }),
  'report.rename': z.strictObject({ id, title: requiredLine(300) }),
  'report.remove': z.strictObject({ id }),

  /** Adds a section after `afterId` (null: at the top). */
  'report.addSection': z.strictObject({
    reportId: id,
    afterId: id.nullable().default(null),
    title: sectionTitle,
    level: level.default(2),
    kind: z.enum(SECTION_KINDS).default('text'),
  }),
  /** Renames a section or changes its kind. */
  'report.updateSection': z.strictObject({
    id,
    title: sectionTitle.optional(),
    kind: z.enum(SECTION_KINDS).optional(),
  }),
  /** The whole outline in its new order, with each section's level (drag, indent, outdent). */
  'report.reorderSections': z.strictObject({
    reportId: id,
    sections: list(z.strictObject({ id, level }), 500).min(1, 'must not be empty'),
  }),
  'report.removeSection': z.strictObject({ id }),
  /** Autosave: rejected with code 'conflict' (field 'markdown') if `baseRevision` is not current. */
  'report.saveSection': z.strictObject({
    id,
    markdown: text(SECTION_MARKDOWN_MAX),
    baseRevision: z.number().int().min(0).max(1_000_000_000),
  }),
  /** Regenerates a generated section from the forum's records (replaces its text). */
  'report.generateSection': z.strictObject({ id }),
  /** What a section can cite: contributions, calls, onsite sessions (for the citation picker). */
  'report.citables': z.strictObject({
    forumId: id,
    query: line(200).default(''),
    limit: z.number().int().min(1).max(200).default(50),
  }),

  /** A named snapshot of every section ("Draft I", "Draft II", "Final"). */
  'report.saveVersion': z.strictObject({ reportId: id, name: requiredLine(100) }),
  /** Section by section, word-level; `toVersionId` null compares with the current text. */
  'report.compare': z.strictObject({
    fromVersionId: id,
    toVersionId: id.nullable().default(null),
  }),

  'report.createRound': z.strictObject({
    reportId: id,
    phase: z.union([z.literal(1), z.literal(2)]),
    title: requiredLine(200),
    versionId: id,
    opensOn: isoDate.nullish().transform((v) => v ?? null),
    closesOn: isoDate.nullish().transform((v) => v ?? null),
  }),
  'report.updateRound': z.strictObject({
    id,
    title: requiredLine(200).optional(),
    opensOn: isoDate.nullish(),
    closesOn: isoDate.nullish(),
    status: z.enum(ROUND_STATUSES).optional(),
  }),
  'report.getRound': z.strictObject({ id }),
  'report.addComment': z.strictObject({ roundId: id, ...commentFields }),
  'report.updateComment': z.strictObject({ id, ...commentFields }),
  /** The rapporteur's answer: partly accepted and declined need a response. */
  'report.respondToComment': z.strictObject({
    id,
    disposition: z.enum(COMMENT_DISPOSITIONS),
    response: text(10_000).default(''),
  }),
  'report.removeComment': z.strictObject({ id }),
  /** CSV import (all or nothing); `dryRun` previews with the suggested or given mapping. */
  'report.importComments': z.strictObject({
    roundId: id,
    csv: text(5_000_000),
    mapping: z
      .strictObject(
        Object.fromEntries(COMMENT_IMPORT_FIELDS.map((f) => [f, column.default(null)])) as Record<
          CommentImportField,
          z.ZodDefault<typeof column>
        >,
      )
      .optional(),
    defaultChannel: z.enum(COMMENT_CHANNELS).default('email'),
    dryRun: z.boolean().default(true),
  }),

  /** Print-ready HTML of an export (for PDF): Electron prints it; the browser shows it to print. */
  'exports.printable': z.strictObject({
    forumId: id,
    kind: z.enum(EXPORT_KINDS),
    audience: z.enum(AUDIENCES),
    subjectId: id.optional(),
  }),
};
