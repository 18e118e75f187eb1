// Calls end to end through backend.dispatch: planning, moving and cancelling, calendars through the
// publication path (parsed back with ical.js), invitations that respect consent, exclusion and
// protection, attendance counts with small cells suppressed, and the same instants in any TZ.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type {
  BurdenReport,
  CallDetails,
  CallSeriesDetails,
  ExportFile,
  Participant,
  TimeSuggestion,
  TimelineEntry,
} from '../../../shared/api';
import { planOccurrences } from '../../../shared/domain/schedule';
import type { RpcResult } from '../../../shared/result';
import { createBackend } from '../backend';
import { expandCalendar, expectWellFormedIcs } from '../publish/ics-testing';
import type { Session } from '../../../shared/methods';

/** A public reader's session (the audience belongs to the session, not to the input). */
const PUBLIC: Session = { audience: 'public' };

let now = Date.UTC(2026, 0, 10, 9);
const backend = createBackend({ dbFile: ':memory:', shell: 'test', now: () => now });
afterAll(() => backend.close());

async function call<T>(method: string, input: unknown, session?: Session): Promise<T> {
  const r = await backend.dispatch(method, input, session);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const attempt = (method: string, input: unknown): Promise<RpcResult<unknown>> =>
  backend.dispatch(method, input);

const forum = await call<{ id: string }>('forums.create', { title: 'BPF Gender', year: 2026 });
const forumId = forum.id;

async function person(fields: Record<string, unknown>): Promise<Participant> {
  return call<Participant>('participants.create', {
    forumId,
    // Listed in the public directory (the public sees only people who consented).
    consentListed: true,
    stakeholderGroup: 'civil_society',
    consentInvitations: true,
    ...fields,
  });
}

const ana = await person({
  fullName: 'Ana Beatriz Lima',
  email: 'ana.lima@example.org',
  country: 'BR',
  timeZone: 'America/Sao_Paulo',
  gender: 'woman',
});
const kwame = await person({
  fullName: 'Kwame Mensah',
  email: 'kwame@example.org',
  country: 'GH',
  timeZone: 'Africa/Accra',
  gender: 'man',
  stakeholderGroup: 'technical_community',
});
const priya = await person({
  fullName: 'Priya Raghavan',
  email: 'priya@example.org',
  country: 'IN',
  timeZone: 'Asia/Kolkata',
  gender: 'woman',
});
const noConsent = await person({
  fullName: 'Robert Hughes',
  email: 'robert@example.org',
  country: 'US',
  timeZone: 'America/New_York',
  consentInvitations: false,
});
await person({
  fullName: 'Troll Account',
  email: 'troll@example.org',
  country: 'GB',
  timeZone: 'Europe/London',
});
const sabina = await person({
  fullName: 'Sabina Shrestha',
  email: 'sabina@example.org',
  country: 'NP',
  timeZone: 'Asia/Kathmandu',
  gender: 'woman',
});
await call('actors.create', {
  forumId,
  name: 'Harasser',
  emails: ['TROLL@example.org'],
  excluded: true,
});
const protectedAna = await call<Participant>('participants.protect', {
  id: ana.id,
  reason: 'Targeted by a harassment campaign',
});

const LINK = 'https://meet.example.org/bpf-gender-secret';

const series = await call<CallSeriesDetails>('callSeries.create', {
  forumId,
  title: 'BPF Gender fortnightly call',
  firstDate: '2026-02-04',
  cadenceWeeks: 2,
  endDate: '2026-06-30',
  durationMinutes: 60,
  slots: [
    { time: '06:00', zone: 'UTC' },
    { time: '16:00', zone: 'Europe/Berlin' },
  ],
  meetingLink: LINK,
  description: 'Kick-off hosted by Ana Beatriz Lima.',
});

async function exportFile(kind: string, format: string, audience: string, subjectId: string) {
  const f = await call<ExportFile>('exports.render', {
    forumId,
    kind,
    format,
    audience,
    subjectId,
  });
  return { file: f, text: Buffer.from(f.base64, 'base64').toString('utf8') };
}

describe('call series', () => {
  it('plans a fortnightly rotation with each call in UTC and its zone', () => {
    expect(series.calls).toHaveLength(11);
    expect(series.calls.map((c) => c.zone)).toEqual(
      Array.from({ length: 11 }, (_, i) => (i % 2 === 0 ? 'UTC' : 'Europe/Berlin')),
    );
    expect(new Date(series.calls[0].startAt).toISOString()).toBe('2026-02-04T06:00:00.000Z');
    // 16:00 Berlin: 15:00 UTC in winter, 14:00 UTC from the end of March.
    expect(new Date(series.calls[1].startAt).toISOString()).toBe('2026-02-18T15:00:00.000Z');
    expect(new Date(series.calls[5].startAt).toISOString()).toBe('2026-04-15T14:00:00.000Z');
    expect(series.nextCallAt).toBe(series.calls[0].startAt);
  });

  it('refuses a series without an end, naming the field', async () => {
    const r = await attempt('callSeries.create', {
      forumId,
      title: 'x',
      firstDate: '2026-02-04',
      slots: [{ time: '06:00', zone: 'UTC' }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'endDate' } });
    const bad = await attempt('callSeries.create', {
      forumId,
      title: 'x',
      firstDate: '2026-02-04',
      occurrenceCount: 3,
      slots: [{ time: '25:00', zone: 'UTC' }],
    });
    expect(bad).toMatchObject({ ok: false, error: { field: 'slots.0.time' } });
  });

  it('lists the series and the timeline', async () => {
    const list = await call<{ id: string; callCount: number }[]>('callSeries.list', { forumId });
    expect(list).toEqual([expect.objectContaining({ id: series.id, callCount: 11 })]);
    const timeline = await call<TimelineEntry[]>('timeline.list', { forumId });
    expect(timeline).toHaveLength(11);
    expect(timeline.map((t) => t.startAt)).toEqual([...timeline.map((t) => t.startAt)].sort());
  });
});

describe('series calendar', () => {
  let lastSequence = -1;

  it('cancels and moves single calls without touching the rest; SEQUENCE rises each time', async () => {
    const first = await exportFile('series-calendar', 'ics', 'participants', series.id);
    expectWellFormedIcs(first.text);
    lastSequence = Number(/SEQUENCE:(\d+)/.exec(first.text)![1]);
    const uids = [...first.text.matchAll(/^UID:(.+)$/gm)].map((m) => m[1].trim());

    const cancelled = await call<CallDetails>('calls.cancel', { id: series.calls[2].id });
    expect(cancelled.status).toBe('cancelled');
    const second = await exportFile('series-calendar', 'ics', 'participants', series.id);
    const seq2 = Number(/SEQUENCE:(\d+)/.exec(second.text)![1]);
    expect(seq2).toBeGreaterThan(lastSequence);
    // UTC slot: EXDATE in UTC.
    expect(second.text).toContain('EXDATE:20260304T060000Z');

    const moved = await call<CallDetails>('calls.move', {
      id: series.calls[3].id,
      date: '2026-03-19',
      time: '10:00',
      zone: 'Asia/Kolkata',
    });
    expect(new Date(moved.startAt).toISOString()).toBe('2026-03-19T04:30:00.000Z');
    expect(moved.moved).toBe(true);
    const third = await exportFile('series-calendar', 'ics', 'participants', series.id);
    expectWellFormedIcs(third.text);
    const seq3 = Number(/SEQUENCE:(\d+)/.exec(third.text)![1]);
    expect(seq3).toBeGreaterThan(seq2);
    expect(third.text).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20260318T160000');
    expect(third.text).toMatch(/UNTIL=\d{8}T\d{6}Z/);
    // Stable UIDs across exports.
    expect([...new Set([...third.text.matchAll(/^UID:(.+)$/gm)].map((m) => m[1].trim()))]).toEqual([
      ...new Set(uids),
    ]);

    // What calendars expand = the plan, minus the cancelled call, with the moved one moved.
    const expanded = [...expandCalendar(third.text).values()].flat().sort((a, b) => a - b);
    const details = await call<CallSeriesDetails>('callSeries.get', { id: series.id });
    const expected = details.calls
      .filter((c) => c.status === 'scheduled')
      .map((c) => c.startAt)
      .sort((a, b) => a - b);
    expect(expanded).toEqual(expected);
    expect(details.calls.filter((c) => c.status === 'cancelled')).toHaveLength(1);
    // The other calls did not change.
    expect(details.calls[4].startAt).toBe(series.calls[4].startAt);
  });

  it('keeps the meeting link and protected names out of a public calendar', async () => {
    const pub = await exportFile('series-calendar', 'ics', 'public', series.id);
    expectWellFormedIcs(pub.text);
    const unfolded = pub.text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).not.toContain('meet.example.org');
    expect(unfolded).not.toContain('Ana Beatriz');
    expect(unfolded).toContain(protectedAna.pseudonym!);
    expect(pub.file.pseudonyms).toEqual([protectedAna.pseudonym]);
    expect(unfolded).not.toMatch(/^ATTENDEE/m);
    const forParticipants = await exportFile('series-calendar', 'ics', 'participants', series.id);
    expect(forParticipants.text.replace(/\r\n[ \t]/g, '')).toContain(LINK);
  });

  it('exports one call as its own calendar', async () => {
    const one = await exportFile('call-calendar', 'ics', 'participants', series.calls[2].id);
    expectWellFormedIcs(one.text);
    expect(one.text).toContain('STATUS:CANCELLED');
    expect([...expandCalendar(one.text).values()].flat()).toEqual([series.calls[2].startAt]);
  });

  it('refuses the wrong format or a subject of another forum', async () => {
    expect(
      await attempt('exports.preview', {
        forumId,
        kind: 'series-calendar',
        format: 'csv',
        audience: 'public',
        subjectId: series.id,
      }),
    ).toMatchObject({ ok: false, error: { field: 'format' } });
    const other = await call<{ id: string }>('forums.create', { title: 'Other', year: 2026 });
    expect(
      await attempt('exports.preview', {
        forumId: other.id,
        kind: 'series-calendar',
        format: 'ics',
        audience: 'public',
        subjectId: series.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found', field: 'subjectId' } });
  });
});

describe('invitations', () => {
  it('go in Bcc to consenting members only, never to an excluded actor', async () => {
    const { text, file } = await exportFile('invitation-email', 'eml', 'participants', series.id);
    expect(file.mimeType).toBe('message/rfc822');
    expect(text).not.toMatch(/[^\r]\n/);
    const split = text.indexOf('\r\n\r\n');
    const head = text.slice(0, split);
    const body = text.slice(split + 4);
    const headers = head.replace(/\r\n[ \t]+/g, ' ');
    expect(headers).toMatch(/^To: undisclosed-recipients:;$/m);
    expect(headers).not.toMatch(/^Cc:/m);
    const bcc = /^Bcc: (.*)$/m.exec(headers)![1].split(/,\s*/);
    expect(bcc.sort()).toEqual(
      [
        'ana.lima@example.org',
        'kwame@example.org',
        'priya@example.org',
        'sabina@example.org',
      ].sort(),
    );
    expect(text).not.toContain('troll@example.org');
    expect(text).not.toContain('robert@example.org');
    // The protected participant's address appears only in Bcc, her name nowhere.
    expect(text.split('ana.lima@example.org')).toHaveLength(2);
    const decoded = [...body.matchAll(/base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)/g)].map((m) =>
      Buffer.from(m[1].replace(/\r\n/g, ''), 'base64').toString('utf8'),
    );
    expect(decoded).toHaveLength(2);
    const [plain, ics] = decoded;
    expect(plain).toContain(LINK);
    expect(plain).not.toContain('Ana Beatriz');
    expect(plain).not.toContain('Troll');
    expectWellFormedIcs(ics);
    expect(ics).toContain('METHOD:PUBLISH');
    expect(file.itemCount).toBe(4);
  });

  it('are written for participants only', async () => {
    expect(
      await attempt('exports.preview', {
        forumId,
        kind: 'invitation-email',
        format: 'eml',
        audience: 'public',
        subjectId: series.id,
      }),
    ).toMatchObject({ ok: false, error: { field: 'audience' } });
  });

  it('exclude a participant as soon as they match an excluded actor', async () => {
    await call('actors.create', {
      forumId,
      name: 'Second account',
      emails: ['priya@example.org'],
      excluded: true,
    });
    const { text } = await exportFile(
      'invitation-email',
      'eml',
      'participants',
      series.calls[0].id,
    );
    expect(text).not.toContain('priya@example.org');
    expect(text).toContain('kwame@example.org');
  });
});

describe('one call', () => {
  it('keeps agenda, minutes, attendance with small cells suppressed, and action items', async () => {
    const id = series.calls[0].id;
    await call('calls.saveAgenda', {
      id,
      items: [
        { title: 'Welcome', ownerId: kwame.id, minutes: 'Kwame opened the call.' },
        { title: 'Scope', ownerId: null },
      ],
    });
    await call('calls.update', { id, minutes: '# Notes\nAna Beatriz Lima presented.' });
    await call('calls.inviteMembers', { id });
    for (const p of [ana, kwame, priya, sabina])
      await call('calls.setAttendance', { id, participantId: p.id, status: 'attended' });
    await call('calls.setAttendance', { id, participantId: noConsent.id, status: 'apologies' });
    await call('actionItems.create', {
      forumId,
      callId: id,
      title: 'Circulate the survey',
      ownerId: kwame.id,
      dueDate: '2026-02-20',
    });
    const d = await call<CallDetails>('calls.get', { id });
    expect(d.agenda.map((a) => [a.title, a.ownerName])).toEqual([
      ['Welcome', 'Kwame Mensah'],
      ['Scope', null],
    ]);
    expect(d.counts.byStatus).toEqual({ invited: 1, attended: 4, apologies: 1, absent: 0 });
    expect(d.counts.attended).toBe('4');
    // Civil society 3, technical community 1: the 1 is "<3", and the 3 is suppressed too, or the
    // total (4) would give the small cell away.
    expect(d.counts.byStakeholderGroup.map((c) => [c.label, c.display])).toEqual([
      ['Civil society', 'suppressed'],
      ['Technical community', '<3'],
    ]);
    expect(d.counts.byGender.map((c) => [c.label, c.display])).toEqual([
      ['Man', '<3'],
      ['Woman', 'suppressed'],
    ]);
    expect(d.actionItems.map((a) => [a.title, a.ownerName, a.status])).toEqual([
      ['Circulate the survey', 'Kwame Mensah', 'open'],
    ]);
    expect(d.meetingLink).toBe(LINK);

    // The public sees pseudonyms, redacted minutes and no link.
    const pub = await call<CallDetails>('calls.get', { id }, PUBLIC);
    expect(pub.meetingLink).toBe('');
    expect(JSON.stringify(pub)).not.toContain('Ana Beatriz');
    expect(pub.attendance.map((a) => a.fullName)).toContain(protectedAna.pseudonym);
  });

  it('refuses an owner from another forum', async () => {
    const other = await call<{ id: string }>('forums.create', { title: 'Other 2', year: 2026 });
    const stranger = await call<Participant>('participants.create', {
      forumId: other.id,
      // Listed in the public directory (the public sees only people who consented).
      consentListed: true,
      fullName: 'Stranger',
      stakeholderGroup: 'academia',
    });
    expect(
      await attempt('calls.setAttendance', {
        id: series.calls[0].id,
        participantId: stranger.id,
        status: 'attended',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found', field: 'participantId' } });
  });

  it('re-plans a series when its slots change, keeping moved and cancelled calls', async () => {
    now = Date.UTC(2026, 0, 11);
    const updated = await call<CallSeriesDetails>('callSeries.update', {
      id: series.id,
      title: 'BPF Gender fortnightly call',
      firstDate: '2026-02-04',
      cadenceWeeks: 2,
      endDate: '2026-06-30',
      durationMinutes: 60,
      slots: [
        { time: '07:00', zone: 'UTC' },
        { time: '14:00', zone: 'UTC' },
      ],
      meetingLink: LINK,
      description: '',
    });
    expect(updated.calls.map((c) => c.id)).toEqual(series.calls.map((c) => c.id));
    expect(new Date(updated.calls[0].startAt).toISOString()).toBe('2026-02-04T07:00:00.000Z');
    expect(updated.calls[2].status).toBe('cancelled');
    expect(new Date(updated.calls[3].startAt).toISOString()).toBe('2026-03-19T04:30:00.000Z');
    const { text } = await exportFile('series-calendar', 'ics', 'participants', series.id);
    const expanded = [...expandCalendar(text).values()].flat().sort((a, b) => a - b);
    expect(expanded).toEqual(
      updated.calls
        .filter((c) => c.status === 'scheduled')
        .map((c) => c.startAt)
        .sort((a, b) => a - b),
    );
  });
});

describe('burden', () => {
  it('gives a heat map per region and a suggestion that can be accepted', async () => {
    const report = await call<BurdenReport>('calls.burden', {
      forumId,
      dates: ['2026-02-04'],
      slots: [{ time: '06:00', zone: 'UTC' }],
    });
    expect(report.regions.map((r) => r.region).sort()).toEqual([
      'africa',
      'asia',
      'europe',
      'latin_america_caribbean',
      'northern_america',
    ]);
    const asia = report.regions.find((r) => r.region === 'asia')!;
    expect(asia.hours).toHaveLength(24);
    expect(asia.slots[0].localTimes).toEqual(['11:30', '11:45']);
    expect(asia.slots[0].burden).toBe(0);
    const suggestion = await call<TimeSuggestion>('calls.suggestTimes', {
      forumId,
      dates: ['2026-02-04'],
    });
    expect(suggestion.slots.length).toBeGreaterThanOrEqual(1);
    expect(suggestion.slots.every((s) => s.zone === 'UTC')).toBe(true);
    expect(suggestion.worstRegionBurden).toBeLessThanOrEqual(
      Math.min(
        ...Array.from({ length: 24 }, (_, h) => Math.max(...report.regions.map((r) => r.hours[h]))),
      ),
    );
    // With the dialog's choices: two slots, Tuesdays or Thursdays, the current slot kept.
    const chosen = await call<TimeSuggestion>('calls.suggestTimes', {
      forumId,
      dates: ['2026-02-04', '2026-02-18'],
      days: [2, 4],
      slotCount: 2,
      current: [{ time: '09:00', zone: 'Europe/Berlin' }],
      keepFixed: true,
    });
    expect(chosen.slots).toHaveLength(2);
    expect(chosen.slots[0]).toEqual({ time: '09:00', zone: 'Europe/Berlin' });
    expect(chosen.fixed).toEqual([true, false]);
    expect([2, 4]).toContain(chosen.day);
    expect(chosen.dates).toHaveLength(2);
    expect(chosen.report?.regions.map((r) => r.slots.length)).toEqual(report.regions.map(() => 2));
    expect(chosen.worstCalls?.map((w) => w.region)).toEqual(report.regions.map((r) => r.region));
    expect(chosen.current?.day).toBe(3);
  });
});

describe('machine zone', () => {
  const script = `
    import { planOccurrences } from './shared/domain/schedule.ts';
    import { buildCalendar } from './electron/backend/publish/calendar.ts';
    const plan = { firstDate: '2026-01-07', cadenceWeeks: 2, endDate: '2026-12-31', occurrenceCount: null,
      durationMinutes: 60, slots: [{ time: '06:00', zone: 'UTC' }, { time: '16:00', zone: 'Europe/Berlin' },
      { time: '09:30', zone: 'Australia/Sydney' }] };
    const occ = planOccurrences(plan);
    const events = plan.slots.map((s, i) => {
      const mine = occ.filter((o) => o.slotIndex === i);
      return { uid: 'u' + i, sequence: 1, summary: 'Call', start: mine[0].startAt, durationMinutes: 60,
        zone: s.zone, recurrence: { intervalWeeks: 6, until: mine[mine.length - 1].startAt,
        exdates: [mine[1].startAt] } };
    });
    console.log(JSON.stringify({ occ: occ.map((o) => o.startAt),
      ics: buildCalendar({ name: 'C', stamp: 1767225600000, events }) }));
  `;
  const run = (tz: string) =>
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    });

  it('plans and writes the same instants and files whatever TZ the machine is in', () => {
    const zones = [
      'UTC',
      'America/St_Johns',
      'Pacific/Chatham',
      'Asia/Kathmandu',
      'America/Santiago',
    ];
    const results = zones.map(run);
    expect(new Set(results).size).toBe(1);
    const { occ, ics } = JSON.parse(results[0]) as { occ: number[]; ics: string };
    expect(occ).toHaveLength(26);
    expect(occ).toEqual(
      planOccurrences({
        firstDate: '2026-01-07',
        cadenceWeeks: 2,
        endDate: '2026-12-31',
        occurrenceCount: null,
        durationMinutes: 60,
        slots: [
          { time: '06:00', zone: 'UTC' },
          { time: '16:00', zone: 'Europe/Berlin' },
          { time: '09:30', zone: 'Australia/Sydney' },
        ],
      }).map((o) => o.startAt),
    );
    const expanded = [...expandCalendar(ics).values()].flat().sort((a, b) => a - b);
    expect(expanded).toHaveLength(23);
  });
});
