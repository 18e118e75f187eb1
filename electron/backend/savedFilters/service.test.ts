import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedFilter } from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import { MAX_SAVED_FILTERS } from '../../../shared/schemas/savedFilters';
import { createBackend, type Backend } from '../backend';

let backend: Backend;
let forumId: string;

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = (await backend.dispatch(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}
const fails = async (method: string, input: unknown) => {
  const r = await backend.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
};
const names = async (list = 'participants') =>
  (await call<SavedFilter[]>('savedFilters.list', { forumId, list })).map((f) => f.name);
const rows = () => backend.db.prepare('SELECT * FROM saved_filters ORDER BY id').all();

beforeEach(async () => {
  backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  forumId = (await call<{ id: string }>('forums.create', { title: 'Filters', year: 2026 })).id;
});
afterEach(() => backend.close());

describe('saved filters', () => {
  it('saves, lists per list in name order, replaces by name and removes', async () => {
    const params = { search: 'lima', role: 'member', sort: 'organisation', direction: 'desc' };
    const saved = await call<SavedFilter>('savedFilters.save', {
      forumId,
      list: 'participants',
      name: 'Members by organisation',
      params,
    });
    expect(saved.params).toEqual(params);
    await call('savedFilters.save', { forumId, list: 'participants', name: 'Ålesund', params: {} });
    await call('savedFilters.save', {
      forumId,
      list: 'contributions',
      name: 'Accepted',
      params: { status: 'accepted' },
    });
    expect(await names()).toEqual(['Ålesund', 'Members by organisation']);
    expect(await names('contributions')).toEqual(['Accepted']);

    const replaced = await call<SavedFilter>('savedFilters.save', {
      forumId,
      list: 'participants',
      name: 'Members by organisation',
      params: { role: 'member' },
    });
    expect(replaced.id).toBe(saved.id);
    const [again] = (
      await call<SavedFilter[]>('savedFilters.list', { forumId, list: 'participants' })
    ).filter((f) => f.id === saved.id);
    expect(again.params).toEqual({ role: 'member' });

    await call('savedFilters.remove', { id: saved.id });
    expect(await names()).toEqual(['Ålesund']);
    expect((await fails('savedFilters.remove', { id: saved.id })).code).toBe('not_found');
  });

  it('refuses malformed input at the boundary with a sentence naming the field', async () => {
    const blank = await fails('savedFilters.save', {
      forumId,
      list: 'participants',
      name: ' ',
      params: {},
    });
    expect(blank.field).toBe('name');
    const badList = await fails('savedFilters.save', {
      forumId,
      list: 'calls',
      name: 'x',
      params: {},
    });
    expect(badList.field).toBe('list');
    const nested = await fails('savedFilters.save', {
      forumId,
      list: 'participants',
      name: 'x',
      params: { search: { $gt: 1 } },
    });
    expect(nested.message).toMatch(/^params/);
    const tooMany = await fails('savedFilters.save', {
      forumId,
      list: 'participants',
      name: 'x',
      params: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}`, i])),
    });
    expect(tooMany.message).toMatch(/^params/);
    expect(rows()).toEqual([]);
  });

  it('refuses a filter past the limit and leaves the stored ones as they were', async () => {
    for (let i = 0; i < MAX_SAVED_FILTERS; i++)
      await call('savedFilters.save', {
        forumId,
        list: 'participants',
        name: `F${i}`,
        params: { i },
      });
    const before = rows();
    const error = await fails('savedFilters.save', {
      forumId,
      list: 'participants',
      name: 'One more',
      params: {},
    });
    expect(error.message).toMatch(/delete one before saving another/);
    expect(rows()).toEqual(before);
  });

  it('leaves the database as it was when the write fails', async () => {
    await call('savedFilters.save', { forumId, list: 'participants', name: 'Kept', params: {} });
    backend.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON saved_filters
      BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const before = rows();
    await fails('savedFilters.save', { forumId, list: 'participants', name: 'Lost', params: {} });
    expect(rows()).toEqual(before);
  });

  it('is for coordinators only', async () => {
    const opened = await call<{ token: string }>('session.open', { audience: 'public' });
    expect(opened).toBeTruthy();
    const r = await backend.dispatch(
      'savedFilters.list',
      { forumId, list: 'participants' },
      { audience: 'public' },
    );
    expect(r.ok).toBe(false);
  });
});
