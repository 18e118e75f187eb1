// Session cookie and Origin helpers of the team server.
import { describe, expect, it } from 'vitest';
import {
  clearSessionSetCookie,
  originAllowed,
  readSessionCookie,
  SESSION_COOKIE_MAX_AGE,
  sessionSetCookie,
} from './http';
import { newToken } from './tokens';

describe('session cookie', () => {
  const token = newToken();

  it('is __Host- prefixed, Secure, HttpOnly, SameSite=Strict, Path=/ and has no Domain', () => {
    expect(sessionSetCookie(token)).toBe(
      `__Host-intersession=${token}; Path=/; HttpOnly; Secure; SameSite=Strict`,
    );
    expect(sessionSetCookie(token, { maxAgeSeconds: SESSION_COOKIE_MAX_AGE })).toBe(
      `__Host-intersession=${token}; Path=/; Max-Age=43200; HttpOnly; Secure; SameSite=Strict`,
    );
    expect(sessionSetCookie(token)).not.toMatch(/domain/i);
    expect(clearSessionSetCookie()).toBe(
      '__Host-intersession=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict',
    );
  });

  it('drops Secure and the __Host- prefix only for plain-HTTP loopback tests', () => {
    expect(sessionSetCookie(token, { insecureLoopback: true })).toBe(
      `intersession=${token}; Path=/; HttpOnly; SameSite=Strict`,
    );
    expect(clearSessionSetCookie({ insecureLoopback: true })).toBe(
      'intersession=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict',
    );
  });

  it('refuses to put something other than a token in the cookie', () => {
    expect(() => sessionSetCookie('abc; Domain=evil.example')).toThrow();
  });

  it('reads the token back from a Cookie header', () => {
    expect(readSessionCookie(`theme=dark; __Host-intersession=${token}; lang=en`)).toBe(token);
    expect(readSessionCookie(`__Host-intersession="${token}"`)).toBe(token);
    expect(readSessionCookie([`a=1`, `__Host-intersession=${token}`])).toBe(token);
    expect(readSessionCookie(`intersession=${token}`, { insecureLoopback: true })).toBe(token);
    // The loopback name is not accepted in place of the __Host- one, nor the reverse.
    expect(readSessionCookie(`intersession=${token}`)).toBeNull();
    expect(
      readSessionCookie(`__Host-intersession=${token}`, { insecureLoopback: true }),
    ).toBeNull();
  });

  it('reads nothing from a missing, malformed or doubled cookie', () => {
    expect(readSessionCookie(undefined)).toBeNull();
    expect(readSessionCookie('')).toBeNull();
    expect(readSessionCookie('__Host-intersession=')).toBeNull();
    expect(readSessionCookie('__Host-intersession=short')).toBeNull();
    expect(readSessionCookie(`__Host-intersession=${token}x`)).toBeNull();
    expect(readSessionCookie(`__host-intersession=${token}`)).toBeNull();
    expect(
      readSessionCookie(`__Host-intersession=${token}; __Host-intersession=${newToken()}`),
    ).toBeNull();
    // The same value twice is still one token.
    expect(readSessionCookie(`__Host-intersession=${token}; __Host-intersession=${token}`)).toBe(
      token,
    );
  });
});

describe('originAllowed', () => {
  const allowed = ['https://team.example.org', 'https://team.example.org:8443'];

  it('accepts exactly the server origins', () => {
    expect(originAllowed('https://team.example.org', allowed)).toBe(true);
    expect(originAllowed('https://team.example.org:8443', allowed)).toBe(true);
    expect(originAllowed('https://TEAM.example.org', allowed)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5173', ['http://127.0.0.1:5173'])).toBe(true);
  });

  it('refuses everything else', () => {
    for (const origin of [
      undefined,
      null,
      '',
      'null',
      'http://team.example.org',
      'https://team.example.org:444',
      'https://evil.team.example.org',
      'https://team.example.org.evil.example',
      'https://team.example.org/',
      'https://team.example.org/path',
      'https://user@team.example.org',
      'file:///etc/passwd',
      'not a url',
    ])
      expect(originAllowed(origin, allowed), String(origin)).toBe(false);
    expect(originAllowed(['https://team.example.org'], allowed)).toBe(false);
    expect(originAllowed('https://team.example.org', [])).toBe(false);
  });
});
