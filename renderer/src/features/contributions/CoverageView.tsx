import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ContributionCoverage, CoverageBar, Forum } from '../../../../shared/api';
import type { Audience } from '../../../../shared/domain/vocabulary';
import { useClient } from '../../api/context';
import { unwrapOrNotify } from '../../components/errors';
import { ExportDialog } from '../publish/ExportDialog';

function Bars({ title, bars }: { title: string; bars: CoverageBar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <section aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {bars.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing to show yet.
        </Text>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {bars.map((b) => (
            <li
              key={b.key || b.label}
              style={{
                display: 'grid',
                gridTemplateColumns: '16rem 1fr 3rem',
                gap: 8,
                alignItems: 'center',
              }}
            >
              <span>{b.label}</span>
              <span
                aria-hidden="true"
                style={{
                  display: 'block',
                  height: 12,
                  width: `${(b.count / max) * 100}%`,
                  minWidth: b.count > 0 ? 4 : 0,
                  background: b.count === 0 ? 'transparent' : 'var(--mantine-color-blue-6)',
                  borderRadius: 2,
                }}
              />
              <span style={{ textAlign: 'right' }} aria-label={`${b.label}: ${b.count}`}>
                {b.count}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Accepted contributions by region, theme, kind and group; missing ones show as 0. */
export function CoverageView({ forum, audience }: { forum: Forum; audience: Audience }) {
  const client = useClient();
  const [coverage, setCoverage] = useState<ContributionCoverage | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void client
      .call('contributions.coverage', { forumId: forum.id })
      .then((r) => setCoverage(unwrapOrNotify(r)));
  }, [client, forum.id]);

  if (!coverage) return <Text>Loading…</Text>;
  return (
    <Stack>
      <Group justify="space-between">
        <Text>
          {coverage.accepted} accepted {coverage.accepted === 1 ? 'contribution' : 'contributions'}{' '}
          (withdrawn ones not counted)
        </Text>
        <Button variant="default" onClick={() => setExporting(true)}>
          Export coverage
        </Button>
      </Group>
      {coverage.accepted === 0 && (
        <Alert color="gray">
          No accepted contributions yet: accept contributions to see which regions and groups are
          missing.
        </Alert>
      )}
      <Bars title="By region" bars={coverage.byRegion} />
      <Bars title="By stakeholder group of contributor" bars={coverage.byStakeholderGroup} />
      <Bars title="By kind" bars={coverage.byKind} />
      <Bars title="By theme" bars={coverage.byTheme} />
      <ExportDialog
        opened={exporting}
        onClose={() => setExporting(false)}
        forumId={forum.id}
        kind="contribution-coverage"
        title="Export coverage"
        audiences={
          audience === 'coordinators' ? ['public', 'participants', 'coordinators'] : ['public']
        }
      />
    </Stack>
  );
}
