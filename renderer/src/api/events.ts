// The renderer's end of the live-update channel (shared/events.ts). Browser mode reads
// `GET /events` as a fetch stream (EventSource cannot send the Bearer token), parsed with
// eventsource-parser; the desktop shell forwards the preload's `on('event', …)`. While the channel
// is down (the server has no /events yet, or restarted) it retries with a growing delay, quietly.
import { createParser } from 'eventsource-parser';
import { EVENTS_PATH, type BackendEvent } from '../../../shared/events';

export type EventListener = (event: BackendEvent) => void;
export type StatusListener = (up: boolean) => void;

export interface EventChannel {
  /** Calls `listener` with every event; returns a function that stops listening. */
  subscribe(listener: EventListener): () => void;
  /** Whether events arrive now (import progress falls back to polling while not). */
  readonly up: boolean;
  onStatus(listener: StatusListener): () => void;
  close(): void;
}

const KINDS = new Set(['changed', 'progress', 'finished']);

/** A payload from the wire, if it is one of the events we know (anything else is ignored). */
export function toBackendEvent(payload: unknown): BackendEvent | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const kind = (payload as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !KINDS.has(kind)) return null;
  if (kind === 'changed' && !Array.isArray((payload as { areas?: unknown }).areas)) return null;
  if (kind !== 'changed' && typeof (payload as { jobId?: unknown }).jobId !== 'string') return null;
  return payload as BackendEvent;
}

/** Retry delays: 1 s doubling to 30 s, so a server without the channel is asked rarely. */
export function backoff(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
}

/** Shared fan-out and status bookkeeping for both transports. */
function hub() {
  const listeners = new Set<EventListener>();
  const statusListeners = new Set<StatusListener>();
  let up = false;
  return {
    listeners,
    get up() {
      return up;
    },
    setUp(next: boolean) {
      if (next === up) return;
      up = next;
      for (const l of statusListeners) l(up);
    },
    emit(event: BackendEvent) {
      for (const l of listeners) l(event);
    },
    subscribe(listener: EventListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onStatus(listener: StatusListener) {
      statusListeners.add(listener);
      return () => void statusListeners.delete(listener);
    },
  };
}

/** Browser mode: a long-lived `GET /events` read as a stream, reconnecting with backoff. */
export function sseChannel(
  token: string,
  opts: { base?: string; fetchImpl?: typeof fetch; wait?: (ms: number) => Promise<void> } = {},
): EventChannel {
  const h = hub();
  const doFetch = opts.fetchImpl ?? fetch.bind(globalThis);
  const wait = opts.wait ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const abort = new AbortController();
  let closed = false;

  const run = async () => {
    let attempt = 0;
    while (!closed) {
      try {
        const res = await doFetch(`${opts.base ?? ''}${EVENTS_PATH}`, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
          signal: abort.signal,
          cache: 'no-store',
        });
        if (res.ok && res.body) {
          h.setUp(true);
          attempt = 0;
          const parser = createParser({
            onEvent: (message) => {
              try {
                const event = toBackendEvent(JSON.parse(message.data));
                if (event) h.emit(event);
              } catch {
                // A malformed line is skipped; the next event still arrives.
              }
            },
          });
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            parser.feed(value);
          }
        } else {
          // 404 until the server has the channel: quietly try again later.
          await res.body?.cancel();
        }
      } catch {
        // Network error or closed: fall through to the retry delay.
      }
      h.setUp(false);
      if (closed) break;
      await wait(backoff(attempt++));
    }
  };
  void run();

  return {
    subscribe: h.subscribe,
    onStatus: h.onStatus,
    get up() {
      return h.up;
    },
    close() {
      closed = true;
      abort.abort();
      h.setUp(false);
    },
  };
}

/**
 * Desktop: the preload's `on('event', …)`. Counted as up from the first event, so a main process
 * that does not forward events yet leaves import progress on its polling fallback.
 */
export function bridgeChannel(bridge: Pick<IntersessionBridge, 'on'>): EventChannel {
  const h = hub();
  const stop = bridge.on('event', (payload) => {
    const event = toBackendEvent(payload);
    if (!event) return;
    h.setUp(true);
    h.emit(event);
  });
  return {
    subscribe: h.subscribe,
    onStatus: h.onStatus,
    get up() {
      return h.up;
    },
    close() {
      stop();
      h.setUp(false);
    },
  };
}

/** A channel that never delivers (tests, or no session). */
export const silentChannel: EventChannel = {
  subscribe: () => () => undefined,
  onStatus: () => () => undefined,
  up: false,
  close: () => undefined,
};
