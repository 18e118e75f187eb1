// A full disk during a write: the user reads "The disk is full; nothing was changed." and the
// database keeps what it had. Simulated always with PRAGMA max_page_count (SQLite's own limit
// answers SQLITE_FULL), and for real on a small tmpfs when this machine lets us mount one.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Forum } from '../../shared/api';
import type { RpcResult } from '../../shared/result';
import { createBackend, type Backend } from './backend';

const DISK_FULL = {
  ok: false,
  error: { code: 'internal', message: 'The disk is full; nothing was changed.' },
};

/** Writes participants with long notes until a write fails; returns that failure and the count. */
async function fillUp(backend: Backend, forumId: string) {
  let written = 0;
  for (let i = 0; i < 100_000; i++) {
    const r = await backend.dispatch('participants.create', {
      forumId,
      fullName: `Person ${i}`,
      stakeholderGroup: 'academia',
      notes: `${i} `.repeat(6000).slice(0, 20_000),
    });
    if (!r.ok) return { failure: r, written };
    written++;
  }
  throw new Error('The disk never filled up');
}

const countParticipants = (backend: Backend) =>
  backend.db.prepare('SELECT count(*) FROM participants').pluck().get() as number;

async function newForum(backend: Backend): Promise<Forum> {
  const r = (await backend.dispatch('forums.create', {
    title: 'BPF Full Disk',
    year: 2026,
  })) as RpcResult<Forum>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const NO_TMPFS =
  'mounting a tmpfs needs root and mount(8); the max_page_count test above still covers the message';

describe('a full disk', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('is reported as such, and the failed write leaves the database unchanged (max_page_count)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'intersession-full-'));
    dirs.push(dir);
    const backend = createBackend({ dbFile: join(dir, 'app.db'), shell: 'test' });
    try {
      const forum = await newForum(backend);
      const pages = backend.db.pragma('page_count', { simple: true }) as number;
      backend.db.pragma(`max_page_count = ${pages + 40}`);
      const { failure, written } = await fillUp(backend, forum.id);
      expect(failure).toEqual(DISK_FULL);
      expect(written).toBeGreaterThan(0);
      expect(countParticipants(backend)).toBe(written);
      expect(backend.db.inTransaction).toBe(false);
    } finally {
      backend.close();
    }
  });

  it('is reported as such on a real full file system (a 4 MB tmpfs)', async (test) => {
    const dir = mkdtempSync(join(tmpdir(), 'intersession-tmpfs-'));
    dirs.push(dir);
    const mountPoint = join(dir, 'small');
    mkdirSync(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], {
        stdio: 'ignore',
      });
    } catch {
      test.skip(true, NO_TMPFS); // mounting a tmpfs needs root and mount(8); max_page_count covers it
      return;
    }
    try {
      const backend = createBackend({ dbFile: join(mountPoint, 'app.db'), shell: 'test' });
      try {
        const forum = await newForum(backend);
        // Leave little room, so the next writes run out of it.
        let filler = 0;
        try {
          for (;;) writeFileSync(join(mountPoint, `filler-${filler++}`), Buffer.alloc(64 * 1024));
        } catch {
          // ENOSPC: the file system is now (nearly) full.
        }
        rmSync(join(mountPoint, 'filler-0'));
        const { failure, written } = await fillUp(backend, forum.id);
        expect(failure).toEqual(DISK_FULL);
        expect(countParticipants(backend)).toBe(written);
      } finally {
        backend.close();
      }
    } finally {
      execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
    }
  });
});
