import { createClient, httpTransport, ipcTransport, type Client } from './client';
import { bridgeChannel, sseChannel } from './events';

const TOKEN_KEY = 'intersession.token';

/**
 * Splits the session token out of a URL fragment and keeps the rest, which is the router's path
 * (`#/participants/p1`). The shell prints `#token=…`; a saved deep link may carry both, path first
 * (`#/participants/p1?token=…`).
 */
export function takeToken(hash: string): { token: string | null; route: string } {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryAt = body.indexOf('?');
  // `#token=…` alone: the whole fragment is parameters; `#/path?token=…`: only what follows `?`.
  const [path, params] =
    body.startsWith('/') || queryAt > 0
      ? queryAt >= 0
        ? [body.slice(0, queryAt), body.slice(queryAt + 1)]
        : [body, '']
      : ['', body];
  const search = new URLSearchParams(params);
  const raw = search.get('token');
  const token = raw !== null && /^[A-Za-z0-9_-]+$/.test(raw) ? raw : null;
  search.delete('token');
  const rest = search.toString();
  const route = (path || '/') + (rest ? `?${rest}` : '');
  return { token, route };
}

/** Picks the transport for the shell we run in; in browser mode the token comes in the URL hash. */
export function connect(): Client | null {
  const bridge = window.intersession;
  if (bridge)
    return createClient(ipcTransport(bridge), {
      withSession: (token) => ipcTransport(bridge, token),
      events: bridgeChannel(bridge),
    });
  const { token: fromUrl, route } = takeToken(window.location.hash);
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // The token leaves the address bar (and history); the route stays for the hash router.
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${route}`);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? browserClient(token) : null;
}

/**
 * Browser mode's client: `POST /rpc` with the token, narrower sessions on the same origin, live
 * updates over `GET /events`. `base` is the origin when not the page's own (bench/pages).
 */
export function browserClient(token: string, base = ''): Client {
  return createClient(httpTransport(token, base), {
    withSession: (t) => httpTransport(t, base),
    events: sseChannel(token, { base }),
  });
}

/** Browser mode's session token (null on desktop), for the unlock screen's requests. */
export function browserToken(): string | null {
  return window.intersession ? null : sessionStorage.getItem(TOKEN_KEY);
}
