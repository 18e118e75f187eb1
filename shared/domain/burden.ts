/**
 * How inconvenient a call time is, so the bad hours are shared fairly across regions.
 *
 * Burden of a call for one person = a score from the local time (in their zone) at which the call
 * starts, by the hour of the local clock:
 *
 * | local time        | burden | why                                   |
 * | ----------------- | ------ | ------------------------------------- |
 * | 08:00 - 17:59     | 0      | working day                           |
 * | 07:00 - 07:59     | 1      | early                                 |
 * | 18:00 - 19:59     | 1      | early evening                         |
 * | 06:00 - 06:59     | 2      | very early                            |
 * | 20:00 - 21:59     | 2      | late evening                          |
 * | 05:00 - 05:59     | 3      | before dawn                           |
 * | 22:00 - 23:59     | 3      | late night                            |
 * | 00:00 - 04:59     | 4      | the night                             |
 *
 * - A call's burden for one person = the mean of that table over every quarter-hour the call lasts
 *   (start to end: a 17:00-19:00 call is 0.5, not 0), read in the person's zone on that date.
 * - Weekends: a quarter-hour that falls on a Saturday or Sunday in the person's zone counts as the
 *   maximum burden, unless weekends are chosen (`includeWeekends`).
 * - Region burden = the average of its members' burdens (members without a time zone are left out
 *   and counted separately).
 * - Heat map = region burden for each start time of the UTC day (whole hours for the UI, half hours
 *   for the search), averaged over the reference dates (the series' dates, so daylight-saving
 *   changes during the series count).
 * - A rotation of k slots gives each region the average of its burden over the k slots.
 * - "Suggest times" searches every half-hour UTC start and every rotation of 2 or 3 of them. It
 *   first minimises the WORST SINGLE CALL any region gets (so a rotation that gives every region
 *   one 01:00 call loses to one whose worst call is at 21:00), then the worst region's average,
 *   then the total burden (summed over members), then fewer slots, then earlier starts.
 */
import { tzOffset } from '@date-fns/tz';

/** The zone's UTC offset in minutes at an instant, from the tz library (+14:00, +12:45, DST). */
const zoneOffsetMinutes = (zone: string, utcMs: number): number => tzOffset(zone, new Date(utcMs));

export const BURDEN_BY_LOCAL_HOUR: readonly number[] = [
  4, 4, 4, 4, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3,
];
export const MAX_BURDEN = 4;

/** Human-readable version of the table above (for the UI's legend). */
export const BURDEN_LEGEND: { burden: number; label: string }[] = [
  { burden: 0, label: '08:00–18:00 local' },
  { burden: 1, label: '07:00–08:00 or 18:00–20:00' },
  { burden: 2, label: '06:00–07:00 or 20:00–22:00' },
  { burden: 3, label: '05:00–06:00 or 22:00–24:00' },
  { burden: 4, label: '00:00–05:00' },
];

/** The model in a few sentences, shown beside the heat map. */
export const BURDEN_MODEL =
  'Each cell is the average burden for a region of a call starting at that UTC hour, counted over ' +
  'the whole call (every quarter-hour from start to end, in each member’s own time) and over the ' +
  'series’ dates, so daylight-saving changes count. Weekend time counts as the worst (4) unless ' +
  'weekends are allowed. Suggestions search half-hour starts and rotations of up to three slots: ' +
  'first the worst single call any region gets, then the worst region’s average, then the total.';

/** Burden of a local time given as minutes after local midnight. */
export function burdenAtLocalMinutes(minutes: number): number {
  const m = ((Math.floor(minutes) % 1440) + 1440) % 1440;
  return BURDEN_BY_LOCAL_HOUR[Math.floor(m / 60)];
}

/** Burden for someone in `zone` of a moment at `utcMs` (the start-hour table). */
export function burdenAt(zone: string, utcMs: number): number {
  const local = new Date(utcMs).getUTCHours() * 60 + new Date(utcMs).getUTCMinutes();
  return burdenAtLocalMinutes(local + zoneOffsetMinutes(zone, utcMs));
}

export interface BurdenOptions {
  /** Length of the call (default 60). */
  durationMinutes?: number;
  /** Saturday and Sunday count like weekdays (default: they count as the maximum). */
  includeWeekends?: boolean;
}

const QUARTER = 15 * 60_000;

/** Burden at a local wall time given as ms (UTC fields = local fields). */
function burdenOfLocal(localMs: number, includeWeekends: boolean): number {
  const d = new Date(localMs);
  const day = d.getUTCDay();
  if (!includeWeekends && (day === 0 || day === 6)) return MAX_BURDEN;
  return BURDEN_BY_LOCAL_HOUR[d.getUTCHours()];
}

/**
 * Burden for someone in `zone` of a whole call from `startUtc`: the mean over its quarter-hours.
 * `offset` (minutes) may be given when the caller knows the zone's offset does not change that day.
 */
export function callBurden(
  zone: string,
  startUtc: number,
  options: BurdenOptions = {},
  offset?: number,
): number {
  const quarters = Math.max(1, Math.round((options.durationMinutes ?? 60) / 15));
  const weekends = options.includeWeekends ?? false;
  let sum = 0;
  for (let q = 0; q < quarters; q++) {
    const t = startUtc + q * QUARTER;
    sum += burdenOfLocal(t + (offset ?? zoneOffsetMinutes(zone, t)) * 60_000, weekends);
  }
  return sum / quarters;
}

export interface BurdenMember {
  zone: string;
  /** Region key ('africa', ... or 'unknown'). */
  region: string;
}

export interface RegionHours {
  region: string;
  members: number;
  /** Average burden of a call starting at each step of the UTC day (hours[i] starts i x step). */
  hours: number[];
  /** Minutes between starts: 60 (the UI's heat map) or 30 (the search). */
  stepMinutes: number;
}

const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Per region, the average burden of a call starting at each step of the UTC day, over `dates`. */
export function burdenHeatMap(
  members: BurdenMember[],
  dates: string[],
  options: BurdenOptions = {},
  stepMinutes = 60,
): RegionHours[] {
  const days = dates.length > 0 ? dates : ['2026-01-15'];
  const steps = Math.round(1440 / stepMinutes);
  const byRegion = new Map<string, string[]>();
  for (const m of members) {
    const list = byRegion.get(m.region) ?? [];
    list.push(m.zone);
    byRegion.set(m.region, list);
  }
  // Burden per distinct zone and start, averaged over the days: zones repeat across members.
  const zoneHours = new Map<string, number[]>();
  const span = ((options.durationMinutes ?? 60) + 24 * 60) * 60_000;
  const hoursOf = (zone: string) => {
    let h = zoneHours.get(zone);
    if (!h) {
      const sums = new Array<number>(steps).fill(0);
      for (const d of days) {
        const t0 = dayStart(d);
        // Offsets change at most once a day: read them once unless a change is near.
        const first = zoneOffsetMinutes(zone, t0);
        const steady = first === zoneOffsetMinutes(zone, t0 + span);
        for (let i = 0; i < steps; i++) {
          const t = t0 + i * stepMinutes * 60_000;
          sums[i] += callBurden(zone, t, options, steady ? first : undefined);
        }
      }
      h = sums.map((x) => x / days.length);
      zoneHours.set(zone, h);
    }
    return h;
  };
  return [...byRegion.entries()]
    .map(([region, zones]) => {
      const hours = Array.from({ length: steps }, (_, i) => {
        let sum = 0;
        for (const z of zones) sum += hoursOf(z)[i];
        return sum / zones.length;
      });
      return { region, members: zones.length, hours, stepMinutes };
    })
    .sort((a, b) => a.region.localeCompare(b.region));
}

export interface RotationScore {
  /** Indices of the slots in the map's steps, in rotation order. */
  hours: number[];
  /** The slots' UTC starts, minutes after midnight. */
  startMinutes: number[];
  /** The worst single call: the highest burden any region has at any one slot. */
  worstCall: number;
  /** Highest region average over the rotation. */
  worst: number;
  /** Sum over members of their average burden over the rotation. */
  total: number;
  perRegion: { region: string; burden: number }[];
}

/** Scores one rotation (UTC hours) against a heat map. */
export function scoreRotation(map: RegionHours[], hours: number[]): RotationScore {
  const perRegion = map.map((r) => ({
    region: r.region,
    burden: hours.reduce((s, h) => s + r.hours[h], 0) / hours.length,
  }));
  const worst = perRegion.reduce((w, r) => Math.max(w, r.burden), 0);
  const worstCall = map.reduce((w, r) => Math.max(w, ...hours.map((h) => r.hours[h])), 0);
  const total = map.reduce((s, r, i) => s + perRegion[i].burden * r.members, 0);
  const step = map[0]?.stepMinutes ?? 60;
  return { hours, startMinutes: hours.map((h) => h * step), worstCall, worst, total, perRegion };
}

const EPS = 1e-9;

function better(a: RotationScore, b: RotationScore): boolean {
  if (Math.abs(a.worstCall - b.worstCall) > EPS) return a.worstCall < b.worstCall;
  if (Math.abs(a.worst - b.worst) > EPS) return a.worst < b.worst;
  if (Math.abs(a.total - b.total) > EPS) return a.total < b.total;
  if (a.hours.length !== b.hours.length) return a.hours.length < b.hours.length;
  for (let i = 0; i < a.hours.length; i++)
    if (a.hours[i] !== b.hours[i]) return a.hours[i] < b.hours[i];
  return false;
}

/**
 * The single start or rotation of up to `maxSlots` starts (2 or 3), among the map's steps, that
 * minimises the worst single call, then the worst region's average burden (ties: total burden,
 * fewer slots, earlier starts). Null without members.
 */
export function suggestRotation(map: RegionHours[], maxSlots = 3): RotationScore | null {
  if (map.length === 0) return null;
  let best: RotationScore | null = null;
  const consider = (hours: number[]) => {
    const s = scoreRotation(map, hours);
    if (!best || better(s, best)) best = s;
  };
  const n = map[0].hours.length;
  for (let a = 0; a < n; a++) {
    consider([a]);
    if (maxSlots < 2) continue;
    for (let b = a + 1; b < n; b++) {
      consider([a, b]);
      if (maxSlots < 3) continue;
      for (let c = b + 1; c < n; c++) consider([a, b, c]);
    }
  }
  return best;
}
