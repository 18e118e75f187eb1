import { createClient, httpTransport, ipcTransport, type Client } from './client';

const TOKEN_KEY = 'intersession.token';

/** Picks the transport for the shell we run in; in browser mode the token comes in the URL hash. */
export function connect(): Client | null {
  const bridge = window.intersession;
  if (bridge)
    return createClient(ipcTransport(bridge), {
      withSession: (token) => ipcTransport(bridge, token),
    });
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token
    ? createClient(httpTransport(token), { withSession: (t) => httpTransport(t) })
    : null;
}
