// The live-update channel: what the backend tells open windows without being asked.
// Browser mode carries these as Server-Sent Events on `GET /events` (Authorization: Bearer <token>,
// one `data: <json>` line per event); the desktop shell carries them on the preload's `on('event', …)`.
// The renderer's query cache invalidates on `changed`; long jobs report `progress` and `finished`.

/** Something was written: open views showing any of `areas` should refetch. */
export interface ChangedEvent {
  kind: 'changed';
  /** The contract method that wrote (e.g. `participants.create`). */
  method: string;
  /** The method's area prefixes whose reads may now answer differently (e.g. `['participants']`). */
  areas: string[];
  /** The forum written to, when the method names one (forum ids are ULID strings). */
  forumId?: string;
}

/** A long job moved on (imports, exports, previews). */
export interface ProgressEvent {
  kind: 'progress';
  jobId: string;
  done: number;
  total: number;
  /** A short phrase for the user ("Validating rows"). */
  phase?: string;
  /** Running totals so far, for jobs that have them (an import preview's rows per action). */
  counts?: Record<string, number>;
}

/** A long job ended; `outcome` says how. */
export interface FinishedEvent {
  kind: 'finished';
  jobId: string;
  outcome: 'done' | 'cancelled' | 'failed';
  message?: string;
}

export type BackendEvent = ChangedEvent | ProgressEvent | FinishedEvent;

/** The SSE path in browser mode. */
export const EVENTS_PATH = '/events';
