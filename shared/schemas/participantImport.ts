import { z } from 'zod';
import { id, list, text } from './common';

/** The participant fields a CSV column can be mapped to, in the order the mapping step shows them. */
export const IMPORT_FIELDS = [
  'fullName',
  'email',
  'organisation',
  'stakeholderGroup',
  'country',
  'preferredName',
  'gender',
  'timeZone',
  'languages',
  'aliases',
  'handles',
  'role',
  'consentListed',
  'consentInvitations',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  fullName: 'Full name',
  email: 'Email',
  organisation: 'Organisation',
  stakeholderGroup: 'Stakeholder group',
  country: 'Country',
  preferredName: 'Preferred name',
  gender: 'Gender',
  timeZone: 'Time zone',
  languages: 'Languages',
  aliases: 'Aliases',
  handles: 'Online handles',
  role: 'Role',
  consentListed: 'May be listed',
  consentInvitations: 'May receive invitations',
  notes: 'Notes',
};

/** What to do with a row whose e-mail (ignoring case) is already in the forum or earlier in the file. */
export const DUPLICATE_POLICIES = ['merge', 'skip'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

/** The largest CSV text accepted (characters; a registration export is far smaller). */
export const MAX_IMPORT_CSV_CHARS = 50 * 1024 * 1024;
/** How many rows of the file the preview shows. */
export const IMPORT_PREVIEW_ROWS = 20;
/** How many row errors (and invalid rows) the preview lists; the counts cover all of them. */
export const IMPORT_MAX_LISTED_ERRORS = 1000;

const csv = z
  .string()
  .max(MAX_IMPORT_CSV_CHARS, 'must be at most 50 MB')
  .pipe(text(MAX_IMPORT_CSV_CHARS))
  .refine((s) => s.trim().length > 0, 'is empty');

/** Field -> 0-based column index, or null for "not imported". A field left out is not imported. */
export const importMapping = z.partialRecord(
  z.enum(IMPORT_FIELDS),
  z.number().int('must be a column number').min(0).max(9_999).nullable(),
);
export type ImportMapping = z.output<typeof importMapping>;

/** A corrected row: its physical line in the file and the values that replace its cells. */
export const importFix = z.strictObject({
  line: z.number().int().min(2).max(100_000_000),
  values: z.partialRecord(z.enum(IMPORT_FIELDS), text(20_000)),
});
export type ImportFix = z.output<typeof importFix>;

const fixes = list(importFix, 10_000).optional();
const skipLines = list(z.number().int().min(2).max(100_000_000), 2_000_000).optional();
const duplicates = z.enum(DUPLICATE_POLICIES);

export const participantImportSchemas = {
  /** Parses the file, suggests (or applies) a column mapping and reports every invalid row. */
  'participants.importPreview': z.strictObject({
    forumId: id,
    csv,
    mapping: importMapping.optional(),
    fixes,
    skipLines,
    duplicates: duplicates.default('skip'),
    /**
     * Check only the first IMPORT_PREVIEW_ROWS rows (the first page, answered at once); the
     * answer's `checkedRows` says how many were checked. The UI then asks for the whole file.
     */
    firstPage: z.boolean().optional(),
    /** Names this preview's progress events (ProgressEvent.jobId) on the live-update channel. */
    previewId: id.optional(),
  }),
  /** Starts importing in the background (one transaction); poll `participants.importStatus`. */
  'participants.importStart': z.strictObject({
    forumId: id,
    csv,
    mapping: importMapping,
    fixes,
    skipLines,
    duplicates,
  }),
  'participants.importStatus': z.strictObject({ jobId: id }),
  /** Cancels a running import: it stops before its commit, so nothing is written. */
  'participants.importCancel': z.strictObject({ jobId: id }),
};
