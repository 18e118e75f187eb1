// The worker pool serve runs on: a reader that crashes is reported and replaced, a cancelled
// read writes nothing (not even its audit record), reads see the caller's own committed writes,
// and a real HTTP client receives the live-update events on GET /events.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../../shared/events';
import type { RpcResult } from '../../../shared/result';
import { startServer, WIRE_BODY_BYTES, type RunningServer } from '../../serve/server';
import { routeOf, startThreadedBackend, type ThreadedBackend } from './pool';
import { builtWorkerScript } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'intersession-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function value<T>(r: RpcResult<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe('routing', () => {
  it('sends writes and the import jobs to the writer, reads (and audit-only writes) to readers', () => {
    expect(routeOf('participants.create')).toBe('writer');
    expect(routeOf('participants.importStatus')).toBe('writer');
    expect(routeOf('contributions.importCancel')).toBe('writer');
    expect(routeOf('participants.list')).toBe('reader');
    expect(routeOf('representation.dashboard')).toBe('reader');
    expect(routeOf('exports.render')).toBe('reader');
    expect(routeOf('participants.get')).toBe('reader');
    expect(routeOf('session.open')).toBe('front');
    expect(routeOf('no.suchMethod')).toBe('reader');
  });
});

describe('a reader worker that crashes', () => {
  let backend: ThreadedBackend;
  const lines: string[] = [];
  beforeAll(async () => {
    backend = await startThreadedBackend({
      dbFile: join(dir, 'crash.db'),
      shell: 'test',
      readers: 1,
      crashReaderOn: 'forums.list',
      workerScript: await builtWorkerScript(),
      log: (line) => lines.push(line),
    });
  }, 60_000);
  afterAll(() => backend?.close());

  it('answers its call internal, is reported, and is replaced by one that answers', async () => {
    const before = backend.threads.readers[0];
    const crashed = await backend.dispatch('forums.list', {});
    expect(crashed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(lines.join('\n')).toMatch(/reader worker 1 stopped \(test crash on forums\.list\)/);
    const again = await backend.dispatch('forums.list', {});
    expect(again).toEqual({ ok: true, value: [] });
    expect(backend.threads.readers[0]).not.toBe(before);
  }, 60_000);

  it('is replaced after being killed from outside too', async () => {
    const victim = backend.threads.readers[0];
    await victim.terminate();
    await expect.poll(() => backend.threads.readers[0] !== victim, { timeout: 30_000 }).toBe(true);
    expect(await backend.dispatch('forums.list', {})).toEqual({ ok: true, value: [] });
    expect(lines.filter((l) => l.includes('stopped'))).toHaveLength(2);
  }, 60_000);
});

describe('a writer worker that crashes', () => {
  let backend: ThreadedBackend;
  const lines: string[] = [];
  beforeAll(async () => {
    backend = await startThreadedBackend({
      dbFile: join(dir, 'writer-crash.db'),
      shell: 'test',
      readers: 1,
      crashWriterOn: 'forums.update',
      workerScript: await builtWorkerScript(),
      log: (line) => lines.push(line),
    });
  }, 60_000);
  afterAll(() => backend?.close());

  it('answers its call internal, is reported, and a new writer takes the writes', async () => {
    const forum = value<{ id: string }>(
      await backend.dispatch('forums.create', { title: 'Before', year: 2026 }),
    );
    const before = backend.threads.writer;
    const crashed = await backend.dispatch('forums.update', {
      id: forum.id,
      title: 'Lost',
      year: 2026,
    });
    expect(crashed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(lines.join('\n')).toMatch(/the writer worker stopped \(test crash on forums\.update\)/);
    await expect.poll(() => backend.threads.writer !== before, { timeout: 30_000 }).toBe(true);
    // What was committed before the crash is still there, and writes go on.
    const after = value<{ id: string }>(
      await backend.dispatch('forums.create', { title: 'After', year: 2026 }),
    );
    const titles = value<{ id: string; title: string }[]>(
      await backend.dispatch('forums.list', {}),
    ).map((f) => f.title);
    expect(titles.sort()).toEqual(['After', 'Before']);
    expect(after.id).not.toBe(forum.id);
  }, 60_000);
});

describe('the pool behind HTTP', () => {
  let backend: ThreadedBackend;
  let server: RunningServer;
  const TOKEN = 'pool-test-token-0123456789abcdefghijkl';
  beforeAll(async () => {
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head></html>');
    backend = await startThreadedBackend({
      dbFile: join(dir, 'http.db'),
      shell: 'test',
      workerScript: await builtWorkerScript(),
    });
    server = await startServer({
      dispatch: backend.dispatch,
      dispatchWire: backend.dispatchWire,
      sessions: backend.sessions,
      events: backend,
      rendererDir,
      token: TOKEN,
      heartbeatMs: 50,
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await backend?.close();
  });

  const rpc = async (method: string, input: unknown) =>
    (await (
      await fetch(`http://127.0.0.1:${server.port}/rpc/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(input),
      })
    ).json()) as RpcResult<unknown>;

  /** Opens GET /events and collects what arrives (events and heartbeat comments). */
  function listen(token: string) {
    const got: { events: BackendEvent[]; heartbeats: number; status?: number } = {
      events: [],
      heartbeats: 0,
    };
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      path: '/events',
      headers: { Authorization: `Bearer ${token}`, Host: `127.0.0.1:${server.port}` },
    });
    req.on('response', (res) => {
      got.status = res.statusCode;
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith('data: ')) got.events.push(JSON.parse(block.slice(6)));
          if (block.startsWith(': heartbeat')) got.heartbeats++;
        }
      });
    });
    req.on('error', () => undefined);
    req.end();
    return { got, close: () => req.destroy() };
  }

  it('sends a ChangedEvent to a real HTTP client after a write, and heartbeats', async () => {
    const a = listen(TOKEN);
    const b = listen(TOKEN);
    await expect.poll(() => a.got.status).toBe(200);
    await expect.poll(() => b.got.status).toBe(200);
    const forum = value<{ id: string }>(await rpc('forums.create', { title: 'Live', year: 2026 }));
    for (const l of [a, b])
      await expect
        .poll(() => l.got.events)
        .toContainEqual({
          kind: 'changed',
          method: 'forums.create',
          areas: ['forums', 'timeline'],
          forumId: forum.id,
        });
    await expect.poll(() => a.got.heartbeats).toBeGreaterThan(0);
    a.close();
    b.close();
  }, 30_000);

  it('refuses GET /events without the token', async () => {
    const l = listen('wrong-token-wrong-token-wrong-token-00');
    await expect.poll(() => l.got.status).toBe(401);
    l.close();
  });

  it("answers a read with the caller's write that was just acknowledged", async () => {
    const forum = value<{ id: string }>(await rpc('forums.create', { title: 'RaW', year: 2026 }));
    for (let i = 0; i < 20; i++) {
      const p = value<{ id: string }>(
        await rpc('participants.create', {
          forumId: forum.id,
          fullName: `Person ${i}`,
          stakeholderGroup: 'academia',
        }),
      );
      const got = value<{ id: string }>(await rpc('participants.get', { id: p.id }));
      expect(got.id).toBe(p.id);
    }
    const page = value<{ total: number }>(await rpc('participants.list', { forumId: forum.id }));
    expect(page.total).toBe(20);
  }, 60_000);

  it('writes nothing for a cancelled export, not even its audit record', async () => {
    const forum = value<{ id: string }>(await rpc('forums.create', { title: 'Cx', year: 2026 }));
    const req = {
      forumId: forum.id,
      kind: 'participant-directory',
      format: 'csv',
      audience: 'public',
    };
    const abort = new AbortController();
    const pending = backend.dispatch('exports.render', req, undefined, abort.signal);
    abort.abort();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const audit = value<{ total: number }>(
      await rpc('audit.list', { forumId: forum.id, action: 'export' }),
    );
    expect(audit.total).toBe(0);
    // The same export not cancelled leaves its record (the baseline the check above relies on).
    value(await rpc('exports.render', req));
    const after = value<{ total: number }>(
      await rpc('audit.list', { forumId: forum.id, action: 'export' }),
    );
    expect(after.total).toBe(1);
  }, 30_000);

  it('passes a large body to the worker as bytes and answers it the same', async () => {
    const forum = value<{ id: string }>(await rpc('forums.create', { title: 'Wire', year: 2026 }));
    const rows = Array.from({ length: 3000 }, (_, i) => `Person ${i},p${i}@example.org,academia`);
    rows[4] = 'Broken,not-an-email,academia';
    const csv = ['Full name,E-mail,Stakeholder group', ...rows].join('\n');
    const input = { forumId: forum.id, csv, duplicates: 'skip' };
    expect(JSON.stringify(input).length).toBeGreaterThan(WIRE_BODY_BYTES);
    const overHttp = value<{ totalRows: number; invalidCount: number; errors: unknown[] }>(
      await rpc('participants.importPreview', input),
    );
    expect(overHttp).toMatchObject({ totalRows: 3000, invalidCount: 1 });
    expect(overHttp).toEqual(value(await backend.dispatch('participants.importPreview', input)));
  }, 30_000);

  it('answers 400 to a large body that is not JSON, and 404 to an unknown method', async () => {
    const bad = await fetch(`http://127.0.0.1:${server.port}/rpc/forums.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: '{'.padEnd(WIRE_BODY_BYTES + 10, ' '),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
    const unknown = await fetch(`http://127.0.0.1:${server.port}/rpc/no.suchMethod`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ pad: 'x'.repeat(WIRE_BODY_BYTES) }),
    });
    expect(unknown.status).toBe(404);
  }, 30_000);
});
