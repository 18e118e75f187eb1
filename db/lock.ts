/**
 * One process per database file: a lock file `<db>.lock` holding the owner's pid.
 *
 * Why not SQLite's `locking_mode = EXCLUSIVE`: in WAL mode it stops using shared memory, so the
 * read-only connections of reader workers could no longer open the file. Why hand-written and
 * not `proper-lockfile`: that package detects stale locks by mtime, which needs a timer that
 * keeps touching the file; a pid check tells at once, and names the process that holds it.
 *
 * The lock is created atomically (`wx`), removed on close and on process exit; a lock whose pid
 * is no longer running (a crash, a kill -9) is stale and taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** Lock files held by this process, so they are removed even when it exits without closing. */
const held = new Set<string>();
let exitHookInstalled = false;

export class DatabaseLockedError extends Error {
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(`${file} is open in another Intersession (process ${pid}); close it there first.`);
    this.name = 'DatabaseLockedError';
  }
}

export const lockFileOf = (dbFile: string): string => `${dbFile}.lock`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else, so it is running.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(lock: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lock, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock of `dbFile` or throws DatabaseLockedError naming the holder; returns release. */
export function lockDatabaseFile(dbFile: string): () => void {
  const lock = lockFileOf(dbFile);
  if (held.has(lock)) throw new DatabaseLockedError(dbFile, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      held.add(lock);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on('exit', () => {
          for (const l of held) rmSync(l, { force: true });
        });
      }
      return () => {
        if (!held.delete(lock)) return;
        // Only remove it if it is still ours.
        if (readPid(lock) === process.pid) rmSync(lock, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = readPid(lock);
      // Our own pid without an entry in `held` is a leftover of an earlier process that had it.
      if (pid !== undefined && pid !== process.pid && isRunning(pid))
        throw new DatabaseLockedError(dbFile, pid);
      // Stale (or half-written by a process that died): take it over and try again.
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`${dbFile}: could not take the lock file ${lock}.`);
}
