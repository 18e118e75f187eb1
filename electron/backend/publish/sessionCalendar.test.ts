// The .ics of one onsite session, exported through the publication path and parsed back with
// ical.js using the file's own VTIMEZONE: the start is the venue's wall clock in its zone, whatever
// the machine's zone, and no protected name leaves in a public or participants' calendar.
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  ExportFile,
  ExportPreview,
  OnsiteSession,
  Page,
  Participant,
} from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';

let backend: Backend;
let forumId: string;

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = (await backend.dispatch(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const decode = (f: ExportFile) => Buffer.from(f.base64, 'base64').toString('utf8');
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** Parses the file with ical.js, registering its own VTIMEZONEs (as a calendar app does). */
function parse(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const tz of root.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevents = root.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  return { root, event: new ICAL.Event(vevents[0]) };
}

beforeEach(async () => {
  backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  forumId = (await call<{ id: string }>('forums.create', { title: 'BPF Gender', year: 2026 })).id;
});
afterEach(() => backend.close());

async function planAtBrazilIgf(fields: Record<string, unknown> = {}): Promise<OnsiteSession> {
  const nris = await call<{ id: string; name: string }[]>('nris.list', {});
  const brazil = nris.find((n) => n.name.includes('Brazil IGF'))!;
  return call<OnsiteSession>('sessions.create', {
    forumId,
    nriId: brazil.id,
    title: 'BPF Gender at the Brazil IGF',
    date: '2026-05-27',
    startTime: '10:00',
    zone: 'America/Sao_Paulo',
    durationMinutes: 90,
    venue: 'Auditório 1',
    format: 'open_forum',
    ...fields,
  });
}

const exportIcs = (subjectId: string, audience: string) =>
  call<ExportFile>('exports.render', {
    forumId,
    kind: 'session-calendar',
    format: 'ics',
    audience,
    subjectId,
  });

describe('a session calendar (.ics)', () => {
  it('holds DTSTART in the venue zone with its VTIMEZONE, and the right instant', async () => {
    const s = await planAtBrazilIgf();
    const file = await exportIcs(s.id, 'participants');
    expect(file.mimeType).toMatch(/^text\/calendar/);
    expect(file.filename).toMatch(/\.ics$/);
    const ics = decode(file);

    // What ical.js does not check: CRLF, folding at 75 octets, UID, DTSTAMP, SEQUENCE.
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of ics.slice(0, -2).split('\r\n'))
      expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    const lines = unfold(ics).split('\r\n');
    expect(lines).toContain(`UID:${s.id}@intersession`);
    expect(lines).toContain('SEQUENCE:0');
    expect(lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toBe(true);
    expect(lines).toContain('DTSTART;TZID=America/Sao_Paulo:20260527T100000');
    expect(lines).toContain('DTEND;TZID=America/Sao_Paulo:20260527T113000');
    expect(lines).toContain('TZID:America/Sao_Paulo');
    expect(lines.some((l) => l.startsWith('ATTENDEE'))).toBe(false);

    const { root, event } = parse(ics);
    expect(
      root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
    ).toEqual(['America/Sao_Paulo']);
    expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(
      'America/Sao_Paulo',
    );
    expect(event.startDate.zone?.tzid).toBe('America/Sao_Paulo');
    expect(event.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 4, 27, 13, 0));
    expect(event.startDate.toJSDate().getTime()).toBe(s.startAt);
    expect(event.endDate.toJSDate().getTime()).toBe(s.startAt + 90 * 60_000);
    expect(event.summary).toBe('BPF Gender at the Brazil IGF');
    expect(event.location).toContain('Auditório 1');
  });

  it('keeps half-hour zones and raises SEQUENCE when the session changes', async () => {
    const s = await call<OnsiteSession>('sessions.create', {
      forumId,
      title: 'India IGF session',
      date: '2026-10-14',
      startTime: '14:30',
      zone: 'Asia/Kolkata',
    });
    const moved = await call<OnsiteSession>('sessions.update', {
      id: s.id,
      title: 'India IGF session',
      date: '2026-10-15',
      startTime: '09:15',
      zone: 'Asia/Kolkata',
      status: 'cancelled',
    });
    const ics = decode(await exportIcs(moved.id, 'public'));
    const lines = unfold(ics).split('\r\n');
    expect(lines).toContain('SEQUENCE:1');
    expect(lines).toContain('STATUS:CANCELLED');
    const { event } = parse(ics);
    expect(new Date(event.startDate.toJSDate().getTime()).toISOString()).toBe(
      '2026-10-15T03:45:00.000Z',
    );
  });

  it('never puts a protected name in a public calendar, and records the export', async () => {
    const amira = await call<Participant>('participants.create', {
      forumId,
      fullName: 'Amira Haddad',
      email: 'amira@example.org',
      stakeholderGroup: 'civil_society',
    });
    const { pseudonym } = await call<Participant>('participants.protect', {
      id: amira.id,
      reason: 'Threatened on the mailing list',
    });
    const s = await planAtBrazilIgf({
      title: 'Stories with Amira Haddad',
      venue: 'Room of amira@example.org',
      localHosts: 'Amira Haddad and the CGI.br team',
      notes: 'Amira Haddad will speak first',
    });

    const preview = await call<ExportPreview>('exports.preview', {
      forumId,
      kind: 'session-calendar',
      format: 'ics',
      audience: 'public',
      subjectId: s.id,
    });
    expect(preview.redactionCount).toBeGreaterThanOrEqual(3);
    expect(preview.pseudonyms).toEqual([pseudonym]);

    for (const audience of ['public', 'participants']) {
      const ics = unfold(decode(await exportIcs(s.id, audience)));
      expect(ics).not.toMatch(/amira|haddad/i);
      expect(ics).toContain(`SUMMARY:Stories with ${pseudonym}`);
      // Internal notes are for coordinators only.
      expect(ics).not.toContain('speak first');
    }
    const coordinators = unfold(decode(await exportIcs(s.id, 'coordinators')));
    expect(coordinators).toContain('Amira Haddad');

    const audit = await call<Page<AuditEntry>>('audit.list', { forumId, action: 'export' });
    const kinds = audit.rows.map((r) => [r.subjectType, r.subjectId, r.detail.audience]);
    expect(kinds).toContainEqual(['session-calendar', s.id, 'public']);
  });

  it('refuses a session of another forum, a missing subject and a non-ics format', async () => {
    const s = await planAtBrazilIgf();
    const other = (await call<{ id: string }>('forums.create', { title: 'Other', year: 2026 })).id;
    const wrongForum = await backend.dispatch('exports.render', {
      forumId: other,
      kind: 'session-calendar',
      format: 'ics',
      audience: 'public',
      subjectId: s.id,
    });
    expect(wrongForum).toMatchObject({ ok: false, error: { field: 'subjectId' } });
    const noSubject = await backend.dispatch('exports.preview', {
      forumId,
      kind: 'session-calendar',
      format: 'ics',
      audience: 'public',
    });
    expect(noSubject).toMatchObject({ ok: false, error: { field: 'subjectId' } });
    const csv = await backend.dispatch('exports.preview', {
      forumId,
      kind: 'session-calendar',
      format: 'csv',
      audience: 'public',
      subjectId: s.id,
    });
    expect(csv).toMatchObject({ ok: false, error: { field: 'format' } });
  });
});
