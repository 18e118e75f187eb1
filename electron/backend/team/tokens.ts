/**
 * Tokens of the team server (setup, invitations, sessions): 32 random bytes from the operating
 * system's CSPRNG, as base64url (43 characters). Only their SHA-256 (hex) is stored, so a copy
 * of the database does not let anyone sign in or accept an invitation.
 */
import { randomBytes } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Bytes of randomness in a token (256 bits). */
export const TOKEN_BYTES = 32;

/** The shape of a token: 43 base64url characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** What is stored for a token: its SHA-256 as lowercase hex. */
export function hashToken(token: string): string {
  return bytesToHex(sha256(utf8ToBytes(token)));
}
