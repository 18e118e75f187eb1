/**
 * Team accounts (issue 14): what the other team modules share (options, audit actions, the
 * client a request comes from) and the administration of accounts: who may manage whom, lifting
 * a sign-in lock, deactivating an account (which ends its sessions and its open invitations in
 * the same transaction). Every security event is written with recordAudit, never with a
 * password, token, code or secret in its detail.
 */
import { isIPv6 } from 'node:net';
import {
  coordinatesMemberOf,
  deactivateTeamUser,
  deleteTeamSessionsOfUser,
  expireOpenInvitationsBy,
  getTeamUser,
  isCoordinatorAnywhere,
  listTeamMemberships,
  setTeamUserFailedLogins,
  type TeamUserRecord,
} from '../../../db/queries/team';
import { DomainError } from '../../../shared/result';
import type { TeamInput, TeamRole } from '../../../shared/schemas/team';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { DEFAULT_PASSWORD_COST, type PasswordCost } from './passwords';

/** Options of the team services; tests pass a low `passwordCost`, nothing else should. */
export interface TeamOptions {
  passwordCost?: PasswordCost;
}

export const passwordCostOf = (opts: TeamOptions): PasswordCost =>
  opts.passwordCost ?? DEFAULT_PASSWORD_COST;

/** Where a request comes from (the HTTP layer fills it in). */
export interface TeamClient {
  /** The peer's IP address as the socket reports it. */
  address: string;
  userAgent?: string | null;
}

/** The audit actions of the team server. */
export const TEAM_AUDIT = {
  setupTokenIssued: 'team.setup_token_issued',
  setupCompleted: 'team.setup_completed',
  login: 'team.login',
  loginFailed: 'team.login_failed',
  accountLocked: 'team.account_locked',
  addressLimited: 'team.address_limited',
  accountUnlocked: 'team.account_unlocked',
  invitationCreated: 'team.invitation_created',
  invitationAccepted: 'team.invitation_accepted',
  userDeactivated: 'team.user_deactivated',
  signedOut: 'team.signed_out',
  signedOutEverywhere: 'team.signed_out_everywhere',
} as const;

/** The audit record's subject for a team user. */
export const userSubject = (userId: string) => ({
  subjectType: 'team_user' as const,
  subjectId: userId,
});

/**
 * The key the per-address limit counts by: IPv4 as is (also when written IPv4-mapped,
 * `::ffff:192.0.2.1`), IPv6 by its /64 network, since one subscriber usually holds a whole /64.
 */
export function addressKey(address: string): string {
  const a = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped) return mapped[1];
  if (!isIPv6(a)) return a;
  const [head, tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = a.includes('::') && tail ? tail.split(':') : [];
  const groups = a.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Whether the user must give an authenticator code to sign in. */
export function totpRequired(ctx: BackendContext, user: TeamUserRecord): boolean {
  return user.totpSecret !== null || user.administrator || isCoordinatorAnywhere(ctx.db, user.id);
}

export interface TeamAccount {
  id: string;
  email: string;
  displayName: string;
  administrator: boolean;
  memberships: { forumId: string; role: TeamRole }[];
}

export function toAccount(ctx: BackendContext, user: TeamUserRecord): TeamAccount {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    administrator: user.administrator,
    memberships: listTeamMemberships(ctx.db, user.id).map((m) => ({
      forumId: m.forumId,
      role: m.role as TeamRole,
    })),
  };
}

/** The signed-in user acting; refused when the account is gone or deactivated. */
export function requireActor(ctx: BackendContext, actorId: string): TeamUserRecord {
  const actor = getTeamUser(ctx.db, actorId);
  if (!actor || !actor.active)
    throw new DomainError('unauthorized', 'Your account is not active; sign in again.');
  return actor;
}

/**
 * Refuses unless `actor` may manage `target`'s account: an administrator may manage anyone; a
 * coordinator may manage the people of the forums they coordinate, except administrators.
 */
function requireManager(
  ctx: BackendContext,
  actor: TeamUserRecord,
  target: TeamUserRecord,
  what: string,
): void {
  if (actor.administrator) return;
  if (!target.administrator && coordinatesMemberOf(ctx.db, actor.id, target.id)) return;
  throw new DomainError(
    'forbidden',
    `Only a coordinator of one of this person's forums, or an administrator, can ${what} this account.`,
  );
}

function requireTarget(ctx: BackendContext, userId: string): TeamUserRecord {
  const user = getTeamUser(ctx.db, userId);
  if (!user) throw new DomainError('not_found', 'No account with this id.', 'userId');
  return user;
}

/** Lifts a sign-in lock (and forgets the failed attempts that led to it). */
export function unlockUser(
  ctx: BackendContext,
  actorId: string,
  input: TeamInput<'team.users.unlock'>,
): void {
  ctx.db.transaction(() => {
    const actor = requireActor(ctx, actorId);
    const target = requireTarget(ctx, input.userId);
    requireManager(ctx, actor, target, 'unlock');
    const wasLocked = target.lockedUntil !== null && target.lockedUntil > ctx.now();
    setTeamUserFailedLogins(ctx.db, target.id, 0, null);
    recordAudit(ctx, {
      forumId: null,
      action: TEAM_AUDIT.accountUnlocked,
      ...userSubject(target.id),
      detail: { by: actor.id, wasLocked, failedLogins: target.failedLogins },
    });
  })();
}

/**
 * Deactivates an account: it can no longer sign in, its sessions end and the invitations it
 * made and that are still open expire, all in one transaction. Deactivating again does nothing.
 */
export function deactivateUser(
  ctx: BackendContext,
  actorId: string,
  input: TeamInput<'team.users.deactivate'>,
): { sessionsEnded: number; invitationsEnded: number } {
  return ctx.db.transaction(() => {
    const actor = requireActor(ctx, actorId);
    const target = requireTarget(ctx, input.userId);
    if (target.id === actor.id)
      throw new DomainError(
        'validation',
        'You cannot deactivate your own account; ask another coordinator or an administrator.',
        'userId',
      );
    requireManager(ctx, actor, target, 'deactivate');
    if (!target.active) return { sessionsEnded: 0, invitationsEnded: 0 };
    const now = ctx.now();
    deactivateTeamUser(ctx.db, target.id, now);
    const sessionsEnded = deleteTeamSessionsOfUser(ctx.db, target.id);
    const invitationsEnded = expireOpenInvitationsBy(ctx.db, target.id, now);
    recordAudit(ctx, {
      forumId: null,
      action: TEAM_AUDIT.userDeactivated,
      ...userSubject(target.id),
      detail: { by: actor.id, sessionsEnded, invitationsEnded },
    });
    return { sessionsEnded, invitationsEnded };
  })();
}
