/**
 * The desktop app's database key: 32 random bytes made at first run, kept encrypted by the OS
 * keystore through Electron `safeStorage` (Keychain, DPAPI, libsecret/kwallet) in
 * `<db>.keystore` (by default `<userData>/intersession.db.keystore`), so the user never types it (as Signal Desktop does).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { safeStorage } from 'electron';
import { isPlaintextDatabase, KEY_BYTES, writeFileDurably } from '../../db/cipher';

export const keyFileOf = (dbFile: string): string => `${dbFile}.keystore`;

export class KeystoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeystoreError';
  }
}

/**
 * The key for `dbFile`: read from its keystore file, or made and stored on first run. The
 * keystore file sits next to the database so that `--db PATH` files each have their own.
 */
export function loadOrCreateDesktopKey(dbFile: string): Buffer {
  if (!safeStorage.isEncryptionAvailable())
    throw new KeystoreError(
      'The system keystore is not available, so the database key cannot be kept safely; unlock your keyring (or run browser mode, npm run serve, with a passphrase).',
    );
  const keyFile = keyFileOf(dbFile);
  if (existsSync(keyFile)) {
    let hex: string;
    try {
      hex = safeStorage.decryptString(readFileSync(keyFile));
    } catch {
      throw new KeystoreError(
        `${keyFile} cannot be read with this account's keystore; the database cannot be opened without it.`,
      );
    }
    const key = Buffer.from(hex, 'hex');
    if (key.length !== KEY_BYTES || !/^[0-9a-f]+$/i.test(hex))
      throw new KeystoreError(`${keyFile} does not hold a database key.`);
    return key;
  }
  // A plain file of an earlier version gets a new key (and is encrypted at open); an encrypted one
  // without its key file cannot be opened, and must not get a new key that would hide that.
  if (existsSync(dbFile) && statSync(dbFile).size > 0 && !isPlaintextDatabase(dbFile))
    throw new KeystoreError(
      `${dbFile} is encrypted but its key file ${keyFile} is missing; restore that file too.`,
    );
  const key = randomBytes(KEY_BYTES);
  writeFileDurably(keyFile, safeStorage.encryptString(key.toString('hex')));
  return key;
}
