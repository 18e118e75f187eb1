import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Forum, ForumSummary } from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import type { Backend } from '../backend';
import { call, dumpForum, richSampleForum, testBackend } from './package-testing';

let backend: Backend;
let forumId: string;
let title: string;

beforeEach(async () => {
  backend = testBackend();
  forumId = await richSampleForum(backend);
  title = (await call<Forum>(backend, 'forums.get', { id: forumId })).title;
});
afterEach(() => backend.close());

const refused = async (method: string, input: unknown) => {
  const r = (await backend.dispatch(method, input)) as RpcResult<unknown>;
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
};

const one = (sql: string, ...args: unknown[]) =>
  backend.db
    .prepare(sql)
    .pluck()
    .get(...args);
const everything = () => JSON.stringify([...dumpForum(backend, forumId)]);

describe('archiving a forum', () => {
  it('hides nothing from the list but marks it, and refuses every kind of write naming the forum', async () => {
    const filter = await call<{ id: string }>(backend, 'savedFilters.save', {
      forumId,
      list: 'participants',
      name: 'Civil society',
      params: { stakeholderGroup: 'civil_society' },
    });
    const archived = await call<Forum>(backend, 'forums.archive', { id: forumId });
    expect(archived.archivedAt).toBe(FIXED);
    const list = await call<ForumSummary[]>(backend, 'forums.list', {});
    expect(list.find((f) => f.id === forumId)?.archivedAt).toBe(FIXED);

    const before = everything();
    const participantId = one('SELECT id FROM participants WHERE forum_id = ? LIMIT 1', forumId);
    const callId = one('SELECT id FROM calls WHERE forum_id = ? LIMIT 1', forumId);
    const sectionId = one(
      'SELECT s.id FROM report_sections s JOIN reports r ON r.id = s.report_id WHERE r.forum_id = ? LIMIT 1',
      forumId,
    );
    const reportId = one('SELECT id FROM reports WHERE forum_id = ?', forumId);
    const sessionId = one('SELECT id FROM onsite_sessions WHERE forum_id = ? LIMIT 1', forumId);
    const commentId = one(
      `SELECT m.id FROM report_comments m JOIN comment_rounds c ON c.id = m.round_id
        JOIN reports r ON r.id = c.report_id WHERE r.forum_id = ?`,
      forumId,
    );
    const attempts: [string, unknown][] = [
      ['forums.update', { id: forumId, title: 'Renamed', year: 2026 }],
      ['actors.create', { forumId, name: 'New Person' }],
      ['participants.update', { id: participantId, fullName: 'Changed Name' }],
      ['participants.remove', { id: participantId }],
      ['calls.update', { id: callId, minutes: 'Changed minutes' }],
      ['report.saveSection', { id: sectionId, markdown: 'Changed', baseRevision: 1 }],
      ['report.saveVersion', { reportId, name: 'Another' }],
      ['report.removeComment', { id: commentId }],
      ['sessions.setAttendance', { sessionId, participantId, status: 'attended' }],
      ['themes.create', { forumId, name: 'New theme' }],
      ['forums.setRetention', { forumId, months: 12 }],
      ['savedFilters.save', { forumId, list: 'participants', name: 'New', params: {} }],
      ['savedFilters.remove', { id: filter.id }],
      ['forums.archive', { id: forumId }],
    ];
    for (const [method, input] of attempts) {
      const error = await refused(method, input);
      if (method === 'forums.archive') {
        expect(error.code).toBe('conflict');
        continue;
      }
      expect(error.code, method).toBe('forbidden');
      expect(error.message, method).toBe(
        `The forum “${title}” is archived, so it is read-only; unarchive it to change it.`,
      );
    }
    expect(everything()).toBe(before);
    expect(one('SELECT count(*) FROM saved_filters WHERE id = ?', filter.id)).toBe(1);
    // Reads and publications still work.
    expect(await backend.dispatch('participants.list', { forumId })).toMatchObject({
      ok: true,
    });
    expect(
      await backend.dispatch('exports.render', {
        forumId,
        kind: 'participant-directory',
        format: 'csv',
        audience: 'coordinators',
      }),
    ).toMatchObject({ ok: true });
  });

  it('unarchives, after which writes work again; both steps are audited', async () => {
    await call(backend, 'forums.archive', { id: forumId });
    const back = await call<Forum>(backend, 'forums.unarchive', { id: forumId });
    expect(back.archivedAt).toBeNull();
    await call(backend, 'themes.create', { forumId, name: 'After unarchiving' });
    const actions = backend.db
      .prepare(
        "SELECT action FROM audit_log WHERE forum_id = ? AND action LIKE 'forum.%' ORDER BY at, id",
      )
      .pluck()
      .all(forumId);
    expect(actions).toEqual(['forum.archive', 'forum.unarchive']);
    expect((await refused('forums.unarchive', { id: forumId })).code).toBe('conflict');
  });

  it('does not stop writes to another forum', async () => {
    const other = await call<Forum>(backend, 'forums.create', { title: 'Other', year: 2026 });
    await call(backend, 'forums.archive', { id: forumId });
    await call(backend, 'themes.create', { forumId: other.id, name: 'Still writable' });
  });
});

describe('deleting a forum', () => {
  it('refuses a wrong title and changes nothing', async () => {
    const before = everything();
    const error = await refused('forums.remove', { id: forumId, confirmTitle: 'BPF Gender' });
    expect(error).toMatchObject({ code: 'validation', field: 'confirmTitle' });
    expect(error.message).toMatch(/Type the forum's title exactly/);
    expect(everything()).toBe(before);
    expect((await refused('forums.remove', { id: forumId })).field).toBe('confirmTitle');
  });

  it('removes every row of the forum, its trash and derived tables, and leaves one audit record', async () => {
    const other = await call<Forum>(backend, 'forums.loadSample', {});
    const otherRows = JSON.stringify([...dumpForum(backend, other.id)]);
    // Something in the trash (Undo), so the deletion has to clean it too.
    const seriesId = one('SELECT id FROM call_series WHERE forum_id = ?', forumId);
    await call(backend, 'callSeries.remove', { id: seriesId });
    expect(one('SELECT count(*) FROM trash WHERE forum_id = ?', forumId)).toBeGreaterThan(0);

    const r = await call(backend, 'forums.remove', { id: forumId, confirmTitle: ` ${title} ` });
    expect(r).toEqual({ removed: true, title });
    for (const [table, rows] of dumpForum(backend, forumId)) expect(rows, table).toEqual([]);
    for (const table of [
      'trash',
      'representation_people',
      'representation_counts',
      'forum_data_versions',
      'audit_log',
    ])
      expect(one(`SELECT count(*) FROM ${table} WHERE forum_id = ?`, forumId), table).toBe(0);
    expect(JSON.stringify([...dumpForum(backend, other.id)])).toBe(otherRows);
    const record = backend.db
      .prepare(
        "SELECT forum_id AS forumId, subject_id AS subjectId, detail FROM audit_log WHERE action = 'forum.delete'",
      )
      .all() as { forumId: null; subjectId: string; detail: string }[];
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({ forumId: null, subjectId: forumId });
    expect(JSON.parse(record[0].detail)).toMatchObject({ title });
    // The forum that is left opens next.
    expect((await call<Forum>(backend, 'forums.current', {})).id).toBe(other.id);
    expect((await refused('forums.get', { id: forumId })).code).toBe('not_found');
  });
});

describe('the sample forum', () => {
  it('loads next to existing forums, each time as a new forum', async () => {
    const again = await call<Forum>(backend, 'forums.loadSample', {});
    expect(again.id).not.toBe(forumId);
    const list = await call<ForumSummary[]>(backend, 'forums.list', {});
    expect(list.filter((f) => f.title === title)).toHaveLength(2);
    expect(again.participantCount).toBeGreaterThan(0);
  });
});

const FIXED = Date.UTC(2026, 10, 28);
