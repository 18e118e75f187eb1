/**
 * Backups: "Back up now", daily automatic backups (keeping the last N) and "Restore from backup".
 *
 * A backup is made with `VACUUM INTO` into `<name>.partial`, checked (opens with the key,
 * integrity_check), then renamed into place: a backup that is listed is whole. `VACUUM INTO`
 * reads one consistent snapshot (a read transaction; in WAL mode other connections keep
 * writing) and SQLite3 Multiple Ciphers writes the copy with the database's own cipher and key.
 * Why not the online backup API (`db.backup()`): better-sqlite3 opens the destination without a
 * key, and SQLite3 Multiple Ciphers then refuses ("backup is not supported with incompatible
 * source and target databases") rather than write a plain copy; a test keeps that true. In
 * browser mode the key parameters `<name>.key.json` are copied next to the backup, so it opens
 * with the passphrase of the day it was made.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, deriveKey, fsyncDir, readSidecar, sidecarOf } from '../../../db/cipher';
import { opensWithKey, rekeyFile } from '../../../db/encrypt';
import { schemaVersionOf } from '../../../db/open';
import { getSetting, setSetting } from '../../../db/queries/settings';
import type { BackupEntry, BackupSettings, RestoreResult } from '../../../shared/api';
import { DomainError } from '../../../shared/result';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';

export const DEFAULT_KEEP = 10;
export const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = /^intersession-[0-9TZ-]+(-[a-z0-9]+)?\.db$/;

const S = {
  folder: 'backups.folder',
  keep: 'backups.keep',
  daily: 'backups.daily',
  lastAt: 'backups.lastAt',
} as const;

export const defaultBackupFolder = (dbFile: string) => join(dirname(dbFile), 'backups');

export function backupSettings(ctx: BackendContext): BackupSettings {
  const folder = getSetting(ctx.db, S.folder);
  const keep = Number(getSetting(ctx.db, S.keep));
  const lastAt = Number(getSetting(ctx.db, S.lastAt));
  return {
    folder: folder ? (JSON.parse(folder) as string) : defaultBackupFolder(ctx.dbFile),
    keep: Number.isInteger(keep) && keep > 0 ? keep : DEFAULT_KEEP,
    // Daily backups are on unless the user turned them off.
    daily: getSetting(ctx.db, S.daily) !== 'false',
    lastBackupAt: Number.isFinite(lastAt) && lastAt > 0 ? lastAt : null,
  };
}

/**
 * The folder must exist or be creatable, be a folder, and take a file: checked when it is saved,
 * so a mistyped or read-only folder is refused then, not at the next (nightly) backup.
 */
export function checkBackupFolder(folder: string): void {
  if (existsSync(folder) && !statSync(folder).isDirectory())
    throw new DomainError(
      'validation',
      `The backup folder ${folder} is a file, not a folder; choose a folder.`,
      'folder',
    );
  ensureFolder(folder);
  const probe = join(folder, `.intersession-write-check-${process.pid}`);
  try {
    writeFileSync(probe, '');
  } catch (e) {
    throw new DomainError(
      'validation',
      `The backup folder ${folder} cannot be written to (${(e as NodeJS.ErrnoException).code ?? 'error'}); choose a folder you can write to.`,
      'folder',
    );
  } finally {
    rmSync(probe, { force: true });
  }
}

export function updateBackupSettings(
  ctx: BackendContext,
  input: { folder: string; keep: number; daily: boolean },
): BackupSettings {
  checkBackupFolder(input.folder);
  ctx.db.transaction(() => {
    setSetting(ctx.db, S.folder, JSON.stringify(input.folder));
    setSetting(ctx.db, S.keep, String(input.keep));
    setSetting(ctx.db, S.daily, String(input.daily));
  })();
  return backupSettings(ctx);
}

/** `intersession-20261202T013000Z.db`: sorts by time; a suffix keeps two in one second apart. */
function backupNameAt(at: number, folder: string): string {
  const stamp = new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  // After every one made in this second: a pruned `…Z.db` must not be reused, or the new backup
  // would sort as the oldest and be pruned at once.
  let last = 0;
  const prefix = `intersession-${stamp}`;
  if (existsSync(folder))
    for (const n of readdirSync(folder)) {
      if (!n.startsWith(prefix) || !n.endsWith('.db')) continue;
      const m = /^-(\d+)$/.exec(n.slice(prefix.length, -3));
      if (n === `${prefix}.db`) last = Math.max(last, 1);
      else if (m) last = Math.max(last, Number(m[1]));
    }
  return last === 0 ? `${prefix}.db` : `${prefix}-${last + 1}.db`;
}

const createdAtOf = (name: string, fallback: number): number => {
  const m = /^intersession-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(name);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : fallback;
};

function ensureFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    throw new DomainError(
      'validation',
      `The backup folder ${folder} does not exist and cannot be created (${(e as NodeJS.ErrnoException).code ?? 'error'}); choose another folder.`,
      'folder',
    );
  }
}

/** Copies the live database into `dest` (VACUUM INTO, same cipher and key), then checks it. */
export function backupDatabaseTo(ctx: BackendContext, dest: string): void {
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  try {
    ctx.db.prepare('VACUUM INTO ?').run(partial);
    if (ctx.key ? !opensWithKey(partial, ctx.key) : !plainOk(partial))
      throw new Error('the copy did not pass its integrity check');
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  renameSync(partial, dest);
  fsyncDir(dirname(dest));
}

const plainOk = (file: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) === 'ok';
  } finally {
    db.close();
  }
};

/** "Back up now" (and the daily one): one new backup, then the oldest beyond `keep` go. */
export async function createBackup(ctx: BackendContext): Promise<BackupEntry> {
  const settings = backupSettings(ctx);
  ensureFolder(settings.folder);
  // What a killed backup left behind is never listed; it goes now.
  for (const n of readdirSync(settings.folder))
    if (n.startsWith('intersession-') && n.endsWith('.partial'))
      rmSync(join(settings.folder, n), { force: true });
  const at = ctx.now();
  const name = backupNameAt(at, settings.folder);
  const file = join(settings.folder, name);
  backupDatabaseTo(ctx, file);
  const sidecar = sidecarOf(ctx.dbFile);
  if (existsSync(sidecar)) copyFileSync(sidecar, sidecarOf(file));
  ctx.db.transaction(() => {
    setSetting(ctx.db, S.lastAt, String(at));
    recordAudit(ctx, { forumId: null, action: 'backup.create', detail: { name } });
  })();
  pruneBackups(settings.folder, settings.keep);
  return describeBackup(ctx, settings.folder, name);
}

/**
 * Newest first. Not by name: `…Z-10.db` sorts before `…Z-2.db` and `…Z-2.db` before `…Z.db`,
 * which made pruning delete the backup just made (found by the SIGKILL loop in keys/crash.test).
 */
const orderKey = (name: string): [string, number] => {
  const m = /^intersession-([0-9TZ]+?Z?)(?:-(\d+))?(-[a-z0-9]+)?\.db$/.exec(name);
  return [m?.[1] ?? name, m?.[2] ? Number(m[2]) : 1];
};

export function newestFirst(names: string[]): string[] {
  return names
    .map((n) => ({ n, k: orderKey(n) }))
    .sort((a, b) =>
      a.k[0] !== b.k[0] ? (a.k[0] < b.k[0] ? 1 : -1) : b.k[1] - a.k[1] || (a.n < b.n ? 1 : -1),
    )
    .map((x) => x.n);
}

function backupNames(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return newestFirst(readdirSync(folder).filter((n) => NAME.test(n)));
}

function pruneBackups(folder: string, keep: number): void {
  for (const old of backupNames(folder).slice(keep)) {
    rmSync(join(folder, old), { force: true });
    rmSync(sidecarOf(join(folder, old)), { force: true });
  }
}

function forumCountOf(ctx: BackendContext, file: string): number | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (ctx.key) applyKey(db, ctx.key);
    return (db.prepare('SELECT count(*) FROM forums').pluck().get() as number) ?? 0;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

function describeBackup(ctx: BackendContext, folder: string, name: string): BackupEntry {
  const file = join(folder, name);
  const st = statSync(file);
  return {
    name,
    createdAt: createdAtOf(name, st.mtimeMs),
    size: st.size,
    forumCount: forumCountOf(ctx, file),
  };
}

export function listBackups(ctx: BackendContext): BackupEntry[] {
  const { folder } = backupSettings(ctx);
  return backupNames(folder).map((n) => describeBackup(ctx, folder, n));
}

/**
 * "Restore from backup": the chosen backup is copied next to the database and checked (opens
 * with the key, integrity_check, schema not newer) before anything is replaced; then the current
 * file is backed up, and the checked copy is renamed over it and opened by `reopen`.
 *
 * A backup made before a passphrase change (browser mode) opens only with that day's passphrase:
 * given as `passphrase`, its key is derived under the backup's own `<name>.key.json`, checked on
 * the staged copy, and the copy is re-keyed to the CURRENT key before the checks above, so the
 * app keeps one passphrase. A wrong one replaces nothing.
 */
export async function restoreBackup(
  ctx: BackendContext,
  name: string,
  reopen: (replace: () => void) => void,
  passphrase?: string,
): Promise<RestoreResult> {
  const { folder } = backupSettings(ctx);
  const chosen = join(folder, name);
  if (!NAME.test(name) || !existsSync(chosen))
    throw new DomainError('not_found', `There is no backup named ${name} in ${folder}.`, 'name');
  if (passphrase !== undefined && (ctx.keySource !== 'passphrase' || !ctx.key))
    throw new DomainError(
      'validation',
      'The passphrase of a backup is only asked for in browser mode, where the database has a passphrase.',
      'passphrase',
    );
  const staged = `${ctx.dbFile}.restoring`;
  rmSync(staged, { force: true });
  for (const f of [`${staged}-wal`, `${staged}-shm`, `${staged}-journal`])
    rmSync(f, { force: true });
  copyFileSync(chosen, staged);
  if (passphrase !== undefined && ctx.key) {
    try {
      rekeyStagedFromPassphrase(ctx.key, chosen, staged, passphrase);
    } catch (e) {
      rmSync(staged, { force: true });
      throw e;
    }
  }
  const checked = (() => {
    if (ctx.key ? !opensWithKey(staged, ctx.key) : !plainOk(staged)) return 'unreadable';
    const db = new Database(staged, { readonly: true, fileMustExist: true });
    try {
      if (ctx.key) applyKey(db, ctx.key);
      const v = db.pragma('user_version', { simple: true }) as number;
      return v > schemaVersionOf() ? 'newer' : 'ok';
    } finally {
      db.close();
    }
  })();
  if (checked !== 'ok') {
    rmSync(staged, { force: true });
    throw new DomainError(
      'validation',
      checked === 'newer'
        ? `The backup ${name} was made by a newer Intersession; nothing was replaced.`
        : `The backup ${name} does not open with the current key or passphrase, or is damaged; nothing was replaced.`,
      'name',
    );
  }
  const kept = await createBackup(ctx);
  reopen(() => {
    for (const f of [`${ctx.dbFile}-wal`, `${ctx.dbFile}-shm`]) rmSync(f, { force: true });
    renameSync(staged, ctx.dbFile);
    fsyncDir(dirname(ctx.dbFile));
  });
  ctx.db.transaction(() => {
    recordAudit(ctx, {
      forumId: null,
      action: 'backup.restore',
      detail: { name, keptAs: kept.name },
    });
  })();
  return { restored: name, keptAs: kept.name };
}

/**
 * Re-keys `staged` (a copy of the backup `chosen`) from the key `passphrase` gives under the
 * backup's own key parameters to `currentKey`. Throws a field error on `passphrase` when that
 * key does not open it.
 */
function rekeyStagedFromPassphrase(
  currentKey: Buffer,
  chosen: string,
  staged: string,
  passphrase: string,
): void {
  let params;
  try {
    params = readSidecar(sidecarOf(chosen));
  } catch {
    params = undefined;
  }
  if (!params)
    throw new DomainError(
      'validation',
      `The backup's key parameters (${sidecarOf(chosen)}) are missing or unreadable, so no passphrase can open it; nothing was replaced.`,
      'passphrase',
    );
  const oldKey = deriveKey(passphrase, params);
  if (!opensWithKey(staged, oldKey, 'key'))
    throw new DomainError(
      'validation',
      'The passphrase of this backup is wrong; nothing was replaced.',
      'passphrase',
    );
  // Already under the current key (the passphrase was changed and changed back): nothing to do.
  if (!oldKey.equals(currentKey)) rekeyFile(staged, oldKey, currentKey);
}

/** Whether the daily backup is due (`daily` on and none in the last 24 hours). */
export function dailyBackupDue(ctx: BackendContext): boolean {
  const s = backupSettings(ctx);
  return s.daily && (s.lastBackupAt === null || ctx.now() - s.lastBackupAt >= DAY_MS);
}
