// Invitations to a forum of the team server: making, describing, accepting (new and existing
// accounts, with and without an authenticator), the one sentence for a bad link, and
// all-or-nothing writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertTeamUser } from '../../../db/queries/team';
import { newId } from '../../../shared/domain/ids';
import { DomainError } from '../../../shared/result';
import { teamSchemas, type TeamRole } from '../../../shared/schemas/team';
import { deactivateUser } from './accounts';
import {
  acceptInvitation,
  beginInvitationEnrolment,
  createInvitation,
  describeInvitation,
  INVITATION_INVALID,
} from './invitations';
import { login, SIGN_IN_FAILED } from './login';
import { hashPassword } from './passwords';
import { resolveSession } from './sessions';
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
import { newToken } from './tokens';

const DAY = 24 * 60 * MINUTE;
let f: TeamFixture;
let coordinator: TestUser;
beforeEach(async () => {
  f = teamFixture();
  coordinator = await addUser(f, {
    email: 'coord@example.org',
    roles: [[f.forumId, 'coordinator']],
    totp: true,
  });
});
afterEach(() => f.db.close());

const invite = (email: string, role: TeamRole = 'rapporteur', extra: { days?: number } = {}) =>
  createInvitation(
    f.ctx,
    coordinator.id,
    teamSchemas['team.invitations.create'].parse({ email, forumId: f.forumId, role, ...extra }),
  );
const accept = (input: {
  token: string;
  password: string;
  displayName?: string;
  totpCode?: string | null;
}) =>
  acceptInvitation(
    f.ctx,
    teamSchemas['team.invitations.accept'].parse(input),
    client(),
    TEST_OPTIONS,
  );
const failure = async (p: Promise<unknown> | (() => unknown)) => {
  let e: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    e = err;
  }
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
};
const count = (table: string) => f.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
const NEW_PASSWORD = 'a brand new passphrase';

describe('invitations', () => {
  it('invites an e-mail with a role; accepting makes the account, signs in and uses the link', async () => {
    const { token, invitation } = invite(' Bea@Example.org');
    expect(invitation).toMatchObject({ email: 'bea@example.org', role: 'rapporteur' });
    expect(invitation.expiresAt).toBe(f.clock.now + 7 * DAY);
    expect(describeInvitation(f.ctx, { token })).toMatchObject({
      forumTitle: 'Cybersecurity',
      existingAccount: false,
      totpRequired: false,
    });
    const accepted = await accept({ token, displayName: 'Bea', password: NEW_PASSWORD });
    expect(accepted).toMatchObject({ newAccount: true, forumId: f.forumId, role: 'rapporteur' });
    expect(resolveSession(f.ctx, accepted.token)?.account).toMatchObject({
      email: 'bea@example.org',
      displayName: 'Bea',
      memberships: [{ forumId: f.forumId, role: 'rapporteur' }],
    });
    expect(teamAudit(f.db).map((a) => a.action)).toEqual([
      'team.invitation_created',
      'team.invitation_accepted',
    ]);
    // One-time: the same link again gets the one sentence.
    const again = await failure(accept({ token, displayName: 'Bea', password: NEW_PASSWORD }));
    expect(again.message).toBe(INVITATION_INVALID);
    await login(
      f.ctx,
      { email: 'bea@example.org', password: NEW_PASSWORD, totpCode: null },
      client(),
      TEST_OPTIONS,
    );
  });

  it('answers one sentence for an unknown, expired, replaced or used link', async () => {
    const expired = invite('x@example.org', 'observer', { days: 1 });
    const replaced = invite('y@example.org');
    invite('y@example.org'); // a newer invitation of the same e-mail replaces the open one
    const used = invite('z@example.org');
    await accept({ token: used.token, displayName: 'Zed', password: NEW_PASSWORD });
    f.advance(DAY);
    for (const token of [newToken(), 'not-a-token', expired.token, replaced.token, used.token]) {
      const e = await failure(() => describeInvitation(f.ctx, { token }));
      expect(e.message).toBe(INVITATION_INVALID);
      expect(e.field).toBe('token');
    }
    const late = await failure(
      accept({ token: expired.token, displayName: 'X', password: NEW_PASSWORD }),
    );
    expect(late.message).toBe(INVITATION_INVALID);
    expect(count('team_users')).toBe(2);
  });

  it('only a coordinator of the forum or an administrator may invite', async () => {
    const rapporteur = await addUser(f, {
      email: 'rap@example.org',
      roles: [[f.forumId, 'rapporteur']],
    });
    const input = teamSchemas['team.invitations.create'].parse({
      email: 'new@example.org',
      forumId: f.forumId,
      role: 'observer',
    });
    expect((await failure(() => createInvitation(f.ctx, rapporteur.id, input))).code).toBe(
      'forbidden',
    );
    const other = await addUser(f, {
      email: 'other@example.org',
      roles: [[f.otherForumId, 'coordinator']],
      totp: true,
    });
    expect((await failure(() => createInvitation(f.ctx, other.id, input))).code).toBe('forbidden');
    const admin = await addUser(f, { email: 'admin@example.org', administrator: true });
    expect(createInvitation(f.ctx, admin.id, input).token).toBeTruthy();
    // Someone who already has a role in the forum is not invited again.
    const dup = await failure(() => invite('rap@example.org'));
    expect(dup).toMatchObject({ code: 'conflict', field: 'email' });
    const bad = teamSchemas['team.invitations.create'].safeParse({
      email: 'new@example.org',
      forumId: f.forumId,
      role: 'admin',
    });
    expect(bad.error?.issues[0].message).toBe(
      'Role must be coordinator, rapporteur, MAG reviewer or observer.',
    );
  });

  it('a coordinator invitation requires the authenticator, confirmed by its first code', async () => {
    const { token } = invite('cleo@example.org', 'coordinator');
    expect(describeInvitation(f.ctx, { token }).totpRequired).toBe(true);
    const noApp = await failure(accept({ token, displayName: 'Cleo', password: NEW_PASSWORD }));
    expect(noApp.field).toBe('totpCode');
    const { totpSecret, otpauthUri } = beginInvitationEnrolment(f.ctx, { token });
    expect(otpauthUri).toContain('cleo%40example.org');
    const noCode = await failure(accept({ token, displayName: 'Cleo', password: NEW_PASSWORD }));
    expect(noCode.message).toBe(
      'Authentication code is required to finish setting up the authenticator app.',
    );
    const wrong = String((Number(codeNow(f, totpSecret)) + 1) % 1_000_000).padStart(6, '0');
    const bad = await failure(
      accept({ token, displayName: 'Cleo', password: NEW_PASSWORD, totpCode: wrong }),
    );
    expect(bad.field).toBe('totpCode');
    expect(count('team_users')).toBe(1);
    const code = codeNow(f, totpSecret);
    await accept({ token, displayName: 'Cleo', password: NEW_PASSWORD, totpCode: code });
    const row = f.db
      .prepare(
        "SELECT totp_secret AS s, totp_last_step AS step FROM team_users WHERE email = 'cleo@example.org'",
      )
      .get() as { s: string; step: number };
    expect(row.s).toBe(totpSecret);
    // The pending key no longer sits on the used invitation.
    expect(f.db.prepare('SELECT totp_secret FROM team_invitations').pluck().get()).toBeNull();
    // The confirming code cannot be replayed to sign in; the next one works.
    const input = { email: 'cleo@example.org', password: NEW_PASSWORD, totpCode: code };
    expect((await failure(login(f.ctx, input, client(), TEST_OPTIONS))).message).toBe(
      SIGN_IN_FAILED,
    );
    f.advance(30_000);
    await login(f.ctx, { ...input, totpCode: codeNow(f, totpSecret) }, client(), TEST_OPTIONS);
  });

  it('checks the password of a new account against the rules', async () => {
    const { token } = invite('dan@example.org');
    const short = await failure(accept({ token, displayName: 'Dan', password: 'short one' }));
    expect(short).toMatchObject({
      field: 'password',
      message: 'Password must be at least 12 characters.',
    });
    const noName = await failure(accept({ token, password: NEW_PASSWORD }));
    expect(noName).toMatchObject({
      field: 'displayName',
      message: 'Display name is required for a new account.',
    });
  });

  it('adds the membership to an existing account after its password (and code) are checked', async () => {
    const existing = await addUser(f, {
      email: 'eva@example.org',
      roles: [[f.otherForumId, 'observer']],
    });
    const { token } = invite('eva@example.org', 'mag_reviewer');
    expect(describeInvitation(f.ctx, { token }).existingAccount).toBe(true);
    const wrong = await failure(accept({ token, password: 'not her password' }));
    expect(wrong.message).toBe(SIGN_IN_FAILED);
    expect(
      f.db.prepare('SELECT failed_logins FROM team_users WHERE id = ?').pluck().get(existing.id),
    ).toBe(1);
    const ok = await accept({ token, password: existing.password });
    expect(ok).toMatchObject({ userId: existing.id, newAccount: false, role: 'mag_reviewer' });
    expect(resolveSession(f.ctx, ok.token)?.account.memberships).toHaveLength(2);
  });

  it('an existing account with an authenticator accepts with its current code', async () => {
    const admin = await addUser(f, { email: 'admin@example.org', administrator: true });
    const invited = await addUser(f, { email: 'finn@example.org', totp: true });
    const { token } = createInvitation(f.ctx, admin.id, {
      email: invited.email,
      forumId: f.otherForumId,
      role: 'coordinator',
      days: 7,
    });
    expect(describeInvitation(f.ctx, { token }).totpRequired).toBe(true);
    expect(() => beginInvitationEnrolment(f.ctx, { token })).toThrow(
      /already has an authenticator/,
    );
    expect((await failure(accept({ token, password: invited.password }))).message).toBe(
      SIGN_IN_FAILED,
    );
    const ok = await accept({
      token,
      password: invited.password,
      totpCode: codeNow(f, invited.totpSecret!),
    });
    expect(ok.role).toBe('coordinator');
  });

  it("a deactivated coordinator's open invitations stop working", async () => {
    const admin = await addUser(f, { email: 'admin@example.org', administrator: true });
    const { token } = invite('gus@example.org');
    expect(deactivateUser(f.ctx, admin.id, { userId: coordinator.id }).invitationsEnded).toBe(1);
    const e = await failure(accept({ token, displayName: 'Gus', password: NEW_PASSWORD }));
    expect(e.message).toBe(INVITATION_INVALID);
  });

  it('leaves the database as it was when the e-mail is taken in the middle of accepting', async () => {
    const { token } = invite('hana@example.org');
    const otherHash = await hashPassword('another passphrase', TEST_PASSWORD_COST);
    const before = dumpDatabase(f.db);
    const accepting = accept({ token, displayName: 'Hana', password: NEW_PASSWORD });
    // While the password is being hashed (off the event loop), another account takes the e-mail.
    const sneaky = newId(f.clock.now);
    insertTeamUser(f.db, {
      id: sneaky,
      email: 'hana@example.org',
      displayName: 'Someone else',
      passwordHash: otherHash,
      totpSecret: null,
      totpLastStep: null,
      administrator: false,
      active: true,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: f.clock.now,
      deactivatedAt: null,
    });
    const e = await failure(accepting);
    expect(e).toMatchObject({ code: 'conflict', field: 'email' });
    f.db.prepare('DELETE FROM team_users WHERE id = ?').run(sneaky);
    // The invitation is still open, no membership, session or audit record was kept.
    expect(dumpDatabase(f.db)).toBe(before);
    expect(describeInvitation(f.ctx, { token }).email).toBe('hana@example.org');
  });

  it('leaves the database as it was when a later write of the acceptance fails', async () => {
    const { token } = invite('ivo@example.org');
    f.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON team_sessions
      BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const before = dumpDatabase(f.db);
    await expect(accept({ token, displayName: 'Ivo', password: NEW_PASSWORD })).rejects.toThrow(
      'disk I/O error',
    );
    expect(dumpDatabase(f.db)).toBe(before);
    f.db.exec('DROP TRIGGER refuse');
    await accept({ token, displayName: 'Ivo', password: NEW_PASSWORD });
  });
});
