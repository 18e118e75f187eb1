/**
 * The forum the served benches share (bench/responsive, bench/pages): 100,000 participants and
 * 1,000,000 attendance records over 40 calls, with a 50-section report, generated once and cached
 * under /tmp/intersession-bench/ (keyed by DATA_VERSION and the scale; bulk-inserted with
 * prepared statements in one transaction), then served by the real built serve (writer + reader
 * workers) on an encrypted copy, as a user runs it.
 * Environment: BENCH_PARTICIPANTS, BENCH_ATTENDANCE (defaults 100,000 and 1,000,000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../electron/backend/backend';
import { COUNTRIES } from '../shared/domain/countries';
import { GENDERS, STAKEHOLDER_GROUPS } from '../shared/domain/vocabulary';
import type { RpcResult } from '../shared/result';
import { buildServe, SERVE_OUT, serveBuildIsStale } from '../scripts/build-serve.mjs';

export const N = Number(process.env.BENCH_PARTICIPANTS ?? 100_000);
export const A = Number(process.env.BENCH_ATTENDANCE ?? 1_000_000);
const CALLS = 40;
const SECTIONS = 50;
/** Bump when the generated data changes shape, so a stale cache is not reused. */
const DATA_VERSION = 'v1';
const CACHE_DIR = '/tmp/intersession-bench';
export const TOKEN = 'responsive-bench-token-0123456789abcdefgh';
const root = fileURLToPath(new URL('..', import.meta.url));

const uuid = (prefix: number, i: number) =>
  `${prefix.toString(16).padStart(8, '0')}-${(i >>> 16).toString(16).padStart(4, '0')}-7${(i & 0xfff).toString(16).padStart(3, '0')}-8000-${i.toString(16).padStart(12, '0')}`;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface Fixture {
  forumId: string;
  reportId: string;
  participantIds: string[];
}

/** The cached database file (generating it when missing) and what the calls need from it. */
async function fixture(): Promise<{ file: string; fx: Fixture }> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, `responsive-${DATA_VERSION}-${N}-${A}.db`);
  const building = `${file}.building`;
  const forumId = uuid(0x0f000000, 1);
  const participantIds = Array.from({ length: N }, (_, i) => uuid(0x10000000, i));
  if (existsSync(file)) {
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const db = new Database(file, { readonly: true });
    const reportId = db.prepare('SELECT id FROM reports LIMIT 1').pluck().get() as string;
    db.close();
    return { file, fx: { forumId, reportId, participantIds } };
  }
  console.log(`Generating ${N} participants and ${A} attendance records (cached in ${file})...`);
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  const now = Date.UTC(2026, 10, 1);
  const backend = createBackend({ dbFile: building, shell: 'test', now: () => now });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await backend.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  const t0 = performance.now();
  const db = backend.db;
  db.prepare(
    "INSERT INTO forums (id, title, topic, year, secret, created_at, updated_at) VALUES (?, 'BPF Responsive', '', 2026, 'bench-secret-0123456789', ?, ?)",
  ).run(forumId, now, now);
  // The report first: adding sections is cheap while the forum is still empty.
  let report = await call<{ id: string; sections: { id: string }[] }>('report.create', { forumId });
  while (report.sections.length < SECTIONS)
    report = await call('report.addSection', {
      reportId: report.id,
      afterId: report.sections[report.sections.length - 1].id,
      title: `Finding ${report.sections.length}`,
      level: 2,
    });
  const r = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const countries = COUNTRIES.filter((c) => c.region);
  const insertP = db.prepare(
    `INSERT INTO participants (id, forum_id, full_name, email, email_key, stakeholder_group, country, region,
       development_status, gender, search_text, sort_name, consent_invitations, consent_listed,
       is_protected, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const insertC = db.prepare(
    `INSERT INTO calls (id, forum_id, start_at, duration_minutes, zone, title, status, created_at, updated_at)
     VALUES (?, ?, ?, 60, 'UTC', ?, 'scheduled', ?, ?)`,
  );
  const insertA = db.prepare(
    'INSERT INTO attendance (call_id, participant_id, status) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const c = pick(countries);
      const name = `Member ${i} ${pick(['Lima', 'Okafor', 'Nguyen', 'Schmidt', 'Quispe'])}`;
      insertP.run(
        participantIds[i],
        forumId,
        name,
        `member${i}@example.org`,
        `member${i}@example.org`,
        pick(STAKEHOLDER_GROUPS),
        c.code,
        c.region,
        c.ldc ? 'ldc' : c.developed ? 'developed' : 'developing',
        r() < 0.1 ? null : pick(GENDERS),
        name.toLowerCase(),
        name.toLowerCase(),
        r() < 0.7 ? 1 : 0,
        r() < 0.005 ? 1 : 0,
        now,
        now,
      );
    }
    const perCall = Math.ceil(A / CALLS);
    const step = Math.max(1, Math.floor(N / perCall));
    for (let k = 0; k < CALLS; k++) {
      const callId = uuid(0x20000000, k);
      insertC.run(
        callId,
        forumId,
        Date.UTC(2026, 0, 15) + k * 7 * 86_400_000,
        `Call ${k}`,
        now,
        now,
      );
      const start = Math.floor(r() * N);
      for (let j = 0; j < perCall && j < N; j++)
        insertA.run(
          callId,
          participantIds[(start + j * step) % N],
          r() < 0.8 ? 'attended' : 'apologies',
        );
    }
  })();
  backend.close();
  renameSync(building, file);
  for (const s of ['-wal', '-shm']) rmSync(`${building}${s}`, { force: true });
  console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { file, fx: { forumId, reportId: report.id, participantIds } };
}

/**
 * Serve as a user runs it: `npm run serve` opens on the unlock screen (every call answers
 * "locked"), so the bench gives it its passphrase through INTERSESSION_PASSPHRASE_FILE, as a
 * script would. A plain file is encrypted with it at open, like a first unlock.
 */
function startServe(dbFile: string): Promise<{ child: ChildProcess; base: string }> {
  const passphraseFile = `${dbFile}.passphrase`;
  writeFileSync(passphraseFile, 'responsive bench passphrase\n', { mode: 0o600 });
  const child = spawn(
    process.execPath,
    [join(SERVE_OUT, 'cli.js'), '--db', dbFile, '--port', '0'],
    {
      cwd: root,
      env: {
        ...process.env,
        INTERSESSION_TOKEN: TOKEN,
        INTERSESSION_PASSPHRASE_FILE: passphraseFile,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

/**
 * The fixture as serve keeps it: encrypted with the bench's passphrase, plus its `.key.json`
 * sidecar. Made once (serve encrypts a plain copy at its first open, as for a user upgrading),
 * then cached beside the plain file, so later runs start serve on an encrypted file at once.
 */
async function encryptedFixture(plain: string): Promise<string> {
  const enc = `${plain}.encrypted`;
  if (existsSync(enc) && existsSync(`${enc}.key.json`)) return enc;
  const building = `${enc}.building`;
  copyFileSync(plain, building);
  const t0 = performance.now();
  const { child } = await startServe(building);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  console.log(
    `  encrypted once by serve's first open in ${((performance.now() - t0) / 1000).toFixed(1)} s (cached in ${enc})`,
  );
  renameSync(`${building}.key.json`, `${enc}.key.json`);
  renameSync(building, enc);
  for (const s of ['-wal', '-shm', '.lock', '.passphrase'])
    rmSync(`${building}${s}`, { force: true });
  return enc;
}

export interface ServedForum {
  fx: Fixture;
  /** The server's origin, e.g. http://127.0.0.1:41234 */
  base: string;
  /** One call over HTTP, as the UI's transport makes it (the coordinators' token by default). */
  rpc(method: string, input: unknown, token?: string): Promise<RpcResult<unknown>>;
  stop(): Promise<void>;
}

/** Serve (built when stale) started on a fresh copy of the encrypted fixture. */
export async function serveFixture(name: string): Promise<ServedForum> {
  const { file, fx } = await fixture();
  if (serveBuildIsStale()) await buildServe();
  const encrypted = await encryptedFixture(file);
  const work = join(CACHE_DIR, `${name}-run-${process.pid}.db`);
  copyFileSync(encrypted, work);
  copyFileSync(`${encrypted}.key.json`, `${work}.key.json`);
  const started = performance.now();
  const { child, base } = await startServe(work);
  console.log(`serve (built) started in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  const rpc = async (method: string, input: unknown, token = TOKEN) => {
    const res = await fetch(`${base}/rpc/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await res.json()) as RpcResult<unknown>;
  };
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    for (const s of ['', '-wal', '-shm', '.lock', '.passphrase', '.key.json', '.key.json.next'])
      rmSync(`${work}${s}`, { force: true });
  };
  return { fx, base, rpc, stop };
}
