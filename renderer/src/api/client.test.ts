import { describe, expect, it } from 'vitest';
import type { RpcResult } from '../../../shared/result';
import { createClient, type Transport } from './client';

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
