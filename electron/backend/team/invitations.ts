/**
 * Invitations to a forum of the team server. A coordinator of the forum (or an administrator)
 * invites an e-mail with a role; the invitee gets a one-time link (token stored as SHA-256 only)
 * valid for 7 days unless said otherwise; a newer invitation of the same e-mail to the same forum
 * replaces an open one. Accepting creates the account (display name, new password; an
 * authenticator is required for the coordinator role and optional otherwise), or, when an account
 * with that e-mail exists, adds the membership after the account signs in as it would to log in
 * (password, and code when it has one). An unknown, expired or used token gets one sentence that
 * does not say which.
 */
import { getForum } from '../../../db/queries/forums';
import {
  expireOpenInvitationsFor,
  findTeamInvitationByTokenHash,
  findTeamUserByEmail,
  getTeamMembership,
  insertTeamInvitation,
  insertTeamUser,
  markTeamInvitationUsed,
  setTeamInvitationTotpSecret,
  setTeamUserTotp,
  upsertTeamMembership,
  type TeamInvitationRecord,
  type TeamUserRecord,
} from '../../../db/queries/team';
import { newId } from '../../../shared/domain/ids';
import { DomainError } from '../../../shared/result';
import { newPassword, type TeamInput, type TeamRole } from '../../../shared/schemas/team';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import {
  passwordCostOf,
  requireActor,
  TEAM_AUDIT,
  userSubject,
  type TeamClient,
  type TeamOptions,
} from './accounts';
import { authenticate } from './login';
import { hashPassword } from './passwords';
import { startSession, type StartedSession } from './sessions';
import { hashToken, TOKEN_PATTERN, newToken } from './tokens';
import { checkTotp, newTotpSecret, totpUri } from './totp';

const DAY_MS = 24 * 60 * 60_000;

/** The one answer for an unknown, expired or used invitation. */
export const INVITATION_INVALID =
  'This invitation link does not work any more; ask a coordinator of the forum for a new one.';

const TOTP_WRONG =
  'Authentication code is not right; check that the phone shows the right time and try the next code.';

export interface InvitationSummary {
  id: string;
  email: string;
  forumId: string;
  role: TeamRole;
  expiresAt: number;
}

const summary = (r: TeamInvitationRecord): InvitationSummary => ({
  id: r.id,
  email: r.email,
  forumId: r.forumId,
  role: r.role as TeamRole,
  expiresAt: r.expiresAt,
});

/** Invites an e-mail to a forum with a role; the token is returned once, for the link. */
export function createInvitation(
  ctx: BackendContext,
  actorId: string,
  input: TeamInput<'team.invitations.create'>,
): { token: string; invitation: InvitationSummary } {
  return ctx.db.transaction(() => {
    const actor = requireActor(ctx, actorId);
    if (!getForum(ctx.db, input.forumId))
      throw new DomainError('not_found', 'No forum with this id.', 'forumId');
    const membership = getTeamMembership(ctx.db, actor.id, input.forumId);
    if (!actor.administrator && membership?.role !== 'coordinator')
      throw new DomainError(
        'forbidden',
        'Only a coordinator of this forum, or an administrator, can invite people to it.',
      );
    const invitee = findTeamUserByEmail(ctx.db, input.email);
    if (invitee && getTeamMembership(ctx.db, invitee.id, input.forumId))
      throw new DomainError(
        'conflict',
        'E-mail already belongs to someone with a role in this forum.',
        'email',
      );
    const now = ctx.now();
    expireOpenInvitationsFor(ctx.db, input.forumId, input.email, now);
    const token = newToken();
    const row: TeamInvitationRecord = {
      id: newId(now),
      tokenHash: hashToken(token),
      email: input.email,
      forumId: input.forumId,
      role: input.role,
      invitedBy: actor.id,
      totpSecret: null,
      createdAt: now,
      expiresAt: now + input.days * DAY_MS,
      usedAt: null,
    };
    insertTeamInvitation(ctx.db, row);
    recordAudit(ctx, {
      forumId: input.forumId,
      action: TEAM_AUDIT.invitationCreated,
      subjectType: 'team_invitation',
      subjectId: row.id,
      detail: { by: actor.id, email: row.email, role: row.role, expiresAt: row.expiresAt },
    });
    return { token, invitation: summary(row) };
  })();
}

/** The open invitation of a token, or the one sentence. */
function requireOpenInvitation(ctx: BackendContext, token: string): TeamInvitationRecord {
  const row = TOKEN_PATTERN.test(token)
    ? findTeamInvitationByTokenHash(ctx.db, hashToken(token))
    : undefined;
  if (!row || row.usedAt !== null || ctx.now() >= row.expiresAt)
    throw new DomainError('not_found', INVITATION_INVALID, 'token');
  return row;
}

/** Whether accepting needs an authenticator code, and against which key. */
function enrolmentOf(invitation: TeamInvitationRecord, account: TeamUserRecord | undefined) {
  if (account?.totpSecret) return 'account' as const; // the account's own code, as at sign-in
  if (invitation.role === 'coordinator') return 'required' as const;
  return invitation.totpSecret ? ('offered' as const) : ('none' as const);
}

/** What an invitation is for, shown to the invitee before accepting. */
export function describeInvitation(
  ctx: BackendContext,
  input: TeamInput<'team.invitations.describe'>,
): InvitationSummary & { forumTitle: string; existingAccount: boolean; totpRequired: boolean } {
  const row = requireOpenInvitation(ctx, input.token);
  const account = findTeamUserByEmail(ctx.db, row.email);
  const enrolment = enrolmentOf(row, account);
  return {
    ...summary(row),
    forumTitle: getForum(ctx.db, row.forumId)?.title ?? '',
    existingAccount: account !== undefined,
    totpRequired: enrolment === 'account' || enrolment === 'required',
  };
}

/** Offers a new authenticator key to the invitee (the latest one offered counts). */
export function beginInvitationEnrolment(
  ctx: BackendContext,
  input: TeamInput<'team.invitations.beginEnrolment'>,
): { totpSecret: string; otpauthUri: string } {
  return ctx.db.transaction(() => {
    const row = requireOpenInvitation(ctx, input.token);
    if (findTeamUserByEmail(ctx.db, row.email)?.totpSecret)
      throw new DomainError(
        'conflict',
        'This account already has an authenticator app; accept with its current code.',
        'token',
      );
    const totpSecret = newTotpSecret();
    setTeamInvitationTotpSecret(ctx.db, row.id, totpSecret);
    return { totpSecret, otpauthUri: totpUri(totpSecret, row.email) };
  })();
}

export interface AcceptedInvitation extends StartedSession {
  userId: string;
  forumId: string;
  role: TeamRole;
  newAccount: boolean;
}

/** The enrolment code's check (for an account without an authenticator yet), or null. */
function checkEnrolment(
  ctx: BackendContext,
  invitation: TeamInvitationRecord,
  code: string | null,
): { secret: string; step: number } | null {
  if (!invitation.totpSecret) {
    if (invitation.role === 'coordinator')
      throw new DomainError(
        'validation',
        'Authentication code is required for the coordinator role: set up the authenticator app first.',
        'totpCode',
      );
    return null;
  }
  if (!code)
    throw new DomainError(
      'validation',
      'Authentication code is required to finish setting up the authenticator app.',
      'totpCode',
    );
  const check = checkTotp({ secret: invitation.totpSecret, code, lastStep: null, now: ctx.now() });
  if (!check.ok) throw new DomainError('validation', TOTP_WRONG, 'totpCode');
  return { secret: invitation.totpSecret, step: check.step };
}

const isEmailTaken = (e: unknown) =>
  (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
  /team_users\.email/.test(String((e as Error).message));

/**
 * Accepts an invitation and signs the invitee in. Everything it writes (the invitation used, the
 * account or its membership, the authenticator, the session, the audit record) is one
 * transaction: when any part fails nothing is kept and the invitation stays open.
 */
export async function acceptInvitation(
  ctx: BackendContext,
  input: TeamInput<'team.invitations.accept'>,
  client: TeamClient,
  opts: TeamOptions = {},
): Promise<AcceptedInvitation> {
  const invitation = requireOpenInvitation(ctx, input.token);
  const existing = findTeamUserByEmail(ctx.db, invitation.email);

  /** Inside the transaction: the invitation read again and marked used (as it was before). */
  const take = (): TeamInvitationRecord => {
    const open = requireOpenInvitation(ctx, input.token);
    if (!markTeamInvitationUsed(ctx.db, open.id, ctx.now()))
      throw new DomainError('not_found', INVITATION_INVALID, 'token');
    return open;
  };
  /** Inside the transaction: the membership, the session and the audit record. */
  const finish = (
    open: TeamInvitationRecord,
    userId: string,
    newAccount: boolean,
  ): AcceptedInvitation => {
    upsertTeamMembership(ctx.db, { userId, forumId: open.forumId, role: open.role });
    const session = startSession(ctx, userId, client);
    recordAudit(ctx, {
      forumId: open.forumId,
      action: TEAM_AUDIT.invitationAccepted,
      ...userSubject(userId),
      detail: { invitationId: open.id, role: open.role, newAccount, sessionId: session.sessionId },
    });
    return { userId, forumId: open.forumId, role: open.role as TeamRole, newAccount, ...session };
  };

  if (existing) {
    // The account signs in as it would to log in (limits, lock, password, its code).
    return authenticate(ctx, { ...input, email: invitation.email }, client, opts, (user) => {
      const open = take();
      if (!user.totpSecret) {
        const enrolled = checkEnrolment(ctx, open, input.totpCode);
        if (enrolled) setTeamUserTotp(ctx.db, user.id, enrolled.secret, enrolled.step);
      }
      return finish(open, user.id, false);
    });
  }

  if (!input.displayName)
    throw new DomainError(
      'validation',
      'Display name is required for a new account.',
      'displayName',
    );
  const password = newPassword.safeParse(input.password);
  if (!password.success)
    throw new DomainError('validation', password.error.issues[0].message, 'password');
  checkEnrolment(ctx, invitation, input.totpCode); // before the slow hash; checked again below
  const passwordHash = await hashPassword(input.password, passwordCostOf(opts));
  const displayName = input.displayName;
  try {
    return ctx.db.transaction(() => {
      const now = ctx.now();
      const open = take();
      const enrolled = checkEnrolment(ctx, open, input.totpCode);
      const userId = newId(now);
      insertTeamUser(ctx.db, {
        id: userId,
        email: open.email,
        displayName,
        passwordHash,
        totpSecret: enrolled?.secret ?? null,
        totpLastStep: enrolled?.step ?? null,
        administrator: false,
        active: true,
        failedLogins: 0,
        lockedUntil: null,
        createdAt: now,
        deactivatedAt: null,
      });
      return finish(open, userId, true);
    })();
  } catch (e) {
    if (isEmailTaken(e))
      throw new DomainError(
        'conflict',
        'E-mail now has an account (made a moment ago); open the invitation link again to sign in with it.',
        'email',
      );
    throw e;
  }
}
