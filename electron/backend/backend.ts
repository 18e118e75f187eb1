import { homedir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../db/open';
import { purgeRemoved } from '../../db/queries/participants';
import { COORDINATORS_SESSION, type Session } from '../../shared/methods';
import type { RpcResult } from '../../shared/result';
import type { BackendContext } from './context';
import { createContributionHandlers } from './contributions/handlers';
import { createDispatch, type Handlers } from './dispatch';
import { createCallHandlers } from './calls/handlers';
import { createForumHandlers } from './forums/handlers';
import { createNriHandlers } from './nris/handlers';
import { seedNriDirectory } from './nris/service';
import { createParticipantHandlers } from './participants/handlers';
import { createParticipantImportHandlers } from './participants/importHandlers';
import { createReportHandlers } from './report/handlers';
import { createRepresentationHandlers } from './representation/handlers';
import { RESTORE_WINDOW_MS } from './participants/service';
import { createSafeguardHandlers } from './safeguards/handlers';
import { loadSampleForum } from './sample';
import { createSessionTokens, type SessionTokens } from './sessions';
import { createTimelineHandlers } from './timeline';
import { createSystemHandlers } from './system/handlers';

export interface Backend {
  /**
   * Answers one request for `session`. Shells always pass the connection's session; in-process
   * callers (tests, benchmarks) that leave it out act as coordinators.
   */
  dispatch(method: string, input: unknown, session?: Session): Promise<RpcResult<unknown>>;
  /** The narrower sessions opened with `session.open` (shells resolve tokens through it). */
  readonly sessions: SessionTokens;
  close(): void;
  readonly db: Db;
}

export interface BackendOptions {
  dbFile: string;
  shell?: BackendContext['shell'];
  migrationsFolder?: string;
  now?: () => number;
  /** Create the database file's folder when it is missing (see OpenOptions.createFolder). */
  createFolder?: boolean;
}

/** Every area's handlers; a method added to the contract must be served here (type-checked). */
export function createHandlers(
  ctx: BackendContext,
  sessions: SessionTokens = createSessionTokens(),
): Handlers {
  return {
    ...createSystemHandlers(ctx),
    'session.open': ({ audience }, { session }) => sessions.open(session, audience),
    // The sample loader and the timeline sit above the areas: they read several of them.
    'forums.loadSample': () => loadSampleForum(ctx),
    ...createTimelineHandlers(ctx),
    ...createForumHandlers(ctx),
    ...createParticipantHandlers(ctx),
    ...createParticipantImportHandlers(ctx),
    ...createSafeguardHandlers(ctx),
    ...createCallHandlers(ctx),
    ...createContributionHandlers(ctx),
    ...createNriHandlers(ctx),
    ...createRepresentationHandlers(ctx),
    ...createReportHandlers(ctx),
  };
}

export function createBackend(opts: BackendOptions): Backend {
  const db = openDatabase({
    file: opts.dbFile,
    migrationsFolder: opts.migrationsFolder,
    createFolder: opts.createFolder,
  });
  const ctx: BackendContext = {
    db,
    now: opts.now ?? Date.now,
    shell: opts.shell ?? 'browser',
    dbFile: opts.dbFile,
  };
  try {
    purgeRemoved(db, ctx.now() - RESTORE_WINDOW_MS);
    seedNriDirectory(ctx);
  } catch (e) {
    db.close(); // gives the lock back
    throw e;
  }
  const sessions = createSessionTokens();
  const dispatch = createDispatch(createHandlers(ctx, sessions));
  return {
    dispatch: (method, input, session = COORDINATORS_SESSION) => dispatch(method, input, session),
    sessions,
    close: () => db.close(),
    db,
  };
}

/**
 * The platform's app-data folder: Electron passes app.getPath('userData'); browser mode uses
 * $XDG_DATA_HOME (Linux), ~/Library/Application Support (macOS) or %APPDATA% (Windows).
 */
export function defaultDbFile(appDataDir?: string): string {
  if (appDataDir) return join(appDataDir, 'intersession.db');
  const home = homedir();
  let base: string;
  if (process.platform === 'win32') base = process.env.APPDATA ?? join(home, 'AppData', 'Roaming');
  else if (process.platform === 'darwin') base = join(home, 'Library', 'Application Support');
  else base = process.env.XDG_DATA_HOME || join(home, '.local', 'share');
  return join(base, 'Intersession', 'intersession.db');
}
