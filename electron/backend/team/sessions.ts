/**
 * Sessions of the team server: a signed-in browser holds a random token (its cookie), the
 * database only the token's SHA-256. A session ends after 30 minutes without a request (its
 * `last_seen_at` is refreshed at most once a minute, so a busy session writes once a minute, not
 * on every request) or 12 hours after sign-in, whichever comes first; signing out, "sign out
 * everywhere" and deactivating the account end it at once.
 */
import {
  deleteExpiredTeamSessions,
  deleteTeamSession,
  deleteTeamSessionsOfUser,
  findTeamSessionByTokenHash,
  getTeamUser,
  insertTeamSession,
  touchTeamSession,
} from '../../../db/queries/team';
import { newId } from '../../../shared/domain/ids';
import { DomainError } from '../../../shared/result';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import {
  requireActor,
  TEAM_AUDIT,
  toAccount,
  userSubject,
  type TeamAccount,
  type TeamClient,
} from './accounts';
import { hashToken, newToken, TOKEN_PATTERN } from './tokens';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** `last_seen_at` is written at most this often. */
export const SESSION_TOUCH_MS = 60_000;
/** A user agent is kept to this many characters (it is only shown in a list of sessions). */
const USER_AGENT_MAX = 300;

export interface StartedSession {
  /** The raw token for the cookie: returned once, never stored. */
  token: string;
  sessionId: string;
  expiresAt: number;
}

/** Starts a session for a user; call it inside the transaction of the sign-in that allows it. */
export function startSession(
  ctx: BackendContext,
  userId: string,
  client: TeamClient,
): StartedSession {
  const now = ctx.now();
  const token = newToken();
  const sessionId = newId(now);
  const expiresAt = now + SESSION_ABSOLUTE_MS;
  insertTeamSession(ctx.db, {
    id: sessionId,
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    address: client.address,
    userAgent: client.userAgent ? client.userAgent.slice(0, USER_AGENT_MAX) : null,
  });
  return { token, sessionId, expiresAt };
}

export interface ResolvedSession {
  sessionId: string;
  expiresAt: number;
  account: TeamAccount;
}

/**
 * The session a token stands for, or null when it is unknown, expired (idle or absolute) or its
 * account is no longer active; an expired one is deleted on the way.
 */
export function resolveSession(ctx: BackendContext, token: string): ResolvedSession | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  return ctx.db.transaction(() => {
    const session = findTeamSessionByTokenHash(ctx.db, hashToken(token));
    if (!session) return null;
    const now = ctx.now();
    const user = getTeamUser(ctx.db, session.userId);
    if (now >= session.expiresAt || now - session.lastSeenAt >= SESSION_IDLE_MS || !user?.active) {
      deleteTeamSession(ctx.db, session.id);
      return null;
    }
    if (now - session.lastSeenAt >= SESSION_TOUCH_MS) touchTeamSession(ctx.db, session.id, now);
    return { sessionId: session.id, expiresAt: session.expiresAt, account: toAccount(ctx, user) };
  })();
}

/** Ends the session of this token (signing out); an unknown token is no error. */
export function signOut(ctx: BackendContext, token: string): void {
  if (!TOKEN_PATTERN.test(token)) return;
  ctx.db.transaction(() => {
    const session = findTeamSessionByTokenHash(ctx.db, hashToken(token));
    if (!session) return;
    deleteTeamSession(ctx.db, session.id);
    recordAudit(ctx, {
      forumId: null,
      action: TEAM_AUDIT.signedOut,
      ...userSubject(session.userId),
      detail: { sessionId: session.id },
    });
  })();
}

/** Ends every session of the signed-in user (on every browser and device). */
export function signOutEverywhere(ctx: BackendContext, actorId: string): { sessionsEnded: number } {
  return ctx.db.transaction(() => {
    const actor = requireActor(ctx, actorId);
    const sessionsEnded = deleteTeamSessionsOfUser(ctx.db, actor.id);
    recordAudit(ctx, {
      forumId: null,
      action: TEAM_AUDIT.signedOutEverywhere,
      ...userSubject(actor.id),
      detail: { sessionsEnded },
    });
    return { sessionsEnded };
  })();
}

/** Deletes the sessions that have ended (a periodic sweep; resolveSession refuses them anyway). */
export function endExpiredSessions(ctx: BackendContext): number {
  const now = ctx.now();
  return deleteExpiredTeamSessions(ctx.db, now, now - SESSION_IDLE_MS);
}

/** The refusal for a request without a live session. */
export const signInRequired = () =>
  new DomainError('unauthorized', 'Your session has ended; sign in again.');
