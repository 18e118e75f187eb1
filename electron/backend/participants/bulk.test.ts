import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Page, ParticipantRow } from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';

let backend: Backend;
let forumId: string;
let ids: string[];

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
const rows = async () => (await call<Page<ParticipantRow>>('participants.list', { forumId })).rows;
const audit = async (action: string) =>
  (await call<Page<AuditEntry>>('audit.list', { forumId, action })).rows;
/** Everything a failed bulk write must leave as it was. */
const state = () => ({
  participants: backend.db.prepare('SELECT * FROM participants ORDER BY id').all(),
  audit: backend.db.prepare('SELECT count(*) AS n FROM audit_log').get(),
});

beforeEach(async () => {
  backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  forumId = (await call<{ id: string }>('forums.create', { title: 'Bulk', year: 2026 })).id;
  ids = [];
  for (const fullName of ['Ana Lima', 'Øystein Berg', 'Ольга Петрова', 'Li Wei'])
    ids.push(
      (
        await call<{ id: string }>('participants.create', {
          forumId,
          fullName,
          stakeholderGroup: 'academia',
        })
      ).id,
    );
});
afterEach(() => backend.close());

describe('participants.setRoleMany', () => {
  it('gives every selected person the role, with one audit record each', async () => {
    const r = await call('participants.setRoleMany', {
      forumId,
      ids: ids.slice(0, 2),
      role: 'rapporteur',
    });
    expect(r).toEqual({ count: 2, changed: 2 });
    const byName = Object.fromEntries((await rows()).map((p) => [p.fullName, p.role]));
    expect(byName).toEqual({
      'Ana Lima': 'rapporteur',
      'Øystein Berg': 'rapporteur',
      'Ольга Петрова': 'member',
      'Li Wei': 'member',
    });
    const records = await audit('participant.role');
    expect(records.map((a) => a.subjectId).sort()).toEqual(ids.slice(0, 2).sort());
    // Setting the same role again changes nobody and records nothing.
    expect(
      await call('participants.setRoleMany', { forumId, ids: ids.slice(0, 2), role: 'rapporteur' }),
    ).toEqual({ count: 2, changed: 0 });
    expect(await audit('participant.role')).toHaveLength(2);
  });

  it('changes nobody when one of the selection is not in the forum', async () => {
    const other = (await call<{ id: string }>('forums.create', { title: 'Other', year: 2026 })).id;
    const stranger = (
      await call<{ id: string }>('participants.create', {
        forumId: other,
        fullName: 'Stranger',
        stakeholderGroup: 'academia',
      })
    ).id;
    const before = state();
    const error = await fails('participants.setRoleMany', {
      forumId,
      ids: [ids[0], stranger],
      role: 'coordinator',
    });
    expect(error.field).toBe('ids');
    expect(error.message).toMatch(/Selected participant 2 of 2 is not a participant of this forum/);
    expect(state()).toEqual(before);
  });

  it('leaves the database as it was when a write fails half-way', async () => {
    // The third person's row refuses the update, after two rows were written in the transaction.
    backend.db.exec(`CREATE TEMP TRIGGER refuse BEFORE UPDATE OF role ON participants
      WHEN new.id = '${ids[2]}' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const before = state();
    await fails('participants.setRoleMany', { forumId, ids, role: 'coordinator' });
    expect(state()).toEqual(before);
  });

  it('refuses malformed selections at the boundary, naming the field', async () => {
    for (const bad of [
      { forumId, ids: [], role: 'member' },
      { forumId, ids: [ids[0], ids[0]], role: 'member' },
      { forumId, ids: Array.from({ length: 501 }, () => ids[0]), role: 'member' },
      { forumId, ids: ['not-an-id'], role: 'member' },
      { forumId, ids: [ids[0]], role: 'king' },
    ]) {
      const error = await fails('participants.setRoleMany', bad);
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(/^(ids|role)/);
    }
  });
});

describe('participants.protectMany', () => {
  it('protects every selected person with a pseudonym and one audit record each', async () => {
    await call('participants.protect', { id: ids[1], reason: 'earlier' });
    const r = await call('participants.protectMany', {
      forumId,
      ids: ids.slice(0, 3),
      reason: 'Targeted on social media',
    });
    expect(r).toEqual({ count: 3, changed: 2 });
    const list = await rows();
    const protectedOnes = list.filter((p) => p.isProtected);
    expect(protectedOnes.map((p) => p.id).sort()).toEqual(ids.slice(0, 3).sort());
    expect(new Set(protectedOnes.map((p) => p.pseudonym)).size).toBe(3);
    const records = (await audit('participant.protect')).filter((a) =>
      JSON.stringify(a).includes('Targeted on social media'),
    );
    expect(records).toHaveLength(3);
    // The public directory now shows pseudonyms only.
    const pub = await call<{ itemCount: number }>('exports.preview', {
      forumId,
      kind: 'participant-directory',
      format: 'csv',
      audience: 'coordinators',
      participantIds: ids.slice(0, 3),
    });
    expect(pub.itemCount).toBe(3);
  });

  it('protects nobody when a write fails half-way', async () => {
    backend.db.exec(`CREATE TEMP TRIGGER refuse BEFORE UPDATE OF is_protected ON participants
      WHEN new.id = '${ids[3]}' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const before = state();
    await fails('participants.protectMany', { forumId, ids, reason: 'Targeted' });
    expect(state()).toEqual(before);
  });

  it('needs a reason', async () => {
    const error = await fails('participants.protectMany', { forumId, ids, reason: '  ' });
    expect(error.field).toBe('reason');
  });
});

describe('exports of a selection', () => {
  const request = (extra: Record<string, unknown>) => ({
    forumId,
    kind: 'participant-directory',
    format: 'csv',
    audience: 'coordinators',
    ...extra,
  });

  it('holds only the selected people, and the audit record says how many were selected', async () => {
    const file = await call<{ base64: string; itemCount: number }>(
      'exports.render',
      request({ participantIds: [ids[1], ids[3]] }),
    );
    expect(file.itemCount).toBe(2);
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(csv).toContain('Øystein Berg');
    expect(csv).toContain('Li Wei');
    expect(csv).not.toContain('Ana Lima');
    const [record] = await audit('export');
    expect(JSON.stringify(record)).toContain('"selected":2');
  });

  it('refuses a selection outside the forum or for another kind of export', async () => {
    const missing = '00000000-0000-7000-8000-000000000000';
    expect((await fails('exports.preview', request({ participantIds: [missing] }))).field).toBe(
      'participantIds',
    );
    expect(
      (await fails('exports.preview', request({ kind: 'contributions', participantIds: [ids[0]] })))
        .field,
    ).toBe('participantIds');
    expect((await fails('exports.preview', request({ participantIds: [] }))).field).toBe(
      'participantIds',
    );
  });
});
