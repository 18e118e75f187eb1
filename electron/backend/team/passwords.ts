/**
 * Password hashes of team accounts: argon2id (@node-rs/argon2) with OWASP's minimum
 * configuration m=19456 KiB (19 MiB), t=2 passes, p=1 lane, 16-byte random salt, 32-byte output,
 * stored as a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`). Hashing and verifying run off
 * the event loop (the library's thread pool) and are async. A lower cost is only ever passed
 * explicitly (tests, through `PasswordCost`); the default is never changed at run time.
 * Passwords are NFKC-normalised first (NIST SP 800-63B), so the same password typed on two
 * keyboards that compose accents differently matches.
 */
import { randomUUID } from 'node:crypto';
import { hash, parseOptions, verify } from '@node-rs/argon2';

export interface PasswordCost {
  /** KiB of memory. */
  memoryCost: number;
  /** Passes over the memory. */
  timeCost: number;
  /** Lanes (threads). */
  parallelism: number;
}

/** OWASP Password Storage Cheat Sheet, argon2id: m=19456 (19 MiB), t=2, p=1. */
export const DEFAULT_PASSWORD_COST: Readonly<PasswordCost> = Object.freeze({
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
});

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, which isolated modules cannot inline). */
const ARGON2ID = 2;

const normalise = (password: string) => password.normalize('NFKC');

export function hashPassword(
  password: string,
  cost: PasswordCost = DEFAULT_PASSWORD_COST,
): Promise<string> {
  return hash(normalise(password), { ...cost, algorithm: ARGON2ID, outputLen: 32 });
}

/** Whether `password` matches `passwordHash`; a malformed hash is a mismatch, not an error. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalise(password));
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with another algorithm or cost than `cost` (rehash on sign-in). */
export function needsRehash(passwordHash: string, cost: PasswordCost = DEFAULT_PASSWORD_COST) {
  try {
    const o = parseOptions(passwordHash);
    return (
      o.algorithm !== ARGON2ID ||
      o.memoryCost !== cost.memoryCost ||
      o.timeCost !== cost.timeCost ||
      o.parallelism !== cost.parallelism
    );
  } catch {
    return true;
  }
}

const dummies = new Map<string, Promise<string>>();

/**
 * Verifies against a hash of a random password made with the same cost, so a sign-in for an
 * e-mail without an account takes as long as one with a wrong password. Always false.
 */
export async function verifyDummy(
  password: string,
  cost: PasswordCost = DEFAULT_PASSWORD_COST,
): Promise<false> {
  const key = `${cost.memoryCost}/${cost.timeCost}/${cost.parallelism}`;
  let dummy = dummies.get(key);
  if (!dummy) {
    dummy = hashPassword(randomUUID(), cost);
    dummies.set(key, dummy);
  }
  await verifyPassword(await dummy, password);
  return false;
}
