import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ImportJobStatus } from '../../../../../shared/api';

/** What the finished import did. */
export function ImportDone({ job, onClose }: { job: ImportJobStatus; onClose: () => void }) {
  return (
    <Stack>
      <Alert color="green" title="Import finished">
        <Text>
          Added {job.added.toLocaleString('en')}, merged {job.merged.toLocaleString('en')}, skipped{' '}
          {job.skipped.toLocaleString('en')}.
        </Text>
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}
