/**
 * SHA-256 and HMAC-SHA-256, a thin layer over the audited @noble/hashes (pure JS, synchronous).
 *
 * Why not node:crypto / WebCrypto: shared/ must stay pure (no node: imports) and WebCrypto's
 * `subtle.digest` is asynchronous, while pseudonyms are computed inside synchronous rendering code.
 * This module only adds string input (UTF-8) to noble's byte API; the NIST / RFC 4231 vectors in
 * sha256.test.ts and the pseudonym vectors in pseudonym.test.ts pin the behaviour.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** UTF-8 encoding of a JS string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Encode(s: string): Uint8Array {
  return utf8ToBytes(s);
}

const bytesOf = (data: string | Uint8Array): Uint8Array =>
  typeof data === 'string' ? utf8ToBytes(data) : data;

/** SHA-256 of a string (UTF-8) or bytes. */
export function sha256(data: string | Uint8Array): Uint8Array {
  return nobleSha256(bytesOf(data));
}

/** HMAC-SHA-256 (RFC 2104) of a message under a key (strings are UTF-8). */
export function hmacSha256(key: string | Uint8Array, message: string | Uint8Array): Uint8Array {
  return hmac(nobleSha256, bytesOf(key), bytesOf(message));
}

/** Lower-case hexadecimal of bytes. */
export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}
