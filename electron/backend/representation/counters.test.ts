// The representation counters (migration 0009's triggers) against the raw GROUP BY, after random
// sequences of writes: the maintained tables equal their recomputation from the raw tables, and
// the dashboard read from them equals the dashboard computed from the raw records, bit for bit,
// for every audience (published figures use the same cell keys).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { membersNotAttending, recentAttendees } from '../../../db/queries/representation';
import { MAINTAINED_COUNTER_SQL, RAW_COUNTER_SQL } from '../../../db/queries/representationCounts';
import type { Participant } from '../../../shared/api';
import { createBackend } from '../backend';
import type { BackendContext } from '../context';
import { representationDashboard } from './service';

const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 1, 9);
const backend = createBackend({ dbFile: ':memory:', shell: 'test', now: () => now });
afterAll(() => backend.close());
const db = backend.db;
const ctx: BackendContext = { db, now: () => now, shell: 'test', dbFile: ':memory:' };

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const forumA = (await call<{ id: string }>('forums.create', { title: 'BPF A', year: 2026 })).id;
const forumB = (await call<{ id: string }>('forums.create', { title: 'BPF B', year: 2026 })).id;

const GROUPS = ['civil_society', 'private_sector', 'government', 'academia'];
const REGIONS = [null, 'africa', 'europe', 'asia_pacific'];
const DEV = [null, 'ldc', 'developing', 'developed'];
const GENDERS = [null, 'woman', 'man', 'non_binary'];
const STATUSES = ['attended', 'apologies', 'invited', 'absent'];

const pid = (i: number) => `p-${i}`;
const cid = (i: number) => `c-${i}`;
const sid = (i: number) => `s-${i}`;

const attrs = fc.record({
  group: fc.constantFrom(...GROUPS),
  region: fc.constantFrom(...REGIONS),
  dev: fc.constantFrom(...DEV),
  gender: fc.constantFrom(...GENDERS),
  prot: fc.boolean(),
});
// Few ids, so that writes hit the same people, calls and sessions often.
const P = fc.integer({ min: 0, max: 5 });
const E = fc.integer({ min: 0, max: 2 });
const at = fc.integer({ min: -20, max: 20 }).map((d) => now + d * DAY);
// Attendance writes are weighted up: they are most of the writes, and where first calls move.
const command = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('createP' as const),
      p: P,
      forumB: fc.boolean(),
      a: attrs,
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('updateP' as const), p: P, a: attrs }) },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('protect' as const), p: P, on: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('removeP' as const), p: P, restore: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('deleteP' as const), p: P }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('createCall' as const),
      c: E,
      at,
      cancelled: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('moveCall' as const),
      c: E,
      at,
      cancelled: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('deleteCall' as const), c: E }) },
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('attend' as const),
      c: E,
      p: P,
      status: fc.option(fc.constantFrom(...STATUSES)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('createSession' as const),
      s: E,
      at,
      cancelled: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('moveSession' as const),
      s: E,
      at,
      cancelled: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('deleteSession' as const), s: E }) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('attendSession' as const),
      s: E,
      p: P,
      status: fc.option(fc.constantFrom('attended', 'registered')),
    }),
  },
);
/** Every person, call and session exists at first (writes then hit them, not missing ids). */
const setup = fc
  .tuple(
    fc.tuple(
      ...[0, 1, 2, 3, 4, 5].map((p) =>
        fc.record({
          k: fc.constant('createP' as const),
          p: fc.constant(p),
          forumB: fc.boolean(),
          a: attrs,
        }),
      ),
    ),
    fc.tuple(
      ...[0, 1, 2].map((c) =>
        fc.record({
          k: fc.constant('createCall' as const),
          c: fc.constant(c),
          at,
          cancelled: fc.boolean(),
        }),
      ),
    ),
    fc.tuple(
      ...[0, 1, 2].map((s) =>
        fc.record({
          k: fc.constant('createSession' as const),
          s: fc.constant(s),
          at,
          cancelled: fc.boolean(),
        }),
      ),
    ),
  )
  .map(([ps, cs, ss]) => [...ps, ...cs, ...ss]);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

const exists = (table: string, id: string) =>
  db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;

/** Applies one write as raw SQL: the triggers must keep up with any write path. */
function apply(c: Command): void {
  switch (c.k) {
    case 'createP':
      if (exists('participants', pid(c.p))) return;
      db.prepare(
        `INSERT INTO participants (id, forum_id, full_name, stakeholder_group, region,
          development_status, gender, is_protected, search_text, sort_name, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?)`,
      ).run(
        pid(c.p),
        c.forumB ? forumB : forumA,
        `Person ${c.p}`,
        c.a.group,
        c.a.region,
        c.a.dev,
        c.a.gender,
        c.a.prot ? 1 : 0,
        now,
        now,
      );
      return;
    case 'updateP':
      db.prepare(
        `UPDATE participants SET stakeholder_group = ?, region = ?, development_status = ?,
           gender = ?, is_protected = ? WHERE id = ?`,
      ).run(c.a.group, c.a.region, c.a.dev, c.a.gender, c.a.prot ? 1 : 0, pid(c.p));
      return;
    case 'protect':
      db.prepare('UPDATE participants SET is_protected = ? WHERE id = ?').run(
        c.on ? 1 : 0,
        pid(c.p),
      );
      return;
    case 'removeP':
      db.prepare('UPDATE participants SET removed_at = ? WHERE id = ?').run(
        c.restore ? null : now,
        pid(c.p),
      );
      return;
    case 'deleteP':
      db.prepare('DELETE FROM participants WHERE id = ?').run(pid(c.p));
      return;
    case 'createCall':
      if (exists('calls', cid(c.c))) return;
      db.prepare(
        `INSERT INTO calls (id, forum_id, start_at, duration_minutes, zone, title, status, created_at, updated_at)
         VALUES (?, ?, ?, 60, 'UTC', ?, ?, ?, ?)`,
      ).run(
        cid(c.c),
        c.c % 3 === 2 ? forumB : forumA,
        c.at,
        `Call ${c.c}`,
        c.cancelled ? 'cancelled' : 'scheduled',
        now,
        now,
      );
      return;
    case 'moveCall':
      db.prepare('UPDATE calls SET start_at = ?, status = ? WHERE id = ?').run(
        c.at,
        c.cancelled ? 'cancelled' : 'scheduled',
        cid(c.c),
      );
      return;
    case 'deleteCall':
      db.prepare('DELETE FROM calls WHERE id = ?').run(cid(c.c));
      return;
    case 'attend':
      if (!exists('calls', cid(c.c)) || !exists('participants', pid(c.p))) return;
      if (c.status === null)
        db.prepare('DELETE FROM attendance WHERE call_id = ? AND participant_id = ?').run(
          cid(c.c),
          pid(c.p),
        );
      else
        db.prepare(
          `INSERT INTO attendance (call_id, participant_id, status) VALUES (?, ?, ?)
           ON CONFLICT DO UPDATE SET status = excluded.status`,
        ).run(cid(c.c), pid(c.p), c.status);
      return;
    case 'createSession':
      if (exists('onsite_sessions', sid(c.s))) return;
      db.prepare(
        `INSERT INTO onsite_sessions (id, forum_id, title, start_at, duration_minutes, zone, format, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, 90, 'UTC', 'workshop', ?, ?, ?)`,
      ).run(
        sid(c.s),
        c.s % 3 === 2 ? forumB : forumA,
        `Session ${c.s}`,
        c.at,
        c.cancelled ? 'cancelled' : 'held',
        now,
        now,
      );
      return;
    case 'moveSession':
      db.prepare('UPDATE onsite_sessions SET start_at = ?, status = ? WHERE id = ?').run(
        c.at,
        c.cancelled ? 'cancelled' : 'held',
        sid(c.s),
      );
      return;
    case 'deleteSession':
      db.prepare('DELETE FROM onsite_sessions WHERE id = ?').run(sid(c.s));
      return;
    case 'attendSession':
      if (!exists('onsite_sessions', sid(c.s)) || !exists('participants', pid(c.p))) return;
      if (c.status === null)
        db.prepare(
          'DELETE FROM session_attendance WHERE session_id = ? AND participant_id = ?',
        ).run(sid(c.s), pid(c.p));
      else
        db.prepare(
          `INSERT INTO session_attendance (session_id, participant_id, status) VALUES (?, ?, ?)
           ON CONFLICT DO UPDATE SET status = excluded.status`,
        ).run(sid(c.s), pid(c.p), c.status);
      return;
  }
}

const reset = () =>
  db.transaction(() => {
    db.prepare(`DELETE FROM participants WHERE id LIKE 'p-%'`).run();
    db.prepare(`DELETE FROM calls WHERE id LIKE 'c-%'`).run();
    db.prepare(`DELETE FROM onsite_sessions WHERE id LIKE 's-%'`).run();
  })();

function expectCountersMatchRaw() {
  for (const name of Object.keys(RAW_COUNTER_SQL) as (keyof typeof RAW_COUNTER_SQL)[]) {
    const raw = db.prepare(RAW_COUNTER_SQL[name]).raw().all();
    const kept = db.prepare(MAINTAINED_COUNTER_SQL[name]).raw().all();
    expect(kept, `counter table ${name}`).toEqual(raw);
  }
}

function expectDashboardsMatchRaw() {
  for (const forumId of [forumA, forumB])
    for (const audience of ['coordinators', 'participants', 'public'] as const)
      expect(representationDashboard(ctx, forumId, audience, 'counters')).toEqual(
        representationDashboard(ctx, forumId, audience, 'raw'),
      );
}

/** The people lists behind alerts as first written (a full sort of every match; issue 7). */
const REFERENCE_NOT_ATTENDING = `SELECT p.id FROM participants p
  WHERE p.forum_id = @forumId AND p.removed_at IS NULL
    AND (@group IS NULL OR p.stakeholder_group = @group) AND (@region IS NULL OR p.region = @region)
    AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.participant_id = p.id
      AND a.status = 'attended' AND a.call_id IN (SELECT value FROM json_each(@recent)))
  ORDER BY p.consent_invitations DESC, p.sort_name, p.id LIMIT @limit`;
const REFERENCE_ATTENDEES = `SELECT p.id FROM participants p
  WHERE p.forum_id = @forumId AND p.removed_at IS NULL AND p.stakeholder_group = @group
    AND p.id IN (SELECT a.participant_id FROM attendance a
      WHERE a.call_id IN (SELECT value FROM json_each(@calls)) AND a.status = 'attended')
  ORDER BY p.sort_name, p.id LIMIT @limit`;

/** The index-walking lists (migration 0013) give the rows the reference statements give. */
function expectPeopleListsMatchReference() {
  const callIds = db.prepare("SELECT id FROM calls WHERE id LIKE 'c-%'").pluck().all() as string[];
  for (const forumId of [forumA, forumB])
    for (const recent of [callIds, callIds.slice(0, 1), []]) {
      for (const group of [null, ...GROUPS])
        for (const region of REGIONS) {
          const args = { forumId, group, region, recentCallIds: recent, limit: 3 };
          expect(membersNotAttending(db, args).map((m) => m.id)).toEqual(
            db
              .prepare(REFERENCE_NOT_ATTENDING)
              .pluck()
              .all({ forumId, group, region, recent: JSON.stringify(recent), limit: 3 }),
          );
        }
      for (const group of GROUPS)
        expect(
          recentAttendees(db, { forumId, group, callIds: recent, limit: 3 }).map((m) => m.id),
        ).toEqual(
          db
            .prepare(REFERENCE_ATTENDEES)
            .pluck()
            .all({ forumId, group, calls: JSON.stringify(recent), limit: 3 }),
        );
    }
}

describe('representation counters kept on write', () => {
  it('equal the raw GROUP BY, and the dashboard equals the old computation, after random writes', () => {
    fc.assert(
      fc.property(
        setup,
        fc.array(command, { minLength: 5, maxLength: 60, size: 'medium' }),
        (first, cmds) => {
          reset();
          for (const c of [...first, ...cmds]) apply(c);
          expectCountersMatchRaw();
          expectDashboardsMatchRaw();
          expectPeopleListsMatchReference();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('follow the services too: create, attend, protect, remove and restore through dispatch', async () => {
    reset();
    const series = await call<{ calls: { id: string }[] }>('callSeries.create', {
      forumId: forumA,
      title: 'Fortnightly',
      firstDate: '2026-02-12',
      occurrenceCount: 3,
      slots: [{ time: '13:00', zone: 'UTC' }],
    });
    const people: Participant[] = [];
    for (const [i, g] of ['civil_society', 'government', 'academia', 'private_sector'].entries())
      people.push(
        await call<Participant>('participants.create', {
          forumId: forumA,
          fullName: `Member ${i}`,
          stakeholderGroup: g,
          country: ['BR', 'KE', 'DE', 'NP'][i],
          gender: i % 2 ? 'man' : 'woman',
        }),
      );
    for (const c of series.calls)
      for (const p of people)
        await call('calls.setAttendance', { id: c.id, participantId: p.id, status: 'attended' });
    await call('calls.setAttendance', {
      id: series.calls[0].id,
      participantId: people[1].id,
      status: null,
    });
    await call('participants.protect', { id: people[0].id, reason: 'Targeted online' });
    await call('participants.update', {
      id: people[2].id,
      stakeholderGroup: 'technical_community',
    });
    await call('participants.remove', { id: people[3].id });
    expectCountersMatchRaw();
    expectDashboardsMatchRaw();
    const before = representationDashboard(ctx, forumA, 'coordinators');
    expect(before.phases.find((p) => p.phase === 'registered')!.people.count).toBe(3);
    await call('participants.restore', { id: people[3].id });
    await call('participants.unprotect', { id: people[0].id, reason: 'Request withdrawn' });
    expectCountersMatchRaw();
    expectDashboardsMatchRaw();
    expect(
      representationDashboard(ctx, forumA, 'coordinators').phases.find(
        (p) => p.phase === 'registered',
      )!.people.count,
    ).toBe(4);
  });

  it('let a forum with members, calls and attendance be deleted (the cascades insert nothing)', async () => {
    const f = (await call<{ id: string }>('forums.create', { title: 'BPF Gone', year: 2026 })).id;
    db.prepare(
      `INSERT INTO participants (id, forum_id, full_name, stakeholder_group, search_text, sort_name, created_at, updated_at)
       VALUES ('gone-p', ?, 'Gone', 'academia', '', '', 0, 0)`,
    ).run(f);
    db.prepare(
      `INSERT INTO calls (id, forum_id, start_at, duration_minutes, zone, title, status, created_at, updated_at)
       VALUES ('gone-c', ?, 0, 60, 'UTC', 'Call', 'scheduled', 0, 0)`,
    ).run(f);
    db.prepare(
      "INSERT INTO attendance (call_id, participant_id, status) VALUES ('gone-c', 'gone-p', 'attended')",
    ).run();
    db.prepare('DELETE FROM forums WHERE id = ?').run(f);
    for (const t of ['representation_counts', 'forum_data_versions'])
      expect(db.prepare(`SELECT count(*) FROM ${t} WHERE forum_id = ?`).pluck().get(f)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM representation_call_counts').pluck().get()).toBe(
      db
        .prepare(
          'SELECT count(*) FROM representation_call_counts WHERE call_id IN (SELECT id FROM calls)',
        )
        .pluck()
        .get(),
    );
    expectCountersMatchRaw();
  });
});
