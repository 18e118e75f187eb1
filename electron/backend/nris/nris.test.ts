import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Nri, OnsiteSession, OnsiteSessionSummary, Participant } from '../../../shared/api';
import { instantToVenueTime, venueTimeToInstant } from '../../../shared/domain/nris';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';
import directory from '../../../resources/nris.json';
import type { Session } from '../../../shared/methods';

/** A public reader's session (the audience belongs to the session, not to the input). */
const PUBLIC: Session = { audience: 'public' };

let backend: Backend;
let forumId: string;

async function call<T>(method: string, input: unknown, session?: Session): Promise<T> {
  const r = (await backend.dispatch(method, input, session)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

async function failure(method: string, input: unknown) {
  const r = await backend.dispatch(method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r.error;
}

const byName = (list: Nri[], part: string) => list.find((n) => n.name.includes(part));

beforeEach(async () => {
  backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  forumId = (await call<{ id: string }>('forums.create', { title: 'BPF Test', year: 2026 })).id;
});
afterEach(() => backend.close());

describe('the NRI directory', () => {
  it('is pre-filled with the documented list, including the six named NRIs', async () => {
    const list = await call<Nri[]>('nris.list', {});
    expect(list).toHaveLength(directory.nris.length);
    expect(list.length).toBeGreaterThanOrEqual(26);
    for (const name of ['Brazil IGF', 'APrIGF', 'LACIGF', 'EuroDIG', 'African IGF', 'Arab IGF'])
      expect(byName(list, name), name).toBeDefined();
    const brazil = byName(list, 'Brazil IGF')!;
    expect(brazil).toMatchObject({
      kind: 'national',
      country: 'BR',
      region: 'latin_america_caribbean',
    });
    expect(brazil.website).toMatch(/^https:\/\//);
    expect(byName(list, 'EuroDIG')).toMatchObject({
      kind: 'regional',
      country: null,
      region: 'europe',
    });
    // No personal data in the seed.
    for (const n of list) expect([n.contactName, n.contactEmail]).toEqual(['', '']);
  });

  it('is seeded once: reopening the database neither duplicates nor restores removed NRIs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'intersession-nris-'));
    const file = join(dir, 'intersession.db');
    try {
      const first = createBackend({ dbFile: file, shell: 'test' });
      const r = await first.dispatch('nris.list', {});
      const list = (r as { ok: true; value: Nri[] }).value;
      const arab = byName(list, 'Arab IGF')!;
      await first.dispatch('nris.remove', { id: arab.id });
      first.close();

      const second = createBackend({ dbFile: file, shell: 'test' });
      const again = ((await second.dispatch('nris.list', {})) as { ok: true; value: Nri[] }).value;
      second.close();
      expect(again).toHaveLength(list.length - 1);
      expect(byName(again, 'Arab IGF')).toBeUndefined();
      expect(new Set(again.map((n) => n.name)).size).toBe(again.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates, edits and removes an NRI; the region follows the country', async () => {
    const created = await call<Nri>('nris.create', {
      name: 'Ghana IGF',
      kind: 'national',
      country: 'gh',
      region: 'europe',
      website: 'https://example.org/ghana-igf',
      contactName: 'Coordinator',
      contactEmail: 'igf@example.org',
    });
    expect(created).toMatchObject({ country: 'GH', region: 'africa', sessionCount: 0 });

    const edited = await call<Nri>('nris.update', {
      id: created.id,
      name: 'Ghana IGF (GIGF)',
      kind: 'national',
      country: null,
      region: 'africa',
      notes: 'Meets in July',
    });
    expect(edited).toMatchObject({ name: 'Ghana IGF (GIGF)', country: null, region: 'africa' });
    expect(edited.website).toBe('');

    const bad = await failure('nris.create', { name: 'X', kind: 'national', website: 'ftp://x' });
    expect(bad.field).toBe('website');
    const badMail = await failure('nris.create', {
      name: 'X',
      kind: 'youth',
      contactEmail: 'nope',
    });
    expect(badMail.field).toBe('contactEmail');

    await call('nris.remove', { id: created.id });
    expect(byName(await call<Nri[]>('nris.list', {}), 'Ghana')).toBeUndefined();
    expect((await failure('nris.remove', { id: created.id })).code).toBe('not_found');
  });

  it('keeps sessions, unlinked, when their NRI is removed', async () => {
    const nri = await call<Nri>('nris.create', {
      name: 'Test IGF',
      kind: 'national',
      country: 'PT',
    });
    const session = await call<OnsiteSession>('sessions.create', {
      forumId,
      nriId: nri.id,
      title: 'Roundtable on access',
      date: '2026-06-10',
      startTime: '14:00',
      zone: 'Europe/Lisbon',
    });
    expect(session.nriName).toBe('Test IGF');
    const listed = byName(await call<Nri[]>('nris.list', {}), 'Test IGF')!;
    expect(listed.sessionCount).toBe(1);
    const removed = await call<{ unlinkedSessions: number }>('nris.remove', { id: nri.id });
    expect(removed.unlinkedSessions).toBe(1);
    const after = await call<OnsiteSession>('sessions.get', { id: session.id });
    expect(after).toMatchObject({ nriId: null, nriName: null, title: 'Roundtable on access' });
  });
});

describe('onsite sessions', () => {
  it('stores 10:00 in America/Sao_Paulo as 13:00 UTC, whatever the machine zone', async () => {
    const lacigf = byName(await call<Nri[]>('nris.list', {}), 'LACIGF')!;
    const s = await call<OnsiteSession>('sessions.create', {
      forumId,
      nriId: lacigf.id,
      title: 'BPF Gender session',
      date: '2026-08-05',
      startTime: '10:00',
      zone: 'America/Sao_Paulo',
      durationMinutes: 120,
      venue: 'Room 2',
      format: 'roundtable',
      localHosts: 'LACIGF organising committee',
    });
    expect(new Date(s.startAt).toISOString()).toBe('2026-08-05T13:00:00.000Z');
    expect(s).toMatchObject({
      zone: 'America/Sao_Paulo',
      localDate: '2026-08-05',
      localTime: '10:00',
      format: 'roundtable',
      status: 'scheduled',
      sequence: 0,
      nriName: lacigf.name,
    });
    // The pure conversion agrees, and 30/45-minute offsets work too.
    expect(venueTimeToInstant('2026-08-05', '10:00', 'America/Sao_Paulo')).toBe(s.startAt);
    expect(
      new Date(venueTimeToInstant('2026-01-15', '09:00', 'Asia/Kathmandu')).toISOString(),
    ).toBe('2026-01-15T03:15:00.000Z');
    expect(instantToVenueTime(Date.UTC(2026, 0, 15, 3, 15), 'Asia/Kolkata')).toEqual({
      date: '2026-01-15',
      time: '08:45',
    });
  });

  it('follows daylight-saving time at the venue and refuses a skipped time', async () => {
    const summer = await call<OnsiteSession>('sessions.create', {
      forumId,
      title: 'EuroDIG session',
      date: '2026-06-17',
      startTime: '09:30',
      zone: 'Europe/Berlin',
    });
    const winter = await call<OnsiteSession>('sessions.create', {
      forumId,
      title: 'IGF-D session',
      date: '2026-12-02',
      startTime: '09:30',
      zone: 'Europe/Berlin',
    });
    expect(new Date(summer.startAt).toISOString()).toBe('2026-06-17T07:30:00.000Z');
    expect(new Date(winter.startAt).toISOString()).toBe('2026-12-02T08:30:00.000Z');
    const gap = await failure('sessions.create', {
      forumId,
      title: 'Impossible',
      date: '2026-03-29',
      startTime: '02:30',
      zone: 'Europe/Berlin',
    });
    expect(gap).toMatchObject({ code: 'validation', field: 'startTime' });
  });

  it('lists, edits (raising the sequence), records attendance and removes', async () => {
    const p = await call<Participant>('participants.create', {
      forumId,
      // Listed in the public directory (the public sees only people who consented).
      consentListed: true,
      fullName: 'Maria Souza',
      stakeholderGroup: 'civil_society',
    });
    const s = await call<OnsiteSession>('sessions.create', {
      forumId,
      title: 'Workshop',
      date: '2026-09-01',
      startTime: '16:00',
      zone: 'Asia/Kolkata',
    });
    const edited = await call<OnsiteSession>('sessions.update', {
      id: s.id,
      title: 'Workshop on practices',
      date: '2026-09-02',
      startTime: '11:00',
      zone: 'Asia/Kolkata',
      status: 'held',
      outcomes: '## Outcomes\n\n- Three practices collected',
    });
    expect(edited).toMatchObject({ sequence: 1, status: 'held', localTime: '11:00' });
    expect(new Date(edited.startAt).toISOString()).toBe('2026-09-02T05:30:00.000Z');

    const withAttendance = await call<OnsiteSession>('sessions.setAttendance', {
      sessionId: s.id,
      participantId: p.id,
      status: 'attended',
    });
    expect(withAttendance.attendance).toEqual([
      expect.objectContaining({ participantId: p.id, fullName: 'Maria Souza', status: 'attended' }),
    ]);
    const list = await call<OnsiteSessionSummary[]>('sessions.list', { forumId });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ title: 'Workshop on practices', attendedCount: 1 });
    const cleared = await call<OnsiteSession>('sessions.setAttendance', {
      sessionId: s.id,
      participantId: p.id,
      status: null,
    });
    expect(cleared.attendance).toEqual([]);

    // A participant of another forum cannot be recorded.
    const other = (await call<{ id: string }>('forums.create', { title: 'Other', year: 2026 })).id;
    const stranger = await call<Participant>('participants.create', {
      forumId: other,
      // Listed in the public directory (the public sees only people who consented).
      consentListed: true,
      fullName: 'Stranger',
      stakeholderGroup: 'academia',
    });
    const refused = await failure('sessions.setAttendance', {
      sessionId: s.id,
      participantId: stranger.id,
      status: 'attended',
    });
    expect(refused).toMatchObject({ code: 'not_found', field: 'participantId' });

    await call('sessions.remove', { id: s.id });
    expect(await call<OnsiteSessionSummary[]>('sessions.list', { forumId })).toEqual([]);
  });

  it('shows protected attendees and mentions only by pseudonym outside the coordinators', async () => {
    const amira = await call<Participant>('participants.create', {
      forumId,
      // Listed in the public directory (the public sees only people who consented).
      consentListed: true,
      fullName: 'Amira Haddad',
      stakeholderGroup: 'civil_society',
    });
    const protectedP = await call<Participant>('participants.protect', {
      id: amira.id,
      reason: 'Threatened',
    });
    const s = await call<OnsiteSession>('sessions.create', {
      forumId,
      title: 'Session with Amira Haddad',
      date: '2026-09-01',
      startTime: '16:00',
      zone: 'Africa/Cairo',
      notes: 'Amira Haddad presented.',
    });
    await call('sessions.setAttendance', {
      sessionId: s.id,
      participantId: amira.id,
      status: 'attended',
    });
    const pub = await call<OnsiteSession>('sessions.get', { id: s.id }, PUBLIC);
    expect(JSON.stringify(pub)).not.toContain('Amira');
    expect(pub.attendance[0].fullName).toBe(protectedP.pseudonym);
    expect(pub.notes).toBe(`${protectedP.pseudonym} presented.`);
    const coord = await call<OnsiteSession>('sessions.get', { id: s.id });
    expect(coord.attendance[0].fullName).toBe('Amira Haddad');
  });
});

describe('the timeline', () => {
  it('shows onsite sessions with the calls, in time order', async () => {
    const lacigf = byName(await call<Nri[]>('nris.list', {}), 'LACIGF')!;
    const late = await call<OnsiteSession>('sessions.create', {
      forumId,
      nriId: lacigf.id,
      title: 'Late session',
      date: '2026-10-01',
      startTime: '09:00',
      zone: 'America/Montevideo',
    });
    const early = await call<OnsiteSession>('sessions.create', {
      forumId,
      title: 'Early session',
      date: '2026-04-01',
      startTime: '09:00',
      zone: 'Asia/Tokyo',
    });
    const timeline = await call<{ kind: string; id: string; title: string; startAt: number }[]>(
      'timeline.list',
      { forumId },
    );
    const sessions = timeline.filter((t) => t.kind === 'session');
    expect(sessions.map((t) => t.id)).toEqual([early.id, late.id]);
    expect(sessions[1].title).toContain('LACIGF');
    expect(sessions[1].startAt).toBe(late.startAt);
  });
});
