import {
  Badge,
  Checkbox,
  Fieldset,
  Group,
  Pill,
  ScrollArea,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { ParticipantRow } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { personLabel } from '../../../../shared/domain/credit';

/** A participant chosen as a target of an incident. */
export interface PickedParticipant {
  id: string;
  fullName: string;
  isProtected: boolean;
}

const RESULT_LIMIT = 20;

/**
 * The one label rule (personLabel), with the e-mail standing in when no organisation is known;
 * protection shows as the badge next to it, not twice.
 */
function describe(row: ParticipantRow) {
  return personLabel({
    fullName: row.fullName,
    organisation: row.organisation ?? row.email,
    isProtected: false,
  });
}

/**
 * Picks participants by searching: at most 20 matches are fetched per search, never the whole
 * participant table. Chosen participants show as removable chips.
 */
export function ParticipantPicker({
  forumId,
  legend,
  value,
  onChange,
  error,
  id,
  statusNote = false,
}: {
  forumId: string;
  legend: string;
  value: PickedParticipant[];
  onChange: (next: PickedParticipant[]) => void;
  error?: string;
  /** The search input's id: the error summary's link to this field points there. */
  id?: string;
  /** Say on each chip whether the participant is protected. */
  statusNote?: boolean;
}) {
  const client = useClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [results, setResults] = useState<{ rows: ParticipantRow[]; total: number } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!debounced) {
      setResults(null);
      setFailed(null);
      return;
    }
    void client
      .call('participants.list', { forumId, search: debounced, limit: RESULT_LIMIT })
      .then((r) => {
        if (ticket !== latest.current) return;
        if (r.ok) {
          setResults({ rows: r.value.rows, total: r.value.total });
          setFailed(null);
        } else {
          setResults(null);
          setFailed(r.error.message);
        }
      });
  }, [client, forumId, debounced]);

  const chosen = new Set(value.map((p) => p.id));
  const toggle = (row: ParticipantRow, on: boolean) =>
    onChange(
      on
        ? [...value, { id: row.id, fullName: row.fullName, isProtected: row.isProtected }]
        : value.filter((p) => p.id !== row.id),
    );

  let status = '';
  if (failed) status = `Search failed: ${failed}`;
  else if (results && results.total === 0) status = `No participants match “${debounced}”.`;
  else if (results && results.total > results.rows.length)
    status = `Showing the first ${results.rows.length} of ${results.total} matches; type more to narrow the search.`;
  else if (results) status = `${results.total} ${results.total === 1 ? 'match' : 'matches'}.`;

  return (
    <Fieldset legend={legend}>
      <Stack gap="xs">
        <TextInput
          label="Find participant"
          description="Search by name, organisation or e-mail"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          id={id}
          error={error}
        />
        <Text size="sm" c={failed ? 'red' : 'dimmed'} role="status" aria-live="polite">
          {status}
        </Text>
        {results && results.rows.length > 0 && (
          <ScrollArea.Autosize mah={200} type="auto">
            <Stack gap={6} role="group" aria-label="Search results">
              {results.rows.map((row) => (
                <Checkbox
                  key={row.id}
                  checked={chosen.has(row.id)}
                  onChange={(e) => toggle(row, e.currentTarget.checked)}
                  label={
                    <Group gap={6} wrap="nowrap">
                      <span>{describe(row)}</span>
                      {row.isProtected && (
                        <Badge color="grape" size="xs">
                          Protected
                        </Badge>
                      )}
                    </Group>
                  }
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        {value.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody chosen.
          </Text>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Chosen ({value.length})
            </Text>
            <Pill.Group aria-label="Chosen participants">
              {value.map((p) => {
                const label = statusNote
                  ? `${p.fullName} · ${p.isProtected ? 'protected' : 'not protected'}`
                  : p.fullName;
                return (
                  <Pill
                    key={p.id}
                    size="md"
                    withRemoveButton
                    onRemove={() => onChange(value.filter((x) => x.id !== p.id))}
                    removeButtonProps={{
                      tabIndex: 0,
                      'aria-hidden': false,
                      'aria-label': `Remove ${p.fullName}`,
                    }}
                  >
                    {label}
                  </Pill>
                );
              })}
            </Pill.Group>
          </Stack>
        )}
      </Stack>
    </Fieldset>
  );
}
