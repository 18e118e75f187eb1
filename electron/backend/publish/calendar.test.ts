// The calendar builder: every file is parsed back with ical.js (using the file's own VTIMEZONEs)
// and its expanded occurrences compared with the plan, plus what ical.js does not check: CRLF,
// folding at 75 octets, DTSTAMP, a VTIMEZONE for each TZID, UNTIL in UTC.
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { planOccurrences, type SeriesPlan } from '../../../shared/domain/schedule';
import { addDays, localToUtc } from '../../../shared/domain/zones';
import { createBackend } from '../backend';
import {
  buildCalendar,
  vtimezone,
  zoneTransitions,
  type CalendarEvent,
  type ZoneTransition,
} from './calendar';
import {
  expandCalendar,
  expandWithPython,
  expectWellFormedIcs,
  pythonReaderMissing,
} from './ics-testing';

const plan = (over: Partial<SeriesPlan>): SeriesPlan => ({
  firstDate: '2026-02-04',
  cadenceWeeks: 2,
  endDate: null,
  occurrenceCount: 20,
  durationMinutes: 60,
  slots: [{ time: '15:00', zone: 'UTC' }],
  ...over,
});

/** The events for a plan, one recurring VEVENT per slot, like the series export. */
function eventsFor(p: SeriesPlan, byCount: boolean): CalendarEvent[] {
  const occ = planOccurrences(p);
  return p.slots.flatMap((slot, i) => {
    const mine = occ.filter((o) => o.slotIndex === i);
    return [
      {
        uid: `series-slot${i}@test`,
        sequence: 0,
        summary: 'BPF call',
        start: mine[0].startAt,
        durationMinutes: p.durationMinutes,
        zone: slot.zone,
        recurrence: {
          intervalWeeks: p.cadenceWeeks * p.slots.length,
          ...(byCount ? { count: mine.length } : { until: mine[mine.length - 1].startAt }),
        },
      },
    ];
  });
}

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'America/Santiago',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Europe/Dublin',
];

describe('buildCalendar', () => {
  it.each(ZONES)('expands an anchored series in %s to the planned instants across DST', (zone) => {
    for (const byCount of [true, false]) {
      const p = plan({
        slots: [{ time: '09:30', zone }],
        occurrenceCount: byCount ? 26 : null,
        endDate: byCount ? null : '2027-01-20',
      });
      const ics = buildCalendar({
        name: 'Calls',
        stamp: Date.UTC(2026, 0, 1),
        events: eventsFor(p, byCount),
      });
      expectWellFormedIcs(ics);
      const expanded = expandCalendar(ics).get('series-slot0@test');
      expect(expanded).toEqual(planOccurrences(p).map((o) => o.startAt));
    }
  });

  it('expands a rotation of UTC-fixed and anchored slots', () => {
    const p = plan({
      occurrenceCount: null,
      endDate: '2026-12-31',
      slots: [
        { time: '06:00', zone: 'UTC' },
        { time: '16:00', zone: 'Europe/Berlin' },
        { time: '08:00', zone: 'Australia/Sydney' },
      ],
    });
    const ics = buildCalendar({
      name: 'Calls',
      stamp: Date.UTC(2026, 0, 1),
      events: eventsFor(p, false),
    });
    expectWellFormedIcs(ics);
    const all = [...expandCalendar(ics).values()].flat().sort((a, b) => a - b);
    expect(all).toEqual(planOccurrences(p).map((o) => o.startAt));
    // UTC slots are written in UTC, anchored ones with their TZID.
    expect(ics).toMatch(/DTSTART:20260204T060000Z/);
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Berlin:20260218T160000/);
  });

  it('writes EXDATEs and RECURRENCE-ID overrides that calendars apply', () => {
    const p = plan({ occurrenceCount: 6, slots: [{ time: '10:00', zone: 'America/New_York' }] });
    const occ = planOccurrences(p);
    const [master] = eventsFor(p, true);
    master.recurrence!.exdates = [occ[2].startAt];
    const moved = occ[4].startAt + 26 * 3_600_000;
    const ics = buildCalendar({
      name: 'Calls',
      stamp: Date.UTC(2026, 0, 1),
      events: [
        master,
        { ...master, recurrence: undefined, start: moved, recurrenceId: occ[4].startAt },
      ],
    });
    expectWellFormedIcs(ics);
    expect(ics).toContain('EXDATE;TZID=America/New_York:20260304T100000');
    expect(ics).toContain('RECURRENCE-ID;TZID=America/New_York:20260401T100000');
    expect(expandCalendar(ics).get('series-slot0@test')).toEqual([
      occ[0].startAt,
      occ[1].startAt,
      occ[3].startAt,
      moved,
      occ[5].startAt,
    ]);
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    const ics = buildCalendar({
      name: 'Calls',
      stamp: Date.UTC(2026, 0, 1),
      events: [
        {
          uid: 'x@test',
          sequence: 3,
          summary: 'Llamada sobre género y acceso — 性别与接入 — '.repeat(6),
          description: 'Línea 1\nLínea 2 '.repeat(40),
          start: Date.UTC(2026, 5, 1, 12),
          durationMinutes: 90,
          zone: 'Asia/Kathmandu',
        },
      ],
    });
    expectWellFormedIcs(ics);
    const root = new ICAL.Component(ICAL.parse(ics));
    const ev = root.getFirstSubcomponent('vevent')!;
    expect(String(ev.getFirstPropertyValue('summary'))).toBe(
      'Llamada sobre género y acceso — 性别与接入 — '.repeat(6),
    );
    expect(ev.getFirstPropertyValue('sequence')).toBe(3);
  });
});

describe('vtimezone', () => {
  it('finds the transitions of a year to the minute', () => {
    const t = zoneTransitions('Europe/Berlin', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(t.map((x) => [new Date(x.at).toISOString(), x.from, x.to])).toEqual([
      ['2026-03-29T01:00:00.000Z', 60, 120],
      ['2026-10-25T01:00:00.000Z', 120, 60],
    ]);
    expect(zoneTransitions('Asia/Kolkata', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([]);
  });

  it('writes onsets as local time before the change (DAYLIGHT up, STANDARD down)', () => {
    const v = vtimezone('Australia/Sydney', 2026, 2026);
    expect(v).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260101T110000\r\nTZOFFSETFROM:+1100');
    expect(v).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20260405T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000',
    );
    expect(v).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20261004T020000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100',
    );
    expect(vtimezone('Asia/Kathmandu', 2026, 2026)).toContain('TZOFFSETTO:+0545');
  });
});

/* ---- Daylight-saving edges through the real export path, read by ical.js and by Python ---- */

const missingPython = pythonReaderMissing();
const dstNow = Date.UTC(2026, 11, 1);
const dst = createBackend({ dbFile: ':memory:', shell: 'test', now: () => dstNow });
afterAll(() => dst.close());

async function rpc<T>(method: string, input: unknown): Promise<T> {
  const r = await dst.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const dstForum = (await rpc<{ id: string }>('forums.create', { title: 'DST', year: 2027 })).id;

async function icsOf(kind: string, subjectId: string): Promise<string> {
  const f = await rpc<{ base64: string }>('exports.render', {
    forumId: dstForum,
    kind,
    format: 'ics',
    audience: 'participants',
    subjectId,
  });
  return Buffer.from(f.base64, 'base64').toString('utf8');
}

const MIN = 60_000;
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const wallMinutes = (ms: number, offset: number) => {
  const d = new Date(ms + offset * MIN);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
};
const dateAt = (ms: number, offset: number) =>
  new Date(ms + offset * MIN).toISOString().slice(0, 10);

/** The 2027 gap and fold of a zone: a wall time inside each and its date. */
function edges(zone: string) {
  const ts = zoneTransitions(zone, Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1));
  const gapT = ts.find((t) => t.to > t.from);
  const foldT = ts.find((t) => t.to < t.from);
  const inside = (t: ZoneTransition) => {
    // Halfway into the skipped (read at the old offset) or repeated (new offset) interval.
    const at = t.at + Math.floor(Math.abs(t.to - t.from) / 2 / 15) * 15 * MIN;
    const offset = t.to > t.from ? t.from : t.to;
    return { date: dateAt(at, offset), time: hhmm(wallMinutes(at, offset)) };
  };
  return { gap: gapT && inside(gapT), fold: foldT && inside(foldT) };
}

const DST_ZONES = [
  'Europe/Berlin',
  'America/Santiago',
  'Australia/Sydney',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
];

interface AppCall {
  id: string;
  startAt: number;
  durationMinutes: number;
  status: string;
  zone: string;
}

/** Compares a series file with the app's calls, in both readers. */
function expectReadersAgree(ics: string, calls: AppCall[]) {
  expectWellFormedIcs(ics);
  const live = calls.filter((c) => c.status !== 'cancelled');
  const want = live.map((c) => c.startAt).sort((a, b) => a - b);
  const ical = [...expandCalendar(ics).values()].flat().sort((a, b) => a - b);
  expect(ical.map(iso)).toEqual(want.map(iso));
  if (missingPython) return;
  const py = [...expandWithPython(ics).values()].flat().sort((a, b) => a.start - b.start);
  expect(py.map((o) => iso(o.start))).toEqual(want.map(iso));
  for (const o of py) {
    const c = live.find((x) => x.startAt === o.start)!;
    expect(o.end - o.start, iso(o.start)).toBe(c.durationMinutes * MIN);
  }
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';

describe('moving one call to a time that does not exist or exists twice', () => {
  it('refuses a gap time naming the next valid one, and asks earlier or later in a fold', async () => {
    const s = await rpc<{ calls: AppCall[] }>('callSeries.create', {
      forumId: dstForum,
      title: 'Moves',
      firstDate: '2027-03-03',
      cadenceWeeks: 1,
      occurrenceCount: 2,
      slots: [{ time: '10:00', zone: 'Europe/Berlin' }],
    });
    const id = s.calls[0].id;
    const gap = await dst.dispatch('calls.move', {
      id,
      date: '2027-03-28',
      time: '02:30',
      zone: 'Europe/Berlin',
    });
    expect(gap).toMatchObject({
      ok: false,
      error: {
        field: 'time',
        message:
          'time: 02:30 does not exist on 28 March 2027 in Berlin; clocks go from 02:00 to 03:00. Choose 03:00 or later.',
      },
    });
    const move = { id, date: '2027-10-31', time: '02:30', zone: 'Europe/Berlin' };
    const fold = await dst.dispatch('calls.move', move);
    expect(fold).toMatchObject({ ok: false, error: { field: 'fold' } });
    expect(!fold.ok && fold.error.message).toContain('UTC+02:00');
    expect(!fold.ok && fold.error.message).toContain('UTC+01:00');
    const later = await rpc<AppCall>('calls.move', { ...move, fold: 'later' });
    expect(iso(later.startAt)).toBe('2027-10-31T01:30Z');
    const earlier = await rpc<AppCall>('calls.move', { ...move, fold: 'earlier' });
    expect(iso(earlier.startAt)).toBe('2027-10-31T00:30Z');
  });
});

describe.each(DST_ZONES)('a series anchored in %s across its 2027 changes', (zone) => {
  const { gap, fold } = edges(zone);

  it('refuses a first call in the gap, naming the next valid time', async () => {
    if (!gap) return expect(zone).toBe('Asia/Kathmandu'); // no daylight saving since 1986
    const r = await dst.dispatch('callSeries.create', {
      forumId: dstForum,
      title: 'Gap',
      firstDate: gap.date,
      cadenceWeeks: 1,
      occurrenceCount: 3,
      slots: [{ time: gap.time, zone }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'slots.0.time' } });
    const message = !r.ok ? r.error.message : '';
    expect(message).toMatch(new RegExp(`${gap.time} does not exist on .* 2027 in `));
    expect(message).toMatch(/clocks go from \d\d:\d\d to \d\d:\d\d\. Choose \d\d:\d\d or later\./);
  });

  it('asks which of two repeated times is meant, naming both offsets, and keeps the answer', async () => {
    if (!fold) return expect(zone).toBe('Asia/Kathmandu'); // no daylight saving since 1986
    const input = {
      forumId: dstForum,
      title: 'Fold',
      firstDate: fold.date,
      cadenceWeeks: 1,
      occurrenceCount: 3,
      durationMinutes: 60,
      slots: [{ time: fold.time, zone }],
    };
    const r = await dst.dispatch('callSeries.create', input);
    expect(r).toMatchObject({ ok: false, error: { field: 'slots.0.fold' } });
    expect(!r.ok && r.error.message).toMatch(
      /earlier \(UTC[+-]\d\d:\d\d\) or the later \(UTC[+-]\d\d:\d\d\)/,
    );
    for (const choice of ['earlier', 'later'] as const) {
      const s = await rpc<{ id: string; slots: { fold?: string }[]; calls: AppCall[] }>(
        'callSeries.create',
        { ...input, slots: [{ time: fold.time, zone, fold: choice }] },
      );
      expect(s.slots[0].fold).toBe(choice);
      const [first] = s.calls;
      expect(first.startAt).toBe(
        localToUtc(zone, fold.date, fold.time) + (choice === 'later' ? foldLength(zone) : 0),
      );
      expectReadersAgree(await icsOf('series-calendar', s.id), s.calls);
    }
  });

  it('writes every occurrence, gap and fold ones included, moved and cancelled, as the app has it', async () => {
    // Weekly across the gap, then across the fold (a year of calls where the zone has neither).
    for (const edge of [gap, fold, ...(gap ? [] : [{ date: '2027-01-06', time: '09:15' }])]) {
      if (edge) await checkSeriesAcross(zone, edge, gap || fold ? 7 : 52);
    }
  }, 120_000);
});

async function checkSeriesAcross(
  zone: string,
  edge: { date: string; time: string },
  count: number,
) {
  {
    const s = await rpc<{ id: string; calls: AppCall[] }>('callSeries.create', {
      forumId: dstForum,
      title: `DST ${zone}`,
      firstDate: addDays(edge.date, -21),
      cadenceWeeks: 1,
      occurrenceCount: count,
      durationMinutes: 90,
      slots: [{ time: edge.time, zone }],
    });
    const calls = s.calls;
    // The occurrence on the edge's day stays as planned (moves and a cancel are elsewhere).
    expect(calls[3].startAt).toBe(localToUtc(zone, edge.date, edge.time));
    // Move one call to Tokyo, move another within the zone, cancel a third.
    const moved = await rpc<AppCall>('calls.move', {
      id: calls[1].id,
      date: dateAt(calls[1].startAt, 9 * 60),
      time: '10:30',
      zone: 'Asia/Tokyo',
    });
    await rpc('calls.move', {
      id: calls[5].id,
      date: dateAt(calls[5].startAt, 0),
      time: '12:00',
      zone: 'UTC',
    });
    await rpc('calls.cancel', { id: calls[4].id });
    const after = (await rpc<{ calls: AppCall[] }>('callSeries.get', { id: s.id })).calls;
    expect(after.find((c) => c.id === moved.id)!.zone).toBe('Asia/Tokyo');
    const seriesIcs = await icsOf('series-calendar', s.id);
    expectReadersAgree(seriesIcs, after);
    // The moved call is written in its own zone, its RECURRENCE-ID in the series'.
    expect(seriesIcs).toMatch(/DTSTART;TZID=Asia\/Tokyo:\d{8}T103000/);

    // Each call's own file is that occurrence of the series: importing both gives one event.
    const seriesUids = new Set([...seriesIcs.matchAll(/^UID:(.+)\r$/gm)].map((m) => m[1]));
    for (const c of after) {
      const one = await icsOf('call-calendar', c.id);
      expectWellFormedIcs(one);
      expect(seriesUids).toContain(/^UID:(.+)\r$/m.exec(one)![1]);
      expect(one).toMatch(/^RECURRENCE-ID/m);
      expect(one).toContain(c.status === 'cancelled' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED');
      const merged = mergeIcs(seriesIcs, one);
      const live = after.filter((x) => x.status !== 'cancelled' && x.id !== c.id);
      expectReadersAgree(merged, c.status === 'cancelled' ? live : [...live, c]);
    }
  }
}

/** How much the clocks go back in 2027 (ms). */
function foldLength(zone: string): number {
  const t = zoneTransitions(zone, Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1)).find(
    (x) => x.to < x.from,
  )!;
  return (t.from - t.to) * MIN;
}

/**
 * A calendar app importing `one` after `series`: an event with the same UID and RECURRENCE-ID
 * replaces the series' one (a cancelled one removes the occurrence).
 */
function mergeIcs(series: string, one: string): string {
  const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');
  const blocks = (s: string, name: string) =>
    [...unfold(s).matchAll(new RegExp(`BEGIN:${name}\\r\\n[\\s\\S]*?END:${name}\\r\\n`, 'g'))].map(
      (m) => m[0],
    );
  const key = (ev: string) =>
    `${/^UID:(.*)$/m.exec(ev)![1]}|${/^RECURRENCE-ID[^:]*:(.*)$/m.exec(ev)?.[1] ?? ''}`;
  const incoming = blocks(one, 'VEVENT')[0];
  const cancelled = incoming.includes('STATUS:CANCELLED');
  const events = blocks(series, 'VEVENT').filter((e) => key(e) !== key(incoming));
  let out = events.join('');
  if (cancelled) {
    // The cancellation removes the occurrence from the series' expansion.
    const rid = /^RECURRENCE-ID(;[^:]*)?:(.*)\r$/m.exec(incoming)!;
    out = out.replace(
      new RegExp(
        `(UID:${key(incoming)
          .split('|')[0]
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\r\\n[\\s\\S]*?RRULE:[^\\r]*\\r\\n)`,
      ),
      `$1EXDATE${rid[1] ?? ''}:${rid[2]}\r\n`,
    );
  } else out += incoming;
  const zones = new Map<string, string>();
  for (const z of [...blocks(series, 'VTIMEZONE'), ...blocks(one, 'VTIMEZONE')])
    zones.set(/^TZID:(.*)$/m.exec(z)![1], z);
  return [
    'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//merge//EN\r\n',
    ...zones.values(),
    out,
    'END:VCALENDAR\r\n',
  ].join('');
}
