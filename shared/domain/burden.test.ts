import { describe, expect, it } from 'vitest';
import {
  BURDEN_BY_LOCAL_HOUR,
  burdenAt,
  burdenAtLocalMinutes,
  burdenHeatMap,
  callBurden,
  scoreRotation,
  suggestRotation,
  type BurdenMember,
} from './burden';
import { suppressSmallCells } from './calls';

const at = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00Z`);

describe('burden table', () => {
  it('is 0 in the working day and rises through early and late hours to the night', () => {
    const byHour = (h: number) => burdenAtLocalMinutes(h * 60);
    expect([8, 12, 17].map(byHour)).toEqual([0, 0, 0]);
    expect([7, 18, 19].map(byHour)).toEqual([1, 1, 1]);
    expect([6, 20, 21].map(byHour)).toEqual([2, 2, 2]);
    expect([5, 22, 23].map(byHour)).toEqual([3, 3, 3]);
    expect([0, 2, 4].map(byHour)).toEqual([4, 4, 4]);
    expect(burdenAtLocalMinutes(17 * 60 + 59)).toBe(0);
    expect(burdenAtLocalMinutes(-60)).toBe(3); // 23:00 the day before
    expect(BURDEN_BY_LOCAL_HOUR).toHaveLength(24);
  });

  it('reads the local time of the member, DST and odd offsets included', () => {
    // 02:30 UTC is 08:15 in Kathmandu (0) and 08:00 in Kolkata (0); 00:30 UTC is 06:15 / 06:00 (2).
    expect(burdenAt('Asia/Kathmandu', at('2026-03-04', '02:30'))).toBe(0);
    expect(burdenAt('Asia/Kolkata', at('2026-03-04', '02:30'))).toBe(0);
    expect(burdenAt('Asia/Kathmandu', at('2026-03-04', '00:30'))).toBe(2);
    expect(burdenAt('Asia/Kolkata', at('2026-03-04', '01:45'))).toBe(1);
    // 17:00 UTC: 18:00 in Berlin in winter (1), 19:00 in summer (1); 07:00 UTC: 08:00 winter, 09:00 summer.
    expect(burdenAt('Europe/Berlin', at('2026-01-15', '17:00'))).toBe(1);
    expect(burdenAt('Europe/Berlin', at('2026-01-15', '06:00'))).toBe(1);
    expect(burdenAt('Europe/Berlin', at('2026-07-15', '06:00'))).toBe(0);
    // Sydney: 21:00 UTC is 08:00 in January (daylight time), 07:00 in July.
    expect(burdenAt('Australia/Sydney', at('2026-01-15', '21:00'))).toBe(0);
    expect(burdenAt('Australia/Sydney', at('2026-07-15', '21:00'))).toBe(1);
    // Santiago: 11:00 UTC is 08:00 in January, 07:00 in July.
    expect(burdenAt('America/Santiago', at('2026-01-15', '11:00'))).toBe(0);
    expect(burdenAt('America/Santiago', at('2026-07-15', '11:00'))).toBe(1);
    // New York: 12:00 UTC is 07:00 in January, 08:00 in July.
    expect(burdenAt('America/New_York', at('2026-01-15', '12:00'))).toBe(1);
    expect(burdenAt('America/New_York', at('2026-07-15', '12:00'))).toBe(0);
  });
});

const members: BurdenMember[] = [
  { zone: 'Europe/Berlin', region: 'europe' },
  { zone: 'Europe/London', region: 'europe' },
  { zone: 'America/New_York', region: 'northern_america' },
  { zone: 'America/Los_Angeles', region: 'northern_america' },
  { zone: 'Australia/Sydney', region: 'oceania' },
  { zone: 'Asia/Kolkata', region: 'asia' },
  { zone: 'Asia/Kathmandu', region: 'asia' },
];

describe('heat map', () => {
  it('averages each region over its members for every UTC hour', () => {
    const map = burdenHeatMap(members, ['2026-01-15']);
    expect(map.map((r) => r.region)).toEqual(['asia', 'europe', 'northern_america', 'oceania']);
    const europe = map.find((r) => r.region === 'europe')!;
    expect(europe.members).toBe(2);
    expect(europe.hours).toHaveLength(24);
    // 12:00 UTC: 13:00 Berlin, 12:00 London -> 0; 07:00 UTC: 08:00 Berlin (0), 07:00 London (1).
    expect(europe.hours[12]).toBe(0);
    expect(europe.hours[7]).toBe(0.5);
  });

  it('averages over the dates, so DST changes during the series count', () => {
    const map = burdenHeatMap(
      [{ zone: 'Europe/Berlin', region: 'europe' }],
      ['2026-01-15', '2026-07-15'],
    );
    // 06:00 UTC: 07:00 in winter (1), 08:00 in summer (0).
    expect(map[0].hours[6]).toBe(0.5);
  });
});

describe('suggestRotation', () => {
  it('minimises the worst single call, then the worst region average; a rotation beats any single slot around the world', () => {
    const map = burdenHeatMap(members, ['2026-03-04']);
    const best = suggestRotation(map, 3)!;
    // Brute force check: nothing has a lower (worst call, worst region average).
    const notBetter = (s: { worstCall: number; worst: number }) =>
      s.worstCall > best.worstCall + 1e-9 ||
      (Math.abs(s.worstCall - best.worstCall) <= 1e-9 && s.worst >= best.worst - 1e-9);
    for (let a = 0; a < 24; a++) {
      expect(notBetter(scoreRotation(map, [a]))).toBe(true);
      for (let b = a + 1; b < 24; b++) expect(notBetter(scoreRotation(map, [a, b]))).toBe(true);
    }
    const single = suggestRotation(map, 1)!;
    expect(single.hours).toHaveLength(1);
    expect(best.worst).toBeLessThan(single.worst);
    expect(best.hours.length).toBeGreaterThan(1);
  });

  it('breaks ties by total burden, then by fewer slots', () => {
    // One region only: any working hour gives 0; the single earliest such hour wins.
    const map = burdenHeatMap([{ zone: 'UTC', region: 'europe' }], ['2026-03-04']);
    const best = suggestRotation(map, 3)!;
    expect(best.hours).toEqual([8]);
    expect(best.worst).toBe(0);
    expect(best.total).toBe(0);
  });

  it('penalises the worst single call: every region at 01:00 once loses to a worst call at 21:00', () => {
    // Two regions, hourly steps. Rotation A = [1, 9, 10]: each region has one call at burden 4,
    // average 4/3. Rotation B = [12, 13, 21]: the worst call is 2 (21:00), averages 1.5 and 0.
    const hours = (cells: Record<number, number>) =>
      Array.from({ length: 24 }, (_, h) => cells[h] ?? 4);
    const map = [
      {
        region: 'a',
        members: 1,
        stepMinutes: 60,
        hours: hours({ 1: 4, 9: 0, 10: 0, 12: 1, 13: 1.5, 21: 2 }),
      },
      {
        region: 'b',
        members: 1,
        stepMinutes: 60,
        hours: hours({ 1: 0, 9: 4, 10: 0, 12: 0, 13: 0, 21: 0 }),
      },
    ];
    // Average only would prefer A...
    expect(scoreRotation(map, [1, 9, 10]).worst).toBeLessThan(
      scoreRotation(map, [12, 13, 21]).worst,
    );
    const best = suggestRotation(map, 3)!;
    expect(best.worstCall).toBeLessThanOrEqual(2);
    expect(best.hours).not.toEqual([1, 9, 10]);
    expect(scoreRotation(map, [1, 9, 10]).worstCall).toBe(4);
  });

  it('counts the whole call, not its start hour', () => {
    const wed = Date.UTC(2026, 2, 4, 17);
    expect(burdenAt('UTC', wed)).toBe(0);
    expect(callBurden('UTC', wed, { durationMinutes: 120 })).toBe(0.5);
    expect(callBurden('UTC', wed, { durationMinutes: 60 })).toBe(0);
    // 16:30-18:30: two quarter-hours at 0 ... four at 1 (18:00-18:30 counts 1).
    expect(callBurden('UTC', Date.UTC(2026, 2, 4, 16, 30), { durationMinutes: 120 })).toBe(0.25);
    const map = burdenHeatMap([{ zone: 'UTC', region: 'europe' }], ['2026-03-04'], {
      durationMinutes: 120,
    });
    expect(map[0].hours[17]).toBe(0.5);
    expect(map[0].hours[16]).toBe(0);
  });

  it('searches half-hour starts', () => {
    // Kolkata is UTC+05:30: its working day starts at 02:30 UTC, which whole hours miss.
    const kolkata = [{ zone: 'Asia/Kolkata', region: 'asia' }];
    const half = suggestRotation(burdenHeatMap(kolkata, ['2026-03-04'], {}, 30), 1)!;
    expect(half.startMinutes).toEqual([150]);
    const whole = suggestRotation(burdenHeatMap(kolkata, ['2026-03-04'], {}, 60), 1)!;
    expect(whole.startMinutes).toEqual([180]);
  });

  it('counts weekend time as the worst unless weekends are chosen', () => {
    // Friday 23:00 UTC is Saturday 08:00 in Tokyo.
    const fri = Date.UTC(2026, 2, 6, 23);
    expect(callBurden('Asia/Tokyo', fri)).toBe(4);
    expect(callBurden('Asia/Tokyo', fri, { includeWeekends: true })).toBe(0);
    const tokyo = [{ zone: 'Asia/Tokyo', region: 'asia' }];
    const best = suggestRotation(burdenHeatMap(tokyo, ['2026-03-06'], {}, 30), 1)!;
    expect(best.worstCall).toBe(0);
    expect(best.startMinutes[0]).toBeLessThan(15 * 60); // before Saturday begins in Tokyo
  });

  it('proposes nothing without members', () => {
    expect(suggestRotation([], 3)).toBeNull();
  });
});

describe('small cells', () => {
  it('shows counts below 3 as "<3" and suppresses a second cell when only one is small', () => {
    const cells = suppressSmallCells([
      { key: 'a', label: 'A', count: 5 },
      { key: 'b', label: 'B', count: 2 },
      { key: 'c', label: 'C', count: 4 },
      { key: 'd', label: 'D', count: 0 },
    ]);
    expect(cells.map((c) => [c.key, c.display])).toEqual([
      ['a', '5'],
      ['b', '<3'],
      ['c', 'suppressed'],
    ]);
    const two = suppressSmallCells([
      { key: 'a', label: 'A', count: 1 },
      { key: 'b', label: 'B', count: 2 },
      { key: 'c', label: 'C', count: 9 },
    ]);
    expect(two.map((c) => c.display)).toEqual(['<3', '<3', '9']);
  });
});
