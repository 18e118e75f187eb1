import { Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ImportColumnMapping, ImportRowError } from '../../../../../shared/api';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  type ImportField,
} from '../../../../../shared/schemas/participantImport';
import { REQUIRED, type Values } from './importFields';

/** "Line 4: Email: must be an e-mail address" */
export function describeRowError(e: ImportRowError): string {
  return e.field
    ? `Line ${e.line}: ${IMPORT_FIELD_LABELS[e.field]}: ${e.message}`
    : `Line ${e.line}: ${e.message}`;
}

/** One invalid row: its problems, "Skip", and when not skipped its fields to correct. */
export function InvalidRow({
  line,
  errors,
  values,
  mapping,
  draft,
  onSkip,
  onDraft,
  onCheck,
}: {
  line: number;
  errors: ImportRowError[];
  values: Record<ImportField, string>;
  mapping: ImportColumnMapping;
  draft: Values | undefined;
  onSkip: (skip: boolean) => void;
  onDraft: (values: Values) => void;
  onCheck: () => void;
}) {
  // The fields worth editing: the mapped ones, the required ones and any with a problem.
  const fields = IMPORT_FIELDS.filter(
    (f) => mapping[f] !== null || REQUIRED.has(f) || errors.some((e) => e.field === f),
  );
  return (
    <Card withBorder padding="sm" aria-label={`Line ${line}`}>
      <Stack gap={6}>
        {errors.map((e, i) => (
          <Text key={i} size="sm" c="red">
            {describeRowError(e)}
          </Text>
        ))}
        <Checkbox
          label={`Skip line ${line}`}
          checked={!draft}
          onChange={(e) => onSkip(e.currentTarget.checked)}
        />
        {draft && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {fields.map((field) => (
                <TextInput
                  key={field}
                  label={`${IMPORT_FIELD_LABELS[field]} (line ${line})`}
                  value={draft[field] ?? values[field]}
                  error={
                    errors
                      .filter((e) => e.field === field)
                      .map((e) => e.message)
                      .join('; ') || undefined
                  }
                  onChange={(e) => onDraft({ ...draft, [field]: e.currentTarget.value })}
                />
              ))}
            </SimpleGrid>
            <Group>
              <Button size="xs" variant="light" onClick={onCheck}>
                Check line {line} again
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
