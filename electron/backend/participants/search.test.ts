import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page, ParticipantRow } from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';

let backend: Backend;
let forumId: string;

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = (await backend.dispatch(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const names = async (search: string, extra: Record<string, unknown> = {}) =>
  (await call<Page<ParticipantRow>>('participants.list', { forumId, search, ...extra })).rows
    .map((r) => r.fullName)
    .sort();

beforeEach(async () => {
  backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  forumId = (await call<{ id: string }>('forums.create', { title: 'Search', year: 2026 })).id;
  for (const p of [
    { fullName: 'José Muñoz', organisation: 'Red Comunitaria', email: 'jose@example.org' },
    { fullName: "Siobhán O'Brien", organisation: 'Digital Ireland', email: 'sob@example.net' },
    { fullName: 'Ana Lima', organisation: 'Instituto "Conecta"', email: 'ana@example.org' },
    { fullName: 'Li Wei', organisation: 'Beijing Net Lab', email: 'li.wei@example.com' },
  ])
    await call('participants.create', { forumId, stakeholderGroup: 'academia', ...p });
});
afterEach(() => backend.close());

describe('participant search', () => {
  it('finds by any part of the name, organisation or e-mail, ignoring case and accents', async () => {
    expect(await names('munoz')).toEqual(['José Muñoz']);
    expect(await names('JOSÉ')).toEqual(['José Muñoz']);
    expect(await names('comunit')).toEqual(['José Muñoz']);
    expect(await names('example.org')).toEqual(['Ana Lima', 'José Muñoz']);
    expect(await names('ana lima')).toEqual(['Ana Lima']);
    expect(await names('lima ana')).toEqual(['Ana Lima']);
  });

  it('handles short terms, quotes, apostrophes and LIKE wildcards as plain text', async () => {
    expect(await names('li')).toEqual(['Ana Lima', 'Li Wei']);
    expect(await names("o'brien")).toEqual(["Siobhán O'Brien"]);
    expect(await names('"conecta"')).toEqual(['Ana Lima']);
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
  });

  it('follows edits and removals', async () => {
    const [row] = (
      await call<Page<ParticipantRow>>('participants.list', { forumId, search: 'wei' })
    ).rows;
    await call('participants.update', { id: row.id, organisation: 'Shanghai Data Commons' });
    expect(await names('shanghai')).toEqual(['Li Wei']);
    expect(await names('beijing')).toEqual([]);
    await call('participants.remove', { id: row.id });
    expect(await names('shanghai')).toEqual([]);
  });
});
