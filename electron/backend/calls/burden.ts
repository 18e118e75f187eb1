/** The burden heat map and "Suggest times" for a forum's members (shared/domain/burden). */
import { listAllParticipants } from '../../../db/queries/participants';
import type { BurdenReport, TimeSuggestion } from '../../../shared/api';
import {
  burdenHeatMap,
  callBurden,
  suggestRotation,
  type BurdenMember,
} from '../../../shared/domain/burden';
import {
  suggestTimes as suggestChosenTimes,
  worstCalls,
} from '../../../shared/domain/burdenSuggest';
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
  return reportOf(scored, withoutZone, dates, input.slots, options);
}

function reportOf(
  scored: BurdenMember[],
  withoutZone: number,
  dates: string[],
  slots: CallSlot[],
  options: { durationMinutes: number; includeWeekends: boolean },
): BurdenReport {
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
        slots: slots.map((slot) => {
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
  if (input.days) return chosenTimes(ctx, input, input.days);
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

/** "Suggest times" with the coordinator's choices: slot count, weekdays, fixed slots. */
function chosenTimes(
  ctx: BackendContext,
  input: ParsedInput<'calls.suggestTimes'>,
  days: number[],
): TimeSuggestion | null {
  const { scored, withoutZone } = members(ctx, input.forumId);
  const options = {
    durationMinutes: input.durationMinutes,
    includeWeekends: input.includeWeekends,
  };
  const { suggestion, current } = suggestChosenTimes({
    members: scored,
    dates: uniqueDates(input.dates, ctx),
    days,
    slotCount: input.slotCount ?? input.maxSlots,
    current: input.current,
    keepFixed: input.keepFixed,
    options,
  });
  if (!suggestion) return null;
  return {
    slots: suggestion.slots,
    worstRegionBurden: suggestion.worst,
    worstCallBurden: suggestion.worstCall,
    totalBurden: suggestion.total,
    perRegion: suggestion.perRegion.map((r) => ({ ...r, label: regionLabel(r.region) })),
    day: suggestion.day,
    dates: suggestion.dates,
    fixed: suggestion.fixed,
    report: reportOf(scored, withoutZone, suggestion.dates, suggestion.slots, options),
    worstCalls: worstCalls(scored, suggestion.dates, suggestion.slots, options).map((w) => ({
      region: w.region,
      label: regionLabel(w.region),
      zone: w.zone,
      date: w.date,
      slot: w.slotIndex + 1,
      burden: w.burden,
      localStart: w.localStart,
      outsideMinutes: w.outsideMinutes,
      side: w.side,
    })),
    current: current
      ? {
          day: current.day,
          worstCallBurden: current.worstCall,
          worstRegionBurden: current.worst,
        }
      : null,
  };
}
