// Main only relays: calls go to the utility process with the resolved session, answers come
// back by request id, a caller's abort becomes a cancel message, events reach listeners, and a
// backend process that dies answers its pending calls 'internal'. The utility process is faked.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromHost, ToHost } from '../backend/host/protocol';

const fake = vi.hoisted(() => ({
  children: [] as {
    sent: unknown[];
    emitter: import('node:events').EventEmitter;
    reply: (m: unknown) => void;
  }[],
  fork: vi.fn(),
  /** What the fake backend answers to each message it receives. */
  respond: (_m: unknown, _reply: (m: unknown) => void) => undefined as void,
}));

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (...args: unknown[]) => {
      fake.fork(...args);
      const emitter = new EventEmitter();
      const child = {
        sent: [] as unknown[],
        emitter,
        reply: (m: unknown) => emitter.emit('message', m),
      };
      fake.children.push(child);
      return {
        postMessage: (m: unknown) => {
          child.sent.push(m);
          queueMicrotask(() => fake.respond(m, child.reply));
        },
        on: (name: string, l: (...a: unknown[]) => void) => emitter.on(name, l),
        kill: vi.fn(() => emitter.emit('exit', 1)),
      };
    },
  },
}));

const { startBackendProcess } = await import('./backendProcess');

const reply = (m: FromHost, to: (m: unknown) => void) => to(m);

beforeEach(() => {
  fake.children.length = 0;
  fake.fork.mockClear();
  fake.respond = (m, to) => {
    const msg = m as ToHost;
    if (msg.type === 'start') reply({ type: 'ready' }, to);
    if (msg.type === 'call')
      reply({ type: 'result', id: msg.id, result: { ok: true, value: msg.method } }, to);
  };
});

const opts = { entry: '/app/out/main/backend.js', dbFile: '/data/intersession.db' };

describe('the backend utility process', () => {
  it('forks the built entry, starts it on the database, and relays a call by request id', async () => {
    const backend = await startBackendProcess(opts);
    expect(fake.fork).toHaveBeenCalledWith('/app/out/main/backend.js', [], expect.anything());
    expect(fake.children[0].sent[0]).toMatchObject({
      type: 'start',
      dbFile: '/data/intersession.db',
    });
    const answer = await backend.dispatch('forums.list', {}, { audience: 'public', actor: 'w:1' });
    expect(answer).toEqual({ ok: true, value: 'forums.list' });
    expect(fake.children[0].sent[1]).toMatchObject({
      type: 'call',
      method: 'forums.list',
      session: { audience: 'public', actor: 'w:1' },
    });
  });

  it('answers session.open in main (tokens stay here) and never sends it to the process', async () => {
    const backend = await startBackendProcess(opts);
    const opened = await backend.dispatch(
      'session.open',
      { audience: 'public' },
      { audience: 'coordinators', actor: 'w:1' },
    );
    expect(opened.ok).toBe(true);
    const token = (opened as { value: { token: string } }).value.token;
    expect(backend.sessions.resolve(token)).toMatchObject({ audience: 'public', actor: 'w:1' });
    expect(fake.children[0].sent).toHaveLength(1); // only the start message
  });

  it('sends the generic cancel with the request id when the caller aborts', async () => {
    fake.respond = (m, to) => {
      const msg = m as ToHost;
      if (msg.type === 'start') reply({ type: 'ready' }, to);
      if (msg.type === 'cancel')
        reply(
          {
            type: 'result',
            id: msg.id,
            result: { ok: false, error: { code: 'cancelled', message: 'cancelled' } },
          },
          to,
        );
    };
    const backend = await startBackendProcess(opts);
    const abort = new AbortController();
    const pending = backend.dispatch(
      'exports.render',
      {},
      { audience: 'coordinators' },
      abort.signal,
    );
    abort.abort();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const call = fake.children[0].sent[1] as { id: number };
    expect(fake.children[0].sent[2]).toEqual({ type: 'cancel', id: call.id });
  });

  it('passes the live-update events on, and answers pending calls when the process dies', async () => {
    fake.respond = (m, to) => {
      if ((m as ToHost).type === 'start') reply({ type: 'ready' }, to);
    };
    const backend = await startBackendProcess(opts);
    const events: unknown[] = [];
    backend.onEvent((e) => events.push(e));
    const event = { kind: 'changed', method: 'forums.create', areas: ['forums'] };
    fake.children[0].reply({ type: 'event', event });
    expect(events).toEqual([event]);
    const pending = backend.dispatch('forums.list', {}, { audience: 'coordinators' });
    fake.children[0].emitter.emit('exit', 9);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await backend.dispatch('forums.list', {}, { audience: 'coordinators' })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('rejects with the one-line reason when the backend cannot open the database', async () => {
    fake.respond = (m, to) => {
      if ((m as ToHost).type === 'start')
        reply({ type: 'startup-failed', message: '/data/intersession.db is damaged' }, to);
    };
    await expect(startBackendProcess(opts)).rejects.toThrow('/data/intersession.db is damaged');
  });
});
