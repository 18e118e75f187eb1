// The calendar builder: every file is parsed back with ical.js (using the file's own VTIMEZONEs)
// and its expanded occurrences compared with the plan, plus what ical.js does not check: CRLF,
// folding at 75 octets, DTSTAMP, a VTIMEZONE for each TZID, UNTIL in UTC.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { planOccurrences, type SeriesPlan } from '../../../shared/domain/schedule';
import { buildCalendar, vtimezone, zoneTransitions, type CalendarEvent } from './calendar';
import { expandCalendar, expectWellFormedIcs } from './ics-testing';

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
