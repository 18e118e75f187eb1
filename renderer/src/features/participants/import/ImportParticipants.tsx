import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import { ChooseFile } from './ChooseFile';
import { FileCheckProgress } from './FileCheckProgress';
import { FixedRows } from './FixedRows';
import { ImportDone } from './ImportDone';
import type { Step } from './importFields';
import { ImportRunning } from './ImportRunning';
import { InvalidRows } from './InvalidRows';
import { MapColumns } from './MapColumns';
import { PreviewTable } from './PreviewTable';
import { useImportJob } from './useImportJob';
import { useImportPreview } from './useImportPreview';

/**
 * The CSV import wizard: choose a file, map its columns, review the preview and every invalid row
 * (skip it or fix it inline), choose what to do with duplicates, then import with a progress bar
 * and a Cancel that writes nothing. While the import runs the dialog cannot be closed: the import
 * holds the database's write transaction, so nothing else should be edited meanwhile.
 */
export function ImportParticipants({
  opened,
  forumId,
  onClose,
  onImported,
}: {
  opened: boolean;
  forumId: string;
  onClose: () => void;
  onImported: () => void;
}) {
  const [step, setStep] = useState<Step>('choose');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const check = useImportPreview({ forumId, setStep, setError });
  const importJob = useImportJob({ step, setStep, setError, setNotice, onImported });
  const { fileName, fileError, csv, mapping, duplicates, preview, loading, stillBroken } = check;
  const { job, cancelling } = importJob;
  const resetCheck = check.reset;
  const resetJob = importJob.reset;

  const reset = useCallback(() => {
    setStep('choose');
    setError(null);
    setNotice(null);
    resetCheck();
    resetJob();
  }, [resetCheck, resetJob]);

  useEffect(() => {
    if (!opened) reset();
  }, [opened, reset]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    reset();
    if (!file) return;
    await check.readFile(file);
  };

  const start = async () => {
    if (!csv || !mapping) return;
    await importJob.start(
      { forumId, csv, mapping, fixes: check.fixList, skipLines: check.skipLines, duplicates },
      preview?.totalRows ?? 0,
    );
  };

  const running = step === 'running';
  const importable =
    preview !== null &&
    preview.counts.add + preview.counts.merge > 0 &&
    stillBroken.length === 0 &&
    (preview.checkedRows ?? preview.totalRows) >= preview.totalRows &&
    !loading;

  return (
    <Modal
      opened={opened}
      onClose={running ? () => undefined : onClose}
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      withCloseButton={!running}
      title="Import participants from CSV"
      size="90rem"
    >
      <Stack>
        {error && (
          <Alert color="red" title="Import problem">
            {error}
          </Alert>
        )}
        {notice && <Alert color="blue">{notice}</Alert>}

        {(step === 'choose' || step === 'map') && (
          <ChooseFile fileName={fileName} fileError={fileError} onFile={onFile} />
        )}
        <FileCheckProgress check={check} />

        {step === 'map' && preview && mapping && (
          <>
            <MapColumns
              preview={preview}
              mapping={mapping}
              setMapping={check.setMapping}
              duplicates={duplicates}
              setDuplicates={check.setDuplicates}
            />
            <PreviewTable rows={preview.preview} />
            <InvalidRows preview={preview} mapping={mapping} check={check} />
            <FixedRows lines={check.fixedLines} onUndo={check.undoFix} />

            {preview.duplicateCount > 0 && (
              <Text size="sm">
                {preview.duplicateCount.toLocaleString('en')} rows share an e-mail with a
                participant already in the forum or an earlier row; they will be{' '}
                {duplicates === 'merge' ? 'merged' : 'skipped'}.
              </Text>
            )}

            <Group justify="flex-end">
              {stillBroken.length > 0 && (
                <Text size="sm" c="red">
                  Correct line {stillBroken.join(', ')} or tick “Skip”.
                </Text>
              )}
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button onClick={() => void start()} disabled={!importable}>
                Import {(preview.counts.add + preview.counts.merge).toLocaleString('en')} rows
              </Button>
            </Group>
          </>
        )}

        {running && job && (
          <ImportRunning
            job={job}
            cancelling={cancelling}
            onCancel={() => void importJob.cancel()}
          />
        )}
        {step === 'done' && job && <ImportDone job={job} onClose={onClose} />}
      </Stack>
    </Modal>
  );
}
