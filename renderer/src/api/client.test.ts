import { describe, expect, it } from 'vitest';
import type { RpcResult } from '../../../shared/result';
import {
  cancelledByCaller,
  createClient,
  httpTransport,
  ipcTransport,
  type Transport,
} from './client';

describe('a client on a narrower session', () => {
  it('opens it with session.open and sends every later call with its token', async () => {
    const sent: { token: string | null; method: string; input: unknown }[] = [];
    const over =
      (token: string | null): Transport =>
      async (method, input) => {
        sent.push({ token, method, input });
        if (method === 'session.open')
          return {
            ok: true,
            value: { token: 'public-token-0123456789abcdef0123', audience: 'public' },
          };
        return { ok: true, value: [] };
      };
    const coordinators = createClient(over(null), { withSession: (t) => over(t) });
    expect(coordinators.audience).toBe('coordinators');
    const opened = await coordinators.narrow('public');
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.audience).toBe('public');
    await opened.value.call('participants.list', { forumId: 'f1' });
    expect(sent).toEqual([
      { token: null, method: 'session.open', input: { audience: 'public' } },
      {
        token: 'public-token-0123456789abcdef0123',
        method: 'participants.list',
        input: { forumId: 'f1' },
      },
    ]);
  });

  it('passes on a refusal instead of pretending to have narrowed', async () => {
    const refusal: RpcResult<never> = {
      ok: false,
      error: { code: 'forbidden', message: 'This is not available to the public audience.' },
    };
    const client = createClient(async () => refusal, {
      audience: 'public',
      withSession: () => async () => refusal,
    });
    expect(await client.narrow('participants')).toEqual(refusal);
  });
});

describe('cancelling a call', () => {
  it('over HTTP aborts the request, and the call answers cancelled', async () => {
    let seen: AbortSignal | undefined;
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        seen = init.signal ?? undefined;
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        );
      })) as typeof fetch;
    try {
      const client = createClient(httpTransport('t'.repeat(40)));
      const controller = new AbortController();
      const answer = client.call(
        'participants.importPreview',
        { forumId: 'f1', csv: 'a', duplicates: 'skip' },
        { signal: controller.signal },
      );
      expect(seen?.aborted).toBe(false);
      controller.abort();
      expect(await answer).toEqual(cancelledByCaller());
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('over the desktop bridge sends a call id, and cancels by that id', async () => {
    const invoked: unknown[][] = [];
    const cancelled: number[] = [];
    let answer: (r: RpcResult<unknown>) => void = () => {};
    const bridge = {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return new Promise<RpcResult<unknown>>((resolve) => (answer = resolve));
      },
      cancel: (id: number) => cancelled.push(id),
      on: () => () => {},
    } as unknown as NonNullable<Window['intersession']>;
    const client = createClient(ipcTransport(bridge));
    // Without a signal nothing changes: no id, nothing to cancel.
    const plain = client.call('forums.list', {});
    answer({ ok: true, value: [] });
    await plain;
    const first = new AbortController();
    const a = client.call('forums.list', {}, { signal: first.signal });
    answer({ ok: true, value: [] });
    await a;
    const second = new AbortController();
    const b = client.call('forums.list', {}, { signal: second.signal });
    second.abort();
    answer({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
    expect(await b).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    first.abort(); // after its answer: sends nothing
    expect(invoked).toEqual([
      ['forums.list', {}],
      ['forums.list', {}, undefined, expect.any(Number)],
      ['forums.list', {}, undefined, expect.any(Number)],
    ]);
    const [firstId, secondId] = [invoked[1][3], invoked[2][3]];
    expect(secondId).not.toBe(firstId);
    expect(cancelled).toEqual([secondId]);
    // A signal aborted before the call never reaches the backend.
    expect(await client.call('forums.list', {}, { signal: AbortSignal.abort() })).toEqual(
      cancelledByCaller(),
    );
    expect(invoked).toHaveLength(3);
    // A narrower session's transport in the same window never reuses an id (main keys by it).
    const narrowed = createClient(ipcTransport(bridge, 'tok-public'));
    const c = narrowed.call('forums.list', {}, { signal: new AbortController().signal });
    answer({ ok: true, value: [] });
    await c;
    expect(invoked[3]).toEqual(['forums.list', {}, 'tok-public', expect.any(Number)]);
    expect([firstId, secondId]).not.toContain(invoked[3][3]);
  });
});
