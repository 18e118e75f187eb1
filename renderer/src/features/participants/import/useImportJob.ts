import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { ImportJobStatus, MethodInput } from '../../../../../shared/api';
import { useClient } from '../../../api/context';
import type { DialogSetters, Step } from './importFields';

const POLL_MS = 150;
/** With the live channel up, the status is still asked every this many ticks (about 2 s). */
const SAFETY_POLL_EVERY = 13;

const isImportPhase = (phase: string | undefined): phase is ImportJobStatus['phase'] =>
  phase === 'validating' || phase === 'writing' || phase === 'saving';

/**
 * The running import: start it, follow its progress until it ends, cancel it. The wizard's step,
 * error and notice belong to the dialog; the job moves them when it starts and ends.
 */
export function useImportJob({
  step,
  setStep,
  setError,
  setNotice,
  onImported,
}: DialogSetters & {
  step: Step;
  setNotice: Dispatch<SetStateAction<string | null>>;
  onImported: () => void;
}) {
  const client = useClient();
  const [job, setJob] = useState<ImportJobStatus | null>(null);
  const [cancelling, setCancelling] = useState(false);
  /** Bumped to ask the running job's status again at once (after a cancel has answered). */
  const [recheck, setRecheck] = useState(0);

  const reset = useCallback(() => {
    setJob(null);
    setCancelling(false);
  }, []);

  /** Starts the import of `input`, whose preview counted `totalRows` rows. */
  const start = async (input: MethodInput<'participants.importStart'>, totalRows: number) => {
    setError(null);
    setNotice(null);
    const result = await client.call('participants.importStart', input);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setJob({
      jobId: result.value.jobId,
      state: 'running',
      phase: 'validating',
      processed: 0,
      total: totalRows,
      added: 0,
      merged: 0,
      skipped: 0,
    });
    setStep('running');
  };

  // Follow the running job until it ends: by the live-update channel's ProgressEvent and
  // FinishedEvent when it is up, by polling `importStatus` only while it is down.
  const jobId = job?.jobId;
  useEffect(() => {
    if (step !== 'running' || !jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchStatus = async () => {
      const result = await client.call('participants.importStatus', { jobId });
      if (stopped) return;
      if (!result.ok) {
        setError(result.error.message);
        setStep('map');
        return;
      }
      const status = result.value;
      setJob(status);
      if (status.state === 'running') schedule();
      else finish(status);
    };
    // While the channel is up, its events carry the job and a slow safety poll covers a lost
    // FinishedEvent; while it is down, the poll is all there is.
    let ticks = 0;
    const schedule = () => {
      timer = setTimeout(() => {
        ticks += 1;
        if (client.events.up && ticks % SAFETY_POLL_EVERY !== 0) schedule();
        else void fetchStatus();
      }, POLL_MS);
    };
    const finish = (status: ImportJobStatus) => {
      stopped = true;
      setCancelling(false);
      if (status.state === 'done') {
        setStep('done');
        onImported();
      } else {
        setStep('map');
        if (status.state === 'cancelled') setNotice('Import cancelled. Nothing was changed.');
        else setError(status.error ?? 'The import failed; nothing was changed.');
      }
    };
    const unsubscribe = client.onEvent((event) => {
      if (stopped || !('jobId' in event) || event.jobId !== jobId) return;
      if (event.kind === 'progress')
        setJob((prev) =>
          prev
            ? {
                ...prev,
                processed: event.done,
                total: event.total,
                ...(isImportPhase(event.phase) ? { phase: event.phase } : {}),
              }
            : prev,
        );
      // The final counts come with the status, asked once.
      else if (event.kind === 'finished') void fetchStatus();
    });
    // Ask once now, after subscribing: a short job can finish before this effect runs, and its
    // FinishedEvent is then gone (the e2e import of 10 rows sometimes waited for ever).
    void fetchStatus();
    return () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [client, step, jobId, onImported, recheck, setStep, setError, setNotice]);

  const cancel = async () => {
    if (!jobId) return;
    setCancelling(true);
    const result = await client.call('participants.importCancel', { jobId });
    if (!result.ok) {
      setCancelling(false);
      setError(result.error.message);
      return;
    }
    // The answer comes once the job has stopped: cancelled, or done when the cancel came too late.
    // Asking once more ends the view now, whether or not the FinishedEvent arrives.
    if (result.value.state !== 'running') setJob(result.value);
    setRecheck((n) => n + 1);
  };

  return { job, cancelling, reset, start, cancel };
}
