import { newId } from '../../shared/domain/ids';
import type { BackendEvent, ChangedEvent } from '../../shared/events';
import { DomainError } from '../../shared/result';

/** Thrown by a job's work when it notices it was cancelled (before anything was written). */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was changed.');
    this.name = 'ImportCancelled';
  }
}

export interface JobStatusBase {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  error?: string;
  /** Rows handled so far and in all (sent as ProgressEvent). */
  processed?: number;
  total?: number;
  phase?: string;
}

/** Where a job's progress goes besides its polled status (the live-update channel). */
export interface JobEvents {
  emit?(event: BackendEvent): void;
  /** The ChangedEvent sent when the job has committed (its method and areas). */
  changed?: ChangedEvent;
}

/** How many finished jobs are remembered for status polling. */
const KEEP_FINISHED_JOBS = 10;

interface Job<S> {
  status: S;
  cancelRequested: boolean;
  finished: Promise<void>;
}

/**
 * Long-running imports of one backend: at most one runs at a time; the UI polls `status` for the
 * progress bar, and `cancel` waits until the work has stopped (before its commit, nothing is written).
 */
export function createJobRegistry<S extends JobStatusBase>(label: string, events: JobEvents = {}) {
  const jobs = new Map<string, Job<S>>();
  const emitProgress = (s: S) =>
    events.emit?.({
      kind: 'progress',
      jobId: s.jobId,
      done: s.processed ?? 0,
      total: s.total ?? 0,
      ...(s.phase === undefined ? {} : { phase: s.phase }),
    });
  const emitFinished = (s: S) => {
    const outcome = s.state === 'done' ? 'done' : s.state === 'cancelled' ? 'cancelled' : 'failed';
    events.emit?.({
      kind: 'finished',
      jobId: s.jobId,
      outcome,
      ...(s.error === undefined ? {} : { message: s.error }),
    });
    if (outcome === 'done' && events.changed) events.emit?.(events.changed);
  };

  const requireJob = (jobId: string): Job<S> => {
    const job = jobs.get(jobId);
    if (!job) throw new DomainError('not_found', 'No import with this id', 'jobId');
    return job;
  };

  return {
    /** Fails with 'conflict' while another job runs. Call before any expensive preparation. */
    assertIdle(): void {
      for (const job of jobs.values())
        if (job.status.state === 'running')
          throw new DomainError(
            'conflict',
            'Another import is still running; wait for it to finish or cancel it',
          );
    },

    /**
     * Starts `work` with the job's initial status. `work` reports progress by patching the status
     * and resolves to the final counts; on failure the counts go back to `nothingDone`.
     */
    start(
      now: number,
      initial: Omit<S, 'jobId' | 'state'>,
      nothingDone: Partial<S>,
      work: (
        progress: (patch: Partial<S>) => void,
        cancelled: () => boolean,
      ) => Promise<Partial<S>>,
    ): { jobId: string } {
      this.assertIdle();
      const finished = [...jobs].filter(([, j]) => j.status.state !== 'running');
      for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED_JOBS)))
        jobs.delete(id);
      const jobId = newId(now);
      const job: Job<S> = {
        status: { ...initial, jobId, state: 'running' } as S,
        cancelRequested: false,
        finished: Promise.resolve(),
      };
      jobs.set(jobId, job);
      job.finished = work(
        (patch) => emitProgress(Object.assign(job.status, patch)),
        () => job.cancelRequested,
      ).then(
        (result) => {
          Object.assign(job.status, result, { state: 'done' });
        },
        (e: unknown) => {
          // Nothing was written: the counts go back to zero.
          Object.assign(job.status, nothingDone);
          if (e instanceof ImportCancelled) job.status.state = 'cancelled';
          else {
            if (!(e instanceof DomainError)) console.error(`[intersession] ${label} failed:`, e);
            job.status.state = 'failed';
            job.status.error = `The import failed (${e instanceof Error ? e.message : String(e)}); nothing was changed.`;
          }
        },
      );
      job.finished = job.finished.then(() => emitFinished(job.status));
      return { jobId };
    },

    status(jobId: string): S {
      return { ...requireJob(jobId).status };
    },

    /** Asks a running job to stop and waits until it has stopped (or finished). */
    async cancel(jobId: string): Promise<S> {
      const job = requireJob(jobId);
      if (job.status.state === 'running') {
        job.cancelRequested = true;
        await job.finished;
      }
      return { ...job.status };
    },

    /** Resolves when every job has ended (for tests and shutdown). */
    async settled(): Promise<void> {
      await Promise.all([...jobs.values()].map((j) => j.finished));
    },
  };
}
