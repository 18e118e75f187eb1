import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { createTheme, Drawer, MantineProvider, Modal } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { setNonce } from 'get-nonce';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ClientContext } from './api/context';
import { connect } from './api/session';
import { App } from './app/App';
import { NoSession } from './app/NoSession';

/** The shell puts a per-load nonce here; Mantine's <style> tags need it under our CSP. */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
// Modals lock page scroll with a <style> element (react-remove-scroll), which takes its nonce here.
setNonce(nonce);

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  components: {
    // The × of dialogs gets an accessible name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});
const client = connect();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} getStyleNonce={() => nonce}>
      <Notifications position="bottom-right" />
      {client ? (
        <ClientContext.Provider value={client}>
          <App />
        </ClientContext.Provider>
      ) : (
        <NoSession />
      )}
    </MantineProvider>
  </StrictMode>,
);
