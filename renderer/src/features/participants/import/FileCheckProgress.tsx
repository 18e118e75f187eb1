import { Alert, Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import type { ImportPreviewState } from './useImportPreview';

/**
 * How far the check of the file has got: a spinner for the first page, then the whole-file
 * check's progress bar with "Stop checking", and after a stop the offer to check the whole file.
 */
export function FileCheckProgress({
  check: { fileName, loading, checking, stoppedAt, preview, stopChecking, checkWholeFile },
}: {
  check: ImportPreviewState;
}) {
  return (
    <>
      {loading && !checking && (
        <Group gap="xs" aria-live="polite">
          <Loader size="xs" />
          <Text size="sm">Checking {fileName || 'the file'}…</Text>
        </Group>
      )}
      {checking && (
        <Stack gap={4}>
          <Progress
            aria-label="File check progress"
            value={checking.total > 0 ? (100 * checking.done) / checking.total : 0}
            animated
            striped
          />
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" aria-live="polite">
              Checking every row: {checking.done.toLocaleString('en')} of{' '}
              {checking.total.toLocaleString('en')}. The first rows are shown below.
            </Text>
            <Button size="xs" variant="default" onClick={stopChecking}>
              Stop checking
            </Button>
          </Group>
        </Stack>
      )}
      {stoppedAt !== null && preview && (
        <Alert color="yellow" title="Checking stopped">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              Checking stopped after {stoppedAt.toLocaleString('en')} of{' '}
              {preview.totalRows.toLocaleString('en')} rows. The figures below cover the first{' '}
              {(preview.checkedRows ?? preview.totalRows).toLocaleString('en')} rows only; check the
              whole file to import it.
            </Text>
            <Button size="xs" onClick={checkWholeFile}>
              Check the whole file
            </Button>
          </Stack>
        </Alert>
      )}
    </>
  );
}
