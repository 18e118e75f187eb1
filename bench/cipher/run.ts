/**
 * Encryption benchmark (`npm run bench -- cipher`): the same work on an encrypted database
 * (SQLCipher 4, raw key) and on a plain one, in the same run, interleaved by bench/lib (plain,
 * encrypted, then the other way round, ...) so that machine noise hits both alike; medians of the
 * runs are compared.
 *
 * (a) participant import of N generated participants (CSV, through the service, one transaction),
 *     each run into a fresh database of its kind;
 * (b) list pages (`participants.list`, first page, sorted by name, several offsets);
 * (c) search (`participants.list` with a search term: the trigram index).
 * Target: encrypted within 1.3x of plain for each; exit code 1 when one is missed (bench/lib check).
 *
 * Environment: BENCH_PARTICIPANTS (default 100000), BENCH_IMPORT_RUNS (default 5, at least 5),
 * BENCH_RUNS (list and search queries per kind, default 61).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { importParticipantsFromCsv } from '../../electron/backend/participants/importJob';
import type { Forum } from '../../shared/api';
import { check, interleave, median, MIN_RUNS, ms, runsFromEnv, summary } from '../lib';
import { generateParticipants } from '../participants/generate';

const N = Number(process.env.BENCH_PARTICIPANTS ?? 100_000);
const IMPORT_RUNS = Math.max(MIN_RUNS, Number(process.env.BENCH_IMPORT_RUNS ?? MIN_RUNS));
const QUERIES = runsFromEnv(61);
const TARGET = 1.3;
const KEY = Buffer.from('6f'.repeat(32), 'hex');

async function unwrap<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

type Kind = 'plain' | 'encrypted';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'intersession-bench-cipher-'));
  const opened: Partial<Record<Kind, { backend: Backend; forum: Forum; file: string }>> = {};
  try {
    console.log(`Generating ${N.toLocaleString('en')} participants...`);
    const { csv } = generateParticipants(N);
    // (a) Import: each run a fresh database of its kind; the last one of each kind is kept open.
    let made = 0;
    const importInto = (kind: Kind) => async () => {
      const file = join(dir, `${kind}-${made++}.db`);
      const backend = createBackend({
        dbFile: file,
        shell: 'test',
        key: kind === 'encrypted' ? KEY : undefined,
      });
      const forum = await unwrap<Forum>(backend, 'forums.create', { title: 'Bench', year: 2026 });
      const result = await importParticipantsFromCsv(
        { db: backend.db, now: Date.now, shell: 'test', dbFile: file },
        { forumId: forum.id, csv, duplicates: 'skip' },
      );
      if (result.added !== N) throw new Error(`${kind}: imported ${result.added} of ${N}`);
      const previous = opened[kind];
      if (previous) {
        previous.backend.close();
        rmSync(previous.file, { force: true });
        for (const f of ['-wal', '-shm']) rmSync(previous.file + f, { force: true });
      }
      opened[kind] = { backend, forum, file };
    };
    const imports = await interleave(
      { plain: importInto('plain'), encrypted: importInto('encrypted') },
      IMPORT_RUNS,
      { warmup: 0 },
    );
    // (b, c) List and search on the last imported database of each kind, interleaved per query.
    const terms = ['ana', 'mensah', 'lima', 'son', 'ez', 'kim', 'ali', 'ova'];
    const counter = { plain: 0, encrypted: 0 };
    const listPage = (kind: Kind) => async () => {
      const { backend, forum } = opened[kind]!;
      const q = counter[kind]++;
      await unwrap(backend, 'participants.list', {
        forumId: forum.id,
        offset: (q * 997) % Math.max(1, N - 100),
        limit: 100,
      });
    };
    const lists = await interleave(
      { plain: listPage('plain'), encrypted: listPage('encrypted') },
      QUERIES,
    );
    const searched = { plain: 0, encrypted: 0 };
    const search = (kind: Kind) => async () => {
      const { backend, forum } = opened[kind]!;
      await unwrap(backend, 'participants.list', {
        forumId: forum.id,
        search: terms[searched[kind]++ % terms.length],
        limit: 100,
      });
    };
    const searches = await interleave(
      { plain: search('plain'), encrypted: search('encrypted') },
      QUERIES,
    );

    console.log(
      `\n${'scenario'.padEnd(38)}${'plain ms'.padStart(10)}${'encrypted ms'.padStart(14)}${'ratio'.padStart(8)}`,
    );
    for (const [label, times] of [
      [`import ${N.toLocaleString('en')} (median of ${imports.plain.length})`, imports],
      [`list page (median of ${lists.plain.length})`, lists],
      [`search (median of ${searches.plain.length})`, searches],
    ] as const) {
      const plain = median(times.plain);
      const enc = median(times.encrypted);
      console.log(
        `${label.padEnd(38)}${ms(plain, 2).padStart(10)}${ms(enc, 2).padStart(14)}${`${(enc / plain).toFixed(2)}x`.padStart(8)}`,
      );
      check(`${label}: encrypted / plain`, enc / plain, TARGET, { unit: 'x' });
    }
    summary();
  } finally {
    for (const k of ['plain', 'encrypted'] as const) opened[k]?.backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
