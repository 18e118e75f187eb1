/**
 * The forum package file (issue 13 §4): one forum, encrypted with a passphrase chosen for its
 * recipient. The cipher and KDF come from the audited @noble libraries; only the framing is ours.
 *
 * Layout (all integers big-endian):
 *
 *   offset  size  field
 *   0       8     magic "INTSPKG\0"
 *   8       1     format version (1)
 *   9       1     KDF id (1 = scrypt)
 *   10      1     scrypt log2(N)   (package default 17: N = 131072)
 *   11      1     scrypt r         (default 8)
 *   12      1     scrypt p         (default 1)
 *   13      16    salt (random)
 *   29      24    nonce (random, XChaCha20-Poly1305's 192-bit nonce)
 *   53      ...   ciphertext: XChaCha20-Poly1305(key, nonce, aad = bytes 0..52) of gzip(JSON body),
 *                 ending in the 16-byte Poly1305 tag
 *
 * key = scrypt(passphrase as UTF-8 NFC, salt, N, r, p, dkLen 32). The header is the AEAD's
 * associated data, so changing any byte of it (KDF parameters included) fails authentication.
 * A wrong passphrase and a damaged ciphertext are indistinguishable by design of an AEAD; a file
 * that does not start with the magic is told apart ("not an Intersession forum package").
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DomainError } from '../../../shared/result';

export const PACKAGE_MAGIC = new TextEncoder().encode('INTSPKG\0');
export const PACKAGE_FORMAT_VERSION = 1;
const KDF_SCRYPT = 1;
const SALT_BYTES = 16;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
export const HEADER_BYTES = PACKAGE_MAGIC.length + 5 + SALT_BYTES + NONCE_BYTES;

export interface KdfParams {
  logN: number;
  r: number;
  p: number;
}

/** RFC 7914 / OWASP's interactive setting: about 128 MB and well under a few seconds. */
export const DEFAULT_KDF: KdfParams = { logN: 17, r: 8, p: 1 };
/** Refuse headers asking for absurd work (a crafted file must not hang or exhaust the app). */
const MAX_LOG_N = 20;
const MAX_R = 16;
const MAX_P = 4;
/** A gzip bomb guard: the JSON body may be at most this large once inflated. */
const MAX_BODY_BYTES = 512 * 1024 * 1024;

export const NOT_A_PACKAGE = 'This is not an Intersession forum package.';
export const WRONG_PASSPHRASE = 'Wrong passphrase or damaged package: nothing was imported.';

const refuse = (message: string) => new DomainError('validation', message, 'file');

function deriveKey(passphrase: string, salt: Uint8Array, kdf: KdfParams): Uint8Array {
  return scrypt(new TextEncoder().encode(passphrase.normalize('NFC')), salt, {
    N: 2 ** kdf.logN,
    r: kdf.r,
    p: kdf.p,
    dkLen: 32,
    maxmem: 2 ** 31,
  });
}

/** Encrypts a JSON-serialisable body into a package file. */
export function sealPackage(
  body: unknown,
  passphrase: string,
  kdf: KdfParams = DEFAULT_KDF,
): Uint8Array {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const header = new Uint8Array(HEADER_BYTES);
  header.set(PACKAGE_MAGIC, 0);
  let o = PACKAGE_MAGIC.length;
  header[o++] = PACKAGE_FORMAT_VERSION;
  header[o++] = KDF_SCRYPT;
  header[o++] = kdf.logN;
  header[o++] = kdf.r;
  header[o++] = kdf.p;
  header.set(salt, o);
  header.set(nonce, o + SALT_BYTES);
  const plain = gzipSync(Buffer.from(JSON.stringify(body), 'utf8'));
  const key = deriveKey(passphrase, salt, kdf);
  const sealed = xchacha20poly1305(key, nonce, header).encrypt(plain);
  key.fill(0);
  const out = new Uint8Array(HEADER_BYTES + sealed.length);
  out.set(header, 0);
  out.set(sealed, HEADER_BYTES);
  return out;
}

/** Decrypts a package file to its JSON body (not yet validated), or refuses with a sentence. */
export function openPackage(file: Uint8Array, passphrase: string): unknown {
  if (file.length < PACKAGE_MAGIC.length || !PACKAGE_MAGIC.every((b, i) => file[i] === b))
    throw refuse(NOT_A_PACKAGE);
  if (file.length < HEADER_BYTES + TAG_BYTES) throw refuse(WRONG_PASSPHRASE);
  let o = PACKAGE_MAGIC.length;
  const version = file[o++];
  if (version > PACKAGE_FORMAT_VERSION)
    throw refuse(
      `This forum package was made by a newer Intersession (package format ${version}); update the app to import it.`,
    );
  if (version !== PACKAGE_FORMAT_VERSION || file[o++] !== KDF_SCRYPT)
    throw refuse(WRONG_PASSPHRASE);
  const kdf: KdfParams = { logN: file[o++], r: file[o++], p: file[o++] };
  if (
    kdf.logN < 1 ||
    kdf.logN > MAX_LOG_N ||
    kdf.r < 1 ||
    kdf.r > MAX_R ||
    kdf.p < 1 ||
    kdf.p > MAX_P
  )
    throw refuse(WRONG_PASSPHRASE);
  const salt = file.subarray(o, o + SALT_BYTES);
  const nonce = file.subarray(o + SALT_BYTES, o + SALT_BYTES + NONCE_BYTES);
  const header = file.subarray(0, HEADER_BYTES);
  const key = deriveKey(passphrase, salt, kdf);
  let plain: Uint8Array;
  try {
    plain = xchacha20poly1305(key, nonce, header).decrypt(file.subarray(HEADER_BYTES));
  } catch {
    throw refuse(WRONG_PASSPHRASE);
  } finally {
    key.fill(0);
  }
  try {
    const json = gunzipSync(plain, { maxOutputLength: MAX_BODY_BYTES }).toString('utf8');
    return JSON.parse(json) as unknown;
  } catch {
    // Authenticated but not gzip'd JSON: written by something other than Intersession.
    throw refuse(WRONG_PASSPHRASE);
  }
}
