import type { RpcResult } from '../../../shared/result';

export type UnlockState = 'new' | 'unencrypted' | 'locked' | 'open';

/** Browser mode's unlock endpoints (outside the contract: before unlocking there is no backend). */
async function post<T>(path: string, token: string, body: unknown): Promise<RpcResult<T>> {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return (await res.json()) as RpcResult<T>;
  } catch (e) {
    return {
      ok: false,
      error: { code: 'internal', message: `Cannot reach Intersession (${String(e)})` },
    };
  }
}

export const unlockStatus = (token: string) =>
  post<{ state: UnlockState }>('/unlock/status', token, {});

export const unlockWith = (token: string, passphrase: string) =>
  post<{ state: 'open' }>('/unlock', token, { passphrase });
