import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFileOf } from './lock';
import { openDatabase, schemaVersionOf, StartupError } from './open';

const root = fileURLToPath(new URL('..', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'intersession-open-'));
  dirs.push(dir);
  return dir;
};
/** The serve command opens its file with a passphrase from a file (no unlock screen in tests). */
const passphraseEnv = (dir: string) => {
  const file = join(dir, 'passphrase.txt');
  writeFileSync(file, 'test passphrase of open.test');
  return { ...process.env, INTERSESSION_PASSPHRASE_FILE: file };
};
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const openError = (file: string, opts: { createFolder?: boolean } = {}): Error => {
  try {
    openDatabase({ file, ...opts }).close();
  } catch (e) {
    return e as Error;
  }
  throw new Error(`${file} opened, but it should have been refused`);
};
/** A database the app made, closed again (a WAL database leaves no side files on close). */
const madeDatabase = (dir: string) => {
  const file = join(dir, 'app.db');
  const db = openDatabase({ file });
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  for (let i = 0; i < 400; i++) insert.run(`key-${i}`, JSON.stringify('x'.repeat(200)));
  db.close();
  return file;
};

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys and full sync, and applies every migration', () => {
    const dir = tempDir();
    const db = openDatabase({ file: join(dir, 'nested', 'app.db') });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersionOf());
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['forums', 'participants', 'audit_log']));
    db.close();
  });

  it('is idempotent: opening an existing database keeps its data', () => {
    const dir = tempDir();
    const file = join(dir, 'app.db');
    const a = openDatabase({ file });
    a.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', '"v"');
    a.close();
    const b = openDatabase({ file });
    expect(b.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('k')).toBe('"v"');
    b.close();
  });

  it('refuses a missing folder unless asked to create it, and names the file', () => {
    const dir = tempDir();
    const file = join(dir, 'typo', 'app.db');
    const e = openError(file, { createFolder: false });
    expect(e).toBeInstanceOf(StartupError);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/--create/);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
    openDatabase({ file, createFolder: true }).close();
    expect(existsSync(file)).toBe(true);
  });
});

describe('a database written by a newer Intersession', () => {
  it('is refused when user_version is higher, and nothing is written to it', () => {
    const dir = tempDir();
    const file = madeDatabase(dir);
    const raw = new Database(file);
    raw.pragma(`user_version = ${schemaVersionOf() + 5}`);
    raw.close();
    const before = digest(file);
    const e = openError(file);
    expect(e.message).toBe(
      `${file} was written by a newer Intersession (schema ${schemaVersionOf() + 5}); update the app. Nothing was changed.`,
    );
    expect(digest(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['app.db']); // no -wal, -shm or lock left behind
  });

  it('is refused when it holds a migration the app does not know', () => {
    const dir = tempDir();
    const file = madeDatabase(dir);
    const raw = new Database(file);
    raw
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('f'.repeat(64), 4102444800000);
    raw.close();
    const before = digest(file);
    const e = openError(file);
    expect(e).toBeInstanceOf(StartupError);
    expect(e.message).toMatch(/written by a newer Intersession \(schema \d+\); update the app/);
    expect(digest(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['app.db']);
  });
});

describe('a damaged file', () => {
  it('is refused with a message naming the file and pointing to backups', () => {
    const dir = tempDir();
    const file = madeDatabase(dir);
    const pageSize = 4096;
    // Garbage over a b-tree page in the middle of the file (not the header page).
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, pageSize * 3);
    closeSync(fd);
    const e = openError(file);
    expect(e).toBeInstanceOf(StartupError);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/damaged/);
    expect(e.message).toMatch(/backup/);
    expect(e.message).not.toMatch(/\n/);
    expect(readdirSync(dir)).toEqual(['app.db']);
  });

  it('is refused when it is not a database at all', () => {
    const dir = tempDir();
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'these are my notes, not a database'.repeat(200));
    const e = openError(file);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/damaged.*backup/);
    expect(readdirSync(dir)).toEqual(['notes.db']);
  });
});

/** Runs TypeScript in a child node process (tsx), with the repository as working directory. */
const nodeTs = (script: string, args: string[]) =>
  spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });

describe('one process per database file', () => {
  it('refuses a second process and names the process that holds the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.db');
    const holder = join(dir, 'hold.mts');
    writeFileSync(
      holder,
      `import { openDatabase } from ${JSON.stringify(join(root, 'db', 'open.ts'))};
       openDatabase({ file: process.argv[2] });
       console.log('ready');
       process.stdin.on('data', () => process.exit(0));`,
    );
    const child = nodeTs(holder, [file]);
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        child.once('exit', (code) => reject(new Error(`The holder exited (${code})`)));
      });
      const e = openError(file);
      expect(e.message).toBe(
        `${file} is open in another Intersession (process ${child.pid}); close it there first.`,
      );
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin.write('quit\n');
      await exited;
    }
    // Its exit removed the lock: this process may open the file now.
    expect(existsSync(lockFileOf(file))).toBe(false);
    openDatabase({ file }).close();
  }, 30_000);

  it('the serve command says so in one line when this process holds the file', () => {
    const dir = tempDir();
    const file = join(dir, 'app.db');
    const db = openDatabase({ file });
    try {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', join('electron', 'serve', 'cli.ts'), '--db', file, '--port', '0'],
        { cwd: root, encoding: 'utf8', timeout: 30_000, env: passphraseEnv(dir) },
      );
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(
        `intersession serve: ${file} is open in another Intersession (process ${process.pid}); close it there first.`,
      );
    } finally {
      db.close();
    }
  }, 30_000);

  it('takes over a stale lock whose process has ended', () => {
    const dir = tempDir();
    const file = join(dir, 'app.db');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(lockFileOf(file), `${gone.stdout}\n`);
    const db = openDatabase({ file });
    expect(readFileSync(lockFileOf(file), 'utf8').trim()).toBe(String(process.pid));
    db.close();
    expect(existsSync(lockFileOf(file))).toBe(false);
  });

  it('refuses the same file twice in one process, and gives it back on close', () => {
    const dir = tempDir();
    const file = join(dir, 'app.db');
    const db = openDatabase({ file });
    expect(openError(file).message).toMatch(/is open in another Intersession/);
    db.close();
    openDatabase({ file }).close();
  });
});

describe('startup errors of the serve command', () => {
  const serve = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', join('electron', 'serve', 'cli.ts'), ...args, '--port', '0'],
      { cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } },
    );

  it('a missing --db folder is one line naming the file, and nothing is created', () => {
    const dir = tempDir();
    const file = join(dir, 'missing', 'app.db');
    const r = serve(['--db', file]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).not.toMatch(/\bat /);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  }, 30_000);

  it('a short INTERSESSION_TOKEN is refused in one line', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    const r = serve(['--db', join(dir, 'x', 'app.db')], { INTERSESSION_TOKEN: 'short' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      'intersession serve: INTERSESSION_TOKEN must be at least 32 characters long (it has 5); leave it unset to get a random one.',
    );
    expect(readdirSync(join(dir, 'x'))).toEqual([]);
  }, 30_000);
});
