import { NativeSelect, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ImportColumnMapping, ImportPreview } from '../../../../../shared/api';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  type DuplicatePolicy,
} from '../../../../../shared/schemas/participantImport';
import { REQUIRED } from './importFields';

function columnOptions(headers: string[]) {
  const seen = new Map<string, number>();
  for (const h of headers) seen.set(h, (seen.get(h) ?? 0) + 1);
  return [
    { value: '', label: 'Not imported' },
    ...headers.map((h, i) => ({
      value: String(i),
      label: !h ? `Column ${i + 1}` : (seen.get(h) ?? 0) > 1 ? `${h} (column ${i + 1})` : h,
    })),
  ];
}

/** Which column holds each field, what to do with duplicates, and what the file would do. */
export function MapColumns({
  preview,
  mapping,
  setMapping,
  duplicates,
  setDuplicates,
}: {
  preview: ImportPreview;
  mapping: ImportColumnMapping;
  setMapping: (mapping: ImportColumnMapping) => void;
  duplicates: DuplicatePolicy;
  setDuplicates: (policy: DuplicatePolicy) => void;
}) {
  return (
    <>
      <Title order={3}>Columns</Title>
      <Text size="sm" c="dimmed">
        Choose the column that holds each field. Suggestions come from the header names.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
        {IMPORT_FIELDS.map((field) => (
          <NativeSelect
            key={field}
            label={IMPORT_FIELD_LABELS[field]}
            required={REQUIRED.has(field)}
            value={mapping[field] === null ? '' : String(mapping[field])}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setMapping({ ...mapping, [field]: v === '' ? null : Number(v) });
            }}
            data={columnOptions(preview.headers)}
          />
        ))}
      </SimpleGrid>

      <Radio.Group
        label="Duplicates (same e-mail, in the file or already in the forum)"
        value={duplicates}
        onChange={(v) => setDuplicates(v as DuplicatePolicy)}
      >
        <Stack gap="xs" mt="xs">
          <Radio
            value="merge"
            label="Merge"
            description="Update the existing participant with the file's non-empty values; lists are combined and notes appended; empty cells change nothing"
          />
          <Radio
            value="skip"
            label="Skip"
            description="Keep the existing participant (or the first row with that e-mail) as it is"
          />
        </Stack>
      </Radio.Group>

      <Text role="status" aria-live="polite">
        {(preview.checkedRows ?? preview.totalRows) < preview.totalRows
          ? `First ${(preview.checkedRows ?? 0).toLocaleString('en')} of ${preview.totalRows.toLocaleString('en')} rows checked: `
          : `${preview.totalRows.toLocaleString('en')} rows: `}
        {preview.counts.add.toLocaleString('en')} to add,{' '}
        {preview.counts.merge.toLocaleString('en')} to merge,{' '}
        {preview.counts.skip.toLocaleString('en')} to skip,{' '}
        {preview.counts.invalid.toLocaleString('en')} invalid
        {preview.counts.invalid > 0 ? ' (skipped unless fixed)' : ''}.
      </Text>
    </>
  );
}
