import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { ImportJobStatus } from '../../../../../shared/api';

/** The running import: its phase, a progress bar and Cancel (until it saves). */
export function ImportRunning({
  job,
  cancelling,
  onCancel,
}: {
  job: ImportJobStatus;
  cancelling: boolean;
  onCancel: () => void;
}) {
  return (
    <Stack>
      <Text fw={600}>
        {job.phase === 'validating'
          ? 'Checking rows…'
          : job.phase === 'saving'
            ? 'Saving participants…'
            : 'Importing participants…'}
      </Text>
      <Progress
        aria-label="Import progress"
        value={job.total > 0 ? (100 * job.processed) / job.total : 0}
        animated={job.phase === 'validating'}
        striped={job.phase === 'validating'}
      />
      <Text aria-live="polite">
        {job.processed.toLocaleString('en')} of {job.total.toLocaleString('en')} rows
      </Text>
      <Text size="sm" c="dimmed">
        {job.phase === 'saving'
          ? 'Saving everything at once; this can no longer be cancelled.'
          : 'Keep this window open. Everything is saved at once at the end; Cancel writes nothing.'}
      </Text>
      <Group justify="flex-end">
        <Button
          variant="default"
          onClick={onCancel}
          loading={cancelling}
          disabled={job.phase === 'saving'}
        >
          Cancel import
        </Button>
      </Group>
    </Stack>
  );
}
