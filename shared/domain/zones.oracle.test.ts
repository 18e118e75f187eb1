// Local -> UTC -> local over every IANA zone the runtime knows, against Temporal (the polyfill is a
// dev dependency used only here, as an independent oracle). Every zone is checked at every
// 15-minute wall time of sampled days of 2027 plus the days around each of its offset changes;
// zones named in issue 11 are checked over the whole year. The count of pairs is printed.
import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, resolveLocal, wallTimeAt, type WallTime } from './zones';

const YEAR = 2027;
const FULL_YEAR_ZONES = [
  'Europe/Berlin',
  'America/Santiago',
  'Australia/Sydney',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
];

/**
 * The oracle: the earlier and later instants Temporal finds (equal unless in a fold), and its
 * 'compatible' reading, which is RFC 5545's: a gap time with the offset from before the gap (moved
 * forward by the gap's length), the earlier of a fold.
 */
function oracle(zone: string, w: WallTime) {
  const pdt = Temporal.PlainDateTime.from({ ...w });
  const earlier = pdt.toZonedDateTime(zone, { disambiguation: 'earlier' }).epochMilliseconds;
  const later = pdt.toZonedDateTime(zone, { disambiguation: 'later' }).epochMilliseconds;
  // In a gap 'later' is the forward shift ('compatible'), and Temporal's wall time there differs.
  const inGap = !Temporal.Instant.fromEpochMilliseconds(later)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .equals(pdt);
  return { earlier, later, inGap, rfc5545: inGap ? later : earlier };
}

/** Dates ('YYYY-MM-DD') of the zone's offset changes in the year, from Temporal, with neighbours. */
function transitionDays(zone: string): string[] {
  const out = new Set<string>();
  let z = Temporal.ZonedDateTime.from({ year: YEAR, month: 1, day: 1, timeZone: zone });
  const end = Temporal.ZonedDateTime.from({ year: YEAR + 1, month: 1, day: 1, timeZone: zone });
  for (;;) {
    const next = z.getTimeZoneTransition('next');
    if (!next || Temporal.ZonedDateTime.compare(next, end) >= 0) break;
    const day = next.toPlainDate().toString();
    for (const d of [-1, 0, 1]) out.add(addDays(day, d));
    z = next;
  }
  return [...out];
}

const sameWall = (a: WallTime, b: WallTime) =>
  a.year === b.year &&
  a.month === b.month &&
  a.day === b.day &&
  a.hour === b.hour &&
  a.minute === b.minute;

/** Checks the 96 quarter-hours of a day; returns how many, pushing any disagreement to `bad`. */
function checkDay(zone: string, date: string, bad: string[]): number {
  const [year, month, day] = date.split('-').map(Number);
  for (let q = 0; q < 96; q++) {
    const w = { year, month, day, hour: Math.floor(q / 4), minute: (q % 4) * 15 };
    const want = oracle(zone, w);
    const got = resolveLocal(zone, w);
    const ok = want.inGap
      ? got.kind === 'gap' && got.utc === want.rfc5545
      : want.earlier !== want.later
        ? got.kind === 'fold' &&
          got.earlier === want.earlier &&
          got.later === want.later &&
          sameWall(wallTimeAt(zone, got.earlier), w) &&
          sameWall(wallTimeAt(zone, got.later), w)
        : got.kind === 'exact' &&
          got.utc === want.earlier &&
          sameWall(wallTimeAt(zone, got.utc), w);
    if (!ok) bad.push(`${zone} ${date} ${w.hour}:${w.minute}: ${JSON.stringify({ want, got })}`);
  }
  return 96;
}

const zones = Intl.supportedValuesOf('timeZone');

describe('local time -> UTC against Temporal, every zone', () => {
  it('agrees for every zone on sampled days and around every offset change', () => {
    let pairs = 0;
    const bad: string[] = [];
    for (const zone of zones) {
      const days = new Set(transitionDays(zone));
      for (let d = 0; d < 365; d += 61) days.add(addDays(`${YEAR}-01-01`, d));
      for (const day of days) pairs += checkDay(zone, day, bad);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    console.log(`zones oracle: ${zones.length} zones, ${pairs} (zone, local time) pairs checked`);
    expect(pairs).toBeGreaterThan(zones.length * 96 * 6);
  }, 300_000);

  it('agrees for every 15-minute local time of the year in the DST zones of issue 11', () => {
    let pairs = 0;
    const bad: string[] = [];
    for (const zone of FULL_YEAR_ZONES)
      for (let d = 0; d < 365; d++) pairs += checkDay(zone, addDays(`${YEAR}-01-01`, d), bad);
    expect(bad.slice(0, 5)).toEqual([]);
    console.log(
      `zones oracle (full year): ${FULL_YEAR_ZONES.length} zones, ${pairs} pairs checked`,
    );
    expect(pairs).toBe(FULL_YEAR_ZONES.length * 365 * 96);
  }, 300_000);

  it('agrees at random minutes in random zones and years', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({
          min: new Date(Date.UTC(1980, 0, 1)),
          max: new Date(Date.UTC(2037, 11, 31)),
          noInvalidDate: true,
        }),
        (zone, d) => {
          const w = {
            year: d.getUTCFullYear(),
            month: d.getUTCMonth() + 1,
            day: d.getUTCDate(),
            hour: d.getUTCHours(),
            minute: d.getUTCMinutes(),
          };
          const want = oracle(zone, w);
          const got = resolveLocal(zone, w);
          const utc = got.kind === 'fold' ? got.earlier : got.utc;
          expect(utc).toBe(want.rfc5545);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
