/** The burden heat map and "Suggest times" for a forum's members (shared/domain/burden). */
import { listAllParticipants } from '../../../db/queries/participants';
import type { BurdenReport, TimeSuggestion } from '../../../shared/api';
import {
  burdenHeatMap,
  callBurden,
  suggestRotation,
  type BurdenMember,
} from '../../../shared/domain/burden';
import { REGION_LABELS, type Region } from '../../../shared/domain/countries';
import { isoDateIn, localToUtc, timeIn } from '../../../shared/domain/zones';
import type { CallSlot } from '../../../shared/domain/schedule';
import type { ParsedInput } from '../../../shared/schemas';
import { isTimeZone } from '../../../shared/schemas/common';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';

const regionLabel = (r: string) =>
  r === 'unknown' ? 'Region not recorded' : (REGION_LABELS[r as Region] ?? r);

function members(ctx: BackendContext, forumId: string) {
  const people = listAllParticipants(ctx.db, forumId);
  const scored: BurdenMember[] = [];
  let withoutZone = 0;
  for (const p of people) {
    if (p.timeZone && isTimeZone(p.timeZone))
      scored.push({ zone: p.timeZone, region: p.region ?? 'unknown' });
    else withoutZone += 1;
  }
  return { scored, withoutZone };
}

const uniqueDates = (dates: string[], ctx: BackendContext) => {
  const list = [...new Set(dates)].sort();
  return list.length > 0 ? list : [isoDateIn('UTC', ctx.now())];
};

export function burdenReport(
  ctx: BackendContext,
  input: ParsedInput<'calls.burden'>,
): BurdenReport {
  requireForum(ctx, input.forumId, 'forumId');
  const { scored, withoutZone } = members(ctx, input.forumId);
  const dates = uniqueDates(input.dates, ctx);
  const options = {
    durationMinutes: input.durationMinutes,
    includeWeekends: input.includeWeekends,
  };
  const map = burdenHeatMap(scored, dates, options);
  // Slots are evaluated on the first date (local times) and averaged over all dates (burden).
  const slotInstants = (slot: CallSlot) => dates.map((d) => localToUtc(slot.zone, d, slot.time));
  return {
    dates,
    withoutZone,
    regions: map.map((r) => {
      const zones = scored.filter((m) => m.region === r.region).map((m) => m.zone);
      return {
        region: r.region,
        label: regionLabel(r.region),
        members: r.members,
        hours: r.hours,
        slots: input.slots.map((slot) => {
          const instants = slotInstants(slot);
          const localTimes = [...new Set(zones.map((z) => timeIn(z, instants[0])))].sort();
          let sum = 0;
          for (const z of zones) for (const t of instants) sum += callBurden(z, t, options);
          return { localTimes, burden: sum / (zones.length * instants.length) };
        }),
      };
    }),
  };
}

export function suggestTimes(
  ctx: BackendContext,
  input: ParsedInput<'calls.suggestTimes'>,
): TimeSuggestion | null {
  requireForum(ctx, input.forumId, 'forumId');
  const { scored } = members(ctx, input.forumId);
  // Half-hour starts are searched (a 13:30 UTC call can suit three continents where 13:00 does not).
  const options = {
    durationMinutes: input.durationMinutes,
    includeWeekends: input.includeWeekends,
  };
  const map = burdenHeatMap(scored, uniqueDates(input.dates, ctx), options, 30);
  const best = suggestRotation(map, input.maxSlots);
  if (!best) return null;
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return {
    slots: best.startMinutes.map((m) => ({ time: hhmm(m), zone: 'UTC' })),
    worstRegionBurden: best.worst,
    worstCallBurden: best.worstCall,
    totalBurden: best.total,
    perRegion: best.perRegion.map((r) => ({ ...r, label: regionLabel(r.region) })),
  };
}
