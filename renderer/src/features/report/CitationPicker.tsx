import { Badge, Button, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { CitationTarget } from '../../../../shared/api';
import type { CitationKind } from '../../../../shared/domain/report';
import { useClient } from '../../api/context';

export const CITATION_KIND_LABELS: Record<CitationKind, string> = {
  contribution: 'Contribution',
  call: 'Call',
  session: 'NRI session',
};
const KIND_COLORS: Record<CitationKind, string> = {
  contribution: 'indigo',
  call: 'blue',
  session: 'grape',
};

/** Finds a contribution, call or NRI session to cite (search runs in the backend). */
export function CitationPicker({
  opened,
  forumId,
  onClose,
  onPick,
}: {
  opened: boolean;
  forumId: string;
  onClose: () => void;
  onPick: (target: CitationTarget) => void;
}) {
  const client = useClient();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [results, setResults] = useState<CitationTarget[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const ticket = useRef(0);

  useEffect(() => {
    if (!opened) return;
    const mine = ++ticket.current;
    void client.call('report.citables', { forumId, query: debounced, limit: 30 }).then((r) => {
      if (mine !== ticket.current) return;
      if (r.ok) {
        setResults(r.value);
        setFailed(null);
      } else {
        setResults(null);
        setFailed(r.error.message);
      }
    });
  }, [client, forumId, debounced, opened]);

  let status = 'Searching…';
  if (failed) status = `Search failed: ${failed}`;
  else if (results && results.length === 0)
    status = debounced
      ? `Nothing matches “${debounced}”.`
      : 'Nothing to cite yet: add contributions, calls or NRI sessions first.';
  else if (results) status = `${results.length} ${results.length === 1 ? 'source' : 'sources'}.`;

  return (
    <Modal opened={opened} onClose={onClose} title="Insert citation" size="lg">
      <Stack gap="xs">
        <TextInput
          type="search"
          label="Find a source"
          description="Contributions, calls and NRI sessions, by title"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-autofocus
        />
        <Text size="sm" c={failed ? 'red' : 'dimmed'} role="status" aria-live="polite">
          {status}
        </Text>
        {results && results.length > 0 && (
          <ScrollArea.Autosize mah={360} type="auto">
            <Stack gap={4} role="list" aria-label="Sources">
              {results.map((t) => (
                <Group
                  key={`${t.kind}:${t.id}`}
                  role="listitem"
                  justify="space-between"
                  wrap="nowrap"
                  gap="xs"
                >
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <Badge size="sm" variant="light" color={KIND_COLORS[t.kind]}>
                      {CITATION_KIND_LABELS[t.kind]}
                    </Badge>
                    <Text size="sm" truncate="end">
                      {t.label}
                    </Text>
                    {t.date && (
                      <Text size="xs" c="dimmed">
                        {t.date}
                      </Text>
                    )}
                  </Group>
                  <Button
                    size="compact-sm"
                    variant="light"
                    aria-label={`Cite ${CITATION_KIND_LABELS[t.kind]}: ${t.label}`}
                    onClick={() => onPick(t)}
                  >
                    Cite
                  </Button>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Modal>
  );
}
