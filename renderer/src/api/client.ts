import type { AppApi, MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';

/** Carries one call to the backend and brings back its envelope. */
export type Transport = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

export interface Client {
  call<M extends MethodName & keyof AppApi>(
    method: M,
    input: MethodInput<M>,
  ): Promise<RpcResult<MethodOutput<M>>>;
}

export function createClient(transport: Transport): Client {
  return {
    call: (method, input) =>
      transport(method, input) as Promise<RpcResult<MethodOutput<typeof method>>>,
  };
}

/** Browser mode: `POST /rpc/<method>` with the session token from the URL. */
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

/** Desktop: the preload's `invoke`. */
export function ipcTransport(bridge: NonNullable<Window['intersession']>): Transport {
  return (method, input) => bridge.invoke(method, input);
}
