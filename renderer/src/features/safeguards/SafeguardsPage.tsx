import { Stack, Tabs, Text, Title } from '@mantine/core';
import type { Forum } from '../../../../shared/api';
import { ActorsTab } from './ActorsTab';
import { AuditLogTab } from './AuditLogTab';
import { IncidentsTab } from './IncidentsTab';
import { useRouteParam } from '../../app/routes';
import { ReadOnlyNote } from '../../app/forumAccess';

type SafeguardsTab = 'incidents' | 'actors' | 'audit';

/**
 * Safeguards (coordinators only): the incident log, the disruptive actors on file and the audit
 * log. Tabs are unmounted when hidden, so each one shows fresh data when opened.
 */
export function SafeguardsPage({ forum }: { forum: Forum }) {
  const [tabParam, setTab] = useRouteParam('safeguards', 'tab');
  const tab: SafeguardsTab = tabParam === 'actors' || tabParam === 'audit' ? tabParam : 'incidents';
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>Safeguards</Title>
        <Text c="dimmed">
          Visible to coordinators only. Keep track of harassment and disruption, the people behind
          it, and who has seen or exported sensitive details.
        </Text>
        <ReadOnlyNote />
      </Stack>
      <Tabs value={tab} onChange={(v) => v && setTab(v as SafeguardsTab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="incidents">Incidents</Tabs.Tab>
          <Tabs.Tab value="actors">Disruptive actors</Tabs.Tab>
          <Tabs.Tab value="audit">Audit log</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="incidents" pt="md">
          <IncidentsTab forum={forum} />
        </Tabs.Panel>
        <Tabs.Panel value="actors" pt="md">
          <ActorsTab forum={forum} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditLogTab forum={forum} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
