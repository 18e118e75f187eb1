import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { ImportJobStatus, MethodInput } from '../../../../../shared/api';
import { useClient } from '../../../api/context';
import { followJob, isImportPhase } from '../../../api/followJob';
import type { DialogSetters, Step } from './importFields';

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

  // Follow the running job until it ends (live events, polling only while the channel is down).
  const jobId = job?.jobId;
  useEffect(() => {
    if (step !== 'running' || !jobId) return;
    return followJob(client, jobId, {
      fetchStatus: () => client.call('participants.importStatus', { jobId }),
      onStatus: setJob,
      onRefused: (message) => {
        setError(message);
        setStep('map');
      },
      onProgress: (event) =>
        setJob((prev) =>
          prev
            ? {
                ...prev,
                processed: event.done,
                total: event.total,
                ...(isImportPhase(event.phase) ? { phase: event.phase } : {}),
              }
            : prev,
        ),
      onEnd: (status) => {
        setCancelling(false);
        if (status.state === 'done') {
          setStep('done');
          onImported();
        } else {
          setStep('map');
          if (status.state === 'cancelled') setNotice('Import cancelled. Nothing was changed.');
          else setError(status.error ?? 'The import failed; nothing was changed.');
        }
      },
    });
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
