// "Restore from backup" through the worker pool serve runs on: after the restore, every read
// (answered by the reader workers) sees the restored file, not the one it replaced.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEntry, ForumSummary, RestoreResult } from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import { startThreadedBackend, type ThreadedBackend } from '../threads/pool';
import { builtWorkerScript } from '../threads/testing';

const dir = mkdtempSync(join(tmpdir(), 'intersession-restore-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KEY = Buffer.alloc(32, 0x5a);

function value<T>(r: RpcResult<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe('restore through the worker pool', () => {
  let backend: ThreadedBackend;
  beforeAll(async () => {
    backend = await startThreadedBackend({
      dbFile: join(dir, 'app.db'),
      shell: 'test',
      key: KEY,
      keySource: 'passphrase',
      workerScript: await builtWorkerScript(),
    });
  }, 60_000);
  afterAll(() => backend?.close());

  it('every reader answers from the restored file', async () => {
    const call = async <T>(method: string, input: unknown = {}) =>
      value<T>(await backend.dispatch(method, input));
    await call('forums.loadSample');
    const made = await call<BackupEntry>('backups.create');
    await call('forums.create', { title: 'Made after the backup', year: 2026 });
    expect(await call<ForumSummary[]>('forums.list')).toHaveLength(2);
    const restored = await call<RestoreResult>('backups.restore', { name: made.name });
    expect(restored.restored).toBe(made.name);
    // Several reads at once, so both readers answer some.
    const lists = await Promise.all(
      Array.from({ length: 6 }, () => call<ForumSummary[]>('forums.list')),
    );
    for (const l of lists) expect(l.map((f) => f.title)).not.toContain('Made after the backup');
    await new Promise((r) => setTimeout(r, 500));
    const later = await Promise.all(
      Array.from({ length: 6 }, () => call<ForumSummary[]>('forums.list')),
    );
    for (const l of later) expect(l).toHaveLength(1);
  }, 120_000);
});
