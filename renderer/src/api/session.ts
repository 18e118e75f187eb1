import { createClient, httpTransport, ipcTransport, type Client } from './client';

const TOKEN_KEY = 'intersession.token';

/** Picks the transport for the shell we run in; in browser mode the token comes in the URL hash. */
export function connect(): Client | null {
  if (window.intersession) return createClient(ipcTransport(window.intersession));
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? createClient(httpTransport(token)) : null;
}
