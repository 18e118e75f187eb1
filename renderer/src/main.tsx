import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { setNonce } from 'get-nonce';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ClientContext } from './api/context';
import { LiveUpdates } from './api/LiveUpdates';
import { createQueryClient, invalidatingClient } from './api/queries';
import { connect } from './api/session';
import { NoSession } from './app/NoSession';
import { UnlockGate } from './features/unlock/UnlockScreen';
import { createAppRouter } from './app/router';
import { theme } from './app/theme';

/** The shell puts a per-load nonce here; Mantine's <style> tags need it under our CSP. */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
// Modals lock page scroll with a <style> element (react-remove-scroll), which takes its nonce here.
setNonce(nonce);

const queryClient = createQueryClient();
// Read the token out of the URL before the router sees the fragment.
const connected = connect();
const client = connected ? invalidatingClient(connected, queryClient) : null;
const router = client ? createAppRouter() : null;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto" getStyleNonce={() => nonce}>
      <Notifications position="bottom-right" />
      {client && router ? (
        <UnlockGate>
          <QueryClientProvider client={queryClient}>
            <ClientContext.Provider value={client}>
              <LiveUpdates />
              <RouterProvider router={router} />
            </ClientContext.Provider>
          </QueryClientProvider>
        </UnlockGate>
      ) : (
        <NoSession />
      )}
    </MantineProvider>
  </StrictMode>,
);
