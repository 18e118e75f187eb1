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
import { useClient } from '../api/context';
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
import type { Audience } from '../../../shared/domain/vocabulary';

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
  const [previewPublic, setPreviewPublic] = useState(false);
  const audience: Audience = previewPublic ? 'public' : 'coordinators';
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
              checked={previewPublic}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setPreviewPublic(on);
                if (on && COORDINATOR_ONLY.includes(area)) setArea('participants');
              }}
            />
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
        {previewPublic && (
          <Alert color="grape" mb="md" title="Previewing as public">
            You see what a public reader or MAG reviewer would see: protected participants appear
            only by their pseudonym. Turn off “Preview as public” to return to the coordinators’
            view.
          </Alert>
        )}
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
        {area === 'participants' && (
          <ParticipantsPage key={forum.id} forum={forum} audience={audience} />
        )}
        {area === 'nris' && <NrisPage key={forum.id} forum={forum} audience={audience} />}
        {area === 'calls' && <CallsPage key={forum.id} forum={forum} audience={audience} />}
        {area === 'contributions' && (
          <ContributionsPage key={forum.id} forum={forum} audience={audience} />
        )}
        {area === 'representation' && (
          <RepresentationPage key={forum.id} forum={forum} audience={audience} />
        )}
        {area === 'report' && <ReportPage key={forum.id} forum={forum} audience={audience} />}
        {area === 'safeguards' && !previewPublic && <SafeguardsPage key={forum.id} forum={forum} />}
      </AppShell.Main>
      <ForumFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(f) => void onForumSaved(f)}
      />
    </AppShell>
  );
}
