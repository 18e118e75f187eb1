import {
  Alert,
  AppShell,
  Burger,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  NavLink,
  Stack,
  Switch,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate, useOutletContext } from 'react-router';
import type { Forum } from '../../../shared/api';
import type { Client } from '../api/client';
import { ClientContext, useClient } from '../api/context';
import { apiKey, invalidateAreas, UI_AREAS, useApi } from '../api/queries';
import { unwrapOrNotify } from '../components/errors';
import { ArchivedBanner } from '../features/forums/ForumAdmin';
import { ForumFormModal } from '../features/forums/ForumFormModal';
import { WelcomePage } from '../features/forums/WelcomePage';
import { ForumAccessProvider } from './forumAccess';
import { areaOfPath, areaPath, AREAS, COORDINATOR_ONLY } from './routes';

/** What every area route gets from the shell. */
export interface ShellContext {
  forum: Forum;
  /** The coordinators' view of the forum changed (edited from the Overview). */
  onForumChanged: (f: Forum) => void;
}

export function useShell(): ShellContext {
  return useOutletContext<ShellContext>();
}

/** The frame around every area: header, navigation (a menu button on narrow windows), the area. */
export function App() {
  const client = useClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const area = areaOfPath(location.pathname) ?? 'overview';
  const forums = useApi('forums.list', {});
  const current = useApi('forums.current', {});
  const forum = current.data ?? null;
  const [creating, setCreating] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const [navOpened, nav] = useDisclosure(false);
  /** While "Preview as public" is on: a client on a public session, used by the whole page. */
  const [publicClient, setPublicClient] = useState<Client | null>(null);
  /** The switch turns at once; the session opens just after. */
  const [opening, setOpening] = useState(false);
  const previewPublic = publicClient !== null;
  const visibleAreas = AREAS.filter((a) => !previewPublic || !COORDINATOR_ONLY.includes(a.id));

  // A new view (another area, a report opened, the forum just loaded or created) moves focus
  // to its heading, so keyboard and screen-reader users start there instead of on <body>.
  // While the current forum is still loading there is no view yet (undefined): the first view
  // after a reload or restart is the page load, not a change, so focus stays for the skip link.
  const viewKey = current.isPending
    ? undefined
    : forum
      ? `${forum.id} ${viewOf(location.pathname)}`
      : null;
  useFocusHeadingOnChange(viewKey);

  useEffect(() => {
    const label = AREAS.find((a) => a.id === area)?.label;
    document.title = forum ? `${label} · ${forum.title} · Intersession` : 'Intersession';
  }, [area, forum]);

  const openForum = async (id: string) => {
    const opened = unwrapOrNotify(await client.call('forums.open', { id }));
    if (opened) queryClient.setQueryData(apiKey(client.audience, 'forums.current', {}), opened);
  };

  const onForumSaved = async (saved: Forum) => {
    setCreating(false);
    queryClient.setQueryData(apiKey(client.audience, 'forums.current', {}), saved);
    await invalidateAreas(queryClient, UI_AREAS);
    void navigate(areaPath('overview'));
  };

  /** "Preview as public" opens a public session; every area then asks the backend through it. */
  const togglePreview = async (on: boolean) => {
    if (!on) {
      setPublicClient(null);
      return;
    }
    setOpening(true);
    try {
      const opened = unwrapOrNotify(await client.narrow('public'));
      if (opened) setPublicClient(opened);
    } finally {
      setOpening(false);
    }
    if (COORDINATOR_ONLY.includes(area)) void navigate(areaPath('participants'));
  };

  if (forums.data === undefined || current.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }

  if (!forum) return <WelcomePage onForumReady={(f) => void onForumSaved(f)} />;

  const forumControls = (
    <>
      <NativeSelect
        label="Forum"
        styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
        value={forum.id}
        onChange={(e) => void openForum(e.currentTarget.value)}
        // Archived forums are hidden unless asked for (the one open stays, to name the view).
        data={forums.data
          .filter((f) => showArchived || f.archivedAt == null || f.id === forum.id)
          .map((f) => ({
            value: f.id,
            label: `${f.title} (${f.year})${f.archivedAt != null ? ' · archived' : ''}`,
          }))}
      />
      <Switch
        label="Show archived"
        checked={showArchived}
        onChange={(e) => setShowArchived(e.currentTarget.checked)}
      />
      <Button variant="default" onClick={() => setCreating(true)}>
        New forum
      </Button>
      <Button
        variant="default"
        onClick={async () => {
          const f = unwrapOrNotify(await client.call('forums.loadSample', {}));
          if (f) void onForumSaved(f);
        }}
      >
        Load the sample forum
      </Button>
    </>
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <a
        className="skip-link"
        href="#main-content"
        // The fragment is the router's: move focus without navigating.
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
      >
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap" gap="sm">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpened}
              aria-controls="area-navigation"
            />
            <Title order={2} size="h4">
              Intersession
            </Title>
          </Group>
          <Group wrap="nowrap">
            <Switch
              label="Preview as public"
              checked={previewPublic || opening}
              onChange={(e) => void togglePreview(e.currentTarget.checked)}
            />
            {!previewPublic && (
              <Group wrap="nowrap" visibleFrom="sm">
                {forumControls}
              </Group>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="xs"
        component="nav"
        aria-label="Areas"
        id="area-navigation"
        // Mantine slides a closed navbar off screen; this also takes it out of the Tab order.
        className={navOpened ? undefined : 'navbar-closed-on-mobile'}
      >
        {!previewPublic && (
          // Below 768 px the header has no room: the forum controls move into the menu.
          <Stack hiddenFrom="sm" gap="xs" mb="sm">
            {forumControls}
          </Stack>
        )}
        {visibleAreas.map((a) => (
          <NavLink
            key={a.id}
            component={Link}
            to={areaPath(a.id)}
            label={a.label}
            active={area === a.id}
            aria-current={area === a.id ? 'page' : undefined}
            // A narrow window's menu closes once an area is chosen.
            onClick={nav.close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        {publicClient ? (
          <ClientContext.Provider value={publicClient}>
            <Alert color="grape" mb="md" title="Previewing as public">
              You see what a public reader or MAG reviewer would see: every answer comes from a
              public session. Turn off “Preview as public” to return to the coordinators’ view.
            </Alert>
            <PreviewOutlet forumId={forum.id} />
          </ClientContext.Provider>
        ) : (
          <ForumAccessProvider key={forum.id} forum={forum}>
            <ArchivedBanner forum={forum} />
            <Outlet
              context={{
                forum,
                onForumChanged: (f: Forum) => {
                  queryClient.setQueryData(apiKey(client.audience, 'forums.current', {}), f);
                  void invalidateAreas(queryClient, ['overview']);
                },
              }}
            />
          </ForumAccessProvider>
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

/** The areas as the public session sees them, starting with the forum itself (redacted). */
function PreviewOutlet({ forumId }: { forumId: string }) {
  const seen = useApi('forums.get', { id: forumId });
  if (seen.error) return <Alert color="red">{seen.error.message}</Alert>;
  if (!seen.data) return <Loader size="sm" aria-label="Opening the public preview" />;
  return (
    <ForumAccessProvider key={`public-${forumId}`} forum={seen.data}>
      <Outlet context={{ forum: seen.data, onForumChanged: () => undefined }} />
    </ForumAccessProvider>
  );
}

/** The part of a path that names a page (a detail shown in a dialog is not a new page). */
function viewOf(pathname: string): string {
  const parts = pathname.split('/').filter(Boolean);
  const depth = parts[0] === 'report' ? 2 : parts[0] === 'calls' ? 3 : 1;
  return parts.slice(0, depth).join('/');
}

/** Focuses the main heading when `key` changes (not on the first page load), once it exists. */
function useFocusHeadingOnChange(key: string | null | undefined) {
  const previous = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (key === undefined) return;
    const changed = previous.current !== undefined && previous.current !== key && key !== null;
    previous.current = key;
    if (!changed) return;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout>;
    const attempt = () => {
      const heading = document.querySelector<HTMLElement>('#main-content h1');
      // A dialog opened meanwhile keeps its focus.
      if (document.querySelector('[role="dialog"]')) return;
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
      } else if (tries++ < 40) timer = setTimeout(attempt, 50);
    };
    attempt();
    return () => clearTimeout(timer);
  }, [key]);
}
