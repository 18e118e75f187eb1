import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import {
  createHashRouter,
  Navigate,
  useLocation,
  useNavigate,
  useRouteError,
  type RouteObject,
} from 'react-router';
import { useAudience } from '../api/context';
import { invalidateAreas, type UiArea } from '../api/queries';
import { CallsPage } from '../features/calls/CallsPage';
import { ActionsPage } from '../features/actions/ActionsPage';
import { DataPage } from '../features/data/DataPage';
import { ContributionsPage } from '../features/contributions/ContributionsPage';
import { OverviewPage } from '../features/forums/OverviewPage';
import { NrisPage } from '../features/nris/NrisPage';
import { ParticipantsPage } from '../features/participants/ParticipantsPage';
import { ReportPage } from '../features/report/ReportPage';
import { RepresentationPage } from '../features/representation/RepresentationPage';
import { SafeguardsPage } from '../features/safeguards/SafeguardsPage';
import { App, useShell } from './App';
import { AREA_ROUTES, AREAS, areaPath, COORDINATOR_ONLY, type Area } from './routes';

/** One area's page, with the forum the shell shows (the public's view while previewing). */
function AreaPage({ area }: { area: Area }) {
  const { forum, onForumChanged } = useShell();
  const audience = useAudience();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (audience !== 'coordinators' && COORDINATOR_ONLY.includes(area))
    return <Navigate to={areaPath('participants')} replace />;
  switch (area) {
    case 'overview':
      return (
        <OverviewPage
          forum={forum}
          onForumChanged={onForumChanged}
          onGoToParticipants={() => void navigate(areaPath('participants'))}
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
      return <SafeguardsPage forum={forum} />;
    case 'actions':
      return <ActionsPage forum={forum} />;
    case 'data':
      // An imported package adds a forum: the forum list (and everything it frames) is stale.
      return (
        <DataPage
          forum={forum}
          onForumImported={() => void invalidateAreas(queryClient, ['overview'])}
        />
      );
  }
}

/**
 * An area's error boundary (the router's, per area route): says which area failed, and offers a
 * way back and a retry. The router clears it when the location changes, so "Try again" navigates
 * to the same place after making the area's queries refetch.
 */
export function AreaError({ area }: { area: Area }) {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const label = AREAS.find((a) => a.id === area)?.label ?? area;
  useEffect(() => heading.current?.focus(), []);
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Stack maw={640} gap="md" role="alert">
      <Title order={1} ref={heading} tabIndex={-1}>
        Something went wrong in {label}
      </Title>
      <Text>
        This part of Intersession stopped working. Nothing you saved is lost. The error said:
      </Text>
      <Alert color="red" variant="outline">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {message}
        </Text>
      </Alert>
      <Group>
        <Button
          onClick={() => {
            void invalidateAreas(queryClient, [area as UiArea]);
            void navigate(location, { replace: true });
          }}
        >
          Try again
        </Button>
        {area !== 'overview' && (
          <Button variant="default" onClick={() => void navigate(areaPath('overview'))}>
            Back to Overview
          </Button>
        )}
      </Group>
    </Stack>
  );
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <App />,
    children: [
      { index: true, element: <Navigate to={areaPath('overview')} replace /> },
      ...AREAS.map((a): RouteObject => ({
        path: AREA_ROUTES[a.id],
        element: <AreaPage area={a.id} />,
        errorElement: <AreaError area={a.id} />,
      })),
      { path: '*', element: <Navigate to={areaPath('overview')} replace /> },
    ],
  },
];

export function createAppRouter() {
  return createHashRouter(routes);
}
