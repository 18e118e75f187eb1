import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Forum } from '../../../shared/api';
import type { Client } from '../api/client';
import { ClientContext } from '../api/context';
import { invalidatingClient } from '../api/queries';
import { ForumAccessProvider } from '../app/forumAccess';
import { AREA_ROUTES, type Area } from '../app/routes';

/**
 * What a component of an area needs around it in a component test: Mantine, a fresh query cache
 * (no retries, so a refusal shows at once), the client (invalidating, as in the app) and the
 * area's route at `path`; with `forum`, the forum the shell would have open (archived or not).
 */
export function TestProviders({
  client,
  area,
  path,
  forum,
  children,
}: {
  client: Client;
  area: Area;
  path?: string;
  forum?: Forum;
  children: ReactNode;
}) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  );
  const [wrapped] = useState(() => invalidatingClient(client, queryClient));
  return (
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <ClientContext.Provider value={wrapped}>
          <MemoryRouter initialEntries={[path ?? `/${area}`]}>
            <Routes>
              <Route
                path={`/${AREA_ROUTES[area]}`}
                element={
                  forum ? (
                    <ForumAccessProvider forum={forum}>{children}</ForumAccessProvider>
                  ) : (
                    children
                  )
                }
              />
            </Routes>
          </MemoryRouter>
        </ClientContext.Provider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
