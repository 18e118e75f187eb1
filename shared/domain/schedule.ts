/**
 * The occurrences of a call series. A series starts on `firstDate`, repeats every `cadenceWeeks`
 * weeks and rotates through 1-3 time slots in order: occurrence n is held on
 * firstDate + n x cadence weeks, at slot (n mod slots) - so with two slots and a fortnightly cadence,
 * each slot comes back every four weeks.
 *
 * A slot is fixed either in UTC (its UTC time never changes; local times move when regions change
 * to or from daylight-saving time) or in an anchor IANA zone (its local time there never changes;
 * its UTC time moves with that zone's daylight-saving changes). The date of each occurrence is a
 * date in the slot's own zone. This is exactly how a weekly RRULE with INTERVAL expands in a
 * calendar (see electron/backend/publish/calendar.ts), so the app and calendars agree.
 *
 * Wall times that do not exist or exist twice (daylight-saving changes):
 * - a slot's FIRST occurrence must name a real time: the service refuses a time in a gap
 *   (chosenLocalToUtc says which times exist) and asks which of two repeated times is meant; the
 *   answer is kept as the slot's `fold`;
 * - a LATER occurrence that falls into a gap is moved forward by the gap's length (02:30 on the
 *   spring-forward day in Berlin is held at 03:30 CEST), and one in a repeated hour is held at the
 *   earlier of the two times. This is RFC 5545's reading (3.3.5), so every calendar agrees.
 *
 * Cancelled and moved occurrences are the service's business: the plan is what the series says.
 */
import { addDays, localToUtc, resolveLocal, type Fold, type WallTime } from './zones';

export interface CallSlot {
  /** 'HH:mm' */
  time: string;
  /** 'UTC' or an IANA zone. */
  zone: string;
  /** Which of two repeated wall times the slot's first occurrence is held at (default: earlier). */
  fold?: Fold;
}

export interface SeriesPlan {
  firstDate: string;
  cadenceWeeks: number;
  /** Last date a call may be held on (in the slot's zone), or null when a count is given. */
  endDate: string | null;
  /** Number of calls, or null when an end date is given. */
  occurrenceCount: number | null;
  durationMinutes: number;
  slots: CallSlot[];
}

export interface PlannedOccurrence {
  index: number;
  slotIndex: number;
  /** The call's date in the slot's zone. */
  date: string;
  startAt: number;
  endAt: number;
  zone: string;
  /** The slot's wall time on `date` (what a calendar's RRULE generates), even when it does not exist. */
  wall: WallTime;
}

/** The nominal wall time of a slot on a date. */
export function slotWall(date: string, time: string): WallTime {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return { year, month, day, hour, minute };
}

/** No series is planned beyond this many calls (a year of weekly calls, with room to spare). */
export const MAX_OCCURRENCES = 200;

export class PlanError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** The occurrences of a series, in order; throws PlanError when the plan is unusable. */
export function planOccurrences(plan: SeriesPlan): PlannedOccurrence[] {
  if (plan.slots.length === 0) throw new PlanError('at least one time slot is needed', 'slots');
  if (plan.cadenceWeeks < 1) throw new PlanError('must be at least 1', 'cadenceWeeks');
  if (plan.endDate === null && plan.occurrenceCount === null)
    throw new PlanError('give an end date or a number of calls', 'endDate');
  if (plan.endDate !== null && plan.endDate < plan.firstDate)
    throw new PlanError('must not be before the first date', 'endDate');
  const out: PlannedOccurrence[] = [];
  for (let n = 0; ; n++) {
    if (plan.occurrenceCount !== null && n >= plan.occurrenceCount) break;
    const date = addDays(plan.firstDate, n * plan.cadenceWeeks * 7);
    if (plan.endDate !== null && date > plan.endDate) break;
    if (n >= MAX_OCCURRENCES)
      throw new PlanError(
        `a series may have at most ${MAX_OCCURRENCES} calls; choose an earlier end date`,
        'endDate',
      );
    const slotIndex = n % plan.slots.length;
    const slot = plan.slots[slotIndex];
    let startAt = localToUtc(slot.zone, date, slot.time);
    if (n === slotIndex && slot.fold === 'later') {
      const r = resolveLocal(slot.zone, slotWall(date, slot.time));
      if (r.kind === 'fold') startAt = r.later;
    }
    out.push({
      index: n,
      slotIndex,
      date,
      startAt,
      endAt: startAt + plan.durationMinutes * 60_000,
      zone: slot.zone,
      wall: slotWall(date, slot.time),
    });
  }
  return out;
}

/** "Fixed at 06:00 UTC" / "Fixed at 15:00 in Europe/Berlin: its UTC time follows daylight saving". */
export function describeSlot(slot: CallSlot): string {
  return slot.zone === 'UTC'
    ? `${slot.time} UTC, fixed in UTC (local times change when places switch to or from daylight-saving time)`
    : `${slot.time} in ${slot.zone}, moves with ${slot.zone}’s daylight-saving time (its UTC time changes)`;
}
