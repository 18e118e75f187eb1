import { openDatabase, openReadOnly, type Db } from '../../db/open';
import type { AuditRow } from '../../db/queries/audit';
import type { BackendEvent } from '../../shared/events';
import { recentlyChangedForumIds } from '../../db/queries/forums';
import { purgeRemoved } from '../../db/queries/participants';
import { purgeTrash } from '../../db/queries/trash';
import { COORDINATORS_SESSION, type Session } from '../../shared/methods';
import type { RpcResult } from '../../shared/result';
import type { BackendContext } from './context';
import { createBackupHandlers, type BackupHandlerDeps } from './backups/handlers';
import { createBackup, dailyBackupDue } from './backups/service';
import { createContributionHandlers } from './contributions/handlers';
import { createDispatch, type Handlers } from './dispatch';
import { createCallHandlers } from './calls/handlers';
import { guardArchivedForums } from './forums/archive';
import { createForumHandlers } from './forums/handlers';
import { createForumPackageHandlers } from './forums/packageHandlers';
import { createNriHandlers } from './nris/handlers';
import { seedNriDirectory } from './nris/service';
import { createParticipantHandlers } from './participants/handlers';
import { createParticipantImportHandlers } from './participants/importHandlers';
import { createReportHandlers } from './report/handlers';
import { createRepresentationHandlers } from './representation/handlers';
import { RESTORE_WINDOW_MS } from './participants/service';
import { createSafeguardHandlers } from './safeguards/handlers';
import { createSavedFilterHandlers } from './savedFilters/handlers';
import { loadSampleForum } from './sample';
import { createSessionTokens, type SessionTokens } from './sessions';
import { createTimelineHandlers } from './timeline';
import { createSystemHandlers } from './system/handlers';
import { protectionFor } from './privacy/redactors';

export interface Backend {
  /**
   * Answers one request for `session`. Shells always pass the connection's session; in-process
   * callers (tests, benchmarks) that leave it out act as coordinators.
   */
  dispatch(
    method: string,
    input: unknown,
    session?: Session,
    signal?: AbortSignal,
  ): Promise<RpcResult<unknown>>;
  /** The narrower sessions opened with `session.open` (shells resolve tokens through it). */
  readonly sessions: SessionTokens;
  close(): void;
  readonly db: Db;
  /** The key the database is encrypted with now (a passphrase change replaces it). */
  readonly key: Buffer | undefined;
}

export interface BackendOptions {
  dbFile: string;
  shell?: BackendContext['shell'];
  migrationsFolder?: string;
  now?: () => number;
  /** Create the database file's folder when it is missing (see OpenOptions.createFolder). */
  createFolder?: boolean;
  /** The raw database key (db/cipher.ts); the shells always pass one. */
  key?: Buffer;
  keySource?: BackendContext['keySource'];
  /** Told one sentence about what was done at open (an old plain file encrypted in place). */
  onNotice?: (message: string) => void;
  /** Make the daily backup while running (the shells turn it on; tests leave it off). */
  autoBackups?: boolean;
  /** The live-update channel: ChangedEvent after each write, progress of jobs. */
  emit?(event: BackendEvent): void;
}

/** How often the daily backup checks whether it is due. */
const BACKUP_CHECK_MS = 60 * 60 * 1000;

/** Every area's handlers; a method added to the contract must be served here (type-checked). */
export function createHandlers(
  ctx: BackendContext,
  sessions: SessionTokens = createSessionTokens(),
  backups: BackupHandlerDeps = {
    reopen: () => {
      throw new Error('This backend cannot reopen its database.');
    },
  },
): Handlers {
  return guardArchivedForums(ctx, {
    ...createSystemHandlers(ctx),
    ...createBackupHandlers(ctx, backups),
    'session.open': ({ audience }, { session }) => sessions.open(session, audience),
    // The sample loader and the timeline sit above the areas: they read several of them.
    'forums.loadSample': () => loadSampleForum(ctx),
    ...createTimelineHandlers(ctx),
    ...createForumHandlers(ctx),
    ...createForumPackageHandlers(ctx),
    ...createParticipantHandlers(ctx),
    ...createParticipantImportHandlers(ctx),
    ...createSafeguardHandlers(ctx),
    ...createCallHandlers(ctx),
    ...createContributionHandlers(ctx),
    ...createNriHandlers(ctx),
    ...createRepresentationHandlers(ctx),
    ...createReportHandlers(ctx),
    ...createSavedFilterHandlers(ctx),
  });
}

export function createBackend(opts: BackendOptions): Backend {
  const open = () =>
    openDatabase({
      file: opts.dbFile,
      migrationsFolder: opts.migrationsFolder,
      createFolder: opts.createFolder,
      key: ctx.key,
      onNotice: opts.onNotice,
    });
  const ctx: BackendContext = {
    db: undefined as unknown as Db, // set on the next line; `open` reads ctx.key
    now: opts.now ?? Date.now,
    shell: opts.shell ?? 'browser',
    dbFile: opts.dbFile,
    key: opts.key,
    keySource: opts.keySource,
    emit: opts.emit,
  };
  ctx.db = open();
  const db = ctx.db;
  try {
    purgeRemoved(db, ctx.now() - RESTORE_WINDOW_MS);
    purgeTrash(db, ctx.now() - RESTORE_WINDOW_MS);
    seedNriDirectory(ctx);
  } catch (e) {
    db.close(); // gives the lock back
    throw e;
  }
  const sessions = createSessionTokens();
  const reopen = (replace: () => void) => {
    ctx.db.close();
    try {
      replace();
    } finally {
      // Whatever happened, the app goes on with the file that is there now.
      ctx.db = open();
    }
  };
  const dispatch = createDispatch(createHandlers(ctx, sessions, { reopen }), { emit: opts.emit });
  const timers: ReturnType<typeof setTimeout>[] = [];
  if (opts.autoBackups) {
    const failed = (e: unknown) =>
      // The message names the folder and the failure, never the key.
      console.error(`[intersession] the daily backup failed: ${(e as Error).message}`);
    const tick = () => {
      try {
        if (dailyBackupDue(ctx)) createBackup(ctx).catch(failed);
      } catch (e) {
        failed(e);
      }
    };
    timers.push(setInterval(tick, BACKUP_CHECK_MS), setTimeout(tick, 60_000));
    for (const t of timers) t.unref();
  }
  return {
    dispatch: (method, input, session = COORDINATORS_SESSION, signal?: AbortSignal) =>
      dispatch(method, input, session, signal),
    sessions,
    close: () => {
      for (const t of timers) clearTimeout(t);
      ctx.db.close();
    },
    get db() {
      return ctx.db;
    },
    get key() {
      return ctx.key;
    },
  };
}

/** A reader worker's backend: read methods on a read-only connection of an opened database. */
export interface ReadOnlyBackend {
  /**
   * Answers one read; the audit records it would write (a reveal, an export's record) come back
   * in `audit` for the writer to commit before the answer is sent.
   */
  dispatch(
    method: string,
    input: unknown,
    session: Session,
    signal?: AbortSignal,
  ): Promise<{ result: RpcResult<unknown>; audit: AuditRow[] }>;
  /**
   * Builds the redactors of the forums changed last, before the reader takes calls, so that its
   * first answer to a public reader does not pay for them (about 250 ms for 500 protected people).
   */
  warm(): void;
  close(): void;
}

/** How many forums a reader prepares at open (the most recently changed). */
const WARM_FORUMS = 5;

export function createReadOnlyBackend(opts: BackendOptions): ReadOnlyBackend {
  const db = openReadOnly({
    file: opts.dbFile,
    migrationsFolder: opts.migrationsFolder,
    key: opts.key,
  });
  const ctx: BackendContext = {
    db,
    now: opts.now ?? Date.now,
    shell: opts.shell ?? 'browser',
    dbFile: opts.dbFile,
    // Backups are listed and checked on a reader: it needs the key to open them.
    key: opts.key,
    keySource: opts.keySource,
    // Long reads report progress (an import preview); they never emit `changed`.
    emit: opts.emit,
  };
  const dispatch = createDispatch(createHandlers(ctx));
  let busy = false;
  return {
    async dispatch(method, input, session, signal) {
      // The audit sink belongs to one call; the pool sends a reader one call at a time.
      if (busy) throw new Error('A reader backend answers one call at a time.');
      busy = true;
      const audit: AuditRow[] = [];
      ctx.auditSink = audit;
      try {
        const result = await dispatch(method, input, session, signal);
        return { result, audit: result.ok ? audit : [] };
      } finally {
        ctx.auditSink = undefined;
        busy = false;
      }
    },
    warm() {
      for (const id of recentlyChangedForumIds(db, WARM_FORUMS)) protectionFor(ctx, id);
    },
    close: () => db.close(),
  };
}

export { defaultDbFile } from './dataFolder';
