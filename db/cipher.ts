/**
 * Encryption at rest: SQLCipher 4 pages through better-sqlite3-multiple-ciphers, a raw 32-byte
 * key, and the passphrase sidecar `<db>.key.json` of browser mode.
 *
 * Cipher: `PRAGMA cipher='sqlcipher'` with `legacy=4` (SQLCipher 4 defaults: AES-256-CBC,
 * HMAC-SHA512 per page, 4096-byte pages). The key is passed raw (`PRAGMA key="x'…'"`), so
 * SQLCipher's own PBKDF2 is not run on top of our KDF; the file is still readable with the
 * `sqlcipher` command-line tool (README, "Encryption").
 *
 * Passphrase KDF: scrypt from node:crypto (native, so the 128 MB cost stays well under a second),
 * parameters and salt in the plaintext sidecar `<db>.key.json` next to the file. The sidecar
 * holds no secret: without the passphrase it only says how to derive the key.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Db } from './open';

export const KEY_BYTES = 32;

/** What the header of a plain (unencrypted) SQLite file starts with. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Applies the cipher settings and the raw key to a fresh connection, before anything reads the
 * file. Every connection of the app (the writer, read-only readers, backups) goes through here.
 */
export function applyKey(db: Db, key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`The database key must be ${KEY_BYTES} bytes.`);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** The same settings for a database ATTACHed to `db` under `schema` (backups, encryption). */
export function attachKeyed(db: Db, file: string, schema: string, key: Buffer): void {
  db.prepare(`ATTACH DATABASE ? AS ${schema} KEY "x'${key.toString('hex')}'"`).run(file);
}

/** True when the file exists and starts with the plain SQLite header (an earlier version's). */
export function isPlaintextDatabase(file: string): boolean {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const n = readSyncFull(fd, head);
    return n === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

function readSyncFull(fd: number, buf: Buffer): number {
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

// ---- the passphrase sidecar ------------------------------------------------------------------

export const sidecarOf = (dbFile: string): string => `${dbFile}.key.json`;
/** The sidecar of a re-key in progress (see changePassphrase for the order of steps). */
export const nextSidecarOf = (dbFile: string): string => `${dbFile}.key.json.next`;

const Sidecar = z.strictObject({
  version: z.literal(1),
  cipher: z.literal('sqlcipher'),
  legacy: z.literal(4),
  kdf: z.literal('scrypt'),
  N: z.number().int().min(2),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  dkLen: z.literal(KEY_BYTES),
  salt: z.string().min(16),
});
export type Sidecar = z.infer<typeof Sidecar>;

/** scrypt cost: N=2^17, r=8, p=1 (128 MB, OWASP's recommended minimum is 2^17 at r=8). */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

export function newSidecar(params: { N: number; r: number; p: number } = DEFAULT_SCRYPT): Sidecar {
  return {
    version: 1,
    cipher: 'sqlcipher',
    legacy: 4,
    kdf: 'scrypt',
    ...params,
    dkLen: KEY_BYTES,
    salt: randomBytes(16).toString('base64'),
  };
}

export function readSidecar(path: string): Sidecar | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = Sidecar.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(`${path} is not a key parameter file this Intersession understands.`);
  return parsed.data;
}

/** Writes a file so that it is either absent or complete after a crash: temp, fsync, rename. */
export function writeFileDurably(path: string, data: string | Buffer): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

export function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; there the rename is durable enough.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeSidecar(path: string, sidecar: Sidecar): void {
  writeFileDurably(path, `${JSON.stringify(sidecar, null, 2)}\n`);
}

/** The raw key for `passphrase` under the sidecar's parameters. */
export function deriveKey(passphrase: string, sidecar: Sidecar): Buffer {
  const { N, r, p } = sidecar;
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(sidecar.salt, 'base64'), KEY_BYTES, {
    N,
    r,
    p,
    // node's default limit (32 MB) is below the 128 MB that N=2^17, r=8 needs.
    maxmem: 256 * N * r + 64 * 1024 * 1024,
  });
}

/**
 * Re-keys the open connection `db` to `key` (also encrypts a plain one). SQLite3 Multiple
 * Ciphers cannot re-key in WAL mode, so the WAL is folded in and the rollback journal used for
 * the re-key itself: that journal makes the re-key one transaction (all pages or none).
 */
export function rekeyTo(db: Db, key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`The database key must be ${KEY_BYTES} bytes.`);
  const mode = db.pragma('journal_mode', { simple: true });
  if (mode === 'wal') {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  }
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    if (mode === 'wal') db.pragma('journal_mode = WAL');
  }
}
