import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpcResult } from '../../shared/result';
import { createBackend, type Backend } from './backend';

let backend: Backend;

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = (await backend.dispatch(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

beforeEach(() => {
  // A fixed "today" in late 2026: the sample's calls until then count as held.
  backend = createBackend({ dbFile: ':memory:', shell: 'test', now: () => Date.UTC(2026, 10, 28) });
});
afterEach(() => backend.close());

describe('the sample forum', () => {
  it('comes with participants, a call series with attendance, NRI sessions and contributions', async () => {
    const forum = await call<{ id: string; participantCount: number }>('forums.loadSample', {});
    expect(forum.participantCount).toBe(60);
    const db = backend.db;
    const count = (sql: string) => db.prepare(sql).pluck().get(forum.id) as number;
    expect(count('SELECT count(*) FROM calls WHERE forum_id = ?')).toBe(20);
    expect(count("SELECT count(*) FROM calls WHERE forum_id = ? AND minutes <> ''")).toBe(3);
    expect(count('SELECT count(*) FROM onsite_sessions WHERE forum_id = ?')).toBe(3);
    expect(count('SELECT count(*) FROM contributions WHERE forum_id = ?')).toBe(10);
    expect(
      count("SELECT count(*) FROM contributions WHERE forum_id = ? AND status = 'accepted'"),
    ).toBe(7);
    const attended = db
      .prepare(
        `SELECT p.stakeholder_group AS g, count(*) AS n FROM attendance a
         JOIN participants p ON p.id = a.participant_id
         WHERE p.forum_id = ? AND a.status = 'attended' GROUP BY p.stakeholder_group`,
      )
      .all(forum.id) as { g: string; n: number }[];
    const total = attended.reduce((s, r) => s + r.n, 0);
    const privateShare = (attended.find((r) => r.g === 'private_sector')?.n ?? 0) / total;
    // The deliberate imbalance: the private sector fills more than 40% of the seats.
    expect(privateShare).toBeGreaterThan(0.4);
  });
});
