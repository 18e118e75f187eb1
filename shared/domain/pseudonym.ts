/**
 * Stable pseudonyms for protected participants ("Participant K7").
 *
 * The code is derived from HMAC-SHA-256(forumSecret, domain-tag || participantId): the same person
 * gets the same pseudonym in every document of one forum, and without the forum's secret the
 * pseudonyms of two forums cannot be linked (nor reversed to the participant id).
 *
 * Alphabet: 32 unambiguous symbols (A-Z without I and O, digits 2-9: no 0/O/1/I confusion).
 * The first symbol is always a letter, so a code never reads as a number. A longer code extends the
 * shorter one (K7 -> K7X): codes come from one deterministic HMAC byte stream.
 *
 * The caller STORES the pseudonym it got from `assignPseudonym` (with the participant), so a
 * pseudonym never changes once given, even if a later participant's short code would collide.
 */
import { hmacSha256 } from './sha256';

export const PSEUDONYM_PREFIX = 'Participant';
/** 24 letters (no I, no O) followed by 8 digits (no 0, no 1). */
export const PSEUDONYM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LETTERS = 24;
const DOMAIN_TAG = 'intersession/pseudonym/v1\u0000';
/** Longest code `assignPseudonym` tries before giving up (never reached in practice). */
export const MAX_PSEUDONYM_CODE_LENGTH = 40;

/** Deterministic byte stream: HMAC(secret, tag || id || 0x00 || counter) blocks, concatenated. */
function hmacStream(forumSecret: string, participantId: string, nBytes: number): Uint8Array {
  const out = new Uint8Array(nBytes);
  let filled = 0;
  for (let counter = 0; filled < nBytes; counter++) {
    const block = hmacSha256(forumSecret, `${DOMAIN_TAG}${participantId}\u0000${counter}`);
    const take = Math.min(block.length, nBytes - filled);
    out.set(block.subarray(0, take), filled);
    filled += take;
  }
  return out;
}

/** The code part ("K7") of a pseudonym of the given length (>= 1). */
export function pseudonymCode(forumSecret: string, participantId: string, length = 2): string {
  if (!Number.isInteger(length) || length < 1) {
    throw new RangeError(`pseudonym length must be a positive integer, got ${length}`);
  }
  if (forumSecret.length === 0) throw new RangeError('forum secret must not be empty');
  // First symbol: a 32-bit word mod 24 (bias < 1e-8). Then 5 bits per symbol.
  const bytes = hmacStream(forumSecret, participantId, 4 + Math.ceil(((length - 1) * 5) / 8) + 1);
  const word = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  let code = PSEUDONYM_ALPHABET[word % LETTERS];
  let bitPos = 32;
  for (let i = 1; i < length; i++) {
    let v = 0;
    for (let b = 0; b < 5; b++, bitPos++) {
      v = (v << 1) | ((bytes[bitPos >> 3] >> (7 - (bitPos & 7))) & 1);
    }
    code += PSEUDONYM_ALPHABET[v];
  }
  return code;
}

/** "Participant K7": the pseudonym of `participantId` in the forum keyed by `forumSecret`. */
export function pseudonymFor(forumSecret: string, participantId: string, length = 2): string {
  return `${PSEUDONYM_PREFIX} ${pseudonymCode(forumSecret, participantId, length)}`;
}

/**
 * The pseudonym to give a newly protected participant: the length-2 pseudonym, or the shortest
 * longer one that is not in `taken` (the pseudonyms already given in this forum). Deterministic:
 * the same inputs always produce the same result.
 */
export function assignPseudonym(
  forumSecret: string,
  participantId: string,
  taken: ReadonlySet<string>,
): string {
  for (let length = 2; length <= MAX_PSEUDONYM_CODE_LENGTH; length++) {
    const candidate = pseudonymFor(forumSecret, participantId, length);
    if (!taken.has(candidate)) return candidate;
  }
  throw new Error('could not find a free pseudonym (the taken set covers every candidate)');
}

/** True when `s` has the shape of a pseudonym made here ("Participant" + code). */
export function isPseudonym(s: string): boolean {
  return /^Participant [A-HJ-NP-Z][A-HJ-NP-Z2-9]+$/.test(s);
}
