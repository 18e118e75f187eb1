import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type {
  DiffPart,
  Report,
  ReportComparison,
  SectionChange,
  SectionComparison,
} from '../../../../shared/api';
import { useClient } from '../../api/context';
import { useForumAccess } from '../../app/forumAccess';
import { reportSchemas } from '../../../../shared/schemas/report';
import { ErrorSummary, SubmitButton, sentence, useZodForm } from '../../components/forms';
import { inUserZone } from '../calls/format';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
/** "Draft I", "Draft II", … for the next version. */
const suggestName = (count: number) => `Draft ${ROMAN[count] ?? count + 1}`;

const CURRENT = '';

/** The visible label of each field: error sentences start with it. */
export const VERSION_LABELS: Record<string, string> = { name: 'Version name' };

const CHANGE_LABELS: Record<SectionChange, string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  unchanged: 'Unchanged',
};
const CHANGE_COLORS: Record<SectionChange, string> = {
  added: 'teal',
  removed: 'red',
  changed: 'blue',
  unchanged: 'gray',
};

/** Word-level differences: insertions underlined in green, deletions struck through in red. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.added ? (
          <ins
            key={i}
            style={{
              background: 'var(--mantine-color-green-1)',
              color: 'var(--mantine-color-green-9)',
            }}
          >
            <VisuallyHidden>[inserted: </VisuallyHidden>
            {p.value}
            <VisuallyHidden>]</VisuallyHidden>
          </ins>
        ) : p.removed ? (
          <del
            key={i}
            style={{
              background: 'var(--mantine-color-red-1)',
              color: 'var(--mantine-color-red-9)',
            }}
          >
            <VisuallyHidden>[deleted: </VisuallyHidden>
            {p.value}
            <VisuallyHidden>]</VisuallyHidden>
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </>
  );
}

/** Save named versions, list them, compare two section by section. */
export function VersionsPanel({
  report,
  onChanged,
  onExport,
}: {
  report: Report;
  onChanged: () => void;
  onExport: (versionId: string, name: string) => void;
}) {
  const client = useClient();
  const { canWrite } = useForumAccess();
  const versions = report.versions;
  const zf = useZodForm({
    schema: reportSchemas['report.saveVersion'],
    initialValues: { name: suggestName(versions.length) },
    toInput: (d: { name: string }) => ({ reportId: report.id, name: d.name }),
    labels: VERSION_LABELS,
  });
  const { reset } = zf;
  // Newest is last or first depending on the backend: sort by time, oldest first.
  const ordered = [...versions].sort((a, b) => a.createdAt - b.createdAt);
  const [fromId, setFromId] = useState(ordered.at(-2)?.id ?? ordered[0]?.id ?? '');
  const [toId, setToId] = useState(ordered.length >= 2 ? (ordered.at(-1)?.id ?? '') : CURRENT);
  const [comparison, setComparison] = useState<ReportComparison | null>(null);
  const [comparing, setComparing] = useState(false);
  const [compareError, setCompareError] = useState<string | null>(null);
  const [showUnchanged, setShowUnchanged] = useState(false);

  useEffect(() => {
    reset({ name: suggestName(versions.length) });
  }, [versions.length, reset]);

  const compare = async () => {
    if (!fromId) return;
    setComparing(true);
    setCompareError(null);
    const r = await client.call('report.compare', {
      fromVersionId: fromId,
      toVersionId: toId === CURRENT ? null : toId,
    });
    setComparing(false);
    if (r.ok) setComparison(r.value);
    else {
      setComparison(null);
      setCompareError(sentence('The comparison', r.error.message));
    }
  };

  const versionOptions = ordered.map((v) => ({ value: v.id, label: v.name }));
  const shown = comparison?.sections.filter((s) => showUnchanged || s.change !== 'unchanged');

  return (
    <Stack>
      {canWrite && (
        <form
          onSubmit={zf.onSubmit(async (input) => {
            const r = await client.call('report.saveVersion', input);
            if (!r.ok) return r;
            // The newest two become the default comparison.
            setFromId(ordered.at(-1)?.id ?? r.value.id);
            setToId(ordered.length >= 1 ? r.value.id : CURRENT);
            onChanged();
          })}
          noValidate
        >
          <Stack gap="xs">
            <ErrorSummary {...zf.summary} />
            <Group align="flex-end">
              <TextInput
                label="Version name"
                description="A snapshot of every section, e.g. “Draft I”, “Draft II”, “Final”"
                {...zf.form.getInputProps('name')}
                w={360}
              />
              <SubmitButton busy={zf.submitting}>Save version</SubmitButton>
            </Group>
          </Stack>
        </form>
      )}

      <Title order={3} size="h4">
        Saved versions
      </Title>
      {ordered.length === 0 ? (
        <Text c="dimmed">
          No versions yet. Save one when a draft is ready to share or to compare with later.
        </Text>
      ) : (
        <Table striped aria-label="Saved versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Sections</Table.Th>
              <Table.Th scope="col">Saved</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.name}</Table.Td>
                <Table.Td>{v.sectionCount}</Table.Td>
                <Table.Td>{inUserZone(v.createdAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-label={`Export ${v.name}`}
                    onClick={() => onExport(v.id, v.name)}
                  >
                    Export
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={3} size="h4">
        Compare
      </Title>
      {ordered.length === 0 ? (
        <Text c="dimmed">Save a version to compare it with a later one or the current text.</Text>
      ) : (
        <>
          <Group align="flex-end">
            <NativeSelect
              label="From version"
              value={fromId}
              onChange={(e) => setFromId(e.currentTarget.value)}
              data={versionOptions}
            />
            <NativeSelect
              label="To version"
              value={toId}
              onChange={(e) => setToId(e.currentTarget.value)}
              data={[...versionOptions, { value: CURRENT, label: 'Current text (not saved)' }]}
            />
            <Button onClick={() => void compare()} loading={comparing}>
              Compare
            </Button>
          </Group>
          {compareError && <Alert color="red">{compareError}</Alert>}
          {comparison && shown && (
            <section aria-label="Differences">
              <Stack gap="sm">
                <Group justify="space-between">
                  <Text>
                    From <strong>{comparison.from.name}</strong> to{' '}
                    <strong>{comparison.to.name}</strong>:{' '}
                    {comparison.sections.filter((s) => s.change !== 'unchanged').length} of{' '}
                    {comparison.sections.length} sections differ.
                  </Text>
                  <Checkbox
                    label="Show unchanged sections"
                    checked={showUnchanged}
                    onChange={(e) => setShowUnchanged(e.currentTarget.checked)}
                  />
                </Group>
                <Text size="sm" c="dimmed">
                  <ins style={{ background: 'var(--mantine-color-green-1)' }}>Inserted words</ins>{' '}
                  are underlined in green;{' '}
                  <del style={{ background: 'var(--mantine-color-red-1)' }}>deleted words</del> are
                  struck through in red.
                </Text>
                {shown.length === 0 && <Text>The two versions have the same text.</Text>}
                {shown.map((s) => (
                  <SectionDiff key={s.sectionId} section={s} />
                ))}
              </Stack>
            </section>
          )}
        </>
      )}
    </Stack>
  );
}

function SectionDiff({ section: s }: { section: SectionComparison }) {
  const number = s.toNumber ?? s.fromNumber ?? '';
  const title = s.toTitle ?? s.fromTitle ?? '';
  return (
    <Paper withBorder p="sm" component="article" aria-label={`${number} ${title}`}>
      <Group gap="xs" mb="xs">
        <Title order={4} size="h5">
          {number}{' '}
          {s.titleParts.length > 0 && s.titleParts.some((p) => p.added || p.removed) ? (
            <DiffText parts={s.titleParts} />
          ) : (
            title
          )}
        </Title>
        <Badge size="sm" variant="light" color={CHANGE_COLORS[s.change]}>
          {CHANGE_LABELS[s.change]}
        </Badge>
        {(s.wordsAdded > 0 || s.wordsRemoved > 0) && (
          <Text size="xs" c="dimmed">
            {s.wordsAdded} {s.wordsAdded === 1 ? 'word' : 'words'} added, {s.wordsRemoved} removed
          </Text>
        )}
      </Group>
      {s.parts.length > 0 ? (
        <Text component="div" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <DiffText parts={s.parts} />
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {s.change === 'unchanged' ? 'No change.' : 'No text.'}
        </Text>
      )}
    </Paper>
  );
}
