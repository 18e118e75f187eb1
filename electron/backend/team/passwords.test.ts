// Password hashes of team accounts: the argon2id parameters, verification, and the schema's bounds.
import { describe, expect, it } from 'vitest';
import { currentPassword, newPassword } from '../../../shared/schemas/team';
import {
  DEFAULT_PASSWORD_COST,
  hashPassword,
  needsRehash,
  verifyDummy,
  verifyPassword,
} from './passwords';
import { TEST_PASSWORD_COST } from './testing';

describe('passwords', () => {
  it('hashes with argon2id m=19456 KiB, t=2, p=1 by default (OWASP)', async () => {
    expect(DEFAULT_PASSWORD_COST).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const h = await hashPassword('a long enough passphrase');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword(h, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(h, 'a long enough passphrasE')).toBe(false);
    expect(needsRehash(h)).toBe(false);
    // Each hash has its own salt.
    expect(await hashPassword('a long enough passphrase')).not.toBe(h);
  });

  it('takes a lower cost only when it is passed explicitly', async () => {
    const h = await hashPassword('a long enough passphrase', TEST_PASSWORD_COST);
    expect(h).toMatch(/^\$argon2id\$v=19\$m=256,t=1,p=1\$/);
    expect(needsRehash(h)).toBe(true);
    expect(needsRehash(h, TEST_PASSWORD_COST)).toBe(false);
    expect(needsRehash('not a hash')).toBe(true);
  });

  it('normalises Unicode (NFKC) so composed and decomposed accents match', async () => {
    const composed = 'mot de passe très long';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const h = await hashPassword(composed, TEST_PASSWORD_COST);
    expect(await verifyPassword(h, decomposed)).toBe(true);
  });

  it('treats a malformed hash as a mismatch, and the dummy never matches', async () => {
    expect(await verifyPassword('$argon2id$garbage', 'whatever it is')).toBe(false);
    expect(await verifyDummy('anything at all', TEST_PASSWORD_COST)).toBe(false);
  });

  it('bounds new passwords to 12..256 characters with sentences naming the field', () => {
    const short = newPassword.safeParse('eleven char');
    expect(short.success).toBe(false);
    expect(short.error?.issues[0].message).toBe('Password must be at least 12 characters.');
    const long = newPassword.safeParse('x'.repeat(257));
    expect(long.error?.issues[0].message).toBe('Password must be at most 256 characters.');
    expect(newPassword.safeParse('twelve chars').success).toBe(true);
    expect(newPassword.safeParse('x'.repeat(256)).success).toBe(true);
    // Signing in checks only the upper bound: older passwords still work if rules change.
    expect(currentPassword.safeParse('short').success).toBe(true);
    expect(currentPassword.safeParse('').error?.issues[0].message).toBe('Password is required.');
  });
});
