/**
 * Input schemas of the team server's accounts (issue 14): setup of the first account, sign-in,
 * invitations and account administration. Not contract methods yet (the dispatch and role wiring
 * comes later), so they are not part of `methodSchemas`; the keys name the methods they will be.
 * Every message is a whole sentence that names its field.
 */
import { z } from 'zod';
import { id, nameLine, optionalNameLine } from './common';

/** A team user's role in one forum. */
export const TEAM_ROLES = ['coordinator', 'rapporteur', 'mag_reviewer', 'observer'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Password length bounds (characters) for a new password. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// eslint-disable-next-line no-control-regex -- the point of this pattern is to find control characters
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const emailFormat = z.email();

/** An e-mail address, stored trimmed and lowercased (the account's unique key). */
export const teamEmail = z
  .string({ error: 'E-mail is required.' })
  .max(254, 'E-mail must be at most 254 characters.')
  .refine((s) => !CONTROL.test(s), 'E-mail must not contain control characters.')
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => s.length > 0, { message: 'E-mail is required.', abort: true })
  .refine((s) => emailFormat.safeParse(s).success, 'E-mail must be an e-mail address.');

/** A new password: 12 to 256 characters (length is what makes a password strong). */
export const newPassword = z
  .string({ error: 'Password is required.' })
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`);

/** The password typed to sign in: not checked against today's rules, only bounded. */
export const currentPassword = z
  .string({ error: 'Password is required.' })
  .min(1, 'Password is required.')
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters.`);

/** A 6-digit code from an authenticator app; spaces (as apps show "123 456") are ignored. */
export const totpCode = z
  .string({ error: 'Authentication code must be text.' })
  .max(20, 'Authentication code must be the 6 digits shown by your authenticator app.')
  .transform((s) => s.replace(/\s+/g, ''))
  .refine(
    (s) => /^\d{6}$/.test(s),
    'Authentication code must be the 6 digits shown by your authenticator app.',
  );

/** An optional code: empty means none was given. */
const optionalTotpCode = z
  .union([z.literal(''), totpCode], {
    error: 'Authentication code must be the 6 digits shown by your authenticator app.',
  })
  .nullish()
  .transform((s) => (s ? s : null));

/** A token of the team server (setup, invitation, session): 32 random bytes, base64url. */
export const teamToken = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .regex(/^[A-Za-z0-9_-]{43}$/, `${label} is not a valid link or token; copy it again.`);

export const teamRole = z.enum(TEAM_ROLES, {
  error: 'Role must be coordinator, rapporteur, MAG reviewer or observer.',
});

const displayName = nameLine(100, 'Display name');

/** Days an invitation stays valid when the coordinator does not say otherwise. */
export const INVITATION_DEFAULT_DAYS = 7;

export const teamSchemas = {
  /** Offers the authenticator key for the first account (before it exists). */
  'team.setup.begin': z.strictObject({
    setupToken: teamToken('Setup token'),
    email: teamEmail,
  }),
  /** Creates the first account (an administrator) once its first code is confirmed. */
  'team.setup.complete': z.strictObject({
    setupToken: teamToken('Setup token'),
    email: teamEmail,
    displayName,
    password: newPassword,
    totpCode,
  }),
  'team.login': z.strictObject({
    email: teamEmail,
    password: currentPassword,
    totpCode: optionalTotpCode,
  }),
  'team.invitations.create': z.strictObject({
    email: teamEmail,
    forumId: id,
    role: teamRole,
    days: z
      .number({ error: 'Days must be a number.' })
      .int('Days must be a whole number.')
      .min(1, 'Days must be at least 1.')
      .max(30, 'Days must be at most 30.')
      .default(INVITATION_DEFAULT_DAYS),
  }),
  /** What an invitation is for (shown before accepting), and whether the e-mail has an account. */
  'team.invitations.describe': z.strictObject({ token: teamToken('Invitation token') }),
  /** Offers an authenticator key to the invitee (required for the coordinator role). */
  'team.invitations.beginEnrolment': z.strictObject({ token: teamToken('Invitation token') }),
  /**
   * Accepts: a new account needs a display name and a new password; an existing account with
   * the invitation's e-mail signs in with its password (and code) instead.
   */
  'team.invitations.accept': z.strictObject({
    token: teamToken('Invitation token'),
    displayName: optionalNameLine(100, 'Display name'),
    password: currentPassword,
    totpCode: optionalTotpCode,
  }),
  'team.users.unlock': z.strictObject({ userId: id }),
  'team.users.deactivate': z.strictObject({ userId: id }),
};

export type TeamMethod = keyof typeof teamSchemas;
/** What a team service receives (validated, trimmed, defaults applied). */
export type TeamInput<M extends TeamMethod> = z.output<(typeof teamSchemas)[M]>;
