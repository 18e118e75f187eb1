/**
 * Crash safety, as a real process dies: the browser-mode server is started on a database file,
 * sent writes (and, in some rounds, a 20,000-row participant import), and killed with SIGKILL at a
 * random moment. Afterwards the file must pass `integrity_check`, and every write the server
 * acknowledged must be in it. The loop is bounded (ROUNDS rounds, each a few seconds at most).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { applyKey } from '../../db/cipher';
import { keyFromPassphrase } from '../backend/keys/passphrase';
import { builtServe } from '../backend/threads/testing';

const ROUNDS = 4;
const TOKEN = 'crash-test-token-0123456789abcdefghijklmnop';
const dir = mkdtempSync(join(tmpdir(), 'intersession-crash-'));
const dbFile = join(dir, 'crash.db');
// The server opens the (encrypted) file with this passphrase, as a script would.
const PASSPHRASE = 'crash test passphrase';
const passphraseFile = join(dir, 'passphrase.txt');
writeFileSync(passphraseFile, PASSPHRASE);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  // The built serve shell, as `npm run serve` runs it.
  const cli = join(await builtServe(), 'cli.js');
  const child = spawn(process.execPath, [cli, '--db', dbFile, '--port', '0'], {
    env: {
      ...process.env,
      INTERSESSION_TOKEN: TOKEN,
      INTERSESSION_PASSPHRASE_FILE: passphraseFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 90_000); // three workers start on a shared 2-core machine
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${m[1]}` });
      }
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${err}`));
    });
  });
}

async function rpc(base: string, method: string, input: unknown): Promise<unknown> {
  const res = await fetch(`${base}/rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value;
}

const importCsv = (round: number) =>
  [
    'Name,Email,Organisation,Stakeholder group,Country',
    ...Array.from(
      { length: 20_000 },
      (_, i) => `Imported ${round}-${i},imp${round}-${i}@example.org,Org ${i % 9},Civil society,KE`,
    ),
  ].join('\n');

describe('SIGKILL during writes and imports', () => {
  it(
    'keeps the file intact and every acknowledged write',
    async () => {
      const acknowledged: string[] = [];
      let forumId: string | null = null;
      for (let round = 0; round < ROUNDS; round++) {
        const { child, base } = await startServer();
        if (!forumId)
          forumId = (
            (await rpc(base, 'forums.create', { title: 'Crash forum', year: 2027 })) as {
              id: string;
            }
          ).id;
        // Every other round, an import runs while the writes go on.
        if (round % 2 === 1) {
          const csv = importCsv(round);
          const preview = (await rpc(base, 'participants.importPreview', { forumId, csv })) as {
            mapping: unknown;
          };
          await rpc(base, 'participants.importStart', {
            forumId,
            csv,
            mapping: preview.mapping,
            duplicates: 'skip',
          });
        }
        const killAt = Date.now() + 150 + Math.floor(Math.random() * 600);
        const killer = new Promise<void>((resolve) => {
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, killAt - Date.now());
        });
        let n = 0;
        const writer = (async () => {
          while (Date.now() < killAt + 50) {
            const fullName = `Written ${round}-${n++}`;
            try {
              await rpc(base, 'participants.create', {
                forumId,
                fullName,
                stakeholderGroup: 'academia',
              });
              acknowledged.push(fullName);
            } catch {
              return; // the server is gone: this write was never acknowledged
            }
          }
        })();
        await Promise.all([killer, writer]);
        await new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve();
          else child.once('exit', () => resolve());
        });

        // The parameters are read (and a half-done change finished) as the next unlock would.
        const key = keyFromPassphrase(dbFile, PASSPHRASE);
        const db = new Database(dbFile, { readonly: true });
        applyKey(db, key);
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const names = new Set(
            db.prepare('SELECT full_name FROM participants').pluck().all() as string[],
          );
          const lost = acknowledged.filter((name) => !names.has(name));
          expect(lost).toEqual([]);
        } finally {
          db.close();
        }
      }
      // The loop really wrote: some writes were acknowledged before the kills.
      expect(acknowledged.length).toBeGreaterThan(ROUNDS);
    },
    ROUNDS * 120_000,
  );
});
