/**
 * The first account of a team server. While team_users is empty, each start makes a one-time
 * setup token (printed by the server, stored only as its SHA-256 in `settings`, replacing any
 * earlier one). With it, the person setting up the server asks for an authenticator key
 * (beginSetup), then creates the first account (completeSetup): an administrator, coordinator
 * of every forum already in the database, whose authenticator is confirmed by its first code.
 * Once an account exists the token no longer works and is deleted.
 */
import { getSetting, setSetting } from '../../../db/queries/settings';
import {
  countTeamUsers,
  deleteTeamSetting,
  insertTeamUser,
  listForumIds,
  upsertTeamMembership,
} from '../../../db/queries/team';
import { newId } from '../../../shared/domain/ids';
import { DomainError } from '../../../shared/result';
import type { TeamInput } from '../../../shared/schemas/team';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import {
  passwordCostOf,
  TEAM_AUDIT,
  userSubject,
  type TeamClient,
  type TeamOptions,
} from './accounts';
import { hashPassword } from './passwords';
import { startSession, type StartedSession } from './sessions';
import { hashToken, newToken } from './tokens';
import { checkTotp, newTotpSecret, totpUri } from './totp';

/** The settings key of the pending setup: `{ tokenHash, createdAt, totpSecret }` as JSON. */
export const SETUP_SETTING = 'team.setup';

interface SetupState {
  tokenHash: string;
  createdAt: number;
  /** The authenticator key offered by beginSetup, confirmed by completeSetup. */
  totpSecret: string | null;
}

export const SETUP_TOKEN_INVALID =
  'This setup token does not work: the first account already exists, or the server has printed a newer token since.';

const readState = (ctx: BackendContext): SetupState | null => {
  const raw = getSetting(ctx.db, SETUP_SETTING);
  return raw ? (JSON.parse(raw) as SetupState) : null;
};

/**
 * At start: a new setup token when there is no account yet (returned once, to be printed), or
 * null (and any old token deleted) when there is one.
 */
export function issueSetupToken(ctx: BackendContext): string | null {
  return ctx.db.transaction(() => {
    if (countTeamUsers(ctx.db) > 0) {
      deleteTeamSetting(ctx.db, SETUP_SETTING);
      return null;
    }
    const token = newToken();
    const state: SetupState = {
      tokenHash: hashToken(token),
      createdAt: ctx.now(),
      totpSecret: null,
    };
    setSetting(ctx.db, SETUP_SETTING, JSON.stringify(state));
    recordAudit(ctx, { forumId: null, action: TEAM_AUDIT.setupTokenIssued });
    return token;
  })();
}

/** The pending setup this token opens, or the refusal. */
function requireSetup(ctx: BackendContext, setupToken: string): SetupState {
  const state = readState(ctx);
  if (!state || state.tokenHash !== hashToken(setupToken) || countTeamUsers(ctx.db) > 0)
    throw new DomainError('unauthorized', SETUP_TOKEN_INVALID, 'setupToken');
  return state;
}

/** Offers a new authenticator key for the first account (the latest one offered counts). */
export function beginSetup(
  ctx: BackendContext,
  input: TeamInput<'team.setup.begin'>,
): { totpSecret: string; otpauthUri: string } {
  return ctx.db.transaction(() => {
    const state = requireSetup(ctx, input.setupToken);
    const totpSecret = newTotpSecret();
    setSetting(ctx.db, SETUP_SETTING, JSON.stringify({ ...state, totpSecret }));
    return { totpSecret, otpauthUri: totpUri(totpSecret, input.email) };
  })();
}

/** Creates the first account once its authenticator code is confirmed, and signs it in. */
export async function completeSetup(
  ctx: BackendContext,
  input: TeamInput<'team.setup.complete'>,
  client: TeamClient,
  opts: TeamOptions = {},
): Promise<StartedSession & { userId: string }> {
  requireSetup(ctx, input.setupToken);
  const passwordHash = await hashPassword(input.password, passwordCostOf(opts));
  return ctx.db.transaction(() => {
    const state = requireSetup(ctx, input.setupToken);
    if (!state.totpSecret)
      throw new DomainError(
        'validation',
        'Authentication code cannot be checked yet: set up the authenticator app first.',
        'totpCode',
      );
    const now = ctx.now();
    const check = checkTotp({
      secret: state.totpSecret,
      code: input.totpCode,
      lastStep: null,
      now,
    });
    if (!check.ok)
      throw new DomainError(
        'validation',
        'Authentication code is not right; check that the phone shows the right time and try the next code.',
        'totpCode',
      );
    const userId = newId(now);
    insertTeamUser(ctx.db, {
      id: userId,
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      totpSecret: state.totpSecret,
      totpLastStep: check.step,
      administrator: true,
      active: true,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: now,
      deactivatedAt: null,
    });
    const forumIds = listForumIds(ctx.db);
    for (const forumId of forumIds)
      upsertTeamMembership(ctx.db, { userId, forumId, role: 'coordinator' });
    deleteTeamSetting(ctx.db, SETUP_SETTING);
    const session = startSession(ctx, userId, client);
    recordAudit(ctx, {
      forumId: null,
      action: TEAM_AUDIT.setupCompleted,
      ...userSubject(userId),
      detail: { coordinatorOfForums: forumIds.length, sessionId: session.sessionId },
    });
    return { userId, ...session };
  })();
}
