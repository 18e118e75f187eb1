import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BurdenMember } from './burden';
import {
  datesOnDay,
  isoWeekday,
  slotInstant,
  suggestTimes,
  worstCalls,
  type SlotsScore,
} from './burdenSuggest';

const world: BurdenMember[] = [
  { zone: 'Europe/Berlin', region: 'europe' },
  { zone: 'America/New_York', region: 'northern_america' },
  { zone: 'Pacific/Chatham', region: 'oceania' },
  { zone: 'Asia/Kolkata', region: 'asia' },
];

describe('dates and instants', () => {
  it('moves the series dates to another weekday within their ISO week', () => {
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-08')).toBe(7);
    // Wednesday 4 March and 18 March to Tuesday and to Sunday of the same weeks.
    expect(datesOnDay(['2026-03-04', '2026-03-18'], 2)).toEqual(['2026-03-03', '2026-03-17']);
    expect(datesOnDay(['2026-03-04', '2026-03-18'], 7)).toEqual(['2026-03-08', '2026-03-22']);
  });

  it('reads a zoned slot across DST with the tz library, gap included', () => {
    const slot = { time: '09:00', zone: 'Europe/Berlin' };
    expect(new Date(slotInstant(slot, '2026-03-28')).toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(new Date(slotInstant(slot, '2026-03-30')).toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    // 02:30 does not exist in Berlin on 29 March: it is 03:30 CEST.
    expect(
      new Date(slotInstant({ time: '02:30', zone: 'Europe/Berlin' }, '2026-03-29')).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z');
    // Kiritimati is UTC+14: 09:00 there on Friday is 19:00 UTC on Thursday.
    expect(
      new Date(
        slotInstant({ time: '09:00', zone: 'Pacific/Kiritimati' }, '2026-01-16'),
      ).toISOString(),
    ).toBe('2026-01-15T19:00:00.000Z');
  });
});

describe('suggestTimes', () => {
  it('uses the local weekday beyond +12 h: a Friday call for Kiritimati must end before its Saturday', () => {
    const r = suggestTimes({
      members: [{ zone: 'Pacific/Kiritimati', region: 'oceania' }],
      dates: ['2026-01-16'],
      days: [5],
      slotCount: 1,
      current: [],
      keepFixed: false,
    });
    // Friday 00:00 UTC is Friday 14:00 in Kiritimati; from 18:00 UTC it is already Saturday there.
    expect(r.suggestion?.slots).toEqual([{ time: '00:00', zone: 'UTC' }]);
    expect(r.suggestion?.worstCall).toBe(0);
    expect(r.suggestion?.dates).toEqual(['2026-01-16']);
  });

  it('picks the best of the chosen days and moves the dates there', () => {
    // A Sunday series for Kiritimati: Monday and Tuesday are offered; Monday UTC is Tuesday there.
    const r = suggestTimes({
      members: [{ zone: 'Pacific/Kiritimati', region: 'oceania' }],
      dates: ['2026-01-18', '2026-02-01'],
      days: [2, 4],
      slotCount: 2,
      current: [{ time: '12:00', zone: 'UTC' }],
      keepFixed: false,
    });
    expect([2, 4]).toContain(r.suggestion?.day);
    expect(r.suggestion?.slots).toHaveLength(2);
    expect(r.suggestion?.dates.every((d) => isoWeekday(d) === r.suggestion?.day)).toBe(true);
    expect(r.current?.day).toBe(7);
  });

  it('keeps the current slots fixed and searches only the rest', () => {
    const current = [{ time: '09:15', zone: 'Europe/Berlin' }];
    const r = suggestTimes({
      members: world,
      dates: ['2026-03-25', '2026-04-08'],
      days: [3],
      slotCount: 3,
      current,
      keepFixed: true,
    });
    expect(r.suggestion?.slots[0]).toEqual(current[0]);
    expect(r.suggestion?.fixed).toEqual([true, false, false]);
    expect(r.suggestion?.slots.slice(1).every((s) => s.zone === 'UTC')).toBe(true);
  });

  it('proposes nothing without members or without days', () => {
    const base = { dates: ['2026-03-04'], slotCount: 2, current: [], keepFixed: false };
    expect(suggestTimes({ ...base, members: [], days: [1] }).suggestion).toBeNull();
    expect(suggestTimes({ ...base, members: world, days: [] }).suggestion).toBeNull();
  });
});

describe('worstCalls', () => {
  it("gives each region's worst call in local time and how far outside 08:00-20:00 it is", () => {
    // 20:00 UTC on Thursday 15 January: Chatham (+13:45 in summer) is Friday 09:45; New York 15:00;
    // Berlin 21:00 (a 60-minute call ends 22:00: 2 h after 20:00); Kolkata 01:30 (6 h 30 before 08:00).
    const rows = worstCalls(world, ['2026-01-15'], [{ time: '20:00', zone: 'UTC' }]);
    const by = Object.fromEntries(rows.map((r) => [r.region, r]));
    expect(by.oceania.localStart).toBe('Fri 09:45');
    expect(by.oceania.outsideMinutes).toBe(0);
    expect(by.northern_america.localStart).toBe('Thu 15:00');
    expect(by.europe).toMatchObject({
      localStart: 'Thu 21:00',
      outsideMinutes: 120,
      side: 'after',
    });
    expect(by.asia).toMatchObject({ localStart: 'Fri 01:30', outsideMinutes: 390, side: 'before' });
    // In July Chatham is +12:45.
    const july = worstCalls(world, ['2026-07-16'], [{ time: '20:00', zone: 'UTC' }]);
    expect(july.find((r) => r.region === 'oceania')?.localStart).toBe('Fri 08:45');
  });
});

const ZONES = [
  'Pacific/Kiritimati',
  'Pacific/Chatham',
  'Pacific/Pago_Pago',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Europe/Berlin',
  'America/Los_Angeles',
  'Australia/Lord_Howe',
  'UTC',
];
// Dates around DST changes in both hemispheres (Europe 29 March / 25 October, US 8 March / 1 November,
// Chatham and Lord Howe 5 April / 27 September).
const DATES = [
  '2026-03-04',
  '2026-03-25',
  '2026-04-01',
  '2026-04-08',
  '2026-09-23',
  '2026-10-21',
  '2026-10-28',
];

const member = fc.record({
  zone: fc.constantFrom(...ZONES),
  region: fc.constantFrom('africa', 'asia', 'europe', 'oceania'),
});
const slot = fc.record({
  time: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  zone: fc.constantFrom(...ZONES),
});
const input = fc.record({
  members: fc.array(member, { minLength: 1, maxLength: 6 }),
  // One weekday: a first date and cadence like a series.
  first: fc.constantFrom(...DATES),
  weeks: fc.integer({ min: 1, max: 3 }),
  days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
  slotCount: fc.integer({ min: 1, max: 3 }),
  current: fc.array(slot, { minLength: 1, maxLength: 3 }),
  keepFixed: fc.boolean(),
  includeWeekends: fc.boolean(),
  durationMinutes: fc.constantFrom(60, 90),
});
type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;
const seriesDates = (first: string, weeks: number) =>
  Array.from({ length: weeks }, (_, i) =>
    new Date(Date.parse(`${first}T00:00:00Z`) + i * 14 * 86_400_000).toISOString().slice(0, 10),
  );
const notWorse = (a: SlotsScore, b: SlotsScore) =>
  a.worstCall < b.worstCall - 1e-9 ||
  (Math.abs(a.worstCall - b.worstCall) <= 1e-9 && a.worst <= b.worst + 1e-9);

describe('suggestTimes properties', () => {
  const run = (i: Input) =>
    suggestTimes({
      members: i.members,
      dates: seriesDates(i.first, i.weeks),
      days: i.days,
      slotCount: i.slotCount,
      current: i.current,
      keepFixed: i.keepFixed,
      options: { includeWeekends: i.includeWeekends, durationMinutes: i.durationMinutes },
    });

  it('keeps the fixed slots, uses only the chosen days and the asked number of slots', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = run(i);
        const s = r.suggestion;
        expect(s).not.toBeNull();
        if (!s) return;
        expect(i.days).toContain(s.day);
        expect(s.dates.every((d) => isoWeekday(d) === s.day)).toBe(true);
        expect(s.slots).toHaveLength(i.slotCount);
        if (i.keepFixed)
          expect(s.slots.slice(0, i.current.length)).toEqual(i.current.slice(0, i.slotCount));
      }),
      { numRuns: 25 },
    );
  });

  it('is never worse than the current slots when they can be compared', () => {
    fc.assert(
      fc.property(input, (i) => {
        const day = isoWeekday(i.first);
        const r = run({ ...i, slotCount: i.current.length, days: [...new Set([...i.days, day])] });
        expect(r.suggestion && r.current).toBeTruthy();
        if (r.suggestion && r.current) expect(notWorse(r.suggestion, r.current)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
