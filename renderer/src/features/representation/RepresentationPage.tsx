import { Alert, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { Forum, RepresentationDashboard, StakeholderMap } from '../../../../shared/api';
import { useAudience, useClient } from '../../api/context';
import { unwrapOrNotify } from '../../components/errors';
import { ParticipantDetail } from '../participants/ParticipantDetail';
import { ExportDialog } from '../publish/ExportDialog';
import { AlertsTab } from './AlertsTab';
import { DashboardTab } from './DashboardTab';
import { MapEditor } from './MapEditor';

/** Representation: the dashboard, the stakeholder map and the alerts (coordinators). */
export function RepresentationPage({ forum }: { forum: Forum }) {
  const audience = useAudience();
  const client = useClient();
  const [tab, setTab] = useState<string | null>('dashboard');
  const [data, setData] = useState<RepresentationDashboard | null>(null);
  const [map, setMap] = useState<StakeholderMap | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [version, setVersion] = useState(0);
  const coordinators = audience === 'coordinators';
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    setData(null);
    void Promise.all([
      client.call('representation.dashboard', { forumId: forum.id }),
      client.call('representation.map', { forumId: forum.id }),
    ]).then(([d, m]) => {
      if (!live) return;
      setData(unwrapOrNotify(d));
      setMap(unwrapOrNotify(m));
    });
    return () => {
      live = false;
    };
  }, [client, forum.id, audience, version]);

  return (
    <Stack>
      <Title order={1} size="h2">
        Representation
      </Title>
      <Tabs value={tab} onChange={setTab}>
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
              readOnly={!coordinators}
              onSaved={(m) => {
                setMap(m);
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
        audience={audience}
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
