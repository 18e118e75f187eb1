// The first account of a team server: the one-time setup token and the confirmed authenticator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/result';
import { teamSchemas } from '../../../shared/schemas/team';
import { login, SIGN_IN_FAILED } from './login';
import { resolveSession } from './sessions';
import { beginSetup, completeSetup, issueSetupToken, SETUP_TOKEN_INVALID } from './setup';
import {
  client,
  codeNow,
  dumpDatabase,
  teamAudit,
  teamFixture,
  TEST_OPTIONS,
  type TeamFixture,
} from './testing';
import { newToken } from './tokens';

let f: TeamFixture;
beforeEach(() => {
  f = teamFixture();
});
afterEach(() => f.db.close());

const PASSWORD = 'first coordinator passphrase';
const complete = (setupToken: string, totpCode: string, email = 'Ana@Example.org ') =>
  completeSetup(
    f.ctx,
    teamSchemas['team.setup.complete'].parse({
      setupToken,
      email,
      displayName: 'Ana Lima',
      password: PASSWORD,
      totpCode,
    }),
    client(),
    TEST_OPTIONS,
  );
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => {
      throw new Error('should have failed');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
};

describe('setup token', () => {
  it('creates the first account, an administrator coordinating every forum, signed in', async () => {
    const token = issueSetupToken(f.ctx)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { totpSecret, otpauthUri } = beginSetup(f.ctx, {
      setupToken: token,
      email: 'ana@example.org',
    });
    expect(otpauthUri).toContain(`secret=${totpSecret}`);
    const done = await complete(token, codeNow(f, totpSecret));
    const session = resolveSession(f.ctx, done.token)!;
    expect(session.account).toMatchObject({
      email: 'ana@example.org',
      displayName: 'Ana Lima',
      administrator: true,
    });
    expect(session.account.memberships.map((m) => m.role)).toEqual(['coordinator', 'coordinator']);
    const row = f.db.prepare('SELECT totp_secret, totp_last_step FROM team_users').get() as {
      totp_secret: string;
      totp_last_step: number;
    };
    expect(row.totp_secret).toBe(totpSecret);
    expect(row.totp_last_step).toBe(Math.floor(f.clock.now / 30_000));
    expect(teamAudit(f.db).map((a) => a.action)).toEqual([
      'team.setup_token_issued',
      'team.setup_completed',
    ]);
    // The token is never stored as it is; the setting is gone once used.
    expect(dumpDatabase(f.db)).not.toContain(token);
    expect(
      f.db.prepare("SELECT count(*) FROM settings WHERE key = 'team.setup'").pluck().get(),
    ).toBe(0);
  });

  it('works only once: after the first account the token (and a new start) gives nothing', async () => {
    const token = issueSetupToken(f.ctx)!;
    const { totpSecret } = beginSetup(f.ctx, { setupToken: token, email: 'ana@example.org' });
    await complete(token, codeNow(f, totpSecret));
    f.advance(60_000);
    const again = await failure(complete(token, codeNow(f, totpSecret), 'eve@example.org'));
    expect(again.message).toBe(SETUP_TOKEN_INVALID);
    expect(() => beginSetup(f.ctx, { setupToken: token, email: 'eve@example.org' })).toThrow(
      SETUP_TOKEN_INVALID,
    );
    expect(issueSetupToken(f.ctx)).toBeNull();
    expect(f.db.prepare('SELECT count(*) FROM team_users').pluck().get()).toBe(1);
  });

  it('a restart before setup prints a new token and the old one stops working', async () => {
    const first = issueSetupToken(f.ctx)!;
    const second = issueSetupToken(f.ctx)!;
    expect(second).not.toBe(first);
    expect(() => beginSetup(f.ctx, { setupToken: first, email: 'ana@example.org' })).toThrow(
      SETUP_TOKEN_INVALID,
    );
    expect(() => beginSetup(f.ctx, { setupToken: newToken(), email: 'ana@example.org' })).toThrow(
      SETUP_TOKEN_INVALID,
    );
    expect(
      beginSetup(f.ctx, { setupToken: second, email: 'ana@example.org' }).totpSecret,
    ).toBeTruthy();
  });

  it('requires the authenticator to be set up and its code to be right', async () => {
    const token = issueSetupToken(f.ctx)!;
    const early = await failure(complete(token, '123456'));
    expect(early.field).toBe('totpCode');
    const { totpSecret } = beginSetup(f.ctx, { setupToken: token, email: 'ana@example.org' });
    const wrong = String((Number(codeNow(f, totpSecret)) + 1) % 1_000_000).padStart(6, '0');
    const refused = await failure(complete(token, wrong));
    expect(refused.field).toBe('totpCode');
    expect(refused.message).toMatch(/^Authentication code is not right/);
    expect(f.db.prepare('SELECT count(*) FROM team_users').pluck().get()).toBe(0);
    // The setup is still open.
    await complete(token, codeNow(f, totpSecret));
  });

  it('the code that confirmed the authenticator cannot sign in again (replay)', async () => {
    const token = issueSetupToken(f.ctx)!;
    const { totpSecret } = beginSetup(f.ctx, { setupToken: token, email: 'ana@example.org' });
    const code = codeNow(f, totpSecret);
    await complete(token, code);
    f.advance(5_000);
    const input = { email: 'ana@example.org', password: PASSWORD, totpCode: code };
    expect((await failure(login(f.ctx, input, client(), TEST_OPTIONS))).message).toBe(
      SIGN_IN_FAILED,
    );
    f.advance(30_000);
    const ok = await login(
      f.ctx,
      { ...input, totpCode: codeNow(f, totpSecret) },
      client(),
      TEST_OPTIONS,
    );
    expect(ok.token).toBeTruthy();
  });

  it('refuses a weak password at the boundary with a sentence naming the field', () => {
    const r = teamSchemas['team.setup.complete'].safeParse({
      setupToken: newToken(),
      email: 'ana@example.org',
      displayName: 'Ana',
      password: 'too short',
      totpCode: '123456',
    });
    expect(r.error?.issues[0].message).toBe('Password must be at least 12 characters.');
    const e = teamSchemas['team.setup.complete'].safeParse({
      setupToken: 'x',
      email: 'not an e-mail',
      displayName: ' ',
      password: 'long enough password',
      totpCode: '12 34',
    });
    expect(e.error?.issues.map((i) => i.message)).toEqual([
      'Setup token is not a valid link or token; copy it again.',
      'E-mail must be an e-mail address.',
      'is required',
      'Authentication code must be the 6 digits shown by your authenticator app.',
    ]);
  });
});
