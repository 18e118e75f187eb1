// TOTP of team accounts: RFC 6238's SHA1 test vectors, the window, the replay guard, enrolment.
import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { checkTotp, newTotpSecret, totpCodeAt, totpStep, totpUri } from './totp';

/** RFC 6238 appendix B: the SHA1 key is the ASCII string "12345678901234567890", 8 digits. */
const RFC_SECRET = Secret.fromLatin1('12345678901234567890');
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it('produces the SHA1 test vectors of RFC 6238 (8 digits)', () => {
    for (const [seconds, code] of RFC_VECTORS)
      expect(totpCodeAt(RFC_SECRET, seconds * 1000, { digits: 8 })).toBe(code);
  });

  it('accepts the RFC vectors through checkTotp with the clock passed in', () => {
    for (const [seconds, code] of RFC_VECTORS) {
      const r = checkTotp({
        secret: RFC_SECRET.base32,
        code,
        lastStep: null,
        now: seconds * 1000,
        digits: 8,
      });
      expect(r).toEqual({ ok: true, step: Math.floor(seconds / 30) });
    }
  });

  it('makes 20-byte secrets in base32 and an otpauth URI with the parameters', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(a).bytes).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(a);
    const uri = new URL(totpUri(a, 'ana@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Intersession:ana@example.org');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: 'Intersession',
      secret: a,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });

  it('accepts one step either side of now and no further', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 11, 4, 9, 0, 10);
    const step = totpStep(now);
    for (const d of [-1, 0, 1]) {
      const code = totpCodeAt(secret, now + d * 30_000);
      expect(checkTotp({ secret, code, lastStep: null, now })).toEqual({
        ok: true,
        step: step + d,
      });
    }
    for (const d of [-2, 2]) {
      const code = totpCodeAt(secret, now + d * 30_000);
      expect(checkTotp({ secret, code, lastStep: null, now })).toEqual({
        ok: false,
        reason: 'wrong',
      });
    }
    expect(checkTotp({ secret, code: '12345', lastStep: null, now }).ok).toBe(false);
    expect(checkTotp({ secret: 'not base32!', code: '123456', lastStep: null, now }).ok).toBe(
      false,
    );
  });

  it('refuses a code of the step already used or of an earlier one (replay)', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 11, 4, 9, 0, 0);
    const code = totpCodeAt(secret, now);
    const first = checkTotp({ secret, code, lastStep: null, now });
    expect(first.ok).toBe(true);
    const used = (first as { step: number }).step;
    // The same code again, 10 s later (still its step) or 30 s later (within the window).
    expect(checkTotp({ secret, code, lastStep: used, now: now + 10_000 })).toEqual({
      ok: false,
      reason: 'replayed',
    });
    expect(checkTotp({ secret, code, lastStep: used, now: now + 30_000 })).toEqual({
      ok: false,
      reason: 'replayed',
    });
    // The previous step's code is still inside the window but older than the one used.
    const earlier = totpCodeAt(secret, now - 30_000);
    expect(checkTotp({ secret, code: earlier, lastStep: used, now })).toEqual({
      ok: false,
      reason: 'replayed',
    });
    // The next step's code is fine.
    const next = totpCodeAt(secret, now + 30_000);
    expect(checkTotp({ secret, code: next, lastStep: used, now: now + 30_000 })).toEqual({
      ok: true,
      step: used + 1,
    });
  });
});
