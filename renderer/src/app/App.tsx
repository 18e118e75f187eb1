import {
  Alert,
  AppShell,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  NavLink,
  Switch,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { Forum, ForumSummary } from '../../../shared/api';
import type { Client } from '../api/client';
import { ClientContext, useClient } from '../api/context';
import { unwrapOrNotify } from '../components/errors';
import { ForumFormModal } from '../features/forums/ForumFormModal';
import { OverviewPage } from '../features/forums/OverviewPage';
import { WelcomePage } from '../features/forums/WelcomePage';
import { ParticipantsPage } from '../features/participants/ParticipantsPage';
import { SafeguardsPage } from '../features/safeguards/SafeguardsPage';
import { ContributionsPage } from '../features/contributions/ContributionsPage';
import { CallsPage } from '../features/calls/CallsPage';
import { NrisPage } from '../features/nris/NrisPage';
import { RepresentationPage } from '../features/representation/RepresentationPage';
import { ReportPage } from '../features/report/ReportPage';

export type Area =
  | 'overview'
  | 'participants'
  | 'safeguards'
  | 'nris'
  | 'calls'
  | 'contributions'
  | 'representation'
  | 'report';

const AREAS: { id: Area; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'participants', label: 'Participants' },
  { id: 'calls', label: 'Calls' },
  { id: 'nris', label: 'NRIs' },
  { id: 'contributions', label: 'Contributions' },
  { id: 'representation', label: 'Representation' },
  { id: 'report', label: 'Report' },
  { id: 'safeguards', label: 'Safeguards' },
];

/** Areas only coordinators see: hidden while previewing what others would see. */
const COORDINATOR_ONLY: Area[] = ['safeguards'];

export function App() {
  const client = useClient();
  const [forums, setForums] = useState<ForumSummary[] | null>(null);
  const [forum, setForum] = useState<Forum | null>(null);
  const [area, setArea] = useState<Area>('overview');
  const [creating, setCreating] = useState(false);
  /** While "Preview as public" is on: a client on a public session, used by the whole page. */
  const [publicClient, setPublicClient] = useState<Client | null>(null);
  const [previewForum, setPreviewForum] = useState<Forum | null>(null);
  /** The switch turns at once; the session opens just after. */
  const [opening, setOpening] = useState(false);
  const previewPublic = publicClient !== null;
  const visibleAreas = AREAS.filter((a) => !previewPublic || !COORDINATOR_ONLY.includes(a.id));

  const refresh = useCallback(async () => {
    const [list, current] = await Promise.all([
      client.call('forums.list', {}),
      client.call('forums.current', {}),
    ]);
    setForums(unwrapOrNotify(list) ?? []);
    setForum(unwrapOrNotify(current) ?? null);
  }, [client]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const label = AREAS.find((a) => a.id === area)?.label;
    document.title = forum ? `${label} · ${forum.title} · Intersession` : 'Intersession';
  }, [area, forum]);

  const openForum = async (id: string) => {
    const opened = unwrapOrNotify(await client.call('forums.open', { id }));
    if (opened) setForum(opened);
  };

  const onForumSaved = async (saved: Forum) => {
    setCreating(false);
    await refresh();
    setForum(saved);
  };

  /** "Preview as public" opens a public session; every area then asks the backend through it. */
  const togglePreview = async (on: boolean) => {
    if (!on) {
      setPublicClient(null);
      setPreviewForum(null);
      return;
    }
    setOpening(true);
    try {
      const opened = unwrapOrNotify(await client.narrow('public'));
      if (!opened || !forum) return;
      // The forum itself as the public reads it (its title and mandate redacted).
      const seen = unwrapOrNotify(await opened.call('forums.get', { id: forum.id }));
      if (!seen) return;
      setPreviewForum(seen);
      setPublicClient(opened);
    } finally {
      setOpening(false);
    }
    if (COORDINATOR_ONLY.includes(area)) setArea('participants');
  };

  if (forums === null) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }

  if (!forum) return <WelcomePage onForumReady={onForumSaved} />;

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            Intersession
          </Title>
          <Group wrap="nowrap">
            <Switch
              label="Preview as public"
              checked={previewPublic || opening}
              onChange={(e) => void togglePreview(e.currentTarget.checked)}
            />
            {!previewPublic && (
              <>
                <NativeSelect
                  label="Forum"
                  styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
                  value={forum.id}
                  onChange={(e) => void openForum(e.currentTarget.value)}
                  data={forums.map((f) => ({ value: f.id, label: `${f.title} (${f.year})` }))}
                />
                <Button variant="default" onClick={() => setCreating(true)}>
                  New forum
                </Button>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Areas">
        {visibleAreas.map((a) => (
          <NavLink
            key={a.id}
            component="button"
            label={a.label}
            active={area === a.id}
            aria-current={area === a.id ? 'page' : undefined}
            onClick={() => setArea(a.id)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {publicClient && previewForum ? (
          <ClientContext.Provider value={publicClient}>
            <Alert color="grape" mb="md" title="Previewing as public">
              You see what a public reader or MAG reviewer would see: every answer comes from a
              public session. Turn off “Preview as public” to return to the coordinators’ view.
            </Alert>
            <AreaView
              area={area}
              forum={previewForum}
              onGoToParticipants={() => setArea('participants')}
              key={`public-${forum.id}`}
            />
          </ClientContext.Provider>
        ) : (
          <>
            {area === 'overview' && (
              <OverviewPage
                key={forum.id}
                forum={forum}
                onForumChanged={(f) => {
                  setForum(f);
                  void refresh();
                }}
                onGoToParticipants={() => setArea('participants')}
              />
            )}
            {area !== 'overview' && (
              <AreaView
                area={area}
                forum={forum}
                onGoToParticipants={() => setArea('participants')}
                key={forum.id}
              />
            )}
          </>
        )}
      </AppShell.Main>
      <ForumFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(f) => void onForumSaved(f)}
      />
    </AppShell>
  );
}

/** One area's page; each asks the backend through the client of the session it is shown in. */
function AreaView({
  area,
  forum,
  onGoToParticipants,
}: {
  area: Area;
  forum: Forum;
  onGoToParticipants: () => void;
}) {
  const audience = useClient().audience;
  switch (area) {
    case 'overview':
      return (
        // Only reached in a preview: the forum cannot be edited there.
        <OverviewPage
          forum={forum}
          onForumChanged={() => undefined}
          onGoToParticipants={onGoToParticipants}
        />
      );
    case 'participants':
      return <ParticipantsPage forum={forum} />;
    case 'nris':
      return <NrisPage forum={forum} />;
    case 'calls':
      return <CallsPage forum={forum} />;
    case 'contributions':
      return <ContributionsPage forum={forum} />;
    case 'representation':
      return <RepresentationPage forum={forum} />;
    case 'report':
      return <ReportPage forum={forum} />;
    case 'safeguards':
      return audience === 'coordinators' ? <SafeguardsPage forum={forum} /> : null;
  }
}
