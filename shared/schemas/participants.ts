import { z } from 'zod';
import { countryByCode } from '../domain/countries';
import { FORUM_ROLES, GENDERS, STAKEHOLDER_GROUPS } from '../domain/vocabulary';
import {
  id,
  line,
  list,
  nameLine,
  optionalLine,
  optionalNameLine,
  requiredLine,
  text,
  timeZone,
} from './common';

const emailFormat = z.email();
const email = line(254)
  .refine((s) => s === '' || emailFormat.safeParse(s).success, 'must be an e-mail address')
  .nullish()
  .transform((s) => (s ? s : null));

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

/** Every field of a participant a user can set, without defaults (so updates can be partial). */
const participantCore = {
  fullName: nameLine(200, 'The full name'),
  preferredName: optionalNameLine(200, 'The preferred name'),
  email,
  organisation: optionalNameLine(300, 'The organisation'),
  stakeholderGroup: z.enum(STAKEHOLDER_GROUPS),
  country,
  gender: z.enum(GENDERS).nullish(),
  genderSelfDescribed: optionalLine(100),
  languages: list(language, 20),
  timeZone: timeZone.nullish().transform((s) => (s ? s : null)),
  aliases: list(nameLine(200, 'An alias'), 30),
  handles: list(requiredLine(200), 30),
  consentListed: z.boolean(),
  consentInvitations: z.boolean(),
  role: z.enum(FORUM_ROLES),
  notes: text(20_000)
    .nullish()
    .transform((s) => (s ? s : null)),
};

/** The fields for a new participant: only the name and stakeholder group are required. */
export const participantFields = {
  ...participantCore,
  gender: participantCore.gender.default(null),
  languages: participantCore.languages.default([]),
  timeZone: participantCore.timeZone.default(null),
  aliases: participantCore.aliases.default([]),
  handles: participantCore.handles.default([]),
  consentListed: participantCore.consentListed.default(false),
  consentInvitations: participantCore.consentInvitations.default(false),
  role: participantCore.role.default('member'),
};

export const participantInput = z.strictObject(participantFields);

export const PARTICIPANT_SORTS = [
  'name',
  'organisation',
  'stakeholderGroup',
  'country',
  'role',
  'created',
] as const;
export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];

/** At most this many participants in one bulk action (a page of the list is 100). */
export const MAX_BULK_PARTICIPANTS = 500;

/** The participants a bulk action is for: at least one, each once. */
const selection = list(id, MAX_BULK_PARTICIPANTS)
  .refine((ids) => ids.length > 0, 'must name at least one participant')
  .refine((ids) => new Set(ids).size === ids.length, 'must name each participant once');

export const CONSENT_FILTERS = ['listed', 'not_listed', 'invitations', 'no_invitations'] as const;

export const participantsSchemas = {
  'participants.list': z.strictObject({
    forumId: id,
    search: line(200).optional(),
    stakeholderGroup: z.enum(STAKEHOLDER_GROUPS).optional(),
    region: line(40).optional(),
    role: z.enum(FORUM_ROLES).optional(),
    consent: z.enum(CONSENT_FILTERS).optional(),
    sort: z.enum(PARTICIPANT_SORTS).default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  'participants.get': z.strictObject({ id }),
  'participants.create': z.strictObject({
    forumId: id,
    ...participantFields,
    /** Save even though the person matches a disruptive actor's identifiers. */
    acknowledgeActorMatch: z.boolean().default(false),
  }),
  'participants.update': z.strictObject({
    id,
    acknowledgeActorMatch: z.boolean().default(false),
    ...z.object(participantCore).partial().shape,
  }),
  /** Removes a participant; `participants.restore` undoes it. */
  'participants.remove': z.strictObject({ id }),
  'participants.restore': z.strictObject({ id }),
  /** Gives every selected participant of the forum the same role (one transaction). */
  'participants.setRoleMany': z.strictObject({
    forumId: id,
    ids: selection,
    role: z.enum(FORUM_ROLES),
  }),
  /** Protects every selected participant of the forum (one transaction, one audit record each). */
  'participants.protectMany': z.strictObject({
    forumId: id,
    ids: selection,
    reason: requiredLine(1000),
  }),
};

export type ParticipantInput = z.input<typeof participantInput>;
