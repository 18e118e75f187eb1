// The HTTP edge of browser mode: malformed addresses, oversize bodies and weak tokens.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../shared/result';
import { checkToken, MAX_BODY_BYTES, startServer, type RunningServer } from './server';

const LIMIT = 64 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'intersession-server-'));
let server: RunningServer;
const seen: unknown[] = [];

beforeAll(async () => {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head></html>');
  server = await startServer({
    dispatch: (method, input) => {
      seen.push({ method, input });
      return Promise.resolve(ok({ method }));
    },
    rendererDir,
    port: 0,
    maxBodyBytes: LIMIT,
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

/** A raw request (fetch would re-encode the path); `body` may be sent in chunks, without length. */
function send(opts: {
  method: string;
  path: string;
  body?: Buffer;
  chunked?: boolean;
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      Host: `127.0.0.1:${server.port}`,
      Authorization: `Bearer ${server.token}`,
      'Content-Type': 'application/json',
    };
    if (opts.body && !opts.chunked) headers['Content-Length'] = String(opts.body.length);
    const req = request(
      { host: '127.0.0.1', port: server.port, method: opts.method, path: opts.path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body && opts.chunked) {
      // Many writes, as a streaming client would send them.
      for (let i = 0; i < opts.body.length; i += 16 * 1024)
        req.write(opts.body.subarray(i, i + 16 * 1024));
      req.end();
    } else req.end(opts.body);
  });
}

describe('browser-mode HTTP edge', () => {
  it('answers 400 (not 500) to a malformed % escape, in a file path and in a method name', async () => {
    for (const path of ['/%E0%A4%A', '/assets/%zz.js', '/%']) {
      const r = await send({ method: 'GET', path });
      expect(r.status, path).toBe(400);
    }
    const rpc = await send({
      method: 'POST',
      path: '/rpc/forums.%E0%A4%A',
      body: Buffer.from('{}'),
    });
    expect(rpc.status).toBe(400);
    expect(JSON.parse(rpc.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    // A well-formed escape still works.
    const fine = await send({
      method: 'POST',
      path: '/rpc/forums%2Elist',
      body: Buffer.from('{}'),
    });
    expect(fine.status).toBe(200);
  });

  it.each([false, true])(
    'answers a body over the limit with 413 and a JSON error the client receives (chunked: %s)',
    async (chunked) => {
      const before = seen.length;
      const body = Buffer.alloc(LIMIT * 3 + 17, 0x61);
      const r = await send({ method: 'POST', path: '/rpc/forums.list', body, chunked });
      expect(r.status).toBe(413);
      expect(r.headers.connection).toBe('close');
      expect(JSON.parse(r.body)).toEqual({
        ok: false,
        error: {
          code: 'validation',
          message: `input: the request is larger than the limit of ${LIMIT} bytes.`,
        },
      });
      expect(seen.length).toBe(before); // never dispatched
    },
  );

  it('accepts a body right at the limit', async () => {
    const json = Buffer.from(JSON.stringify({ csv: 'x'.repeat(LIMIT - 20) }));
    expect(json.length).toBeLessThanOrEqual(LIMIT);
    const r = await send({ method: 'POST', path: '/rpc/forums.list', body: json });
    expect(r.status).toBe(200);
  });

  it('the default limit is the one the README states (64 MB)', () => {
    expect(MAX_BODY_BYTES).toBe(64 * 1024 * 1024);
  });
});

describe('INTERSESSION_TOKEN', () => {
  it('must be at least 32 visible characters', async () => {
    expect(() => checkToken('a'.repeat(31))).toThrow(
      'INTERSESSION_TOKEN must be at least 32 characters long (it has 31); leave it unset to get a random one.',
    );
    expect(() => checkToken(`${'a'.repeat(31)} b`)).toThrow(/visible ASCII/);
    expect(() => checkToken('a'.repeat(32))).not.toThrow();
    await expect(
      startServer({
        dispatch: () => Promise.resolve(ok(null)),
        rendererDir: dir,
        token: 'short',
      }),
    ).rejects.toThrow(/at least 32 characters/);
  });
});
