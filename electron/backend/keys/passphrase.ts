/**
 * Browser mode's key: derived from the user's passphrase with scrypt, under the parameters of
 * the sidecar `<db>.key.json` (db/cipher.ts). The passphrase lives only in this call's
 * arguments; the key lives in the backend's memory; neither is logged or put in a message.
 *
 * Change passphrase, safe against SIGKILL (at any point the file opens with exactly one of the
 * two passphrases, and the sidecars say how to get it):
 *   1. write the new parameters to `<db>.key.json.next` (durably);
 *   2. build a copy of the (closed) file under the new key, check it, and rename it over the file
 *      (db/encrypt.ts rekeyFile: one atomic rename, never a half re-keyed file);
 *   3. rename `.next` over `<db>.key.json`.
 * At unlock, when `.next` exists, the current parameters are tried first (killed before the
 * file's rename); if only `.next` opens the file, the rename happened and step 3 is finished.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import {
  DEFAULT_SCRYPT,
  deriveKey,
  fsyncDir,
  isPlaintextDatabase,
  newSidecar,
  nextSidecarOf,
  readSidecar,
  sidecarOf,
  writeSidecar,
} from '../../../db/cipher';
import { opensWithKey, rekeyFile } from '../../../db/encrypt';
import { DomainError } from '../../../shared/result';

import { MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/passphraseStrength';

/** Shortest passphrase accepted (shared with the form, which also shows a strength hint). */
export { MIN_PASSPHRASE_LENGTH };

export type LockState =
  /** No database yet: the first passphrase is being set. */
  | 'new'
  /** A database from an earlier version, not encrypted yet: the passphrase set now encrypts it. */
  | 'unencrypted'
  /** An encrypted database: its passphrase opens it. */
  | 'locked';

export class WrongPassphraseError extends Error {
  constructor() {
    super('Wrong passphrase.');
    this.name = 'WrongPassphraseError';
  }
}

/** Parameters without a file (killed right after set-up) hold no data: the file is new. */
export function lockStateOf(dbFile: string): LockState {
  const hasFile = existsSync(dbFile) && statSync(dbFile).size > 0;
  if (!hasFile) return 'new';
  return isPlaintextDatabase(dbFile) ? 'unencrypted' : 'locked';
}

export function checkNewPassphrase(passphrase: string, field = 'passphrase'): void {
  // The same rule as the contract's schema, so a passphrase set here can be changed later.
  // eslint-disable-next-line no-control-regex -- the point of this pattern is to find control characters
  if (/[\u0000-\u001f\u007f-\u009f]/.test(passphrase) || passphrase.length > 1024)
    throw new DomainError(
      'validation',
      'The passphrase must not contain control characters or be longer than 1024 characters.',
      field,
    );
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
    throw new DomainError(
      'validation',
      `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`,
      field,
    );
}

/**
 * The key for `dbFile` from `passphrase`. For a new or unencrypted file the passphrase is set
 * (sidecar written; the file is made or encrypted when it is opened with the key). Throws
 * WrongPassphraseError when it does not open the file; nothing is written then.
 */
export function keyFromPassphrase(
  dbFile: string,
  passphrase: string,
  scrypt: { N: number; r: number; p: number } = DEFAULT_SCRYPT,
): Buffer {
  const state = lockStateOf(dbFile);
  const current = readSidecar(sidecarOf(dbFile));
  const next = readSidecar(nextSidecarOf(dbFile));
  if (state !== 'locked') {
    checkNewPassphrase(passphrase);
    // An earlier interrupted set-up may have left parameters; a plain or new file has no key yet,
    // so fresh parameters are as good and the passphrase typed now is the one that counts.
    const sidecar = newSidecar(scrypt);
    const key = deriveKey(passphrase, sidecar);
    rmSync(nextSidecarOf(dbFile), { force: true });
    writeSidecar(sidecarOf(dbFile), sidecar);
    return key;
  }
  if (!current && !next)
    throw new Error(
      `${sidecarOf(dbFile)} is missing: it holds the key parameters of this encrypted file; restore it from where the database came from.`,
    );
  if (current) {
    const key = deriveKey(passphrase, current);
    if (opensWithKey(dbFile, key, 'key')) {
      if (next) rmSync(nextSidecarOf(dbFile), { force: true });
      return key;
    }
  }
  if (next) {
    const key = deriveKey(passphrase, next);
    if (opensWithKey(dbFile, key, 'key')) {
      renameSync(nextSidecarOf(dbFile), sidecarOf(dbFile));
      fsyncDir(dirname(dbFile));
      return key;
    }
  }
  throw new WrongPassphraseError();
}

/** Step 1 to 3 above on the open connection; `currentKey` is the key the backend holds. */
export function changePassphrase(
  dbFile: string,
  currentKey: Buffer,
  current: string,
  next: string,
  scrypt: { N: number; r: number; p: number } = DEFAULT_SCRYPT,
): Buffer {
  const sidecar = readSidecar(sidecarOf(dbFile));
  if (!sidecar)
    throw new DomainError('conflict', 'This database has no passphrase to change.', 'current');
  const typed = deriveKey(current, sidecar);
  if (typed.length !== currentKey.length || !timingSafeEqual(typed, currentKey))
    throw new DomainError('validation', 'Wrong passphrase.', 'current');
  checkNewPassphrase(next, 'next');
  if (next === current)
    throw new DomainError(
      'validation',
      'The new passphrase is the same as the current one.',
      'next',
    );
  const nextSidecar = newSidecar(scrypt);
  const newKey = deriveKey(next, nextSidecar);
  writeSidecar(nextSidecarOf(dbFile), nextSidecar);
  try {
    rekeyFile(dbFile, currentKey, newKey);
  } catch (e) {
    rmSync(nextSidecarOf(dbFile), { force: true });
    throw e;
  }
  renameSync(nextSidecarOf(dbFile), sidecarOf(dbFile));
  fsyncDir(dirname(dbFile));
  return newKey;
}
