import type { AppApi, MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import type { Audience } from '../../../shared/domain/vocabulary';
import type { RpcResult } from '../../../shared/result';
import { silentChannel, type EventChannel, type EventListener } from './events';

/**
 * Carries one call to the backend and brings back its envelope. Aborting `signal` cancels the
 * call: the backend stops it (a long read, an import preview) and it answers `cancelled`.
 */
export type Transport = (
  method: string,
  input: unknown,
  signal?: AbortSignal,
) => Promise<RpcResult<unknown>>;

export interface CallOptions {
  /** Cancels the call when aborted (it then answers `cancelled`; nothing is written). */
  signal?: AbortSignal;
}

/** The envelope of a call cancelled by its caller. */
export const cancelledByCaller = (): RpcResult<never> => ({
  ok: false,
  error: { code: 'cancelled', message: 'Cancelled; nothing was changed.' },
});

export interface Client {
  call<M extends MethodName & keyof AppApi>(
    method: M,
    input: MethodInput<M>,
    options?: CallOptions,
  ): Promise<RpcResult<MethodOutput<M>>>;
  /** Whose eyes this client's session answers for (the backend decides what that shows). */
  readonly audience: Audience;
  /**
   * A client on a narrower session of the same connection (`session.open`): "Preview as public"
   * is a public session, so every answer is what a public reader gets.
   */
  narrow(audience: Audience): Promise<RpcResult<Client>>;
  /** Listens to the connection's live updates (shared/events.ts); returns a function to stop. */
  onEvent(listener: EventListener): () => void;
  /** The connection's live-update channel (narrower sessions share their opener's). */
  readonly events: EventChannel;
}

export interface ClientOptions {
  audience?: Audience;
  /** The same transport, carrying a session token (how `narrow` reaches its session). */
  withSession?: (token: string) => Transport;
  events?: EventChannel;
}

export function createClient(transport: Transport, opts: ClientOptions = {}): Client {
  const events = opts.events ?? silentChannel;
  const client: Client = {
    audience: opts.audience ?? 'coordinators',
    events,
    onEvent: (listener) => events.subscribe(listener),
    call: (method, input, options) =>
      transport(method, input, options?.signal) as Promise<RpcResult<MethodOutput<typeof method>>>,
    async narrow(audience) {
      if (audience === client.audience) return { ok: true, value: client };
      const opened = await client.call('session.open', { audience });
      if (!opened.ok) return opened;
      if (!opts.withSession)
        return {
          ok: false,
          error: { code: 'internal', message: 'This connection cannot open another session.' },
        };
      return {
        ok: true,
        value: createClient(opts.withSession(opened.value.token), {
          audience: opened.value.audience,
          events,
        }),
      };
    },
  };
  return client;
}

/** Browser mode: `POST /rpc/<method>` with the session token (the URL's, or a narrower one). */
export function httpTransport(token: string, base = ''): Transport {
  return async (method, input, signal) => {
    try {
      // An aborted request closes its connection, which the server turns into a cancel.
      const res = await fetch(`${base}/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
        signal,
      });
      const body = (await res.json()) as RpcResult<unknown>;
      return body;
    } catch (e) {
      if (signal?.aborted) return cancelledByCaller();
      return {
        ok: false,
        error: { code: 'internal', message: `Cannot reach Intersession (${String(e)})` },
      };
    }
  };
}

/**
 * The last call id of this page: one counter for every desktop transport (a narrower session's
 * too), because main tells the calls of a window apart by this id alone.
 */
let lastCallId = 0;

/** Desktop: the preload's `invoke`, with a narrower session's token when there is one. */
export function ipcTransport(
  bridge: NonNullable<Window['intersession']>,
  sessionToken?: string,
): Transport {
  return (method, input, signal) => {
    if (!signal)
      return sessionToken === undefined
        ? bridge.invoke(method, input)
        : bridge.invoke(method, input, sessionToken);
    if (signal.aborted) return Promise.resolve(cancelledByCaller());
    // A cancellable call carries an id of this page's; aborting sends that id to main.
    const callId = ++lastCallId;
    const onAbort = () => bridge.cancel(callId);
    signal.addEventListener('abort', onAbort, { once: true });
    return bridge
      .invoke(method, input, sessionToken, callId)
      .finally(() => signal.removeEventListener('abort', onAbort));
  };
}
