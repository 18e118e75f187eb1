import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  deriveKey,
  newSidecar,
  nextSidecarOf,
  readSidecar,
  rekeyTo,
  sidecarOf,
  writeSidecar,
} from '../../../db/cipher';
import { opensWithKey } from '../../../db/encrypt';
import { openDatabase } from '../../../db/open';
import { DomainError } from '../../../shared/result';
import { FAST_SCRYPT } from './crash-child';
import {
  changePassphrase,
  keyFromPassphrase,
  lockStateOf,
  WrongPassphraseError,
} from './passphrase';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'intersession-pass-'));
  dirs.push(dir);
  return dir;
};
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const A = 'correct horse battery staple';
const B = 'another long passphrase';

/** A database set up with passphrase A, holding one row. */
function made(dir: string) {
  const file = join(dir, 'app.db');
  expect(lockStateOf(file)).toBe('new');
  const key = keyFromPassphrase(file, A, FAST_SCRYPT);
  const db = openDatabase({ file, key });
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('row', '"kept"');
  return { file, key, db };
}

describe('keyFromPassphrase', () => {
  it('sets the passphrase on first run, then gives the same key for it and refuses others', () => {
    const dir = tempDir();
    const { file, key, db } = made(dir);
    db.close();
    expect(lockStateOf(file)).toBe('locked');
    const sidecar = readSidecar(sidecarOf(file))!;
    expect(sidecar).toMatchObject({ kdf: 'scrypt', cipher: 'sqlcipher', legacy: 4, dkLen: 32 });
    // The sidecar holds no key and no passphrase.
    const text = readFileSync(sidecarOf(file), 'utf8');
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(A);
    expect(keyFromPassphrase(file, A, FAST_SCRYPT).equals(key)).toBe(true);
    const before = digest(file);
    const sidecarBefore = readFileSync(sidecarOf(file), 'utf8');
    for (const wrong of [B, `${A} `, A.toUpperCase(), 'x'])
      expect(() => keyFromPassphrase(file, wrong, FAST_SCRYPT)).toThrow(WrongPassphraseError);
    expect(digest(file)).toBe(before);
    expect(readFileSync(sidecarOf(file), 'utf8')).toBe(sidecarBefore);
  });

  it('refuses a short first passphrase, naming the field', () => {
    const dir = tempDir();
    const file = join(dir, 'app.db');
    try {
      keyFromPassphrase(file, 'short', FAST_SCRYPT);
      throw new Error('accepted a short passphrase');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe('passphrase');
      expect((e as Error).message).toMatch(/at least 10 characters/);
    }
    expect(existsSync(sidecarOf(file))).toBe(false);
  });

  it('says which file is missing when an encrypted database lost its parameters', () => {
    const dir = tempDir();
    const { file, db } = made(dir);
    db.close();
    rmSync(sidecarOf(file));
    expect(() => keyFromPassphrase(file, A, FAST_SCRYPT)).toThrow(/key\.json is missing/);
  });

  it('a plain file of an earlier version is "unencrypted" and the passphrase set now encrypts it', () => {
    const dir = tempDir();
    const file = join(dir, 'old.db');
    openDatabase({ file }).close();
    expect(lockStateOf(file)).toBe('unencrypted');
    const key = keyFromPassphrase(file, A, FAST_SCRYPT);
    openDatabase({ file, key }).close();
    expect(lockStateOf(file)).toBe('locked');
    expect(opensWithKey(file, key)).toBe(true);
  });
});

describe('changePassphrase', () => {
  it('re-keys: afterwards only the new passphrase opens the file, content intact', () => {
    const dir = tempDir();
    const { file, key, db } = made(dir);
    db.close();
    const newKey = changePassphrase(file, key, A, B, FAST_SCRYPT);
    expect(existsSync(nextSidecarOf(file))).toBe(false);
    expect(() => keyFromPassphrase(file, A, FAST_SCRYPT)).toThrow(WrongPassphraseError);
    expect(keyFromPassphrase(file, B, FAST_SCRYPT).equals(newKey)).toBe(true);
    const again = openDatabase({ file, key: newKey });
    expect(again.prepare("SELECT value FROM settings WHERE key = 'row'").pluck().get()).toBe(
      '"kept"',
    );
    again.close();
  });

  it('refuses a wrong current passphrase or a short new one, and changes nothing', () => {
    const dir = tempDir();
    const { file, key, db } = made(dir);
    const sidecar = readFileSync(sidecarOf(file), 'utf8');
    const call = (current: string, next: string) => {
      try {
        changePassphrase(file, key, current, next, FAST_SCRYPT);
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('it changed');
    };
    expect(call(B, 'a third passphrase')).toMatchObject({
      message: 'Wrong passphrase.',
      field: 'current',
    });
    expect(call(A, 'short')).toMatchObject({ field: 'next' });
    expect(call(A, A)).toMatchObject({ field: 'next' });
    db.close();
    expect(readFileSync(sidecarOf(file), 'utf8')).toBe(sidecar);
    expect(existsSync(nextSidecarOf(file))).toBe(false);
    expect(keyFromPassphrase(file, A, FAST_SCRYPT).equals(key)).toBe(true);
  });

  it('killed after writing .next but before the re-key: the old passphrase opens, .next goes', () => {
    const dir = tempDir();
    const { file, db } = made(dir);
    db.close();
    writeSidecar(nextSidecarOf(file), newSidecar(FAST_SCRYPT));
    expect(() => keyFromPassphrase(file, B, FAST_SCRYPT)).toThrow(WrongPassphraseError);
    keyFromPassphrase(file, A, FAST_SCRYPT);
    expect(existsSync(nextSidecarOf(file))).toBe(false);
  });

  it('killed after the re-key but before the rename: the new passphrase opens and the rename is done', () => {
    const dir = tempDir();
    const { file, db } = made(dir);
    const next = newSidecar(FAST_SCRYPT);
    writeSidecar(nextSidecarOf(file), next);
    rekeyTo(db, deriveKey(B, next));
    db.close();
    expect(() => keyFromPassphrase(file, A, FAST_SCRYPT)).toThrow(WrongPassphraseError);
    // The failed attempt with A left .next in place.
    expect(existsSync(nextSidecarOf(file))).toBe(true);
    const key = keyFromPassphrase(file, B, FAST_SCRYPT);
    expect(existsSync(nextSidecarOf(file))).toBe(false);
    expect(readSidecar(sidecarOf(file))).toEqual(next);
    expect(opensWithKey(file, key)).toBe(true);
  });
});

/** Runs the serve command until it prints its URL; gives its output so far and a stopper. */
function serve(dbFile: string, env: Record<string, string> = {}) {
  const p = spawn(
    process.execPath,
    ['--import', 'tsx', join('electron', 'serve', 'cli.ts'), '--db', dbFile, '--port', '0'],
    {
      cwd: root,
      env: { ...process.env, INTERSESSION_TOKEN: TOKEN, INTERSESSION_PASSPHRASE_FILE: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const ready = new Promise<string>((resolve, reject) => {
    p.stdout.on('data', (c: Buffer) => {
      log += c.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    p.stderr.on('data', (c: Buffer) => (log += c.toString()));
    p.on('exit', (code) => reject(new Error(`exited ${code}: ${log}`)));
  });
  // A run that is expected to exit never becomes ready; only awaiting `ready` reports that.
  ready.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => p.on('exit', (code) => resolve(code)));
  return {
    ready,
    exited,
    log: () => log,
    stop: async () => {
      p.kill('SIGTERM');
      await exited;
    },
  };
}
const TOKEN = 'passphrase-test-token-0123456789abcdefghij';
const post = async (base: string, path: string, body: unknown) =>
  (await (
    await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(body),
    })
  ).json()) as { ok: boolean; value?: { state: string }; error?: { message: string } };

describe('browser mode unlock (serve)', () => {
  it('sets, refuses a wrong one with "Wrong passphrase", opens; the passphrase is never printed', async () => {
    const dir = tempDir();
    const dbFile = join(dir, 'app.db');
    const first = serve(dbFile);
    const base = await first.ready;
    expect(await post(base, '/unlock/status', {})).toEqual({ ok: true, value: { state: 'new' } });
    const locked = await post(base, '/rpc/forums.list', {});
    expect(locked.ok).toBe(false);
    expect(locked.error?.message).toMatch(/locked/);
    expect((await post(base, '/unlock', { passphrase: 'short' })).ok).toBe(false);
    expect(await post(base, '/unlock', { passphrase: A })).toEqual({
      ok: true,
      value: { state: 'open' },
    });
    expect((await post(base, '/rpc/forums.list', {})).ok).toBe(true);
    await first.stop();

    const second = serve(dbFile);
    const base2 = await second.ready;
    expect((await post(base2, '/unlock/status', {})).value?.state).toBe('locked');
    const before = digest(dbFile);
    const wrong = await post(base2, '/unlock', { passphrase: B });
    expect(wrong).toMatchObject({ ok: false, error: { message: 'Wrong passphrase.' } });
    expect(digest(dbFile)).toBe(before);
    expect((await post(base2, '/rpc/forums.list', {})).ok).toBe(false);
    expect((await post(base2, '/unlock', { passphrase: A })).ok).toBe(true);
    await second.stop();

    // A wrong INTERSESSION_PASSPHRASE_FILE: one line, exit 1, and the passphrase is not in it.
    const passFile = join(dir, 'pass.txt');
    writeFileSync(passFile, `${B}\n`);
    const third = serve(dbFile, { INTERSESSION_PASSPHRASE_FILE: passFile });
    expect(await third.exited).toBe(1);
    expect(third.log()).toMatch(/^intersession serve: Wrong passphrase: /);

    for (const log of [first.log(), second.log(), third.log()]) {
      expect(log).not.toContain(A);
      expect(log).not.toContain(B);
    }
  }, 90_000);
});
