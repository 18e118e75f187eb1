import { z } from 'zod';
import { countryByCode, REGIONS } from '../domain/countries';
import {
  ATTRIBUTIONS,
  CONSENT_METHODS,
  CONTRIBUTION_KINDS,
  CONTRIBUTION_SOURCES,
  CONTRIBUTION_STATUSES,
  WITHDRAWAL_SCOPES,
} from '../domain/contributions';
import { STAKEHOLDER_GROUPS } from '../domain/vocabulary';
import { id, isoDate, line, list, requiredLine, text } from './common';

const country = line(2)
  .nullish()
  .transform((s) => (s ? s.toUpperCase() : null))
  .refine(
    (s) => s === null || countryByCode(s) !== undefined,
    'must be an ISO 3166-1 country code',
  );

const language = line(35).refine(
  (s) => /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(s),
  'must be a language tag such as en or pt-BR',
);

const link = line(2000).refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}, 'must be a web address (http or https)');

/** Every field of a contribution a user can set, without defaults (so updates can be partial). */
const contributionCore = {
  title: requiredLine(300),
  summary: text(5_000),
  body: text(200_000),
  kind: z.enum(CONTRIBUTION_KINDS),
  country,
  region: z.enum(REGIONS).nullish(),
  themeIds: list(id, 50),
  source: z.enum(CONTRIBUTION_SOURCES),
  sourceCallId: id.nullish(),
  sourceSessionId: id.nullish(),
  contributorId: id.nullish(),
  contributorName: line(200),
  contributorOrganisation: line(300),
  language,
  receivedOn: isoDate,
  links: list(link, 30),
  attribution: z.enum(ATTRIBUTIONS),
  mayPublish: z.boolean(),
  consentGivenOn: isoDate.nullish(),
  consentMethod: z.enum(CONSENT_METHODS).nullish(),
};

export const contributionFields = {
  ...contributionCore,
  summary: contributionCore.summary.default(''),
  body: contributionCore.body.default(''),
  region: contributionCore.region.default(null),
  themeIds: contributionCore.themeIds.default([]),
  sourceCallId: contributionCore.sourceCallId.default(null),
  sourceSessionId: contributionCore.sourceSessionId.default(null),
  contributorId: contributionCore.contributorId.default(null),
  contributorName: contributionCore.contributorName.default(''),
  contributorOrganisation: contributionCore.contributorOrganisation.default(''),
  language: contributionCore.language.default('en'),
  links: contributionCore.links.default([]),
  attribution: contributionCore.attribution.default('anonymous'),
  mayPublish: contributionCore.mayPublish.default(false),
  consentGivenOn: contributionCore.consentGivenOn.default(null),
  consentMethod: contributionCore.consentMethod.default(null),
};

/**
 * The columns the contributions list sorts by (issue 12). Without `sort` the list keeps its own
 * order: the most recently received first, or the best match first when searching.
 */
export const CONTRIBUTION_SORTS = ['title', 'kind', 'status', 'contributor', 'received'] as const;
export type ContributionSort = (typeof CONTRIBUTION_SORTS)[number];

const page = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

/** The contribution fields a survey CSV column can be mapped to, in the order the mapping shows. */
export const CONTRIBUTION_IMPORT_FIELDS = [
  'title',
  'summary',
  'body',
  'kind',
  'country',
  'themes',
  'contributorName',
  'contributorEmail',
  'contributorOrganisation',
  'language',
  'receivedOn',
  'links',
  'attribution',
  'mayPublish',
  'consentGivenOn',
] as const;
export type ContributionImportField = (typeof CONTRIBUTION_IMPORT_FIELDS)[number];
export const CONTRIBUTION_IMPORT_FIELD_LABELS: Record<ContributionImportField, string> = {
  title: 'Title',
  summary: 'Summary',
  body: 'Full text',
  kind: 'Kind',
  country: 'Country',
  themes: 'Themes',
  contributorName: 'Contributor name',
  contributorEmail: 'Contributor e-mail',
  contributorOrganisation: 'Organisation',
  language: 'Language',
  receivedOn: 'Date received',
  links: 'Links',
  attribution: 'Attribution',
  mayPublish: 'May be published',
  consentGivenOn: 'Consent given on',
};

export const MAX_CONTRIBUTION_CSV_CHARS = 50 * 1024 * 1024;

const csv = z
  .string()
  .max(MAX_CONTRIBUTION_CSV_CHARS, 'must be at most 50 MB')
  .pipe(text(MAX_CONTRIBUTION_CSV_CHARS))
  .refine((s) => s.trim().length > 0, 'is empty');

export const contributionImportMapping = z.partialRecord(
  z.enum(CONTRIBUTION_IMPORT_FIELDS),
  z.number().int('must be a column number').min(0).max(9_999).nullable(),
);
export type ContributionImportMapping = z.output<typeof contributionImportMapping>;

const importOptions = {
  forumId: id,
  csv,
  /** The kind of rows without a Kind column (a survey: survey answers). */
  defaultKind: z.enum(CONTRIBUTION_KINDS).default('survey_answer'),
  defaultLanguage: language.default('en'),
  /** Consent as recorded by the survey form (applies to rows without consent columns). */
  consentMethod: z.enum(CONSENT_METHODS).nullable().default('form'),
};

export const contributionsSchemas = {
  'themes.list': z.strictObject({ forumId: id }),
  'themes.create': z.strictObject({ forumId: id, name: requiredLine(120) }),
  'themes.update': z.strictObject({ id, name: requiredLine(120) }),
  /** Removes a theme from the forum and from the contributions tagged with it. */
  'themes.remove': z.strictObject({ id }),

  /**
   * A page of contributions: filters, full-text search ranked by relevance when `search`, and the
   * order of one column when `sort` (for every audience, the order of what that audience is shown).
   */
  'contributions.list': z.strictObject({
    forumId: id,
    search: line(200).optional(),
    status: z.enum(CONTRIBUTION_STATUSES).optional(),
    themeId: id.optional(),
    region: z.enum(REGIONS).optional(),
    kind: z.enum(CONTRIBUTION_KINDS).optional(),
    source: z.enum(CONTRIBUTION_SOURCES).optional(),
    stakeholderGroup: z.enum(STAKEHOLDER_GROUPS).optional(),
    sort: z
      .enum(CONTRIBUTION_SORTS, {
        error: `must be one of ${CONTRIBUTION_SORTS.join(', ')}`,
      })
      .optional(),
    /** The order of `sort` (ignored without it). */
    direction: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).default('asc'),
    ...page,
  }),
  /** One search box over contributions and call minutes and session notes. */
  'contributions.search': z.strictObject({
    forumId: id,
    query: requiredLine(200),
    limit: z.number().int().min(1).max(100).default(20),
  }),
  'contributions.get': z.strictObject({ id }),
  'contributions.create': z.strictObject({ forumId: id, ...contributionFields }),
  'contributions.update': z.strictObject({
    id,
    ...z.object(contributionCore).partial().shape,
  }),
  /** Review: moves a contribution to a status, with the reviewer's notes. */
  'contributions.setStatus': z.strictObject({
    id,
    status: z.enum(CONTRIBUTION_STATUSES),
    reviewerNotes: text(20_000).optional(),
  }),
  /** Records that the contributor withdrew consent to publication or to attribution. */
  'contributions.withdrawConsent': z.strictObject({
    id,
    scope: z.enum(WITHDRAWAL_SCOPES),
    note: line(1000).default(''),
  }),
  /** Possible duplicates of a contribution being written (similar title or text). */
  'contributions.duplicates': z.strictObject({
    forumId: id,
    title: line(300),
    summary: text(5_000).default(''),
    body: text(200_000).default(''),
    excludeId: id.optional(),
  }),
  /** Accepted contributions by region, theme, kind and contributor stakeholder group. */
  'contributions.coverage': z.strictObject({ forumId: id }),
  /** Where contributions can come from: the forum's calls and NRI sessions, by title. */
  'contributions.sources': z.strictObject({ forumId: id }),

  'contributions.importPreview': z.strictObject({
    ...importOptions,
    mapping: contributionImportMapping.optional(),
  }),
  'contributions.importStart': z.strictObject({
    ...importOptions,
    mapping: contributionImportMapping,
  }),
  'contributions.importStatus': z.strictObject({ jobId: id }),
  'contributions.importCancel': z.strictObject({ jobId: id }),
};

export type ContributionCreateInput = z.input<
  (typeof contributionsSchemas)['contributions.create']
>;
