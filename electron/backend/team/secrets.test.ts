// What a copy of the database reveals after a whole round of team server use: no raw token
// (setup, invitation, session) and no password anywhere; no code, authenticator key, token or
// token hash in any audit record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamSchemas } from '../../../shared/schemas/team';
import { deactivateUser, unlockUser } from './accounts';
import { acceptInvitation, beginInvitationEnrolment, createInvitation } from './invitations';
import { login } from './login';
import { signOut, signOutEverywhere } from './sessions';
import { beginSetup, completeSetup, issueSetupToken } from './setup';
import {
  client,
  codeNow,
  dumpDatabase,
  teamFixture,
  TEST_OPTIONS,
  type TeamFixture,
} from './testing';
import { hashToken } from './tokens';

let f: TeamFixture;
beforeEach(() => {
  f = teamFixture();
});
afterEach(() => f.db.close());

describe('secrets at rest', () => {
  it('are never stored in plain, and never written to the audit log', async () => {
    const tokens: string[] = [];
    const passwords: string[] = [];
    const codes: string[] = [];
    const secrets: string[] = [];
    const step = () => f.advance(31_000);
    const tryLogin = async (email: string, password: string, totpCode: string | null) => {
      passwords.push(password);
      if (totpCode) codes.push(totpCode);
      try {
        const s = await login(f.ctx, { email, password, totpCode }, client(), TEST_OPTIONS);
        tokens.push(s.token);
        return s;
      } catch {
        return null;
      }
    };

    // Setup of the first account.
    const setupToken = issueSetupToken(f.ctx)!;
    tokens.push(setupToken);
    const adminSecret = beginSetup(f.ctx, { setupToken, email: 'admin@example.org' }).totpSecret;
    secrets.push(adminSecret);
    const adminPassword = 'administrator passphrase 1';
    passwords.push(adminPassword);
    const setupCode = codeNow(f, adminSecret);
    codes.push(setupCode);
    const admin = await completeSetup(
      f.ctx,
      teamSchemas['team.setup.complete'].parse({
        setupToken,
        email: 'admin@example.org',
        displayName: 'Admin',
        password: adminPassword,
        totpCode: setupCode,
      }),
      client(),
      TEST_OPTIONS,
    );
    tokens.push(admin.token);

    // A coordinator invited, enrolled and accepted; a rapporteur invited and accepted.
    const coordInvite = createInvitation(f.ctx, admin.userId, {
      email: 'coord@example.org',
      forumId: f.forumId,
      role: 'coordinator',
      days: 7,
    });
    tokens.push(coordInvite.token);
    const coordSecret = beginInvitationEnrolment(f.ctx, { token: coordInvite.token }).totpSecret;
    secrets.push(coordSecret);
    const coordPassword = 'coordinator passphrase 2';
    passwords.push(coordPassword);
    step();
    const enrolCode = codeNow(f, coordSecret);
    codes.push(enrolCode);
    const coord = await acceptInvitation(
      f.ctx,
      {
        token: coordInvite.token,
        displayName: 'Coord',
        password: coordPassword,
        totpCode: enrolCode,
      },
      client(),
      TEST_OPTIONS,
    );
    tokens.push(coord.token);
    const rapInvite = createInvitation(f.ctx, coord.userId, {
      email: 'rap@example.org',
      forumId: f.forumId,
      role: 'rapporteur',
      days: 7,
    });
    tokens.push(rapInvite.token);
    const rapPassword = 'rapporteur passphrase 3';
    passwords.push(rapPassword);
    const rap = await acceptInvitation(
      f.ctx,
      { token: rapInvite.token, displayName: 'Rap', password: rapPassword, totpCode: null },
      client(),
      TEST_OPTIONS,
    );
    tokens.push(rap.token);

    // Sign-ins that work and that fail (wrong passwords, wrong and replayed codes), a lockout.
    step();
    const coordCode = codeNow(f, coordSecret);
    await tryLogin('coord@example.org', coordPassword, coordCode);
    await tryLogin('coord@example.org', coordPassword, coordCode); // replayed
    await tryLogin('coord@example.org', 'coordinator guess 4', null);
    for (let i = 0; i < 5; i++) await tryLogin('rap@example.org', `rapporteur guess ${i}`, null);
    await tryLogin('nobody@example.org', 'nobody guess 5', '654321');
    unlockUser(f.ctx, coord.userId, { userId: rap.userId });
    const rapSession = await tryLogin('rap@example.org', rapPassword, null);
    signOut(f.ctx, rapSession!.token);
    signOutEverywhere(f.ctx, coord.userId);
    deactivateUser(f.ctx, coord.userId, { userId: rap.userId });

    const dump = dumpDatabase(f.db);
    for (const t of tokens) expect(dump, 'a raw token is stored').not.toContain(t);
    for (const p of passwords) expect(dump, 'a password is stored').not.toContain(p);
    // The hashes are what is stored.
    expect(dump).toContain(hashToken(admin.token));
    const audit = (
      f.db
        .prepare("SELECT detail FROM audit_log WHERE action LIKE 'team.%'")
        .pluck()
        .all() as string[]
    ).join('\n');
    expect(audit.length).toBeGreaterThan(0);
    for (const s of [...tokens, ...tokens.map(hashToken), ...passwords, ...secrets])
      expect(audit, 'a secret is in an audit record').not.toContain(s);
    for (const c of codes) expect(audit, 'a code is in an audit record').not.toContain(`"${c}"`);
    for (const c of codes) expect(audit).not.toMatch(new RegExp(`\\b${c}\\b`));
    const actions = f.db
      .prepare("SELECT DISTINCT action FROM audit_log WHERE action LIKE 'team.%' ORDER BY action")
      .pluck()
      .all();
    expect(actions).toEqual([
      'team.account_locked',
      'team.account_unlocked',
      'team.invitation_accepted',
      'team.invitation_created',
      'team.login',
      'team.login_failed',
      'team.setup_completed',
      'team.setup_token_issued',
      'team.signed_out',
      'team.signed_out_everywhere',
      'team.user_deactivated',
    ]);
  });
});
