/**
 * HTTP helpers of the team server's sessions, free of any server: the session cookie
 * (`__Host-intersession`: Secure, HttpOnly, SameSite=Strict, Path=/, no Domain, so the browser
 * sends it only to this exact origin over HTTPS and scripts cannot read it), reading it back
 * from a Cookie header, and the strict same-origin check of state-changing requests (the Origin
 * header must be exactly one of the server's own origins). `insecureLoopback` is for tests over
 * plain HTTP on 127.0.0.1 only: browsers refuse Secure and `__Host-` cookies there, so it drops
 * both (the cookie is then called `intersession`).
 */
import { SESSION_ABSOLUTE_MS } from './sessions';
import { TOKEN_PATTERN } from './tokens';

export const SESSION_COOKIE = '__Host-intersession';
/** The cookie's name over plain-HTTP loopback (tests): `__Host-` requires Secure. */
export const LOOPBACK_SESSION_COOKIE = 'intersession';

export interface CookieOptions {
  /** Plain HTTP on a loopback address (tests): no Secure, no `__Host-` prefix. */
  insecureLoopback?: boolean;
}

const cookieName = (o: CookieOptions) =>
  o.insecureLoopback ? LOOPBACK_SESSION_COOKIE : SESSION_COOKIE;

function attributes(o: CookieOptions, maxAgeSeconds: number | null): string {
  const parts = ['Path=/'];
  if (maxAgeSeconds !== null) parts.push(`Max-Age=${maxAgeSeconds}`);
  parts.push('HttpOnly');
  if (!o.insecureLoopback) parts.push('Secure');
  parts.push('SameSite=Strict');
  return parts.join('; ');
}

/**
 * The Set-Cookie value that gives the browser its session token. With `maxAgeSeconds` the
 * browser drops it by itself (the server ends the session anyway); without, it lasts until the
 * browser closes.
 */
export function sessionSetCookie(
  token: string,
  o: CookieOptions & { maxAgeSeconds?: number } = {},
): string {
  if (!TOKEN_PATTERN.test(token)) throw new Error('A session token is 43 base64url characters.');
  const maxAge = o.maxAgeSeconds === undefined ? null : Math.max(0, Math.floor(o.maxAgeSeconds));
  return `${cookieName(o)}=${token}; ${attributes(o, maxAge)}`;
}

/** The Max-Age matching a session's absolute lifetime (12 hours). */
export const SESSION_COOKIE_MAX_AGE = SESSION_ABSOLUTE_MS / 1000;

/** The Set-Cookie value that removes the session cookie (signing out). */
export function clearSessionSetCookie(o: CookieOptions = {}): string {
  return `${cookieName(o)}=; ${attributes(o, 0)}`;
}

/**
 * The session token in a Cookie header, or null: absent, malformed, or sent more than once
 * with different values (someone planted a second cookie of that name).
 */
export function readSessionCookie(
  header: string | string[] | undefined | null,
  o: CookieOptions = {},
): string | null {
  if (!header) return null;
  const name = cookieName(o);
  const values = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join('; ') : header).split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
      value = value.slice(1, -1);
    values.add(value);
  }
  if (values.size !== 1) return null;
  const [token] = values;
  return TOKEN_PATTERN.test(token) ? token : null;
}

/** An origin in its canonical form (`https://host[:port]`, lowercase, default port dropped). */
function canonicalOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return url.origin;
}

/**
 * Whether a state-changing request's Origin header is one of the server's own origins: exactly
 * (scheme, host and port), not a subdomain or a prefix; a missing or `null` Origin is refused.
 */
export function originAllowed(
  origin: string | string[] | undefined | null,
  allowedOrigins: readonly string[],
): boolean {
  if (typeof origin !== 'string' || origin === '' || origin === 'null') return false;
  const canonical = canonicalOrigin(origin);
  // The header is an origin only: a path, query or trailing slash means something is off.
  if (canonical === null || canonical !== origin.toLowerCase()) return false;
  return allowedOrigins.some((a) => canonicalOrigin(a) === canonical);
}
