// Signing in to the team server: passwords, codes, lockout, the per-address limit, sessions
// (idle and absolute expiry with the fixture's clock), sign out everywhere and deactivation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../../shared/result';
import { teamSchemas } from '../../../shared/schemas/team';
import { addressKey, deactivateUser, unlockUser } from './accounts';
import { ADDRESS_WINDOW_MS, login, LOCKOUT_MS, SIGN_IN_FAILED } from './login';
import * as passwords from './passwords';
import {
  endExpiredSessions,
  resolveSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  signOut,
  signOutEverywhere,
} from './sessions';
import {
  addUser,
  client,
  codeNow,
  dumpDatabase,
  MINUTE,
  teamAudit,
  teamFixture,
  TEST_OPTIONS,
  TEST_PASSWORD_COST,
  type TeamFixture,
  type TestUser,
} from './testing';

vi.mock('./passwords', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./passwords')>();
  return { ...actual, verifyDummy: vi.fn(actual.verifyDummy) };
});

let f: TeamFixture;
let coordinator: TestUser;
let rapporteur: TestUser;
beforeEach(async () => {
  f = teamFixture();
  coordinator = await addUser(f, {
    email: 'coord@example.org',
    roles: [[f.forumId, 'coordinator']],
    totp: true,
  });
  rapporteur = await addUser(f, { email: 'rap@example.org', roles: [[f.forumId, 'rapporteur']] });
  vi.mocked(passwords.verifyDummy).mockClear();
});
afterEach(() => f.db.close());

const signIn = (
  email: string,
  password: string,
  totpCode: string | null = null,
  address = '192.0.2.10',
) =>
  login(
    f.ctx,
    teamSchemas['team.login'].parse({ email, password, totpCode }),
    client(address),
    TEST_OPTIONS,
  );
const refusal = async (p: Promise<unknown>): Promise<string> => {
  const e = await p.then(
    () => {
      throw new Error('should have failed');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  expect((e as DomainError).code).toBe('unauthorized');
  return (e as DomainError).message;
};
const wrongCode = (secret: string) =>
  String((Number(codeNow(f, secret)) + 1) % 1_000_000).padStart(6, '0');
const user = (id: string) =>
  f.db
    .prepare(
      'SELECT failed_logins AS failed, locked_until AS lockedUntil, active FROM team_users WHERE id = ?',
    )
    .get(id) as { failed: number; lockedUntil: number | null; active: number };
const sessionCount = (userId: string) =>
  f.db.prepare('SELECT count(*) FROM team_sessions WHERE user_id = ?').pluck().get(userId);

describe('login', () => {
  it('signs in with the right password (no code needed for a rapporteur without one)', async () => {
    const s = await signIn(' RAP@example.org', rapporteur.password);
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.expiresAt).toBe(f.clock.now + SESSION_ABSOLUTE_MS);
    expect(resolveSession(f.ctx, s.token)?.account.email).toBe('rap@example.org');
    expect(teamAudit(f.db).map((a) => a.action)).toEqual(['team.login']);
  });

  it('answers one sentence for a wrong password and for an unknown e-mail, verifying both', async () => {
    expect(await refusal(signIn('rap@example.org', 'not the password'))).toBe(SIGN_IN_FAILED);
    expect(passwords.verifyDummy).not.toHaveBeenCalled();
    expect(await refusal(signIn('nobody@example.org', 'not the password'))).toBe(SIGN_IN_FAILED);
    // The unknown e-mail still cost an argon2 verification, with the same parameters.
    expect(passwords.verifyDummy).toHaveBeenCalledWith('not the password', TEST_PASSWORD_COST);
    expect(teamAudit(f.db).map((a) => [a.action, a.detail.reason])).toEqual([
      ['team.login_failed', 'wrong_password'],
      ['team.login_failed', 'unknown_account'],
    ]);
  });

  it('requires the code of a coordinator, refuses a wrong one and a replayed one', async () => {
    const secret = coordinator.totpSecret!;
    expect(await refusal(signIn(coordinator.email, coordinator.password))).toBe(SIGN_IN_FAILED);
    expect(await refusal(signIn(coordinator.email, coordinator.password, wrongCode(secret)))).toBe(
      SIGN_IN_FAILED,
    );
    // The right code with a wrong password is no better.
    expect(await refusal(signIn(coordinator.email, 'wrong password', codeNow(f, secret)))).toBe(
      SIGN_IN_FAILED,
    );
    const code = codeNow(f, secret);
    await signIn(coordinator.email, coordinator.password, code);
    f.advance(20_000);
    expect(await refusal(signIn(coordinator.email, coordinator.password, code))).toBe(
      SIGN_IN_FAILED,
    );
    f.advance(30_000);
    await signIn(coordinator.email, coordinator.password, codeNow(f, secret));
    expect(
      teamAudit(f.db)
        .filter((a) => a.action === 'team.login_failed')
        .map((a) => a.detail.reason),
    ).toEqual(['totp_missing', 'totp_wrong', 'wrong_password', 'totp_replayed']);
  });

  it('rehashes a password made with another cost at the next sign-in (here: to the default)', async () => {
    const before = f.db.prepare('SELECT password_hash FROM team_users WHERE id = ?').pluck();
    expect(before.get(rapporteur.id)).toMatch(/\$m=256,t=1,p=1\$/);
    await login(
      f.ctx,
      { email: rapporteur.email, password: rapporteur.password, totpCode: null },
      client(),
    );
    const after = before.get(rapporteur.id) as string;
    expect(after).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await passwords.verifyPassword(after, rapporteur.password)).toBe(true);
  });

  it('requires a code from anyone who has an authenticator, even without the coordinator role', async () => {
    const observer = await addUser(f, {
      email: 'obs@example.org',
      roles: [[f.forumId, 'observer']],
      totp: true,
    });
    expect(await refusal(signIn(observer.email, observer.password))).toBe(SIGN_IN_FAILED);
    await signIn(observer.email, observer.password, codeNow(f, observer.totpSecret!));
    // A coordinator with no authenticator (made some other way) cannot sign in at all.
    const bare = await addUser(f, {
      email: 'bare@example.org',
      roles: [[f.otherForumId, 'coordinator']],
    });
    expect(await refusal(signIn(bare.email, bare.password, '123456'))).toBe(SIGN_IN_FAILED);
  });

  it('locks an account for 15 minutes after 5 failures in a row; a success resets the count', async () => {
    for (let i = 0; i < 4; i++) await refusal(signIn(rapporteur.email, `wrong ${i}`));
    expect(user(rapporteur.id).failed).toBe(4);
    await signIn(rapporteur.email, rapporteur.password);
    expect(user(rapporteur.id).failed).toBe(0);

    for (let i = 0; i < 4; i++)
      expect(await refusal(signIn(rapporteur.email, `wrong ${i}`))).toBe(SIGN_IN_FAILED);
    const fifth = await refusal(signIn(rapporteur.email, 'wrong 5'));
    expect(fifth).toBe(
      'Sign-in to this account is paused after 5 failed attempts. Try again in 15 minutes, or ask a coordinator to lift the lock.',
    );
    expect(user(rapporteur.id).lockedUntil).toBe(f.clock.now + LOCKOUT_MS);
    // Locked: the right password does not help, and is not even checked.
    f.advance(10 * MINUTE);
    const verify = vi.spyOn(passwords, 'verifyPassword');
    expect(await refusal(signIn(rapporteur.email, rapporteur.password))).toMatch(
      /Try again in 5 minutes/,
    );
    expect(verify).not.toHaveBeenCalled();
    verify.mockRestore();
    f.advance(5 * MINUTE);
    await signIn(rapporteur.email, rapporteur.password);
    const actions = teamAudit(f.db).map((a) => a.action);
    expect(actions.filter((a) => a === 'team.account_locked')).toHaveLength(1);
  });

  it('a coordinator of a forum of the account can lift the lock; others cannot', async () => {
    for (let i = 0; i < 5; i++) await refusal(signIn(rapporteur.email, `wrong ${i}`));
    const outsider = await addUser(f, {
      email: 'other@example.org',
      roles: [[f.otherForumId, 'coordinator']],
      totp: true,
    });
    expect(() => unlockUser(f.ctx, outsider.id, { userId: rapporteur.id })).toThrow(
      /Only a coordinator of one of this person's forums/,
    );
    expect(() => unlockUser(f.ctx, rapporteur.id, { userId: coordinator.id })).toThrow(DomainError);
    unlockUser(f.ctx, coordinator.id, { userId: rapporteur.id });
    expect(user(rapporteur.id)).toMatchObject({ failed: 0, lockedUntil: null });
    await signIn(rapporteur.email, rapporteur.password);
    const unlock = teamAudit(f.db).find((a) => a.action === 'team.account_unlocked')!;
    expect(unlock).toMatchObject({
      subjectId: rapporteur.id,
      detail: { by: coordinator.id, wasLocked: true },
    });
  });

  it('refuses an address after 20 failures in 15 minutes, whatever the account', async () => {
    for (let i = 0; i < 20; i++) {
      await refusal(signIn(`nobody${i}@example.org`, 'guess'));
      f.advance(10_000);
    }
    const limited = await refusal(signIn(rapporteur.email, rapporteur.password));
    // The first failure leaves the window 15 min after it; 200 s have passed.
    expect(limited).toBe('Too many sign-in attempts from this address. Try again in 12 minutes.');
    expect(sessionCount(rapporteur.id)).toBe(0);
    // Other addresses are not affected; the same /64 of IPv6 counts as one address.
    await signIn(rapporteur.email, rapporteur.password, null, '198.51.100.7');
    expect(addressKey('::ffff:192.0.2.10')).toBe('192.0.2.10');
    expect(
      await refusal(signIn(rapporteur.email, rapporteur.password, null, '::ffff:192.0.2.10')),
    ).toMatch(/^Too many sign-in attempts/);
    expect(teamAudit(f.db).filter((a) => a.action === 'team.address_limited')).toHaveLength(1);
    // Once the oldest failure leaves the window, the address may try again.
    f.advance(ADDRESS_WINDOW_MS - 200_000);
    await signIn(rapporteur.email, rapporteur.password);
  });

  it('counts IPv6 failures by /64', async () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:DB8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    for (let i = 0; i < 20; i++)
      await refusal(signIn('x@example.org', 'guess', null, `2001:db8:1:2::${i + 1}`));
    expect(
      await refusal(signIn(rapporteur.email, rapporteur.password, null, '2001:db8:1:2:ffff::9')),
    ).toMatch(/^Too many sign-in attempts/);
    await signIn(rapporteur.email, rapporteur.password, null, '2001:db8:1:3::1');
  });
});

describe('sessions', () => {
  it('end after 30 idle minutes; last_seen_at is written at most once a minute', async () => {
    const s = await signIn(rapporteur.email, rapporteur.password);
    const seen = () =>
      f.db.prepare('SELECT last_seen_at FROM team_sessions WHERE id = ?').pluck().get(s.sessionId);
    const start = f.clock.now;
    f.advance(30_000);
    expect(resolveSession(f.ctx, s.token)).not.toBeNull();
    expect(seen()).toBe(start);
    f.advance(30_000);
    expect(resolveSession(f.ctx, s.token)).not.toBeNull();
    expect(seen()).toBe(start + MINUTE);
    f.advance(SESSION_IDLE_MS - 1);
    expect(resolveSession(f.ctx, s.token)).not.toBeNull();
    f.advance(SESSION_IDLE_MS);
    expect(resolveSession(f.ctx, s.token)).toBeNull();
    expect(sessionCount(rapporteur.id)).toBe(0);
  });

  it('end 12 hours after sign-in even when used all along', async () => {
    const s = await signIn(rapporteur.email, rapporteur.password);
    for (let t = 0; t < SESSION_ABSOLUTE_MS - 10 * MINUTE; t += 10 * MINUTE) {
      f.advance(10 * MINUTE);
      expect(resolveSession(f.ctx, s.token)).not.toBeNull();
    }
    f.advance(10 * MINUTE);
    expect(resolveSession(f.ctx, s.token)).toBeNull();
  });

  it('refuses unknown and malformed tokens; sweeps ended sessions', async () => {
    const s = await signIn(rapporteur.email, rapporteur.password);
    expect(resolveSession(f.ctx, 'x'.repeat(43))).toBeNull();
    expect(resolveSession(f.ctx, `${s.token};`)).toBeNull();
    await signIn(coordinator.email, coordinator.password, codeNow(f, coordinator.totpSecret!));
    f.advance(SESSION_IDLE_MS);
    expect(endExpiredSessions(f.ctx)).toBe(2);
  });

  it('sign out ends one session; sign out everywhere ends all of the user and no one else', async () => {
    const a = await signIn(rapporteur.email, rapporteur.password);
    const b = await signIn(rapporteur.email, rapporteur.password, null, '198.51.100.7');
    const c = await signIn(rapporteur.email, rapporteur.password);
    const other = await signIn(
      coordinator.email,
      coordinator.password,
      codeNow(f, coordinator.totpSecret!),
    );
    signOut(f.ctx, a.token);
    expect(resolveSession(f.ctx, a.token)).toBeNull();
    expect(resolveSession(f.ctx, b.token)).not.toBeNull();
    expect(signOutEverywhere(f.ctx, rapporteur.id)).toEqual({ sessionsEnded: 2 });
    expect(resolveSession(f.ctx, b.token)).toBeNull();
    expect(resolveSession(f.ctx, c.token)).toBeNull();
    expect(resolveSession(f.ctx, other.token)).not.toBeNull();
    expect(
      teamAudit(f.db)
        .filter((x) => x.action.startsWith('team.signed_out'))
        .map((x) => x.action),
    ).toEqual(['team.signed_out', 'team.signed_out_everywhere']);
  });
});

describe('deactivation', () => {
  it('ends the sessions at once, in the same transaction, and refuses sign-in', async () => {
    const a = await signIn(rapporteur.email, rapporteur.password);
    const b = await signIn(rapporteur.email, rapporteur.password);
    expect(deactivateUser(f.ctx, coordinator.id, { userId: rapporteur.id })).toEqual({
      sessionsEnded: 2,
      invitationsEnded: 0,
    });
    expect(user(rapporteur.id).active).toBe(0);
    expect(sessionCount(rapporteur.id)).toBe(0);
    expect(resolveSession(f.ctx, a.token)).toBeNull();
    expect(resolveSession(f.ctx, b.token)).toBeNull();
    expect(await refusal(signIn(rapporteur.email, rapporteur.password))).toBe(SIGN_IN_FAILED);
    expect(teamAudit(f.db).at(-1)).toMatchObject({
      action: 'team.login_failed',
      detail: { reason: 'deactivated' },
    });
  });

  it('is all or nothing: a failed write leaves the account and its sessions as they were', async () => {
    await signIn(rapporteur.email, rapporteur.password);
    f.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON audit_log
      WHEN NEW.action = 'team.user_deactivated' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const before = dumpDatabase(f.db);
    expect(() => deactivateUser(f.ctx, coordinator.id, { userId: rapporteur.id })).toThrow(
      'disk I/O error',
    );
    expect(dumpDatabase(f.db)).toBe(before);
  });

  it('only by a coordinator of one of their forums or an administrator, not oneself', async () => {
    const outsider = await addUser(f, {
      email: 'other@example.org',
      roles: [[f.otherForumId, 'coordinator']],
      totp: true,
    });
    expect(() => deactivateUser(f.ctx, outsider.id, { userId: rapporteur.id })).toThrow(
      DomainError,
    );
    expect(() => deactivateUser(f.ctx, rapporteur.id, { userId: coordinator.id })).toThrow(
      DomainError,
    );
    expect(() => deactivateUser(f.ctx, coordinator.id, { userId: coordinator.id })).toThrow(
      /cannot deactivate your own account/,
    );
    const admin = await addUser(f, { email: 'admin@example.org', administrator: true });
    expect(() => deactivateUser(f.ctx, coordinator.id, { userId: admin.id })).toThrow(DomainError);
    deactivateUser(f.ctx, admin.id, { userId: outsider.id });
    expect(user(outsider.id).active).toBe(0);
    // A deactivated coordinator can no longer act.
    expect(() => unlockUser(f.ctx, outsider.id, { userId: rapporteur.id })).toThrow(/not active/);
  });
});
