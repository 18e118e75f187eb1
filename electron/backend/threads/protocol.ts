// Messages between the thread that owns the connections to callers (the HTTP thread, or the
// Electron utility process's main thread) and the backend workers. Everything here is
// structured-clone data: a Session's `allows` function cannot cross, so the pool checks it first.
import type { TransferListItem } from 'node:worker_threads';
import type { AuditRow } from '../../../db/queries/audit';
import type { BackendEvent } from '../../../shared/events';
import type { Audience } from '../../../shared/domain/vocabulary';
import type { RpcResult } from '../../../shared/result';

export interface WireSession {
  audience: Audience;
  actor?: string;
}

export interface WorkerConfig {
  role: 'writer' | 'reader';
  dbFile: string;
  migrationsFolder?: string;
  createFolder?: boolean;
  shell: 'electron' | 'browser' | 'test';
  /**
   * The database's raw key (db/cipher.ts), copied into each worker's memory; never logged. After
   * a restore or a passphrase change the pool starts its readers again with the writer's new key.
   */
  key?: Uint8Array;
  keySource?: 'passphrase' | 'keystore';
  /** Writer only: make the daily backup while running. */
  autoBackups?: boolean;
  /** Tests only: the worker crashes (an uncaught error) when asked this method. */
  crashOn?: string;
  /**
   * Reader only: load the code now but open the database only on an `open` message (the pool
   * starts the readers alongside the writer and sends it once the writer has migrated the file).
   */
  waitForOpen?: boolean;
}

/**
 * A call as it came off the wire (serve's large request bodies): the JSON text as UTF-8 bytes,
 * transferred (not copied) to the worker, which parses it; the answer comes back the same way.
 * Parsing and serialising a 10 MB CSV body or an export's text stays off the HTTP thread.
 */
export interface WireCall {
  type: 'call';
  id: number;
  method: string;
  /** The request body (UTF-8 JSON); replaces `input`. */
  body: Uint8Array;
  session: WireSession;
  /** Answer with `json` (the envelope as UTF-8 JSON bytes) when the call succeeds. */
  wire: true;
}

export type ToWorker =
  | { type: 'call'; id: number; method: string; input: unknown; session: WireSession }
  | WireCall
  | { type: 'cancel'; id: number }
  /** A reader started with `waitForOpen`: the writer has migrated the file; open it (this key). */
  | { type: 'open'; key?: Uint8Array }
  /** Close the connection (the pool is shutting down). */
  | { type: 'close' }
  /** Writer only: commit audit records a reader collected (all or none). */
  | { type: 'audit'; id: number; rows: AuditRow[] };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'closed' }
  | { type: 'startup-failed'; message: string }
  | {
      type: 'result';
      id: number;
      /** For a wire call that succeeded: `{ ok: true, value: null }`, the real envelope is `json`. */
      result: RpcResult<unknown>;
      audit?: AuditRow[];
      /** A wire call's envelope as UTF-8 JSON bytes (transferred). */
      json?: Uint8Array;
      /** A wire call whose body was not JSON (serve answers 400). */
      badJson?: true;
    }
  | { type: 'event'; event: BackendEvent }
  | { type: 'notice'; message: string }
  /**
   * Writer only: the database file or its key changed under the readers (a restore, a passphrase
   * change); they must open it again, with this key.
   */
  | { type: 'reopened'; key?: Uint8Array };

/** The one side of a message channel a worker needs (worker_threads' parentPort, or a test's). */
export interface WorkerPort {
  postMessage(message: FromWorker, transfer?: TransferListItem[]): void;
  on(event: 'message', listener: (message: ToWorker) => void): unknown;
}
