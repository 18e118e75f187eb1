/**
 * In-place encryption of a plain database from an earlier version, safe against SIGKILL:
 *
 *   1. checkpoint the plain file (its -wal folded in), then copy it to `<db>.unencrypted-copy`;
 *   2. build the encrypted file `<db>.encrypting` from another copy (SQLCipher re-key of a plain
 *      file), integrity_check it and fsync it;
 *   3. rename `<db>.encrypting` over `<db>` (atomic) and fsync the folder;
 *   4. open `<db>` with the key, and only then remove the plain copy. The file's bytes are the
 *      ones that passed integrity_check in step 2 (a rename does not change them), so this open
 *      checks only that the key reads the file at its final path: a second integrity_check of the
 *      same bytes took 41 s of the 124 s that a 660 MB database (100,000 participants, 1,000,000
 *      attendance records) spent in this function.
 *
 * A kill before 3 leaves the plain `<db>` (the next open starts again); after 3, the encrypted one.
 * `recoverInPlaceEncryption` runs at every open and tidies what an interrupted run left.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, fsyncDir, isPlaintextDatabase, rekeyTo } from './cipher';

export const plainCopyOf = (file: string): string => `${file}.unencrypted-copy`;
export const encryptingOf = (file: string): string => `${file}.encrypting`;
export const rekeyingOf = (file: string): string => `${file}.rekeying`;

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const removeWithSideFiles = (path: string) => {
  for (const f of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`])
    rmSync(f, { force: true });
};

/**
 * True when `file` opens with `key` and passes integrity_check (`check: 'key'`: only that the
 * key reads the schema, for unlocking, where the open that follows runs its own quick_check).
 * Writes only a hot journal's rollback.
 */
export function opensWithKey(
  file: string,
  key: Buffer,
  check: 'integrity' | 'key' = 'integrity',
): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    applyKey(db, key);
    if (check === 'key') {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return true;
    }
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.length === 1 && rows[0].integrity_check === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

function integrityOk(db: Database.Database): boolean {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.length === 1 && rows[0].integrity_check === 'ok';
}

/** Encrypts the plain `file` with `key` (steps above); returns where the plain copy was kept. */
export function encryptInPlace(file: string, key: Buffer): { copy: string } {
  const copy = plainCopyOf(file);
  const building = encryptingOf(file);
  // 1. Fold the -wal into the file so that one copy holds everything.
  const plain = new Database(file, { fileMustExist: true });
  try {
    if (!integrityOk(plain))
      throw new Error(`${file} is damaged; it was not encrypted and nothing was changed.`);
    plain.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    plain.close();
  }
  copyFileSync(file, copy);
  fsyncFile(copy);
  // 2. The encrypted file is made from its own copy, so `file` stays untouched until step 3.
  removeWithSideFiles(building);
  copyFileSync(file, building);
  const enc = new Database(building, { fileMustExist: true });
  try {
    rekeyTo(enc, key);
    enc.pragma('journal_mode = WAL');
    if (!integrityOk(enc))
      throw new Error(`Encrypting ${file} produced a damaged copy; nothing was changed.`);
    enc.pragma('wal_checkpoint(TRUNCATE)');
  } catch (e) {
    enc.close();
    removeWithSideFiles(building);
    rmSync(copy, { force: true });
    throw e;
  }
  enc.close();
  fsyncFile(building);
  // 3. The switch: one rename.
  for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  renameSync(building, file);
  fsyncDir(dirname(file));
  // 4. The plain copy goes only once the encrypted file has passed its check.
  if (!opensWithKey(file, key, 'key'))
    throw new Error(
      `${file} did not pass its check after encryption; the plain copy is kept at ${copy}.`,
    );
  rmSync(copy, { force: true });
  return { copy };
}

/**
 * Re-keys the closed database `file` from `oldKey` to `newKey` the same way as the encryption
 * above: the new-key file is built from a copy, checked, fsynced and renamed over `file` in one
 * step. (`PRAGMA rekey` on the file itself rewrites it page by page; a SIGKILL in the middle left
 * a file that neither key opened — found by the SIGKILL loop in keys/crash.test.ts.)
 */
export function rekeyFile(file: string, oldKey: Buffer, newKey: Buffer): void {
  const building = rekeyingOf(file);
  const current = new Database(file, { fileMustExist: true });
  try {
    applyKey(current, oldKey);
    current.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    current.close();
  }
  removeWithSideFiles(building);
  copyFileSync(file, building);
  const next = new Database(building, { fileMustExist: true });
  try {
    applyKey(next, oldKey);
    rekeyTo(next, newKey);
    next.pragma('journal_mode = WAL');
    if (!integrityOk(next))
      throw new Error(`Re-keying ${file} produced a damaged copy; nothing was changed.`);
    next.pragma('wal_checkpoint(TRUNCATE)');
  } catch (e) {
    next.close();
    removeWithSideFiles(building);
    throw e;
  }
  next.close();
  fsyncFile(building);
  for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  renameSync(building, file);
  fsyncDir(dirname(file));
}

/** Tidies what an interrupted `encryptInPlace` or `rekeyFile` left (at every open with a key). */
export function recoverInPlaceEncryption(file: string, key: Buffer): void {
  const building = encryptingOf(file);
  if (existsSync(building)) removeWithSideFiles(building);
  // A re-key killed before its rename: `file` still has the old key; the copy is dropped.
  if (existsSync(rekeyingOf(file))) removeWithSideFiles(rekeyingOf(file));
  const copy = plainCopyOf(file);
  if (!existsSync(copy)) return;
  // Killed before the rename: the file is still plain and will be encrypted again.
  if (isPlaintextDatabase(file)) rmSync(copy, { force: true });
  // Killed after it: the copy goes once the encrypted file passes (a wrong key keeps it).
  else if (opensWithKey(file, key)) rmSync(copy, { force: true });
}
