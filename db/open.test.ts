import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys and full sync, and applies every migration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'intersession-open-'));
    dirs.push(dir);
    const db = openDatabase({ file: join(dir, 'nested', 'app.db') });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['forums', 'participants', 'audit_log']));
    db.close();
  });

  it('is idempotent: opening an existing database keeps its data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'intersession-open-'));
    dirs.push(dir);
    const file = join(dir, 'app.db');
    const a = openDatabase({ file });
    a.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', '"v"');
    a.close();
    const b = openDatabase({ file });
    expect(b.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('k')).toBe('"v"');
    b.close();
  });
});
