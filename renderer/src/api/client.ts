import type { AppApi, MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import type { Audience } from '../../../shared/domain/vocabulary';
import type { RpcResult } from '../../../shared/result';
import { silentChannel, type EventChannel, type EventListener } from './events';

/** Carries one call to the backend and brings back its envelope. */
export type Transport = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

export interface Client {
  call<M extends MethodName & keyof AppApi>(
    method: M,
    input: MethodInput<M>,
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
    call: (method, input) =>
      transport(method, input) as Promise<RpcResult<MethodOutput<typeof method>>>,
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
  return async (method, input) => {
    try {
      const res = await fetch(`${base}/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      const body = (await res.json()) as RpcResult<unknown>;
      return body;
    } catch (e) {
      return {
        ok: false,
        error: { code: 'internal', message: `Cannot reach Intersession (${String(e)})` },
      };
    }
  };
}

/** Desktop: the preload's `invoke`, with a narrower session's token when there is one. */
export function ipcTransport(
  bridge: NonNullable<Window['intersession']>,
  sessionToken?: string,
): Transport {
  return (method, input) =>
    sessionToken === undefined
      ? bridge.invoke(method, input)
      : bridge.invoke(method, input, sessionToken);
}
