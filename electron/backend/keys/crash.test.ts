import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isPlaintextDatabase } from '../../../db/cipher';
import { encryptingOf, opensWithKey, plainCopyOf } from '../../../db/encrypt';
import { openDatabase, type Db } from '../../../db/open';
import { FAST_SCRYPT } from './crash-child';
import { keyFromPassphrase, WrongPassphraseError } from './passphrase';

/*
 * Re-key, in-place encryption and backup, each killed (SIGKILL) at random moments in a bounded
 * loop: afterwards the file opens with exactly one of the old or new keys and its content is
 * intact. The kill delays come from fast-check, so a failing delay is reported and replayable.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const child = join('electron', 'backend', 'keys', 'crash-child.ts');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'intersession-crash-'));
  dirs.push(dir);
  return dir;
};
const KEY = Buffer.alloc(32, 0x33);
const ROWS = 1500;
const PASS_A = 'first passphrase of the test';
const PASS_B = 'second passphrase of the test';

/** Rows whose every byte is checked afterwards (a digest over the whole table). */
function fill(db: Db): void {
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(`row-${i}`, JSON.stringify(`${i}:`.repeat(120)));
  })();
}
function contentDigest(db: Db): string {
  const rows = db
    .prepare("SELECT key, value FROM settings WHERE key LIKE 'row-%' ORDER BY key")
    .all() as { key: string; value: string }[];
  expect(rows).toHaveLength(ROWS);
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

/** Runs the child until it says "go", waits `delayMs`, kills it with SIGKILL. */
function runAndKill(args: string[], delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    p.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (!killed && out.includes('go\n')) {
        killed = true;
        setTimeout(() => p.kill('SIGKILL'), delayMs);
      }
    });
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve();
      else reject(new Error(`child exited with ${code}: ${err}`));
    });
  });
}

describe('SIGKILL at random moments', () => {
  it('during a passphrase change: exactly one passphrase opens the file, content intact', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 400 }), async (delayMs) => {
        const dir = tempDir();
        const file = join(dir, 'app.db');
        const key = keyFromPassphrase(file, PASS_A, FAST_SCRYPT);
        const db = openDatabase({ file, key });
        fill(db);
        const expected = contentDigest(db);
        db.close();
        await runAndKill(['rekey', file, PASS_A, PASS_B], delayMs);
        const opened: Buffer[] = [];
        for (const pass of [PASS_A, PASS_B]) {
          try {
            opened.push(keyFromPassphrase(file, pass, FAST_SCRYPT));
          } catch (e) {
            if (!(e instanceof WrongPassphraseError)) throw e;
          }
        }
        expect(opened).toHaveLength(1);
        const again = openDatabase({ file, key: opened[0] });
        try {
          expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(contentDigest(again)).toBe(expected);
        } finally {
          again.close();
        }
        // The unlock finished (or undid) the change: one parameter file is left.
        expect(existsSync(`${file}.key.json.next`)).toBe(false);
      }),
      { numRuns: 5 },
    );
  }, 240_000);

  it('during in-place encryption: the old plain file or the new encrypted one, never neither', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 250 }), async (delayMs) => {
        const dir = tempDir();
        const file = join(dir, 'old.db');
        const db = openDatabase({ file });
        fill(db);
        const expected = contentDigest(db);
        db.close();
        await runAndKill(['encrypt', file, KEY.toString('hex')], delayMs);
        // Right after the kill: the file is whole, in one of the two states.
        const plain = isPlaintextDatabase(file);
        if (plain) {
          const old = openDatabase({ file });
          expect(contentDigest(old)).toBe(expected);
          old.close();
        } else expect(opensWithKey(file, KEY)).toBe(true);
        // The next open finishes the job and tidies up.
        const again = openDatabase({ file, key: KEY });
        try {
          expect(contentDigest(again)).toBe(expected);
        } finally {
          again.close();
        }
        expect(isPlaintextDatabase(file)).toBe(false);
        expect(existsSync(plainCopyOf(file))).toBe(false);
        expect(existsSync(encryptingOf(file))).toBe(false);
      }),
      { numRuns: 5 },
    );
  }, 240_000);

  it('during backups: the database and every listed backup open with the key and are whole', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 600 }), async (delayMs) => {
        const dir = tempDir();
        const file = join(dir, 'app.db');
        const db = openDatabase({ file, key: KEY });
        fill(db);
        const expected = contentDigest(db);
        db.close();
        await runAndKill(['backup', file, KEY.toString('hex')], delayMs);
        const again = openDatabase({ file, key: KEY });
        try {
          expect(contentDigest(again)).toBe(expected);
        } finally {
          again.close();
        }
        const folder = join(dir, 'backups');
        const listed = existsSync(folder)
          ? readdirSync(folder).filter((n) => /^intersession-.*\.db$/.test(n))
          : [];
        for (const name of listed) {
          expect(opensWithKey(join(folder, name), KEY)).toBe(true);
          const b = openDatabase({ file: join(folder, name), key: KEY });
          try {
            expect(contentDigest(b)).toBe(expected);
          } finally {
            b.close();
          }
        }
      }),
      { numRuns: 4 },
    );
  }, 240_000);
});
