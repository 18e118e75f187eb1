/**
 * Signing in to the team server: e-mail, password and (when the account needs one) an
 * authenticator code give a session. Rules:
 * - every failure answers the same sentence, whatever was wrong (no account, wrong password,
 *   missing, wrong or replayed code, deactivated account); the password is verified even for an
 *   e-mail without an account (against a dummy hash) so the time taken tells nothing either;
 * - a code is required from anyone who is an administrator, a coordinator of any forum, or has an
 *   authenticator set up;
 * - 5 failed sign-ins in a row lock the account for 15 minutes (a coordinator or an administrator
 *   can lift it); while locked its password is not even checked;
 * - more than 20 failures from one address in 15 minutes (IPv6: one /64) and that address is
 *   refused without checking anything until the oldest falls out of the window. The failures are
 *   kept in the database (team_login_attempts), not in memory, so the limit holds across the
 *   team server's worker threads and restarts.
 * Password verification is async (argon2 on its thread pool); everything it leads to is written
 * in one synchronous transaction that reads the account again (no transaction spans an await).
 */
import {
  advanceTeamUserTotpStep,
  deleteTeamLoginAttemptsUntil,
  findTeamUserByEmail,
  getTeamUser,
  insertTeamLoginAttempt,
  listTeamLoginAttemptTimes,
  setTeamUserFailedLogins,
  updateTeamUserPasswordHash,
  type TeamUserRecord,
} from '../../../db/queries/team';
import { DomainError } from '../../../shared/result';
import type { TeamInput } from '../../../shared/schemas/team';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import {
  addressKey,
  passwordCostOf,
  TEAM_AUDIT,
  totpRequired,
  userSubject,
  type TeamClient,
  type TeamOptions,
} from './accounts';
import { hashPassword, needsRehash, verifyDummy, verifyPassword } from './passwords';
import { startSession, type StartedSession } from './sessions';
import { checkTotp } from './totp';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
export const ADDRESS_MAX_FAILURES = 20;

/** The one answer to every failed sign-in. */
export const SIGN_IN_FAILED =
  'The e-mail, password or authentication code is not right; check them and try again.';

const minutesUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 60_000));

const lockedMessage = (until: number, now: number) => {
  const n = minutesUntil(until, now);
  return `Sign-in to this account is paused after ${LOCKOUT_FAILURES} failed attempts. Try again in ${n} minute${n === 1 ? '' : 's'}, or ask a coordinator to lift the lock.`;
};

/** The refusal for an address past its limit, or null when it may try. */
function addressRefusal(ctx: BackendContext, address: string): DomainError | null {
  const now = ctx.now();
  const times = listTeamLoginAttemptTimes(ctx.db, address, now - ADDRESS_WINDOW_MS);
  if (times.length < ADDRESS_MAX_FAILURES) return null;
  // It may try again once it is back under the limit: when this failure leaves the window.
  const freedAt = times[times.length - ADDRESS_MAX_FAILURES] + ADDRESS_WINDOW_MS;
  const n = minutesUntil(freedAt, now);
  return new DomainError(
    'unauthorized',
    `Too many sign-in attempts from this address. Try again in ${n} minute${n === 1 ? '' : 's'}.`,
  );
}

type FailureReason =
  | 'unknown_account'
  | 'deactivated'
  | 'locked'
  | 'wrong_password'
  | 'totp_not_enrolled'
  | 'totp_missing'
  | 'totp_wrong'
  | 'totp_replayed';

/**
 * Records one failed sign-in: the address's attempt, the account's count (and its lock at the
 * fifth), and the audit records. Runs inside the caller's transaction; returns the error to throw.
 */
function recordFailure(
  ctx: BackendContext,
  address: string,
  user: TeamUserRecord | undefined,
  reason: FailureReason,
): DomainError {
  const now = ctx.now();
  deleteTeamLoginAttemptsUntil(ctx.db, now - ADDRESS_WINDOW_MS);
  insertTeamLoginAttempt(ctx.db, address, now);
  recordAudit(ctx, {
    forumId: null,
    action: TEAM_AUDIT.loginFailed,
    ...(user ? userSubject(user.id) : {}),
    detail: { reason, address },
  });
  if (
    listTeamLoginAttemptTimes(ctx.db, address, now - ADDRESS_WINDOW_MS).length ===
    ADDRESS_MAX_FAILURES
  )
    recordAudit(ctx, {
      forumId: null,
      action: TEAM_AUDIT.addressLimited,
      detail: {
        address,
        failures: ADDRESS_MAX_FAILURES,
        windowMinutes: ADDRESS_WINDOW_MS / 60_000,
      },
    });
  const counted =
    user && user.active && reason !== 'locked' && reason !== 'deactivated' ? user : undefined;
  if (counted) {
    const failures = counted.failedLogins + 1;
    if (failures >= LOCKOUT_FAILURES) {
      const until = now + LOCKOUT_MS;
      setTeamUserFailedLogins(ctx.db, counted.id, 0, until);
      recordAudit(ctx, {
        forumId: null,
        action: TEAM_AUDIT.accountLocked,
        ...userSubject(counted.id),
        detail: { failures, until, address },
      });
      return new DomainError('unauthorized', lockedMessage(until, now));
    }
    setTeamUserFailedLogins(ctx.db, counted.id, failures, null);
  }
  if (reason === 'locked' && user?.lockedUntil)
    return new DomainError('unauthorized', lockedMessage(user.lockedUntil, now));
  return new DomainError('unauthorized', SIGN_IN_FAILED);
}

export interface Credentials {
  email: string;
  password: string;
  totpCode: string | null;
}

/**
 * Checks credentials as a sign-in does (limits, lock, password, code) and, when they hold, runs
 * `onSuccess` in the transaction that records the success; when they do not, records the
 * failure and throws its sentence. `onSuccess` may throw to undo the whole success.
 */
export async function authenticate<T>(
  ctx: BackendContext,
  credentials: Credentials,
  client: TeamClient,
  opts: TeamOptions,
  onSuccess: (user: TeamUserRecord) => T,
): Promise<T> {
  const cost = passwordCostOf(opts);
  const address = addressKey(client.address);
  const email = credentials.email.trim().toLowerCase();
  const refused = addressRefusal(ctx, address);
  if (refused) throw refused;

  const found = findTeamUserByEmail(ctx.db, email);
  const lockedAtStart = found?.lockedUntil != null && found.lockedUntil > ctx.now();
  let passwordOk = false;
  if (!found) await verifyDummy(credentials.password, cost);
  else if (!lockedAtStart)
    passwordOk = await verifyPassword(found.passwordHash, credentials.password);
  const rehash =
    found && passwordOk && needsRehash(found.passwordHash, cost)
      ? await hashPassword(credentials.password, cost)
      : null;

  const outcome = ctx.db.transaction(
    (): { ok: true; value: T } | { ok: false; error: DomainError } => {
      const now = ctx.now();
      // Read again: the account may have changed while the password was being checked.
      const user = found ? getTeamUser(ctx.db, found.id) : undefined;
      const fail = (reason: FailureReason) => ({
        ok: false as const,
        error: recordFailure(ctx, address, user, reason),
      });
      // The limit again: other attempts from the address may have failed meanwhile.
      const limited = addressRefusal(ctx, address);
      if (limited) return { ok: false, error: limited };
      if (!user) return fail('unknown_account');
      if (!user.active) return fail('deactivated');
      if (user.lockedUntil !== null && user.lockedUntil > now) return fail('locked');
      if (!passwordOk || user.passwordHash !== found!.passwordHash) return fail('wrong_password');
      if (totpRequired(ctx, user)) {
        if (user.totpSecret === null) return fail('totp_not_enrolled');
        if (!credentials.totpCode) return fail('totp_missing');
        const check = checkTotp({
          secret: user.totpSecret,
          code: credentials.totpCode,
          lastStep: user.totpLastStep,
          now,
        });
        if (!check.ok) return fail(check.reason === 'replayed' ? 'totp_replayed' : 'totp_wrong');
        if (!advanceTeamUserTotpStep(ctx.db, user.id, check.step)) return fail('totp_replayed');
      }
      if (user.failedLogins !== 0 || user.lockedUntil !== null)
        setTeamUserFailedLogins(ctx.db, user.id, 0, null);
      if (rehash) updateTeamUserPasswordHash(ctx.db, user.id, rehash);
      return { ok: true, value: onSuccess(user) };
    },
  )();
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

export interface SignedIn extends StartedSession {
  userId: string;
}

/** Signs in: a new session for the account, or the one sentence of a failed sign-in. */
export function login(
  ctx: BackendContext,
  input: TeamInput<'team.login'>,
  client: TeamClient,
  opts: TeamOptions = {},
): Promise<SignedIn> {
  return authenticate(ctx, input, client, opts, (user) => {
    const session = startSession(ctx, user.id, client);
    recordAudit(ctx, {
      forumId: null,
      action: TEAM_AUDIT.login,
      ...userSubject(user.id),
      detail: { sessionId: session.sessionId, address: addressKey(client.address) },
    });
    return { userId: user.id, ...session };
  });
}
