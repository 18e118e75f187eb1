import { Alert, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { Forum } from '../../../../shared/api';
import { useAudience } from '../../api/context';
import { apiKey, useApi } from '../../api/queries';
import { useQueryClient } from '@tanstack/react-query';
import { useRouteParam } from '../../app/routes';
import { ReadOnlyNote, useForumAccess } from '../../app/forumAccess';
import { ParticipantDetail } from '../participants/ParticipantDetail';
import { ExportDialog } from '../publish/ExportDialog';
import { AlertsTab } from './AlertsTab';
import { DashboardTab } from './DashboardTab';
import { MapEditor } from './MapEditor';

/** Representation: the dashboard, the stakeholder map and the alerts (coordinators). */
export function RepresentationPage({ forum }: { forum: Forum }) {
  const audience = useAudience();
  const queryClient = useQueryClient();
  const [tabParam, setTab] = useRouteParam('representation', 'tab');
  const tab = tabParam ?? 'dashboard';
  const dashboard = useApi('representation.dashboard', { forumId: forum.id });
  const mapQuery = useApi('representation.map', { forumId: forum.id });
  const data = dashboard.data ?? null;
  const map = mapQuery.data ?? null;
  const [openId, setOpenId] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  // Bumped after a save only, so the editor restarts from the saved map (a refetch while
  // editing, e.g. after another window's change, must not throw the draft away).
  const [version, setVersion] = useState(0);
  const { coordinators, canWrite } = useForumAccess();
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const failed = dashboard.error ?? mapQuery.error;

  return (
    <Stack>
      <Title order={1} size="h2">
        Representation
      </Title>
      <ReadOnlyNote />
      {failed && <Alert color="red">{failed.message}</Alert>}
      <Tabs value={tab} onChange={(v) => setTab(v === 'dashboard' ? null : v)}>
        <Tabs.List>
          <Tabs.Tab value="dashboard">Dashboard</Tabs.Tab>
          <Tabs.Tab value="map">Stakeholder map</Tabs.Tab>
          {coordinators && (
            <Tabs.Tab value="alerts">Alerts{data ? ` (${data.alerts.length})` : ''}</Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="dashboard" pt="md">
          {data ? (
            <DashboardTab
              data={data}
              onShowAlerts={coordinators ? () => setTab('alerts') : undefined}
              onExport={() => setExporting(true)}
            />
          ) : (
            <Loader aria-label="Loading the dashboard" />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="map" pt="md">
          {map ? (
            <MapEditor
              key={`${map.forumId}-${version}`}
              map={map}
              readOnly={!canWrite}
              onSaved={(m) => {
                queryClient.setQueryData(
                  apiKey(audience, 'representation.map', { forumId: forum.id }),
                  m,
                );
                refresh();
              }}
            />
          ) : (
            <Loader aria-label="Loading the stakeholder map" />
          )}
        </Tabs.Panel>
        {coordinators && (
          <Tabs.Panel value="alerts" pt="md">
            {data ? (
              <AlertsTab alerts={data.alerts} onOpenParticipant={setOpenId} />
            ) : (
              <Alert color="gray">Loading…</Alert>
            )}
          </Tabs.Panel>
        )}
      </Tabs>
      <ParticipantDetail
        participantId={openId}
        forumId={forum.id}
        onClose={() => setOpenId(null)}
        onChanged={refresh}
      />
      <ExportDialog
        opened={exporting}
        onClose={() => setExporting(false)}
        forumId={forum.id}
        kind="representation"
        title="Export representation figures"
        audiences={coordinators ? ['public', 'participants', 'coordinators'] : ['public']}
      />
    </Stack>
  );
}
