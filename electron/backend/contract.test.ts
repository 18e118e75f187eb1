// One contract, two transports: the same scenario runs in-process (backend.dispatch) and over the
// browser-mode HTTP bridge (POST /rpc/<method>), and both give the same answers. Also checks the
// bridge's guards: session token, Host and Origin checks, unknown methods, CSP. The HTTP side runs
// twice: on the single-threaded backend and on the worker pool serve uses (writer + readers).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodDescription } from '../../shared/api';
import type { RpcResult } from '../../shared/result';
import { methodSchemas } from '../../shared/schemas';
import { startServer, type RunningServer } from '../serve/server';
import { createBackend, type Backend } from './backend';
import type { Dispatch } from './dispatch';
import type { SessionTokens } from './sessions';
import { startThreadedBackend } from './threads/pool';
import { builtWorkerScript } from './threads/testing';

const MODES = ['single-threaded', 'worker threads'] as const;

type Call = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

const TOKEN = 'contract-test-token-0123456789abcdef';
let dir: string;
let inProcess: Backend;
let overHttp: { dispatch: Dispatch; sessions: SessionTokens; close(): unknown };
let server: RunningServer;

describe.each(MODES)('with the %s backend behind HTTP', (currentMode) => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'intersession-contract-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<!doctype html><html><head><title>Intersession</title></head><body><div id="root">contract-test-ui</div></body></html>',
    );
    // Two real backends on two database files, so each transport runs the scenario from scratch.
    inProcess = createBackend({ dbFile: join(dir, 'in-process.db'), shell: 'test' });
    const dbFile = join(dir, 'over-http.db');
    overHttp =
      currentMode === 'worker threads'
        ? await startThreadedBackend({
            dbFile,
            shell: 'test',
            workerScript: await builtWorkerScript(),
          })
        : createBackend({ dbFile, shell: 'test' });
    server = await startServer({
      dispatch: overHttp.dispatch,
      sessions: overHttp.sessions,
      rendererDir,
      port: 0,
      token: TOKEN,
    });
  }, 60_000); // three workers start (each opens the database) on a shared 2-core machine

  afterAll(async () => {
    await server?.close();
    inProcess?.close();
    await overHttp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const base = () => `http://127.0.0.1:${server.port}`;

  const viaDispatch: Call = (method, input) => inProcess.dispatch(method, input);
  const httpWith =
    (token: string): Call =>
    async (method, input) => {
      const res = await fetch(`${base()}/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return (await res.json()) as RpcResult<unknown>;
    };
  const viaHttp: Call = httpWith(TOKEN);
  /** In-process, a narrower session's token resolves through the backend like the server does. */
  const dispatchWith =
    (token: string): Call =>
    (method, input) =>
      inProcess.dispatch(method, input, inProcess.sessions.resolve(token));

  function value<T>(result: RpcResult<unknown>): T {
    if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
    return result.value as T;
  }

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const VOLATILE_KEYS = /^(id|.*Id|.*At|restorableUntil|dbFile)$/;

  /** The answer with ids and timestamps replaced, so two databases' answers can be compared. */
  function normalise(v: unknown, key = ''): unknown {
    if (Array.isArray(v)) return v.map((x) => normalise(x));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x, k)]));
    if (VOLATILE_KEYS.test(key) && (typeof v === 'number' || typeof v === 'string'))
      return `<${key}>`;
    if (typeof v === 'string' && UUID.test(v)) return '<uuid>';
    return v;
  }

  /** The forum and participant scenario; returns every answer in order. */
  async function scenario(call: Call): Promise<unknown[]> {
    const answers: unknown[] = [];
    const step = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await call(method, input);
      answers.push(result);
      return value<T>(result);
    };

    const forum = await step<{ id: string; title: string }>('forums.create', {
      title: 'BPF Cybersecurity',
      topic: 'Norms in practice',
      year: 2026,
      mandate: 'Collect best practices.',
      milestones: [{ kind: 'kick_off', date: '2026-02-10' }],
    });
    expect(forum.title).toBe('BPF Cybersecurity');

    const forums = await step<{ id: string }[]>('forums.list', {});
    expect(forums.map((f) => f.id)).toContain(forum.id);

    const created = await step<{ id: string; fullName: string }>('participants.create', {
      forumId: forum.id,
      fullName: 'Amina Okonkwo-Delacroix',
      email: 'amina@example.org',
      organisation: 'Lagos Internet Society',
      stakeholderGroup: 'civil_society',
      country: 'NG',
      languages: ['en', 'fr'],
      timeZone: 'Africa/Lagos',
      consentListed: true,
    });
    expect(created.fullName).toBe('Amina Okonkwo-Delacroix');

    const found = await step<{ total: number; rows: { id: string }[] }>('participants.list', {
      forumId: forum.id,
      search: 'okonkwo',
    });
    expect(found.total).toBe(1);
    expect(found.rows.map((r) => r.id)).toEqual([created.id]);

    const none = await step<{ total: number }>('participants.list', {
      forumId: forum.id,
      search: 'nobody-by-this-name',
    });
    expect(none.total).toBe(0);

    const updated = await step<{ organisation: string }>('participants.update', {
      id: created.id,
      organisation: 'Internet Society Nigeria',
      role: 'rapporteur',
    });
    expect(updated.organisation).toBe('Internet Society Nigeria');

    const removed = await step<{ id: string }>('participants.remove', { id: created.id });
    expect(removed.id).toBe(created.id);
    const afterRemove = await step<{ total: number }>('participants.list', { forumId: forum.id });
    expect(afterRemove.total).toBe(0);

    const restored = await step<{ id: string; organisation: string }>('participants.restore', {
      id: created.id,
    });
    expect(restored).toMatchObject({ id: created.id, organisation: 'Internet Society Nigeria' });
    const afterRestore = await step<{ total: number }>('participants.list', { forumId: forum.id });
    expect(afterRestore.total).toBe(1);

    // An expected failure travels as an envelope in both transports, too.
    answers.push(await call('participants.get', { id: '00000000-0000-7000-8000-000000000000' }));
    answers.push(await call('forums.create', { title: '', year: 2026 }));
    return answers;
  }

  describe('the contract', () => {
    it('system.describe lists every method with a JSON Schema of its input', async () => {
      for (const call of [viaDispatch, viaHttp]) {
        const methods = value<MethodDescription[]>(await call('system.describe', {}));
        expect(methods.map((m) => m.name).sort()).toEqual(Object.keys(methodSchemas).sort());
        for (const m of methods) {
          expect(m.input, m.name).toMatchObject({ type: 'object' });
          expect((m.input as { properties?: unknown }).properties, m.name).toBeTypeOf('object');
        }
      }
    });

    it('answers a public session the same in-process and over HTTP', async () => {
      const publicScenario = async (call: Call, narrowed: (token: string) => Call) => {
        const answers: unknown[] = [];
        const forum = value<{ id: string }>(
          await call('forums.create', { title: 'BPF Public view', year: 2026 }),
        );
        const p = value<{ id: string }>(
          await call('participants.create', {
            forumId: forum.id,
            fullName: 'Rosa Quispe Mamani',
            email: 'rosa@example.org',
            stakeholderGroup: 'academia',
            consentListed: true,
          }),
        );
        await call('participants.protect', { id: p.id, reason: 'contract test' });
        const opened = value<{ token: string; audience: string }>(
          await call('session.open', { audience: 'public' }),
        );
        expect(opened.audience).toBe('public');
        const pub = narrowed(opened.token);
        answers.push(await pub('participants.list', { forumId: forum.id }));
        answers.push(await pub('participants.list', { forumId: forum.id, search: 'Rosa Quispe' }));
        answers.push(await pub('audit.list', { forumId: forum.id }));
        answers.push(await pub('session.open', { audience: 'coordinators' }));
        return answers;
      };
      const local = await publicScenario(viaDispatch, dispatchWith);
      const remote = await publicScenario(viaHttp, httpWith);
      // Pseudonyms are keyed per forum (each database has its own secret): compared as placeholders.
      const pseudonymless = (v: unknown) =>
        JSON.parse(JSON.stringify(normalise(v)).replace(/Participant [A-Z2-9]+/g, '<pseudonym>'));
      expect(pseudonymless(remote)).toEqual(pseudonymless(local));
      const [list, search, audit, widen] = local as RpcResult<{ total: number; rows: unknown[] }>[];
      expect(JSON.stringify(list)).not.toContain('Rosa');
      expect(value<{ total: number }>(list).total).toBe(1);
      expect(value<{ total: number }>(search).total).toBe(0);
      expect(audit).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(widen).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });

    it('runs the same scenario in-process and over HTTP with the same results', async () => {
      const local = await scenario(viaDispatch);
      const remote = await scenario(viaHttp);
      expect(normalise(remote)).toEqual(normalise(local));
      // The two failures at the end are the expected envelopes.
      expect(local.at(-2)).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(local.at(-1)).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'title' },
      });
    });
  });

  interface RawResponse {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }

  /** A request with full control of the headers (fetch may not set Host). */
  function raw(opts: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
  }): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: opts.method,
          path: opts.path,
          headers: opts.headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(opts.body);
    });
  }

  const rpc = (headers: Record<string, string>, method = 'forums.list') =>
    raw({
      method: 'POST',
      path: `/rpc/${method}`,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: '{}',
    });

  describe('the HTTP bridge', () => {
    const host = () => `127.0.0.1:${server.port}`;
    const auth = { Authorization: `Bearer ${TOKEN}` };

    it('answers a well-formed request (the baseline for the refusals below)', async () => {
      const res = await rpc({ Host: host(), ...auth });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ ok: true });
      const viaLocalhost = await rpc({ Host: `localhost:${server.port}`, ...auth });
      expect(viaLocalhost.status).toBe(200);
    });

    it('refuses requests without the session token or with a wrong one (401)', async () => {
      const variants: Record<string, string>[] = [
        {},
        { Authorization: 'Bearer wrong-token' },
        { Authorization: `Bearer ${TOKEN}x` },
        { Authorization: TOKEN },
        { Authorization: `Basic ${TOKEN}` },
      ];
      for (const headers of variants) {
        const res = await rpc({ Host: host(), ...headers });
        expect(res.status, JSON.stringify(headers)).toBe(401);
        expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      }
    });

    it('refuses requests addressed to another host name (403, DNS rebinding)', async () => {
      for (const Host of [
        `evil.example:${server.port}`,
        `127.0.0.1.evil.example:${server.port}`,
        'evil.example',
        '127.0.0.1',
        `127.0.0.1:${server.port + 1}`,
      ]) {
        const res = await rpc({ Host, ...auth });
        expect(res.status, Host).toBe(403);
        const page = await raw({ method: 'GET', path: '/', headers: { Host } });
        expect(page.status, Host).toBe(403);
        expect(page.body).not.toContain('contract-test-ui');
      }
    });

    it('refuses requests from a foreign origin (403)', async () => {
      for (const Origin of [
        'http://evil.example',
        `http://evil.example:${server.port}`,
        'null',
        `https://127.0.0.1:${server.port}`,
      ]) {
        const res = await rpc({ Host: host(), Origin, ...auth });
        expect(res.status, Origin).toBe(403);
        expect(JSON.parse(res.body)).toMatchObject({ ok: false });
      }
      const same = await rpc({ Host: host(), Origin: `http://${host()}`, ...auth });
      expect(same.status).toBe(200);
    });

    it('answers 404 for an unknown method', async () => {
      const res = await rpc({ Host: host(), ...auth }, 'nothing.here');
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      expect(await inProcess.dispatch('nothing.here', {})).toMatchObject({
        ok: false,
        error: { code: 'unknown_method' },
      });
    });

    it('serves the UI with a Content-Security-Policy without unsafe-inline', async () => {
      const res = await fetch(`${base()}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('contract-test-ui');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'none'|default-src 'self'/);
      expect(csp).toMatch(/script-src/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    });

    it('does not serve files outside the UI folder', async () => {
      const res = await raw({
        method: 'GET',
        path: '/..%2fin-process.db',
        headers: { Host: host() },
      });
      expect(res.status).toBe(404);
    });
  });
});
