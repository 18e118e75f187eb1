import { Stack, Text, Title } from '@mantine/core';
import type { ImportColumnMapping, ImportPreview } from '../../../../../shared/api';
import { InvalidRow } from './InvalidRow';
import type { ImportPreviewState } from './useImportPreview';

/** The invalid rows, skipped unless the user corrects them here. */
export function InvalidRows({
  preview,
  mapping,
  check: { invalidShown, errorsByLine, editing, toggleSkip, setDraft, applyFix },
}: {
  preview: ImportPreview;
  mapping: ImportColumnMapping;
  check: ImportPreviewState;
}) {
  if (preview.invalidCount === 0) return null;
  return (
    <>
      <Title order={3}>Invalid rows ({preview.invalidCount.toLocaleString('en')})</Title>
      <Text size="sm" c="dimmed">
        Invalid rows are skipped. Untick “Skip” to correct a row here; the file is not changed.
      </Text>
      <Stack gap="xs" aria-label="Invalid rows">
        {invalidShown.map((row) => (
          <InvalidRow
            key={row.line}
            line={row.line}
            errors={errorsByLine.get(row.line) ?? []}
            values={row.values}
            mapping={mapping}
            draft={editing[row.line]}
            onSkip={(skip) => toggleSkip(row.line, row.values, skip)}
            onDraft={(values) => setDraft(row.line, values)}
            onCheck={() => applyFix(row.line)}
          />
        ))}
        {preview.invalidCount > invalidShown.length && (
          <Text size="sm">
            …and {(preview.invalidCount - invalidShown.length).toLocaleString('en')} more invalid
            rows, which will be skipped
            {preview.errorCount > preview.errors.length
              ? ` (${preview.errorCount.toLocaleString('en')} problems in all)`
              : ''}
            .
          </Text>
        )}
      </Stack>
    </>
  );
}
