import { useAudience } from '../../api/context';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import type { Forum } from '../../../../shared/api';
import { DirectoryTab } from './DirectoryTab';
import { SessionsTab } from './SessionsTab';
import { useRouteParam } from '../../app/routes';

type NrisTab = 'directory' | 'sessions';

/**
 * NRIs: the directory of National and Regional IGF Initiatives (shared by all forums) and this
 * forum's onsite sessions at their events. Tabs unmount when hidden, so each shows fresh data.
 */
export function NrisPage({ forum }: { forum: Forum }) {
  const audience = useAudience();
  const [tabParam, setTab] = useRouteParam('nris', 'tab');
  const tab: NrisTab = tabParam === 'sessions' ? 'sessions' : 'directory';
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>NRIs</Title>
        <Text c="dimmed">
          National and Regional IGF Initiatives, and the sessions this forum holds at their events
          to gather local practices.
        </Text>
      </Stack>
      <Tabs value={tab} onChange={(v) => v && setTab(v as NrisTab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="directory">Directory</Tabs.Tab>
          <Tabs.Tab value="sessions">Onsite sessions</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="directory" pt="md">
          {/* The directory is shared by every forum, not this forum's: archiving leaves it editable. */}
          <DirectoryTab editable={audience === 'coordinators'} />
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="md">
          <SessionsTab forum={forum} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
