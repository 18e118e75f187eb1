import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../../shared/events';
import { backoff, bridgeChannel, sseChannel, toBackendEvent } from './events';

const changed: BackendEvent = {
  kind: 'changed',
  method: 'participants.create',
  areas: ['participants'],
};

/** A response whose body streams `chunks` (split anywhere, as the network may). */
function streamed(chunks: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk));
      c.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('the browser live-update channel', () => {
  it('sends the Bearer token and delivers each event, however the stream is split', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(200), { maxLength: 6 }), async (cuts) => {
        const text = `data: ${JSON.stringify(changed)}\n\n: keep-alive\n\ndata: ${JSON.stringify({ kind: 'progress', jobId: 'j1', done: 5, total: 10 })}\n\n`;
        const points = [...new Set(cuts.map((c) => c % text.length))].sort((a, b) => a - b);
        const chunks = [0, ...points, text.length]
          .slice(1)
          .map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1], end))
          .filter(Boolean);
        const seen: BackendEvent[] = [];
        const headers: Headers[] = [];
        let stop: () => void = () => undefined;
        const done = new Promise<void>((resolve) => {
          stop = resolve;
        });
        const channel = sseChannel('tok-123', {
          fetchImpl: async (_url, init) => {
            headers.push(new Headers(init?.headers));
            return streamed(chunks);
          },
          wait: () => {
            stop();
            return new Promise(() => undefined);
          },
        });
        channel.subscribe((e) => seen.push(e));
        await done;
        channel.close();
        expect(headers[0].get('Authorization')).toBe('Bearer tok-123');
        expect(seen.map((e) => e.kind)).toEqual(['changed', 'progress']);
      }),
      { numRuns: 30 },
    );
  });

  it('retries quietly with a growing delay while the server answers 404', async () => {
    const waits: number[] = [];
    let calls = 0;
    let statusChanges = 0;
    const channel = sseChannel('t', {
      fetchImpl: async () => {
        calls++;
        return new Response('Not found', { status: 404 });
      },
      wait: async (ms) => {
        waits.push(ms);
        if (waits.length >= 4) channel.close();
      },
    });
    channel.onStatus(() => statusChanges++);
    await expect.poll(() => waits.length).toBeGreaterThanOrEqual(4);
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(waits.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(channel.up).toBe(false);
    expect(statusChanges).toBe(0);
  });

  it('skips a malformed line and keeps delivering', async () => {
    const seen: BackendEvent[] = [];
    let stop: () => void = () => undefined;
    const done = new Promise<void>((r) => (stop = r));
    const channel = sseChannel('t', {
      fetchImpl: async () => streamed([`data: {oops\n\ndata: ${JSON.stringify(changed)}\n\n`]),
      wait: () => {
        stop();
        return new Promise(() => undefined);
      },
    });
    channel.subscribe((e) => seen.push(e));
    await done;
    channel.close();
    expect(seen).toEqual([changed]);
  });
});

describe('toBackendEvent', () => {
  it('accepts only the event kinds of shared/events.ts, with their required fields', () => {
    expect(toBackendEvent(changed)).toEqual(changed);
    expect(toBackendEvent({ kind: 'changed', method: 'x' })).toBeNull();
    expect(toBackendEvent({ kind: 'finished', outcome: 'done' })).toBeNull();
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const event = toBackendEvent(junk);
        if (event) expect(['changed', 'progress', 'finished']).toContain(event.kind);
      }),
    );
  });
});

describe('backoff', () => {
  it('never waits less than a second nor more than thirty', () => {
    fc.assert(
      fc.property(fc.nat(1000), (n) => {
        const ms = backoff(n);
        expect(ms).toBeGreaterThanOrEqual(1000);
        expect(ms).toBeLessThanOrEqual(30_000);
        expect(backoff(n + 1)).toBeGreaterThanOrEqual(ms);
      }),
    );
  });
});

describe('the desktop channel', () => {
  it('forwards the preload events and counts as up from the first one', () => {
    let push: (payload: unknown) => void = () => undefined;
    let stopped = false;
    const channel = bridgeChannel({
      on: (name, listener) => {
        expect(name).toBe('event');
        push = listener;
        return () => {
          stopped = true;
        };
      },
    });
    const seen: BackendEvent[] = [];
    channel.subscribe((e) => seen.push(e));
    expect(channel.up).toBe(false);
    push({ not: 'an event' });
    expect(channel.up).toBe(false);
    push(changed);
    expect(channel.up).toBe(true);
    expect(seen).toEqual([changed]);
    channel.close();
    expect(stopped).toBe(true);
  });
});
