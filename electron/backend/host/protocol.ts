// Messages between Electron's main process and the backend's utility process (structured clone).
import type { BackendEvent } from '../../../shared/events';
import type { RpcResult } from '../../../shared/result';
import type { WireSession } from '../threads/protocol';

export interface HostStart {
  type: 'start';
  dbFile: string;
  migrationsFolder?: string;
  createFolder?: boolean;
  /** The database key from the OS keystore (main holds safeStorage); kept in memory only. */
  key?: Uint8Array;
}

export type ToHost =
  | HostStart
  | { type: 'call'; id: number; method: string; input: unknown; session: WireSession }
  /** The generic cancel: the call with this request id should stop (its caller went away). */
  | { type: 'cancel'; id: number }
  | { type: 'stop' };

export type FromHost =
  | { type: 'ready' }
  | { type: 'startup-failed'; message: string }
  | { type: 'result'; id: number; result: RpcResult<unknown> }
  | { type: 'event'; event: BackendEvent }
  /** One sentence for the user about what was done at open (an old plain file encrypted). */
  | { type: 'notice'; message: string }
  | { type: 'stopped' };
