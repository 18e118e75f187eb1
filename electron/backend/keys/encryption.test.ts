import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import activity from '../../../resources/sample-activity.json';
import sample from '../../../resources/sample-forum.json';
import type { BackupEntry } from '../../../shared/api';
import { createBackend } from '../backend';
import { applyKey, deriveKey, isPlaintextDatabase, newSidecar, rekeyTo } from '../../../db/cipher';
import { encryptInPlace, opensWithKey, plainCopyOf } from '../../../db/encrypt';
import { openDatabase, StartupError, WrongKeyError } from '../../../db/open';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'intersession-cipher-'));
  dirs.push(dir);
  return dir;
};
const KEY = Buffer.alloc(32, 0x11);
const OTHER = Buffer.alloc(32, 0x22);
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * What must never be readable in the raw bytes: every participant's name, e-mail and handle,
 * the forum's title and every minute of the sample (each as UTF-8 and as UTF-16, in case a
 * page held text in either encoding).
 */
const secrets = (() => {
  const out = new Set<string>([sample.forum.title]);
  for (const p of sample.participants) {
    out.add(p.fullName);
    if (p.email) out.add(p.email);
    for (const h of p.handles) if (h.length >= 5) out.add(h);
  }
  for (const m of activity.minutes) out.add(m.slice(0, 40));
  return [...out];
})();
function leaks(file: string): string[] {
  if (!existsSync(file)) return [];
  const raw = readFileSync(file);
  return secrets.filter(
    (s) => raw.includes(Buffer.from(s, 'utf8')) || raw.includes(Buffer.from(s, 'utf16le')),
  );
}

describe('a database opened with a key', () => {
  it('is encrypted: no name, e-mail, handle or minute in the .db, -wal or backup, before and after a checkpoint', async () => {
    const dir = tempDir();
    const file = join(dir, 'intersession.db');
    const backend = createBackend({ dbFile: file, key: KEY, shell: 'test' });
    try {
      const loaded = await backend.dispatch('forums.loadSample', {});
      expect(loaded.ok).toBe(true);
      // The test's own check: a plain database of the same content would leak (so the scan works).
      expect(existsSync(`${file}-wal`)).toBe(true);
      expect(leaks(file)).toEqual([]);
      expect(leaks(`${file}-wal`)).toEqual([]);
      const made = await backend.dispatch('backups.create', {});
      if (!made.ok) throw new Error(made.error.message);
      const entry = made.value as BackupEntry;
      const backupFile = join(dir, 'backups', entry.name);
      expect(leaks(backupFile)).toEqual([]);
      expect(entry.forumCount).toBe(1);
      backend.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(leaks(file)).toEqual([]);
      expect(leaks(`${file}-wal`)).toEqual([]);
      expect(isPlaintextDatabase(file)).toBe(false);
      expect(isPlaintextDatabase(backupFile)).toBe(false);
      // The backup opens with the same key only.
      expect(opensWithKey(backupFile, KEY)).toBe(true);
      expect(opensWithKey(backupFile, OTHER)).toBe(false);
    } finally {
      backend.close();
    }
  }, 60_000);

  it('the scan would see the same content in a plain file (it is not vacuous)', async () => {
    const dir = tempDir();
    const file = join(dir, 'plain.db');
    const backend = createBackend({ dbFile: file, shell: 'test' });
    try {
      await backend.dispatch('forums.loadSample', {});
      backend.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(leaks(file).length).toBeGreaterThan(10);
    } finally {
      backend.close();
    }
  }, 60_000);

  it('cannot be opened without the key or with another key, and a wrong key writes nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'app.db');
    const db = openDatabase({ file, key: KEY });
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', '"v"');
    db.close();
    const before = digest(file);
    expect(() => openDatabase({ file, key: OTHER })).toThrow(WrongKeyError);
    expect(() => openDatabase({ file, key: OTHER })).toThrow(/^Wrong passphrase/);
    expect(() => openDatabase({ file })).toThrow(StartupError);
    expect(() => openDatabase({ file })).toThrow(/encrypted and opened without its key/);
    // A plain SQLite connection cannot read it either.
    const plain = new Database(file);
    expect(() => plain.prepare('SELECT count(*) FROM settings').get()).toThrow(/not a database/);
    plain.close();
    expect(digest(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}.lock`)).toBe(false);
    const again = openDatabase({ file, key: KEY });
    expect(again.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('"v"');
    again.close();
  });

  it('uses SQLCipher 4 settings (a sqlcipher-compatible reader with the raw key opens it)', () => {
    const dir = tempDir();
    const file = join(dir, 'app.db');
    openDatabase({ file, key: KEY }).close();
    // The settings a `sqlcipher` CLI user types (README): cipher sqlcipher, legacy 4, raw key.
    const db = new Database(file, { readonly: true });
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${KEY.toString('hex')}'"`);
    expect(Number(db.pragma('kdf_iter', { simple: true }))).toBe(256000);
    expect(Number(db.pragma('legacy_page_size', { simple: true }))).toBe(4096);
    expect(db.prepare('SELECT count(*) FROM forums').pluck().get()).toBe(0);
    db.close();
  });

  it('keeps FTS5 and the trigram tokenizer working (participant and contribution search)', async () => {
    const dir = tempDir();
    const backend = createBackend({ dbFile: join(dir, 'app.db'), key: KEY, shell: 'test' });
    try {
      const forum = await backend.dispatch('forums.loadSample', {});
      if (!forum.ok) throw new Error(forum.error.message);
      const forumId = (forum.value as { id: string }).id;
      const someone = sample.participants[3].fullName;
      const found = await backend.dispatch('participants.list', {
        forumId,
        search: someone.slice(1, 6),
      });
      if (!found.ok) throw new Error(found.error.message);
      const names = (found.value as { rows: { fullName: string }[] }).rows.map((p) => p.fullName);
      expect(names).toContain(someone);
      const hits = await backend.dispatch('contributions.search', {
        forumId,
        query: 'cooperative',
      });
      if (!hits.ok) throw new Error(hits.error.message);
      const search = hits.value as { contributionTotal: number; notes: unknown[] };
      expect(search.contributionTotal).toBeGreaterThan(0);
    } finally {
      backend.close();
    }
  }, 60_000);
});

describe('rekeyTo', () => {
  it('re-keys in place: the old key no longer opens the file, the new one does, content intact', () => {
    const dir = tempDir();
    const file = join(dir, 'app.db');
    const db = openDatabase({ file, key: KEY });
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', '"v"');
    rekeyTo(db, OTHER);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k2', '"w"');
    db.close();
    expect(opensWithKey(file, KEY)).toBe(false);
    expect(opensWithKey(file, OTHER)).toBe(true);
    const again = openDatabase({ file, key: OTHER });
    expect(
      again.prepare("SELECT key, value FROM settings WHERE key IN ('k', 'k2') ORDER BY key").all(),
    ).toEqual([
      { key: 'k', value: '"v"' },
      { key: 'k2', value: '"w"' },
    ]);
    again.close();
  });
});

describe('encryptInPlace (a plain file of an earlier version)', () => {
  it('is detected at open, told, encrypted, and the plain copy removed after the check', () => {
    const dir = tempDir();
    const file = join(dir, 'old.db');
    const old = openDatabase({ file });
    old.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('secret', '"Ana Lima"');
    old.close();
    expect(isPlaintextDatabase(file)).toBe(true);
    const notices: string[] = [];
    const db = openDatabase({ file, key: KEY, onNotice: (m) => notices.push(m) });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'secret'").pluck().get()).toBe(
      '"Ana Lima"',
    );
    db.close();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/was not encrypted .* it is now encrypted/);
    expect(notices[0]).not.toContain(KEY.toString('hex'));
    expect(isPlaintextDatabase(file)).toBe(false);
    expect(existsSync(plainCopyOf(file))).toBe(false);
    expect(readFileSync(file).includes(Buffer.from('Ana Lima'))).toBe(false);
  });

  it('leaves a damaged plain file as it was', () => {
    const dir = tempDir();
    const file = join(dir, 'old.db');
    const old = openDatabase({ file });
    const insert = old.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < 300; i++) insert.run(`k${i}`, JSON.stringify('x'.repeat(300)));
    old.close();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 2000);
    writeFileSync(file, bytes);
    const before = digest(file);
    expect(() => openDatabase({ file, key: KEY })).toThrow(StartupError);
    expect(digest(file)).toBe(before);
    expect(existsSync(plainCopyOf(file))).toBe(false);
  });
});

describe('the scrypt key derivation', () => {
  const fast = { N: 2 ** 10, r: 8, p: 1 };
  it('derives 32 bytes, the same for the same passphrase and salt, and differs otherwise', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 1 }),
        (a, b) => {
          const sidecar = newSidecar(fast);
          const k = deriveKey(a, sidecar);
          expect(k).toHaveLength(32);
          expect(deriveKey(a, sidecar).equals(k)).toBe(true);
          // Another salt, another key.
          expect(deriveKey(a, newSidecar(fast)).equals(k)).toBe(false);
          if (a.normalize('NFC') !== b.normalize('NFC'))
            expect(deriveKey(b, sidecar).equals(k)).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('treats composed and decomposed accents as the same passphrase (NFC)', () => {
    const sidecar = newSidecar(fast);
    expect(deriveKey('Siobh\u00e1n passphrase', sidecar)).toEqual(
      deriveKey('Siobha\u0301n passphrase', sidecar),
    );
  });

  it('a connection keyed with applyKey reads what the app wrote', () => {
    const dir = tempDir();
    const file = join(dir, 'app.db');
    openDatabase({ file, key: KEY }).close();
    const db = new Database(file, { readonly: true });
    applyKey(db, KEY);
    expect(db.prepare('SELECT count(*) FROM forums').pluck().get()).toBe(0);
    db.close();
    expect(() => encryptInPlace(file, KEY)).toThrow();
  });
});

describe('why backups use VACUUM INTO', () => {
  it('the online backup API of better-sqlite3 refuses an encrypted source (it would have no key for the copy)', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.db');
    const db = openDatabase({ file, key: KEY });
    try {
      await expect(db.backup(join(dir, 'copy.db'))).rejects.toThrow(/incompatible/);
      // Whatever it left is not a plain copy of the data.
      const left = join(dir, 'copy.db');
      if (existsSync(left))
        expect(readFileSync(left).includes(Buffer.from('CREATE TABLE'))).toBe(false);
    } finally {
      db.close();
    }
  });
});
