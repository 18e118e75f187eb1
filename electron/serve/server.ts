import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { RpcResult } from '../../shared/result';
import type { Dispatch } from '../backend/dispatch';
import type { SessionTokens } from '../backend/sessions';
import { COORDINATORS_SESSION, type Session } from '../../shared/methods';
import { EVENTS_PATH, type BackendEvent } from '../../shared/events';

/** Largest request body accepted (CSV imports travel as text); stated in the README. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Bodies at least this large go to `dispatchWire` as bytes, when the server has it. */
export const WIRE_BODY_BYTES = 64 * 1024;

/** A too-large body is read and thrown away up to this much, then the connection is cut. */
const DISCARD_FACTOR = 4;

/** Shortest INTERSESSION_TOKEN accepted: 32 characters (the random default has 48). */
export const MIN_TOKEN_LENGTH = 32;

/** Refuses a session token that is short or cannot travel in a header; one sentence. */
export function checkToken(token: string): void {
  if (token.length < MIN_TOKEN_LENGTH)
    throw new Error(
      `INTERSESSION_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters long (it has ${token.length}); leave it unset to get a random one.`,
    );
  if (!/^[\x21-\x7e]+$/.test(token))
    throw new Error(
      'INTERSESSION_TOKEN may only contain visible ASCII characters (no spaces); leave it unset to get a random one.',
    );
}

/** decodeURIComponent that answers undefined for a malformed escape such as `%E0%A4%A` or `%zz`. */
function decodePath(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Browser mode's unlock screen talks to this, outside the contract: until it succeeds there is
 * no backend to dispatch to. `status` says which form to show; `unlock` takes the passphrase
 * (sets it when the state is 'new' or 'unencrypted') and opens the database.
 */
export interface UnlockGate {
  status(): { state: 'new' | 'unencrypted' | 'locked' | 'open' };
  unlock(passphrase: string): Promise<RpcResult<{ state: 'open' }>>;
}

export interface ServeOptions {
  /** Unlock screen endpoints (`POST /unlock/status`, `POST /unlock`); absent = always open. */
  unlock?: UnlockGate;
  dispatch: Dispatch;
  /**
   * The same dispatch for a request body as bytes, answered as JSON bytes (the worker pool's
   * `dispatchWire`): bodies from WIRE_BODY_BYTES up are passed through unparsed, so the HTTP
   * thread neither parses a large import nor serialises a large export.
   */
  dispatchWire?: (
    method: string,
    body: Uint8Array,
    session: Session,
    signal: AbortSignal,
  ) => Promise<{ status: number; json: Uint8Array | string }>;
  /**
   * Narrower sessions opened with `session.open` (their tokens are accepted too, each for its
   * own audience). Without it only the URL token, the coordinators' session, is accepted.
   */
  sessions?: Pick<SessionTokens, 'resolve'>;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest request body accepted; MAX_BODY_BYTES unless a test needs a small one. */
  maxBodyBytes?: number;
  /** The live-update channel, served as Server-Sent Events on `GET /events`. */
  events?: { subscribe(listener: (event: BackendEvent) => void): () => void };
  /** Milliseconds between SSE heartbeats (15 s unless a test needs it shorter). */
  heartbeatMs?: number;
}

/** SSE comment lines keep idle proxies and the browser from dropping the stream. */
export const HEARTBEAT_MS = 15_000;

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
  bytes?: Uint8Array | string,
) {
  res.writeHead(status, {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(bytes ?? body);
}

function sendJson(
  res: ServerResponse,
  status: number,
  value: RpcResult<unknown>,
  headers: Record<string, string> = {},
) {
  send(res, status, JSON.stringify(value), {
    'Content-Type': 'application/json; charset=utf-8',
    ...headers,
  });
}

/**
 * The body as text, or null when it is larger than `limit`. A too-large body is still read to
 * its end (and thrown away) so the client, which is still sending, receives the 413 instead of a
 * connection reset; past DISCARD_FACTOR times the limit the connection is cut.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        if (size > limit * DISCARD_FACTOR) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) resolve(null);
    });
  });
}

/** Browser mode: the built UI and `POST /rpc/<method>` on 127.0.0.1 only, behind a session token. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  if (opts.token !== undefined) checkToken(opts.token);
  const token = opts.token ?? randomBytes(24).toString('hex');
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const tokenBuf = Buffer.from(`Bearer ${token}`);
  let port = 0;

  const hostAllowed = (host: string | undefined) =>
    host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  const originAllowed = (origin: string | undefined) =>
    origin === undefined ||
    origin === `http://127.0.0.1:${port}` ||
    origin === `http://localhost:${port}`;
  const actor = `serve:${randomBytes(6).toString('hex')}`;
  const coordinators: Session = Object.freeze({ ...COORDINATORS_SESSION, actor });
  /** The session the request's Bearer token stands for: the URL token's, or a narrower one. */
  const sessionOf = (header: string | undefined): Session | undefined => {
    if (!header) return undefined;
    const got = Buffer.from(header);
    if (got.length === tokenBuf.length && timingSafeEqual(got, tokenBuf)) return coordinators;
    const narrower = header.startsWith('Bearer ')
      ? opts.sessions?.resolve(header.slice('Bearer '.length))
      : undefined;
    // Only sessions opened through this server's own token.
    return narrower?.actor === actor ? narrower : undefined;
  };

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    const rel = pathname === '/' ? 'index.html' : decodePath(pathname.slice(1));
    if (rel === undefined) {
      send(res, 400, 'Bad request: the address has a malformed % escape', {
        'Content-Type': 'text/plain',
      });
      return;
    }
    const file = normalize(join(opts.rendererDir, rel));
    if (!file.startsWith(normalize(opts.rendererDir) + sep)) {
      send(res, 404, 'Not found', { 'Content-Type': 'text/plain' });
      return;
    }
    try {
      if (extname(file) === '.html' || rel === 'index.html') {
        const nonce = randomBytes(16).toString('base64');
        const html = (await readFile(file, 'utf8')).replace(
          '<head>',
          `<head><meta name="csp-nonce" content="${nonce}">`,
        );
        send(res, 200, html, {
          'Content-Type': MIME['.html'],
          'Content-Security-Policy': contentSecurityPolicy(nonce),
        });
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    } catch {
      send(res, 404, 'Not found', { 'Content-Type': 'text/plain' });
    }
  }

  /** `GET /events`: the live-update channel for this server's sessions (same token checks as /rpc). */
  function serveEvents(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET') {
      send(res, 405, 'Method not allowed', { 'Content-Type': 'text/plain', Allow: 'GET' });
      return;
    }
    if (!originAllowed(req.headers.origin)) {
      send(res, 403, 'Requests from other sites are refused', { 'Content-Type': 'text/plain' });
      return;
    }
    const session = sessionOf(req.headers.authorization);
    if (!session) {
      send(res, 401, 'Missing or wrong session token', { 'Content-Type': 'text/plain' });
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.write(': connected\n\n');
    // Progress of jobs is coordinators' business (imports); `changed` only names areas.
    const unsubscribe = opts.events?.subscribe((event) => {
      if (event.kind !== 'changed' && session.audience !== 'coordinators') return;
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(
      () => res.write(': heartbeat\n\n'),
      opts.heartbeatMs ?? HEARTBEAT_MS,
    );
    heartbeat.unref();
    res.once('close', () => {
      clearInterval(heartbeat);
      unsubscribe?.();
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // DNS rebinding: only answer requests addressed to us by our own loopback name and port.
    if (!hostAllowed(req.headers.host)) {
      send(res, 403, 'Forbidden host', { 'Content-Type': 'text/plain' });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === '/unlock' || url.pathname === '/unlock/status') {
      if (req.method !== 'POST') {
        send(res, 405, 'Method not allowed', { 'Content-Type': 'text/plain', Allow: 'POST' });
        return;
      }
      // Only the URL token's holder (the coordinators' session) may unlock, from our own page.
      if (
        !originAllowed(req.headers.origin) ||
        sessionOf(req.headers.authorization) !== coordinators
      ) {
        req.resume();
        sendJson(res, 401, {
          ok: false,
          error: { code: 'unauthorized', message: 'Missing or wrong session token' },
        });
        return;
      }
      if (url.pathname === '/unlock/status') {
        req.resume();
        sendJson(res, 200, { ok: true, value: opts.unlock?.status() ?? { state: 'open' } });
        return;
      }
      const body = await readBody(req, 64 * 1024);
      let passphrase: unknown;
      try {
        passphrase =
          body === null
            ? undefined
            : (JSON.parse(body.toString('utf8')) as { passphrase?: unknown }).passphrase;
      } catch {
        passphrase = undefined;
      }
      if (typeof passphrase !== 'string' || passphrase.length === 0) {
        sendJson(res, 400, {
          ok: false,
          error: {
            code: 'validation',
            message: 'passphrase: The passphrase is required.',
            field: 'passphrase',
          },
        });
        return;
      }
      sendJson(
        res,
        200,
        opts.unlock ? await opts.unlock.unlock(passphrase) : { ok: true, value: { state: 'open' } },
      );
      return;
    }
    if (url.pathname === EVENTS_PATH) {
      serveEvents(req, res);
      return;
    }
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') {
        send(res, 405, 'Method not allowed', { 'Content-Type': 'text/plain', Allow: 'POST' });
        return;
      }
      if (!originAllowed(req.headers.origin)) {
        sendJson(res, 403, {
          ok: false,
          error: { code: 'unauthorized', message: 'Requests from other sites are refused' },
        });
        return;
      }
      const session = sessionOf(req.headers.authorization);
      if (!session) {
        sendJson(res, 401, {
          ok: false,
          error: { code: 'unauthorized', message: 'Missing or wrong session token' },
        });
        return;
      }
      const method = decodePath(url.pathname.slice('/rpc/'.length));
      if (method === undefined) {
        req.resume();
        sendJson(res, 400, {
          ok: false,
          error: { code: 'validation', message: 'The method name has a malformed % escape.' },
        });
        return;
      }
      const body = await readBody(req, maxBody);
      if (body === null) {
        if (res.destroyed) return;
        sendJson(
          res,
          413,
          {
            ok: false,
            error: {
              code: 'validation',
              message: `input: the request is larger than the limit of ${Math.floor(maxBody / 1024 / 1024) || maxBody} ${maxBody >= 1024 * 1024 ? 'MB' : 'bytes'}.`,
            },
          },
          { Connection: 'close' },
        );
        return;
      }
      // A client that goes away (closed connection, aborted fetch) cancels its call.
      const abort = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) abort.abort();
      });
      if (opts.dispatchWire && body.length >= WIRE_BODY_BYTES) {
        const reply = await opts.dispatchWire(method, body, session, abort.signal);
        if (res.destroyed) return;
        send(
          res,
          reply.status,
          '',
          {
            'Content-Type': 'application/json; charset=utf-8',
          },
          reply.json,
        );
        return;
      }
      let input: unknown;
      try {
        const text = body.toString('utf8');
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        sendJson(res, 400, {
          ok: false,
          error: { code: 'validation', message: 'input: must be a JSON object' },
        });
        return;
      }
      const result = await opts.dispatch(method, input, session, abort.signal);
      if (res.destroyed) return;
      const status = result.ok ? 200 : result.error.code === 'unknown_method' ? 404 : 200;
      sendJson(res, status, result);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed', { 'Content-Type': 'text/plain' });
      return;
    }
    await serveStatic(req, res, url.pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[intersession] request failed:', e);
      if (!res.headersSent)
        sendJson(res, 500, {
          ok: false,
          error: { code: 'internal', message: 'Something went wrong on our side' },
        });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
