// Follows a running backend job (an import) until it ends: by the live-update channel's
// ProgressEvent and FinishedEvent while the channel is up, with a slow safety poll for a lost
// FinishedEvent, and by polling its status method only while the channel is down.
import type { ProgressEvent } from '../../../shared/events';
import type { RpcResult } from '../../../shared/result';
import type { Client } from './client';

const POLL_MS = 150;
/** With the live channel up, the status is still asked every this many ticks (about 2 s). */
const SAFETY_POLL_EVERY = 13;

export type ImportPhase = 'validating' | 'writing' | 'saving';

/** The phases of an import job that a ProgressEvent may name. */
export const isImportPhase = (phase: string | undefined): phase is ImportPhase =>
  phase === 'validating' || phase === 'writing' || phase === 'saving';

export interface JobWatch<S extends { state: string }> {
  /** Asks the job's status (the final counts come with it, asked once at the end). */
  fetchStatus: () => Promise<RpcResult<S>>;
  /** Every status answer, the last one included. */
  onStatus: (status: S) => void;
  /** A status call that was refused: following stops. */
  onRefused?: (message: string) => void;
  onProgress: (event: ProgressEvent) => void;
  /** The status once it is no longer 'running'. */
  onEnd: (status: S) => void;
}

/** Starts following job `jobId`; returns the function that stops (an effect's cleanup). */
export function followJob<S extends { state: string }>(
  client: Client,
  jobId: string,
  watch: JobWatch<S>,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticks = 0;
  const fetchStatus = async () => {
    const result = await watch.fetchStatus();
    if (stopped) return;
    if (!result.ok) {
      stopped = true;
      watch.onRefused?.(result.error.message);
      return;
    }
    watch.onStatus(result.value);
    if (result.value.state === 'running') schedule();
    else {
      stopped = true;
      watch.onEnd(result.value);
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      ticks += 1;
      if (client.events.up && ticks % SAFETY_POLL_EVERY !== 0) schedule();
      else void fetchStatus();
    }, POLL_MS);
  };
  const unsubscribe = client.onEvent((event) => {
    if (stopped || !('jobId' in event) || event.jobId !== jobId) return;
    if (event.kind === 'progress') watch.onProgress(event);
    else if (event.kind === 'finished') void fetchStatus();
  });
  // Asked once now, after subscribing: a short job can finish before the caller subscribed, and
  // its FinishedEvent is then gone (the e2e import of 10 rows sometimes waited for ever).
  void fetchStatus();
  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
