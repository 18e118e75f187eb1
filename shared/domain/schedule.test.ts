// Series planning and zone arithmetic: DST in Europe, North America and the southern hemisphere,
// 30/45-minute offsets, gaps and overlaps. The "same UTC instants whatever the machine's zone" check
// spawns Node under several TZ values, so it lives in electron/backend/calls/calls.test.ts.
import { describe, expect, it } from 'vitest';
import { PlanError, planOccurrences, type SeriesPlan } from './schedule';
import {
  addDays,
  formatInZone,
  isoDateIn,
  localToUtc,
  timeIn,
  zoneOffsetMinutes,
  zonedTimeToUtc,
} from './zones';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';

const fortnightly = (over: Partial<SeriesPlan>): SeriesPlan => ({
  firstDate: '2026-03-04',
  cadenceWeeks: 2,
  endDate: null,
  occurrenceCount: 6,
  durationMinutes: 60,
  slots: [{ time: '15:00', zone: 'UTC' }],
  ...over,
});

describe('zone offsets', () => {
  it('reads whole, half and three-quarter hour offsets', () => {
    const jan = Date.UTC(2026, 0, 15, 12);
    const jul = Date.UTC(2026, 6, 15, 12);
    expect(zoneOffsetMinutes('UTC', jan)).toBe(0);
    expect(zoneOffsetMinutes('Asia/Kolkata', jan)).toBe(330);
    expect(zoneOffsetMinutes('Asia/Kathmandu', jul)).toBe(345);
    expect(zoneOffsetMinutes('Europe/Berlin', jan)).toBe(60);
    expect(zoneOffsetMinutes('Europe/Berlin', jul)).toBe(120);
    expect(zoneOffsetMinutes('America/New_York', jan)).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', jul)).toBe(-240);
    expect(zoneOffsetMinutes('Australia/Sydney', jan)).toBe(660);
    expect(zoneOffsetMinutes('Australia/Sydney', jul)).toBe(600);
    expect(zoneOffsetMinutes('America/Santiago', jan)).toBe(-180);
    expect(zoneOffsetMinutes('America/Santiago', jul)).toBe(-240);
    expect(zoneOffsetMinutes('Pacific/Chatham', jan)).toBe(825);
  });

  it('converts wall times both ways', () => {
    const t = localToUtc('Asia/Kathmandu', '2026-05-01', '09:15');
    expect(iso(t)).toBe('2026-05-01T03:30Z');
    expect(timeIn('Asia/Kathmandu', t)).toBe('09:15');
    expect(isoDateIn('Pacific/Kiritimati', Date.UTC(2026, 0, 1, 12))).toBe('2026-01-02');
    expect(formatInZone('Asia/Kolkata', Date.UTC(2026, 2, 4, 14))).toBe('Wed 4 Mar 2026, 19:30');
    expect(addDays('2026-02-22', 14)).toBe('2026-03-08');
  });

  it('reads a wall time in the spring-forward gap with the offset from before (RFC 5545)', () => {
    // 02:30 does not exist in Berlin on 29 March 2026: read as 02:30 CET = 01:30 UTC (03:30 CEST).
    expect(iso(localToUtc('Europe/Berlin', '2026-03-29', '02:30'))).toBe('2026-03-29T01:30Z');
    expect(iso(localToUtc('America/New_York', '2026-03-08', '02:30'))).toBe('2026-03-08T07:30Z');
  });

  it('takes the first of two instants in the fall-back overlap (RFC 5545)', () => {
    // 02:30 happens twice in Berlin on 25 October 2026: first at CEST (00:30 UTC).
    expect(iso(localToUtc('Europe/Berlin', '2026-10-25', '02:30'))).toBe('2026-10-25T00:30Z');
    expect(iso(localToUtc('America/New_York', '2026-11-01', '01:30'))).toBe('2026-11-01T05:30Z');
    expect(
      iso(
        zonedTimeToUtc('Australia/Sydney', { year: 2026, month: 4, day: 5, hour: 2, minute: 30 }),
      ),
    ).toBe('2026-04-04T15:30Z');
  });
});

describe('planOccurrences', () => {
  it('repeats a UTC-fixed slot at the same UTC time across DST changes', () => {
    const occ = planOccurrences(fortnightly({ occurrenceCount: 4 }));
    expect(occ.map((o) => iso(o.startAt))).toEqual([
      '2026-03-04T15:00Z',
      '2026-03-18T15:00Z',
      '2026-04-01T15:00Z',
      '2026-04-15T15:00Z',
    ]);
    // Local times in Berlin move from 16:00 to 17:00 when Europe switches to summer time.
    expect(occ.map((o) => timeIn('Europe/Berlin', o.startAt))).toEqual([
      '16:00',
      '16:00',
      '17:00',
      '17:00',
    ]);
  });

  it('keeps an anchored slot at the same local time: its UTC time moves (Europe)', () => {
    const occ = planOccurrences(
      fortnightly({ slots: [{ time: '16:00', zone: 'Europe/Berlin' }], occurrenceCount: 4 }),
    );
    expect(occ.map((o) => iso(o.startAt))).toEqual([
      '2026-03-04T15:00Z',
      '2026-03-18T15:00Z',
      '2026-04-01T14:00Z',
      '2026-04-15T14:00Z',
    ]);
  });

  it('follows North American DST (which changes weeks before Europe)', () => {
    const occ = planOccurrences(
      fortnightly({
        firstDate: '2026-02-25',
        slots: [{ time: '09:00', zone: 'America/New_York' }],
        occurrenceCount: 3,
      }),
    );
    expect(occ.map((o) => iso(o.startAt))).toEqual([
      '2026-02-25T14:00Z',
      '2026-03-11T13:00Z',
      '2026-03-25T13:00Z',
    ]);
    // In London the same call is at 14:00, then 13:00 twice (UK summer time starts 29 March).
    expect(occ.map((o) => timeIn('Europe/London', o.startAt))).toEqual(['14:00', '13:00', '13:00']);
  });

  it('follows southern-hemisphere DST (Australia/Sydney and America/Santiago)', () => {
    const sydney = planOccurrences(
      fortnightly({
        firstDate: '2026-03-25',
        slots: [{ time: '18:00', zone: 'Australia/Sydney' }],
        occurrenceCount: 2,
      }),
    );
    expect(sydney.map((o) => iso(o.startAt))).toEqual(['2026-03-25T07:00Z', '2026-04-08T08:00Z']);
    const santiago = planOccurrences(
      fortnightly({
        firstDate: '2026-03-25',
        slots: [{ time: '10:00', zone: 'America/Santiago' }],
        occurrenceCount: 2,
      }),
    );
    expect(santiago.map((o) => iso(o.startAt))).toEqual(['2026-03-25T13:00Z', '2026-04-08T14:00Z']);
    // Daylight-saving time starts again in the southern spring.
    const spring = planOccurrences(
      fortnightly({
        firstDate: '2026-09-23',
        slots: [{ time: '18:00', zone: 'Australia/Sydney' }],
        occurrenceCount: 2,
      }),
    );
    expect(spring.map((o) => iso(o.startAt))).toEqual(['2026-09-23T08:00Z', '2026-10-07T07:00Z']);
  });

  it('handles 30- and 45-minute offset anchors', () => {
    const kolkata = planOccurrences(
      fortnightly({ slots: [{ time: '18:30', zone: 'Asia/Kolkata' }], occurrenceCount: 1 }),
    );
    expect(iso(kolkata[0].startAt)).toBe('2026-03-04T13:00Z');
    const kathmandu = planOccurrences(
      fortnightly({ slots: [{ time: '18:30', zone: 'Asia/Kathmandu' }], occurrenceCount: 1 }),
    );
    expect(iso(kathmandu[0].startAt)).toBe('2026-03-04T12:45Z');
  });

  it('rotates through the slots in order, each coming back every slots x cadence weeks', () => {
    const occ = planOccurrences(
      fortnightly({
        slots: [
          { time: '06:00', zone: 'UTC' },
          { time: '15:00', zone: 'UTC' },
        ],
        occurrenceCount: 5,
      }),
    );
    expect(occ.map((o) => [o.slotIndex, iso(o.startAt)])).toEqual([
      [0, '2026-03-04T06:00Z'],
      [1, '2026-03-18T15:00Z'],
      [0, '2026-04-01T06:00Z'],
      [1, '2026-04-15T15:00Z'],
      [0, '2026-04-29T06:00Z'],
    ]);
  });

  it('ends on the end date (inclusive) or after the count', () => {
    const until = (endDate: string) => fortnightly({ occurrenceCount: null, endDate });
    expect(planOccurrences(until('2026-04-01'))).toHaveLength(3);
    expect(planOccurrences(until('2026-03-31'))).toHaveLength(2);
    expect(planOccurrences(fortnightly({ cadenceWeeks: 3, occurrenceCount: 7 }))).toHaveLength(7);
    // A year of fortnightly calls.
    expect(planOccurrences({ ...until('2026-12-31'), firstDate: '2026-01-07' })).toHaveLength(26);
  });

  it('refuses unusable plans with the field to fix', () => {
    expect(() => planOccurrences(fortnightly({ slots: [] }))).toThrow(PlanError);
    expect(() =>
      planOccurrences(fortnightly({ occurrenceCount: null, endDate: '2026-01-01' })),
    ).toThrow(/before the first date/);
    expect(() =>
      planOccurrences(
        fortnightly({ cadenceWeeks: 1, occurrenceCount: null, endDate: '2031-01-01' }),
      ),
    ).toThrow(/at most 200/);
  });
});

describe('zones more than 12 h ahead (issue 11 §3)', () => {
  it('reads 02:00 in Chatham on 26 September 2027 as 13:15 UTC the day before, like every calendar', () => {
    expect(iso(localToUtc('Pacific/Chatham', '2027-09-26', '02:00'))).toBe('2027-09-25T13:15Z');
    expect(iso(localToUtc('Pacific/Auckland', '2027-01-10', '09:00'))).toBe('2027-01-09T20:00Z');
    const p = planOccurrences(
      fortnightly({
        firstDate: '2027-09-26',
        occurrenceCount: 2,
        slots: [{ time: '02:00', zone: 'Pacific/Chatham' }],
      }),
    );
    expect(iso(p[0].startAt)).toBe('2027-09-25T13:15Z');
    expect(timeIn('Pacific/Chatham', p[1].startAt)).toBe('02:00');
  });
});
