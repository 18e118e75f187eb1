import { z } from 'zod';
import { ACTION_ITEM_STATUSES, ATTENDANCE_STATUSES } from '../domain/calls';
import { TIME_PATTERN } from '../domain/zones';
import { id, isoDate, line, list, requiredLine, text, timeZone } from './common';

const time = line(5).refine((s) => TIME_PATTERN.test(s), 'must be a time (HH:mm, 24-hour)');

/** Which of two repeated wall times (the hour clocks go back) is meant; asked for when needed. */
const fold = z.enum(['earlier', 'later']).optional();

const slot = z.strictObject({ time, zone: timeZone, fold });

const link = line(2000).refine(
  (s) => s === '' || /^https?:\/\/\S+$/i.test(s),
  'must be a web address (https://...)',
);

const seriesFields = {
  title: requiredLine(200),
  firstDate: isoDate,
  cadenceWeeks: z.number().int('must be a whole number').min(1).max(12).default(2),
  endDate: isoDate.nullish().transform((s) => s ?? null),
  occurrenceCount: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .nullish()
    .transform((n) => n ?? null),
  durationMinutes: z.number().int('must be a whole number').min(15).max(480).default(60),
  slots: list(slot, 3).min(1, 'needs at least one time slot'),
  meetingLink: link.default(''),
  description: text(5000).default(''),
  /** Reminders (VALARM) in minutes before each call, e.g. [1440, 60] for a day and an hour. */
  reminders: list(
    z
      .number()
      .int('must be a whole number of minutes')
      .min(0)
      .max(40_320, 'must be at most 4 weeks'),
    5,
  ).default([]),
};

type SeriesShape = {
  endDate: string | null;
  occurrenceCount: number | null;
  firstDate: string;
};

/** An end date or a number of calls, not both; the end date not before the first date. */
const endRule = <T extends SeriesShape>(v: T, ctx: z.RefinementCtx) => {
  if (v.endDate === null && v.occurrenceCount === null)
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: 'give an end date or a number of calls',
    });
  if (v.endDate !== null && v.occurrenceCount !== null)
    ctx.addIssue({
      code: 'custom',
      path: ['occurrenceCount'],
      message: 'give an end date or a number of calls, not both',
    });
  if (v.endDate !== null && v.endDate < v.firstDate)
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: 'must not be before the first date',
    });
};

/** How burden is counted: the whole call's length; weekends count as the worst unless chosen. */
const fairness = {
  durationMinutes: z.number().int('must be a whole number').min(15).max(480).default(60),
  includeWeekends: z.boolean().default(false),
};

export const callsSchemas = {
  'callSeries.list': z.strictObject({ forumId: id }),
  'callSeries.get': z.strictObject({ id }),
  /** Plans a series and creates its calls. */
  'callSeries.create': z.strictObject({ forumId: id, ...seriesFields }).superRefine(endRule),
  /** Changes a series; its calls are re-planned (moved and cancelled ones stay so). */
  'callSeries.update': z.strictObject({ id, ...seriesFields }).superRefine(endRule),
  /** Burden heat map of the forum's members (regions x 24 UTC hours) and of the given slots. */
  'calls.burden': z.strictObject({
    forumId: id,
    /** Dates to average over (e.g. the series' dates); today when empty. */
    dates: list(isoDate, 200).default([]),
    slots: list(slot, 3).default([]),
    ...fairness,
  }),
  /** The UTC slot or rotation of 2-3 slots that minimises the worst region's burden. */
  'calls.suggestTimes': z.strictObject({
    forumId: id,
    dates: list(isoDate, 200).default([]),
    maxSlots: z.number().int().min(1).max(3).default(3),
    ...fairness,
    /**
     * With the coordinator's choices (the "Suggest times" dialog): ISO weekdays (1 = Monday) the
     * calls may move to, exactly `slotCount` slots, and the current slots (kept when `keepFixed`).
     */
    days: list(
      z
        .number()
        .int('must be a whole number')
        .min(1, 'must be a weekday from 1 (Monday) to 7 (Sunday)')
        .max(7, 'must be a weekday from 1 (Monday) to 7 (Sunday)'),
      7,
    )
      .min(1, 'needs at least one day')
      .optional(),
    slotCount: z.number().int('must be a whole number').min(1).max(3).optional(),
    current: list(slot, 3).default([]),
    keepFixed: z.boolean().default(false),
  }),
  'calls.get': z.strictObject({ id }),
  'calls.update': z.strictObject({
    id,
    title: requiredLine(200).optional(),
    minutes: text(100_000).optional(),
  }),
  /** Moves one call: the new date and time in the given zone. */
  'calls.move': z.strictObject({ id, date: isoDate, time, zone: timeZone, fold }),
  'calls.cancel': z.strictObject({ id }),
  'calls.reinstate': z.strictObject({ id }),
  /** Replaces the call's agenda (in order). */
  'calls.saveAgenda': z.strictObject({
    id,
    items: list(
      z.strictObject({
        title: requiredLine(300),
        ownerId: id.nullish().transform((s) => s ?? null),
        minutes: text(20_000).default(''),
      }),
      100,
    ),
  }),
  /** Records one member's attendance; null clears it. */
  'calls.setAttendance': z.strictObject({
    id,
    participantId: id,
    status: z.enum(ATTENDANCE_STATUSES).nullable(),
  }),
  /** Marks every member without a status as invited. */
  'calls.inviteMembers': z.strictObject({ id }),
  'actionItems.list': z.strictObject({ forumId: id, callId: id.optional() }),
  'actionItems.create': z.strictObject({
    forumId: id,
    callId: id.nullish().transform((s) => s ?? null),
    title: requiredLine(300),
    ownerId: id.nullish().transform((s) => s ?? null),
    dueDate: isoDate.nullish().transform((s) => s ?? null),
    status: z.enum(ACTION_ITEM_STATUSES).default('open'),
  }),
  'actionItems.update': z.strictObject({
    id,
    title: requiredLine(300).optional(),
    ownerId: id.nullish(),
    dueDate: isoDate.nullish(),
    status: z.enum(ACTION_ITEM_STATUSES).optional(),
  }),
  /** Sets one status for many members at once (null clears it). */
  'calls.setAttendanceMany': z.strictObject({
    id,
    participantIds: list(id, 20_000).min(1, 'needs at least one participant'),
    status: z.enum(ATTENDANCE_STATUSES).nullable(),
  }),
  /** Reads a meeting platform's participant report and matches its attendees to members. */
  'calls.attendancePreview': z.strictObject({
    id,
    csv: text(20_000_000).refine((s) => s.trim().length > 0, 'is empty'),
  }),
  /**
   * Records an imported report: each entry attended when present at least `minMinutes` (absent
   * otherwise, so "joined for 5 of 90 minutes" counts as absent); durations are kept.
   */
  'calls.attendanceApply': z.strictObject({
    id,
    minMinutes: z.number().int('must be a whole number of minutes').min(0).max(480).default(10),
    entries: list(
      z.strictObject({
        participantId: id,
        minutes: z.number().min(0).max(100_000).nullable(),
      }),
      20_000,
    ),
  }),
  /** Past calls of the forum with neither minutes nor attendance recorded. */
  'calls.needingMinutes': z.strictObject({ forumId: id }),
  /** Deletes a call; Undo (`trash.restore`) brings it back within the restore window. */
  'calls.remove': z.strictObject({ id }),
  /** Deletes a series with all its calls; Undo brings them back. */
  'callSeries.remove': z.strictObject({ id }),
  'actionItems.remove': z.strictObject({ id }),
  /** Moves an open item to the forum's next call after its own (or after now). */
  'actionItems.carryOver': z.strictObject({ id }),
  /** Brings back something deleted, within the restore window. */
  'trash.restore': z.strictObject({ id }),
  /** Past and upcoming calls (and onsite sessions) of a forum, in time order. */
  'timeline.list': z.strictObject({ forumId: id }),
};
