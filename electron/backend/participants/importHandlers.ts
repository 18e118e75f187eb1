import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { createImportJobs, previewImport } from './importJob';

/** The CSV import slice of the contract; the jobs live as long as the backend. */
export function createParticipantImportHandlers(
  ctx: BackendContext,
): Pick<
  Handlers,
  | 'participants.importPreview'
  | 'participants.importStart'
  | 'participants.importStatus'
  | 'participants.importCancel'
> {
  const jobs = createImportJobs(ctx);
  return {
    'participants.importPreview': ({ previewId, ...input }, { signal }) =>
      previewImport(ctx, input, {
        signal,
        onProgress: previewId
          ? (done, total, counts) =>
              ctx.emit?.({
                kind: 'progress',
                jobId: previewId,
                done,
                total,
                phase: 'Checking rows',
                counts,
              })
          : undefined,
      }),
    'participants.importStart': (input) => jobs.start(input),
    'participants.importStatus': ({ jobId }) => jobs.status(jobId),
    'participants.importCancel': ({ jobId }) => jobs.cancel(jobId),
  };
}
