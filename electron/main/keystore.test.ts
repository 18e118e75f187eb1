import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** safeStorage stand-in: "encrypts" by XOR with a per-test pad, so the file is not the key. */
const storage = vi.hoisted(() => {
  const state = { available: true, pad: 0x5a, failDecrypt: false };
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ state.pad));
  return {
    state,
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => state.available),
      encryptString: vi.fn((s: string) => xor(Buffer.from(`v10${s}`, 'utf8'))),
      decryptString: vi.fn((b: Buffer) => {
        if (state.failDecrypt) throw new Error('Error while decrypting the ciphertext provided');
        const s = xor(b).toString('utf8');
        if (!s.startsWith('v10')) throw new Error('bad ciphertext');
        return s.slice(3);
      }),
    },
  };
});
vi.mock('electron', () => ({ safeStorage: storage.safeStorage }));

import { keyFileOf, KeystoreError, loadOrCreateDesktopKey } from './keystore';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'intersession-keystore-'));
  storage.state.available = true;
  storage.state.failDecrypt = false;
  vi.clearAllMocks();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the desktop key kept with safeStorage', () => {
  it('makes a random 32-byte key at first run, stores it encrypted, and reads the same key back', () => {
    const db = join(dir, 'intersession.db');
    const key = loadOrCreateDesktopKey(db);
    expect(key).toHaveLength(32);
    expect(storage.safeStorage.encryptString).toHaveBeenCalledOnce();
    const stored = readFileSync(keyFileOf(db));
    // The file is safeStorage's ciphertext: neither the raw key nor its hex appears in it.
    expect(stored.includes(key)).toBe(false);
    expect(stored.toString('latin1')).not.toContain(key.toString('hex'));
    expect(loadOrCreateDesktopKey(db).equals(key)).toBe(true);
    expect(storage.safeStorage.encryptString).toHaveBeenCalledOnce();
    // Another database file gets another key.
    expect(loadOrCreateDesktopKey(join(dir, 'other.db')).equals(key)).toBe(false);
  });

  it('refuses when the keystore is unavailable, and writes nothing', () => {
    storage.state.available = false;
    const db = join(dir, 'intersession.db');
    expect(() => loadOrCreateDesktopKey(db)).toThrow(KeystoreError);
    expect(existsSync(keyFileOf(db))).toBe(false);
  });

  it('refuses a key file this account cannot decrypt, without making a new key over it', () => {
    const db = join(dir, 'intersession.db');
    loadOrCreateDesktopKey(db);
    const before = readFileSync(keyFileOf(db));
    storage.state.failDecrypt = true;
    expect(() => loadOrCreateDesktopKey(db)).toThrow(/cannot be read with this account's keystore/);
    expect(readFileSync(keyFileOf(db)).equals(before)).toBe(true);
  });

  it('refuses an encrypted database whose key file is missing (a new key would not open it)', () => {
    const db = join(dir, 'intersession.db');
    writeFileSync(db, Buffer.alloc(4096, 0xab));
    expect(() => loadOrCreateDesktopKey(db)).toThrow(/key file .* is missing/);
    expect(existsSync(keyFileOf(db))).toBe(false);
  });

  it('gives a plain database of an earlier version a new key (it is encrypted at open)', () => {
    const db = join(dir, 'intersession.db');
    writeFileSync(
      db,
      Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]),
    );
    expect(loadOrCreateDesktopKey(db)).toHaveLength(32);
  });
});
