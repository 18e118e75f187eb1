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
 * - Region burden = the average of its members' burdens (members without a time zone are left out
 *   and counted separately).
 * - Heat map = region burden for each of the 24 whole UTC hours, averaged over the reference dates
 *   (the series' dates, so daylight-saving changes during the series count).
 * - A rotation of k slots gives each region the average of its burden over the k slots.
 * - "Suggest times" picks, among every whole UTC hour and every rotation of 2 or 3 of them, the one
 *   whose worst region has the lowest average burden; ties go to the lowest total burden (summed
 *   over members), then to fewer slots, then to the earliest hours.
 */
import { zoneOffsetMinutes } from './zones';

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

/** Burden of a local time given as minutes after local midnight. */
export function burdenAtLocalMinutes(minutes: number): number {
  const m = ((Math.floor(minutes) % 1440) + 1440) % 1440;
  return BURDEN_BY_LOCAL_HOUR[Math.floor(m / 60)];
}

/** Burden for someone in `zone` of a call starting at `utcMs`. */
export function burdenAt(zone: string, utcMs: number): number {
  const local = new Date(utcMs).getUTCHours() * 60 + new Date(utcMs).getUTCMinutes();
  return burdenAtLocalMinutes(local + zoneOffsetMinutes(zone, utcMs));
}

export interface BurdenMember {
  zone: string;
  /** Region key ('africa', ... or 'unknown'). */
  region: string;
}

export interface RegionHours {
  region: string;
  members: number;
  /** Average burden at each whole UTC hour 0..23. */
  hours: number[];
}

const HOUR = 3_600_000;
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Per region, the average burden of a call at each UTC hour, averaged over `dates`. */
export function burdenHeatMap(members: BurdenMember[], dates: string[]): RegionHours[] {
  const days = dates.length > 0 ? dates : ['2026-01-15'];
  const byRegion = new Map<string, string[]>();
  for (const m of members) {
    const list = byRegion.get(m.region) ?? [];
    list.push(m.zone);
    byRegion.set(m.region, list);
  }
  // Burden per distinct zone and hour, averaged over the days: zones repeat across members.
  const zoneHours = new Map<string, number[]>();
  const hoursOf = (zone: string) => {
    let h = zoneHours.get(zone);
    if (!h) {
      const sums = new Array<number>(24).fill(0);
      for (const d of days) {
        const t0 = dayStart(d);
        // Offsets change at most once a day: read them once unless the day has a transition.
        const first = zoneOffsetMinutes(zone, t0);
        const steady = first === zoneOffsetMinutes(zone, t0 + 23 * HOUR);
        for (let hour = 0; hour < 24; hour++) {
          const t = t0 + hour * HOUR;
          sums[hour] += steady ? burdenAtLocalMinutes(hour * 60 + first) : burdenAt(zone, t);
        }
      }
      h = sums.map((s) => s / days.length);
      zoneHours.set(zone, h);
    }
    return h;
  };
  return [...byRegion.entries()]
    .map(([region, zones]) => {
      const hours = Array.from({ length: 24 }, (_, hour) => {
        let sum = 0;
        for (const z of zones) sum += hoursOf(z)[hour];
        return sum / zones.length;
      });
      return { region, members: zones.length, hours };
    })
    .sort((a, b) => a.region.localeCompare(b.region));
}

export interface RotationScore {
  /** UTC hours of the slots, in rotation order. */
  hours: number[];
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
  const total = map.reduce((s, r, i) => s + perRegion[i].burden * r.members, 0);
  return { hours, worst, total, perRegion };
}

const EPS = 1e-9;

function better(a: RotationScore, b: RotationScore): boolean {
  if (Math.abs(a.worst - b.worst) > EPS) return a.worst < b.worst;
  if (Math.abs(a.total - b.total) > EPS) return a.total < b.total;
  if (a.hours.length !== b.hours.length) return a.hours.length < b.hours.length;
  for (let i = 0; i < a.hours.length; i++)
    if (a.hours[i] !== b.hours[i]) return a.hours[i] < b.hours[i];
  return false;
}

/**
 * The single UTC hour or rotation of up to `maxSlots` UTC hours (2 or 3) that minimises the worst
 * region's average burden (ties: total burden, fewer slots, earlier hours). Null without members.
 */
export function suggestRotation(map: RegionHours[], maxSlots = 3): RotationScore | null {
  if (map.length === 0) return null;
  let best: RotationScore | null = null;
  const consider = (hours: number[]) => {
    const s = scoreRotation(map, hours);
    if (!best || better(s, best)) best = s;
  };
  for (let a = 0; a < 24; a++) {
    consider([a]);
    if (maxSlots < 2) continue;
    for (let b = a + 1; b < 24; b++) {
      consider([a, b]);
      if (maxSlots < 3) continue;
      for (let c = b + 1; c < 24; c++) consider([a, b, c]);
    }
  }
  return best;
}
