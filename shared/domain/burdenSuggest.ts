/**
 * "Suggest times" with the coordinator's choices: how many slots (1-3), which weekdays, and whether
 * the current slots stay. Pure: the caller passes the members and the series' planned dates.
 *
 * - The series keeps one weekday: the suggestion picks the best of the chosen days, and every call
 *   moves to that day of its week (the dates are the series' dates moved within their ISO week).
 * - Slot times are searched at every half-hour UTC start; the current slots, evaluated at their own
 *   time and zone, are a candidate too, so a suggestion is never worse than what is there when it
 *   can be compared (same number of slots, the current day among the chosen ones).
 * - With "keep current slots fixed", the first `slotCount` current slots are in the result as they
 *   are, and only the remaining slots are searched.
 * - Rotations are ranked as in `suggestRotation`: the worst single call, then the worst region's
 *   average, then the total, then the day order and earlier starts.
 * - Local times come from @date-fns/tz (offsets beyond ±12 h such as Pacific/Kiritimati +14:00,
 *   quarter-hour ones such as Pacific/Chatham +12:45/+13:45, and DST changes between the dates).
 */
import { TZDate } from '@date-fns/tz';
import { burdenHeatMap, callBurden, type BurdenMember, type BurdenOptions } from './burden';
import type { CallSlot } from './schedule';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const STEP = 30;

/** ISO weekdays, Monday = 1 ... Sunday = 7. */
export const WEEKDAYS: readonly { day: number; short: string; label: string }[] = [
  { day: 1, short: 'Mon', label: 'Monday' },
  { day: 2, short: 'Tue', label: 'Tuesday' },
  { day: 3, short: 'Wed', label: 'Wednesday' },
  { day: 4, short: 'Thu', label: 'Thursday' },
  { day: 5, short: 'Fri', label: 'Friday' },
  { day: 6, short: 'Sat', label: 'Saturday' },
  { day: 7, short: 'Sun', label: 'Sunday' },
];

const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** ISO weekday (1-7) of a calendar date 'YYYY-MM-DD'. */
export function isoWeekday(date: string): number {
  return ((new Date(dayMs(date)).getUTCDay() + 6) % 7) + 1;
}

/** The dates moved to `day` within their ISO week (Monday to Sunday), without repeats, sorted. */
export function datesOnDay(dates: string[], day: number): string[] {
  const moved = dates.map((d) => isoOf(dayMs(d) + (day - isoWeekday(d)) * DAY));
  return [...new Set(moved)].sort();
}

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * The instant a slot starts on a date: its wall time in its zone, read by @date-fns/tz. A wall time
 * in a spring-forward gap is moved forward by the gap, as TZDate does.
 */
export function slotInstant(slot: CallSlot, date: string): number {
  const [h, m] = slot.time.split(':').map(Number);
  if (slot.zone === 'UTC') return dayMs(date) + (h * 60 + m) * MINUTE;
  const [y, mo, d] = date.split('-').map(Number);
  return new TZDate(y, mo - 1, d, h, m, 0, slot.zone).getTime();
}

export interface SlotsScore {
  /** The highest burden any region has at any one slot. */
  worstCall: number;
  /** The highest region average over the slots. */
  worst: number;
  /** Sum over members of their average burden over the slots. */
  total: number;
  perRegion: { region: string; burden: number }[];
}

export interface TimesSuggestion extends SlotsScore {
  /** The ISO weekday every call is held on. */
  day: number;
  /** The series' dates moved to that day. */
  dates: string[];
  /** The rotation: fixed slots first, as they were, then the new UTC slots. */
  slots: CallSlot[];
  /** For each slot, whether it is a current slot kept fixed. */
  fixed: boolean[];
}

export interface SuggestTimesInput {
  members: BurdenMember[];
  /** The series' planned call dates (one weekday); a reference date is used when empty. */
  dates: string[];
  /** ISO weekdays the calls may be held on. */
  days: number[];
  /** 1, 2 or 3. */
  slotCount: number;
  current: CallSlot[];
  keepFixed: boolean;
  options?: BurdenOptions;
}

export interface SuggestTimesResult {
  suggestion: TimesSuggestion | null;
  /** The current slots on the current day, scored the same way (null without members or slots). */
  current: (SlotsScore & { day: number }) | null;
}

interface Region {
  region: string;
  zones: string[];
}

function regionsOf(members: BurdenMember[]): Region[] {
  const by = new Map<string, string[]>();
  for (const m of members) by.set(m.region, [...(by.get(m.region) ?? []), m.zone]);
  return [...by.entries()]
    .map(([region, zones]) => ({ region, zones }))
    .sort((a, b) => a.region.localeCompare(b.region));
}

/** Per region (in `regions` order), the average burden of one slot over the dates. */
function slotVector(
  regions: Region[],
  slot: CallSlot,
  dates: string[],
  options: BurdenOptions,
): number[] {
  const instants = dates.map((d) => slotInstant(slot, d));
  return regions.map((r) => {
    let sum = 0;
    for (const z of r.zones) for (const t of instants) sum += callBurden(z, t, options);
    return sum / (r.zones.length * instants.length);
  });
}

function scoreOf(regions: Region[], vectors: number[][]): SlotsScore {
  const perRegion = regions.map((r, i) => ({
    region: r.region,
    burden: vectors.reduce((s, v) => s + v[i], 0) / vectors.length,
  }));
  let worstCall = 0;
  for (const v of vectors) for (const b of v) worstCall = Math.max(worstCall, b);
  const worst = perRegion.reduce((w, r) => Math.max(w, r.burden), 0);
  const total = perRegion.reduce((s, r, i) => s + r.burden * regions[i].zones.length, 0);
  return { worstCall, worst, total, perRegion };
}

const EPS = 1e-9;

/** Whether a ranks before b (ties broken by `key`, smaller first). */
function ranksBefore(a: SlotsScore, ak: number[], b: SlotsScore, bk: number[]): boolean {
  if (Math.abs(a.worstCall - b.worstCall) > EPS) return a.worstCall < b.worstCall;
  if (Math.abs(a.worst - b.worst) > EPS) return a.worst < b.worst;
  if (Math.abs(a.total - b.total) > EPS) return a.total < b.total;
  for (let i = 0; i < Math.min(ak.length, bk.length); i++)
    if (ak[i] !== bk[i]) return ak[i] < bk[i];
  return false;
}

/** Every way to choose `k` of `0..n-1`, in increasing order. */
function* combinations(n: number, k: number, from = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let a = from; a <= n - k; a++)
    for (const rest of combinations(n, k - 1, a + 1)) yield [a, ...rest];
}

export function suggestTimes(input: SuggestTimesInput): SuggestTimesResult {
  const options = input.options ?? {};
  const regions = regionsOf(input.members);
  const dates = input.dates.length > 0 ? [...new Set(input.dates)].sort() : ['2026-01-15'];
  const currentDay = isoWeekday(dates[0]);
  const current =
    regions.length > 0 && input.current.length > 0
      ? {
          day: currentDay,
          ...scoreOf(
            regions,
            input.current.map((s) => slotVector(regions, s, dates, options)),
          ),
        }
      : null;
  const count = Math.min(3, Math.max(1, Math.round(input.slotCount)));
  const days = [...new Set(input.days)].filter((d) => d >= 1 && d <= 7).sort();
  if (regions.length === 0 || days.length === 0) return { suggestion: null, current };

  const fixedSlots = input.keepFixed ? input.current.slice(0, count) : [];
  const need = count - fixedSlots.length;
  let best: { score: SlotsScore; key: number[]; s: TimesSuggestion } | null = null;
  for (const day of days) {
    const ds = datesOnDay(dates, day);
    const map = burdenHeatMap(input.members, ds, options, STEP);
    const grid = (i: number) => map.map((r) => r.hours[i]);
    const fixedVectors = fixedSlots.map((s) => slotVector(regions, s, ds, options));
    const consider = (
      slots: CallSlot[],
      vectors: number[][],
      starts: number[],
      fixed: boolean[],
    ) => {
      const score = scoreOf(regions, vectors);
      const key = [day, ...starts];
      if (!best || ranksBefore(score, key, best.score, best.key))
        best = { score, key, s: { ...score, day, dates: ds, slots, fixed } };
    };
    const starts0 = fixedSlots.map((s) => (slotInstant(s, ds[0]) - dayMs(ds[0])) / MINUTE);
    for (const combo of combinations(map[0].hours.length, need)) {
      consider(
        [...fixedSlots, ...combo.map((i) => ({ time: hhmm(i * STEP), zone: 'UTC' }))],
        [...fixedVectors, ...combo.map(grid)],
        [...starts0, ...combo.map((i) => i * STEP)],
        [...fixedSlots.map(() => true), ...combo.map(() => false)],
      );
    }
    // The current rotation as it is, so a suggestion never loses to what is there.
    if (!input.keepFixed && input.current.length === count) {
      consider(
        input.current,
        input.current.map((s) => slotVector(regions, s, ds, options)),
        input.current.map((s) => (slotInstant(s, ds[0]) - dayMs(ds[0])) / MINUTE),
        input.current.map(() => false),
      );
    }
  }
  const found = best as { s: TimesSuggestion } | null;
  return { suggestion: found ? found.s : null, current };
}

/** 08:00-20:00 local is inside; a worst call says how far outside it its farthest minute is. */
const WINDOW_START = 8 * 60;
const WINDOW_END = 20 * 60;

export interface RegionWorstCall {
  region: string;
  /** The member zone and date of the worst call (the highest burden; ties: farther outside). */
  zone: string;
  date: string;
  slotIndex: number;
  burden: number;
  /** Local start, e.g. "Fri 06:30". */
  localStart: string;
  /** Minutes the call starts before 08:00 or ends after 20:00 local (0 when inside). */
  outsideMinutes: number;
  side: 'before' | 'after' | null;
}

/** A call starting before 08:00 is that far before it; otherwise, one ending after 20:00 that far after. */
function outside(
  start: number,
  duration: number,
): { minutes: number; side: 'before' | 'after' | null } {
  if (start < WINDOW_START) return { minutes: WINDOW_START - start, side: 'before' };
  const end = start + duration;
  if (end > WINDOW_END) return { minutes: end - WINDOW_END, side: 'after' };
  return { minutes: 0, side: null };
}

/** Each region's worst call of `slots` over `dates`, with its local time (from @date-fns/tz). */
export function worstCalls(
  members: BurdenMember[],
  dates: string[],
  slots: CallSlot[],
  options: BurdenOptions = {},
): RegionWorstCall[] {
  const duration = options.durationMinutes ?? 60;
  return regionsOf(members).flatMap((r) => {
    let worst: RegionWorstCall | null = null;
    for (const zone of new Set(r.zones))
      for (const date of dates)
        slots.forEach((slot, slotIndex) => {
          const t = slotInstant(slot, date);
          const burden = callBurden(zone, t, options);
          const local = new TZDate(t, zone);
          const start = local.getHours() * 60 + local.getMinutes();
          const far = outside(start, duration);
          if (
            !worst ||
            burden > worst.burden + EPS ||
            (Math.abs(burden - worst.burden) <= EPS && far.minutes > worst.outsideMinutes)
          )
            worst = {
              region: r.region,
              zone,
              date,
              slotIndex,
              burden,
              localStart: `${WEEKDAYS[(local.getDay() + 6) % 7].short} ${hhmm(start)}`,
              outsideMinutes: far.minutes,
              side: far.side,
            };
        });
    return worst ? [worst] : [];
  });
}
