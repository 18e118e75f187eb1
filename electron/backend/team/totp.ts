/**
 * Time-based one-time codes (RFC 6238) of team accounts, through `otpauth`: HMAC-SHA1, 6 digits,
 * 30-second steps, a window of one step either side (clock drift). Each user has a secret of 20
 * random bytes (base32). A code is accepted once: the time step it matched is stored and any
 * code of that step or an earlier one is refused afterwards (replay guard). The clock is passed
 * in, so tests can use RFC 6238's vectors and move time.
 */
import { Secret, TOTP } from 'otpauth';

export const TOTP_ALGORITHM = 'SHA1';
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_WINDOW = 1;
export const TOTP_SECRET_BYTES = 20;
export const TOTP_ISSUER = 'Intersession';

/** A new secret: 20 random bytes as base32 (what authenticator apps take). */
export function newTotpSecret(): string {
  return new Secret({ size: TOTP_SECRET_BYTES }).base32;
}

/** The otpauth:// URI to show as a QR code at enrolment (label: the account's e-mail). */
export function totpUri(secret: string, email: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: email,
    secret: Secret.fromBase32(secret),
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

/** The time step (counter) of an instant: whole 30-second periods since the epoch. */
export function totpStep(now: number): number {
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now });
}

/** The code for an instant (tests, and the enrolment screen's example); `digits` for RFC vectors. */
export function totpCodeAt(
  secret: Secret | string,
  now: number,
  { digits = TOTP_DIGITS }: { digits?: number } = {},
): string {
  return TOTP.generate({
    secret: typeof secret === 'string' ? Secret.fromBase32(secret) : secret,
    algorithm: TOTP_ALGORITHM,
    digits,
    period: TOTP_PERIOD_SECONDS,
    timestamp: now,
  });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'replayed' };

/**
 * Checks a code against a secret at `now`: the step it matches (within the window) must be later
 * than `lastStep`. The caller stores the returned step in the same transaction as the sign-in.
 */
export function checkTotp(args: {
  secret: string;
  code: string;
  lastStep: number | null;
  now: number;
  digits?: number;
}): TotpCheck {
  let secret: Secret;
  try {
    secret = Secret.fromBase32(args.secret);
  } catch {
    return { ok: false, reason: 'wrong' };
  }
  const delta = TOTP.validate({
    token: args.code,
    secret,
    algorithm: TOTP_ALGORITHM,
    digits: args.digits ?? TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: args.now,
    window: TOTP_WINDOW,
  });
  if (delta === null) return { ok: false, reason: 'wrong' };
  const step = totpStep(args.now) + delta;
  if (args.lastStep !== null && step <= args.lastStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step };
}
