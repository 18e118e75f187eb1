/**
 * Call series and single calls: planning (shared/domain/schedule), moves and cancellations of one
 * occurrence, agenda, minutes, attendance and action items. Every change to a call raises its
 * iCalendar SEQUENCE and its series' SEQUENCE, so re-exported calendars replace the old ones.
 */
import {
  bumpSeriesSequence,
  deleteCall,
  getActionItem,
  getCall,
  getSeries,
  listActionItems,
  listAgenda,
  listAttendance,
  listForumCalls,
  listSeries,
  listSeriesCalls,
  pastCallRecords,
  replaceAgenda,
  seriesCallStats,
  setAttendance,
  upsertActionItem,
  upsertCall,
  upsertSeries,
  type ActionItemRecord,
  type CallRecord,
  type CallSeriesRecord,
} from '../../../db/queries/calls';
import { getParticipant, listAllParticipants } from '../../../db/queries/participants';
import type {
  ActionItem,
  AgendaItem,
  AttendanceCounts,
  AttendanceEntry,
  CallDetails,
  CallSeries,
  CallSeriesDetails,
  CallSummary,
  Participant,
  TimelineEntry,
} from '../../../shared/api';
import {
  ATTENDANCE_STATUSES,
  callPhase,
  suppressSmallCells,
  type ActionItemStatus,
  type AttendanceStatus,
  type CallStatus,
} from '../../../shared/domain/calls';
import { REGION_LABELS } from '../../../shared/domain/countries';
import { newId } from '../../../shared/domain/ids';
import type { Redactor } from '../../../shared/domain/redaction';
import {
  PlanError,
  planOccurrences,
  type CallSlot,
  type SeriesPlan,
} from '../../../shared/domain/schedule';
import {
  GENDER_LABELS,
  STAKEHOLDER_GROUP_LABELS,
  type Audience,
} from '../../../shared/domain/vocabulary';
import { addDays, chosenLocalToUtc, LocalTimeError } from '../../../shared/domain/zones';
import { forumDateMessage, withinForumYears } from '../../../shared/domain/forumDates';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { toParticipant } from '../participants/service';
import { participantForAudience, RedactionTally } from '../privacy/views';
import { protectionFor } from '../privacy/redactors';

/* ---- mapping ---- */

export const slotsOf = (r: CallSeriesRecord): CallSlot[] => JSON.parse(r.slots) as CallSlot[];

export function planOf(r: CallSeriesRecord): SeriesPlan {
  return {
    firstDate: r.firstDate,
    cadenceWeeks: r.cadenceWeeks,
    endDate: r.endDate,
    occurrenceCount: r.occurrenceCount,
    durationMinutes: r.durationMinutes,
    slots: slotsOf(r),
  };
}

/** Ids of the forum's past calls that have minutes or attendance recorded. */
export function recordedCallIds(ctx: BackendContext, forumId: string): Set<string> {
  const minutes = new Set(
    listForumCalls(ctx.db, forumId)
      .filter((c) => c.minutes.trim() !== '')
      .map((c) => c.id),
  );
  for (const r of pastCallRecords(ctx.db, forumId, ctx.now()))
    if (r.attendanceCount > 0 || r.agendaMinutes > 0) minutes.add(r.id);
  return minutes;
}

export function toCallSummary(r: CallRecord, recorded: boolean, now: number): CallSummary {
  return {
    id: r.id,
    forumId: r.forumId,
    seriesId: r.seriesId,
    occurrenceIndex: r.occurrenceIndex,
    title: r.title,
    startAt: r.startAt,
    durationMinutes: r.durationMinutes,
    zone: r.zone,
    status: r.status as CallStatus,
    phase: callPhase({ status: r.status as CallStatus, startAt: r.startAt }, recorded, now),
    moved: r.moved === 1,
    originalStartAt: r.originalStartAt,
    sequence: r.sequence,
  };
}

function toSeries(
  r: CallSeriesRecord,
  stats: { callCount: number; nextCallAt: number | null } | undefined,
  audience: Audience,
  redact: (s: string) => string = (s) => s,
): CallSeries {
  return {
    id: r.id,
    forumId: r.forumId,
    title: redact(r.title),
    firstDate: r.firstDate,
    cadenceWeeks: r.cadenceWeeks,
    endDate: r.endDate,
    occurrenceCount: r.occurrenceCount,
    durationMinutes: r.durationMinutes,
    slots: slotsOf(r),
    meetingLink: audience === 'public' ? '' : redact(r.meetingLink),
    description: redact(r.description),
    reminders: JSON.parse(r.reminders) as number[],
    sequence: r.sequence,
    callCount: stats?.callCount ?? 0,
    nextCallAt: stats?.nextCallAt ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Free-text redaction for an audience: coordinators see everything. */
function textFor(
  ctx: BackendContext,
  forumId: string,
  audience: Audience,
  tally = new RedactionTally(),
) {
  if (audience === 'coordinators') return (s: string) => s;
  const { redactor } = protectionFor(ctx, forumId);
  return (s: string) => tally.text(redactor, s);
}

export function requireSeries(ctx: BackendContext, id: string, field = 'id'): CallSeriesRecord {
  const r = getSeries(ctx.db, id);
  if (!r) throw new DomainError('not_found', 'No call series with this id', field);
  return r;
}

export function requireCall(ctx: BackendContext, id: string, field = 'id'): CallRecord {
  const r = getCall(ctx.db, id);
  if (!r) throw new DomainError('not_found', 'No call with this id', field);
  return r;
}

function plan(p: SeriesPlan) {
  try {
    return planOccurrences(p);
  } catch (e) {
    if (e instanceof PlanError)
      throw new DomainError('validation', `${e.field}: ${e.message}`, e.field);
    throw e;
  }
}

/**
 * A series' first and end dates, its last planned call and a moved call's date must fall within
 * the forum's year, give or take one year (a typo such as 9999-12-31 is a validation error).
 */
function requireWithinForumYears(
  ctx: BackendContext,
  forumId: string,
  dates: { field: string; label: string; date: string | null }[],
): void {
  const { year } = requireForum(ctx, forumId, 'forumId');
  for (const d of dates)
    if (d.date !== null && !withinForumYears(d.date, year))
      throw new DomainError(
        'validation',
        `${d.field}: ${forumDateMessage(d.label, year)}`,
        d.field,
      );
}

const seriesDates = (fields: { firstDate: string; endDate: string | null }) => [
  { field: 'firstDate', label: 'The first date', date: fields.firstDate },
  { field: 'endDate', label: 'The end date', date: fields.endDate },
];

const lastCallDate = (planned: { date: string }[]) => ({
  field: 'occurrenceCount',
  label: 'The last call of the series',
  date: planned.at(-1)?.date ?? null,
});

/* ---- series ---- */

type SeriesFields = Omit<ParsedInput<'callSeries.create'>, 'forumId'>;

/** A wall time a person chose, or a validation error naming `field` (gap: time; fold: fold). */
function chosenInstant(
  zone: string,
  date: string,
  time: string,
  fold: 'earlier' | 'later' | undefined,
  field: string,
): number {
  try {
    return chosenLocalToUtc(zone, date, time, fold);
  } catch (e) {
    if (!(e instanceof LocalTimeError)) throw e;
    const f = e.kind === 'gap' ? `${field}time` : `${field}fold`;
    throw new DomainError('validation', `${f}: ${e.message}`, f);
  }
}

/**
 * Each slot's first call must be at a time that exists, and a repeated time needs its `fold`;
 * a `fold` given where the time is not repeated is dropped (nothing to choose).
 */
function checkedSlots(f: SeriesFields): CallSlot[] {
  return f.slots.map((slot, i) => {
    const date = addDays(f.firstDate, i * f.cadenceWeeks * 7);
    if (
      (f.occurrenceCount !== null && i >= f.occurrenceCount) ||
      (f.endDate !== null && date > f.endDate)
    )
      return { time: slot.time, zone: slot.zone };
    const withEarlier = chosenInstant(slot.zone, date, slot.time, 'earlier', `slots.${i}.`);
    const withLater = chosenInstant(slot.zone, date, slot.time, 'later', `slots.${i}.`);
    if (withEarlier === withLater) return { time: slot.time, zone: slot.zone };
    chosenInstant(slot.zone, date, slot.time, slot.fold, `slots.${i}.`);
    return { time: slot.time, zone: slot.zone, fold: slot.fold };
  });
}

function seriesPlan(f: SeriesFields): SeriesPlan {
  return {
    firstDate: f.firstDate,
    cadenceWeeks: f.cadenceWeeks,
    endDate: f.endDate,
    occurrenceCount: f.occurrenceCount,
    durationMinutes: f.durationMinutes,
    slots: checkedSlots(f),
  };
}

/** Writes the calls of a series from its plan, keeping each occurrence's call (and its minutes). */
function writeSeriesCalls(ctx: BackendContext, series: CallSeriesRecord): void {
  const planned = plan(planOf(series));
  const now = ctx.now();
  const existing = new Map(
    listSeriesCalls(ctx.db, series.id).map((c) => [c.occurrenceIndex ?? -1, c]),
  );
  for (const occ of planned) {
    const ex = existing.get(occ.index);
    existing.delete(occ.index);
    if (ex) {
      const next: CallRecord = {
        ...ex,
        title: series.title,
        originalStartAt: occ.startAt,
        startAt: ex.moved === 1 ? ex.startAt : occ.startAt,
        zone: ex.moved === 1 ? ex.zone : occ.zone,
        durationMinutes: series.durationMinutes,
      };
      const changed =
        next.title !== ex.title ||
        next.originalStartAt !== ex.originalStartAt ||
        next.startAt !== ex.startAt ||
        next.zone !== ex.zone ||
        next.durationMinutes !== ex.durationMinutes;
      if (changed) upsertCall(ctx.db, { ...next, sequence: ex.sequence + 1, updatedAt: now });
    } else {
      upsertCall(ctx.db, {
        id: newId(now),
        forumId: series.forumId,
        seriesId: series.id,
        occurrenceIndex: occ.index,
        originalStartAt: occ.startAt,
        startAt: occ.startAt,
        durationMinutes: series.durationMinutes,
        zone: occ.zone,
        title: series.title,
        status: 'scheduled',
        moved: 0,
        minutes: '',
        sequence: 0,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  // Occurrences the new plan no longer has.
  for (const gone of existing.values()) deleteCall(ctx.db, gone.id);
}

export function getSeriesDetails(
  ctx: BackendContext,
  id: string,
  audience: Audience = 'coordinators',
): CallSeriesDetails {
  const r = requireSeries(ctx, id);
  const calls = listSeriesCalls(ctx.db, id);
  const now = ctx.now();
  const next = calls.find((c) => c.status === 'scheduled' && c.startAt >= now);
  const redact = textFor(ctx, r.forumId, audience);
  const recorded = recordedCallIds(ctx, r.forumId);
  return {
    ...toSeries(
      r,
      { callCount: calls.length, nextCallAt: next?.startAt ?? null },
      audience,
      redact,
    ),
    calls: calls.map((c) => ({
      ...toCallSummary(c, recorded.has(c.id), now),
      title: redact(c.title),
    })),
  };
}

export function listForumSeries(
  ctx: BackendContext,
  forumId: string,
  audience: Audience = 'coordinators',
): CallSeries[] {
  requireForum(ctx, forumId, 'forumId');
  const stats = new Map(seriesCallStats(ctx.db, forumId, ctx.now()).map((s) => [s.seriesId, s]));
  const redact = textFor(ctx, forumId, audience);
  return listSeries(ctx.db, forumId).map((r) => toSeries(r, stats.get(r.id), audience, redact));
}

export function createSeries(
  ctx: BackendContext,
  input: ParsedInput<'callSeries.create'>,
): CallSeriesDetails {
  const { forumId, ...fields } = input;
  const slots = seriesPlan(fields).slots;
  requireWithinForumYears(ctx, forumId, seriesDates(fields));
  requireWithinForumYears(ctx, forumId, [lastCallDate(plan(seriesPlan(fields)))]);
  return ctx.db.transaction(() => {
    requireForum(ctx, forumId, 'forumId');
    const now = ctx.now();
    const record: CallSeriesRecord = {
      id: newId(now),
      forumId,
      title: fields.title,
      firstDate: fields.firstDate,
      cadenceWeeks: fields.cadenceWeeks,
      endDate: fields.endDate,
      occurrenceCount: fields.occurrenceCount,
      durationMinutes: fields.durationMinutes,
      slots: JSON.stringify(slots),
      meetingLink: fields.meetingLink,
      description: fields.description,
      reminders: JSON.stringify(fields.reminders),
      sequence: 0,
      createdAt: now,
      updatedAt: now,
    };
    upsertSeries(ctx.db, record);
    writeSeriesCalls(ctx, record);
    recordAudit(ctx, {
      forumId,
      action: 'callSeries.create',
      subjectType: 'callSeries',
      subjectId: record.id,
      detail: { slots: fields.slots.length, cadenceWeeks: fields.cadenceWeeks },
    });
    return getSeriesDetails(ctx, record.id);
  })();
}

export function updateSeries(
  ctx: BackendContext,
  input: ParsedInput<'callSeries.update'>,
): CallSeriesDetails {
  const { id, ...fields } = input;
  const { forumId } = requireSeries(ctx, id);
  const slots = seriesPlan(fields).slots;
  requireWithinForumYears(ctx, forumId, seriesDates(fields));
  requireWithinForumYears(ctx, forumId, [lastCallDate(plan(seriesPlan(fields)))]);
  return ctx.db.transaction(() => {
    const existing = requireSeries(ctx, id);
    const record: CallSeriesRecord = {
      ...existing,
      title: fields.title,
      firstDate: fields.firstDate,
      cadenceWeeks: fields.cadenceWeeks,
      endDate: fields.endDate,
      occurrenceCount: fields.occurrenceCount,
      durationMinutes: fields.durationMinutes,
      slots: JSON.stringify(slots),
      meetingLink: fields.meetingLink,
      description: fields.description,
      reminders: JSON.stringify(fields.reminders),
      sequence: existing.sequence + 1,
      updatedAt: ctx.now(),
    };
    upsertSeries(ctx.db, record);
    writeSeriesCalls(ctx, record);
    recordAudit(ctx, {
      forumId: existing.forumId,
      action: 'callSeries.update',
      subjectType: 'callSeries',
      subjectId: id,
      detail: { slots: fields.slots.length, sequence: record.sequence },
    });
    return getSeriesDetails(ctx, id);
  })();
}

/* ---- one call ---- */

const byName = (a: { fullName: string }, b: { fullName: string }) =>
  a.fullName.localeCompare(b.fullName);

function countsOf(
  people: Participant[],
  statuses: Map<string, AttendanceStatus>,
): AttendanceCounts {
  const byStatus = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<
    AttendanceStatus,
    number
  >;
  for (const s of statuses.values()) byStatus[s] += 1;
  const attended = people.filter((p) => statuses.get(p.id) === 'attended');
  const tally = (key: (p: Participant) => [string, string]) => {
    const m = new Map<string, { key: string; label: string; count: number }>();
    for (const p of attended) {
      const [k, label] = key(p);
      const cell = m.get(k) ?? { key: k, label, count: 0 };
      cell.count += 1;
      m.set(k, cell);
    }
    return suppressSmallCells([...m.values()].sort((a, b) => a.label.localeCompare(b.label)));
  };
  return {
    byStatus,
    attended: attended.length > 0 && attended.length < 3 ? '<3' : String(attended.length),
    byStakeholderGroup: tally((p) => [
      p.stakeholderGroup,
      STAKEHOLDER_GROUP_LABELS[p.stakeholderGroup],
    ]),
    byRegion: tally((p) =>
      p.region ? [p.region, REGION_LABELS[p.region]] : ['unknown', 'Not recorded'],
    ),
    byGender: tally((p) =>
      p.gender ? [p.gender, GENDER_LABELS[p.gender]] : ['unknown', 'Not recorded'],
    ),
  };
}

function toActionItem(
  r: ActionItemRecord,
  names: Map<string, string>,
  redact: (s: string) => string,
): ActionItem {
  return {
    id: r.id,
    forumId: r.forumId,
    callId: r.callId,
    title: redact(r.title),
    ownerId: r.ownerId,
    ownerName: r.ownerId ? (names.get(r.ownerId) ?? null) : null,
    dueDate: r.dueDate,
    status: r.status as ActionItemStatus,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Names of a forum's participants as `audience` may see them (pseudonyms for protected ones). */
function peopleFor(ctx: BackendContext, forumId: string, audience: Audience, redactor: Redactor) {
  return listAllParticipants(ctx.db, forumId).map((r) =>
    participantForAudience(toParticipant(r), audience, redactor),
  );
}

export function getCallDetails(
  ctx: BackendContext,
  id: string,
  audience: Audience = 'coordinators',
): CallDetails {
  const call = requireCall(ctx, id);
  const series = call.seriesId ? getSeries(ctx.db, call.seriesId) : undefined;
  const { redactor } = protectionFor(ctx, call.forumId);
  const redact = textFor(ctx, call.forumId, audience);
  const people = peopleFor(ctx, call.forumId, audience, redactor);
  const names = new Map(people.map((p) => [p.id, p.fullName]));
  const recordedAttendance = listAttendance(ctx.db, id);
  const statuses = new Map(
    recordedAttendance.map((a) => [a.participantId, a.status as AttendanceStatus]),
  );
  const minutesPresent = new Map(
    recordedAttendance.map((a) => [a.participantId, a.minutesPresent]),
  );
  // Outside coordinators only people who consented to be listed are named; all are counted.
  const attendance: AttendanceEntry[] = people
    .filter((p) => audience === 'coordinators' || p.consentListed)
    .map((p) => ({
      participantId: p.id,
      fullName: p.fullName,
      stakeholderGroup: p.stakeholderGroup,
      region: p.region,
      isProtected: p.isProtected,
      status: statuses.get(p.id) ?? null,
      minutesPresent: minutesPresent.get(p.id) ?? null,
    }))
    .sort(byName);
  const agenda: AgendaItem[] = listAgenda(ctx.db, id).map((a) => ({
    id: a.id,
    position: a.position,
    title: redact(a.title),
    ownerId: a.ownerId,
    ownerName: a.ownerId ? (names.get(a.ownerId) ?? null) : null,
    minutes: redact(a.minutes),
  }));
  const recorded =
    call.minutes.trim() !== '' ||
    agenda.some((a) => a.minutes.trim() !== '') ||
    recordedAttendance.some((a) => a.status !== 'invited');
  return {
    ...toCallSummary(call, recorded, ctx.now()),
    title: redact(call.title),
    seriesTitle: series ? redact(series.title) : null,
    meetingLink: audience === 'public' || !series ? '' : redact(series.meetingLink),
    minutes: redact(call.minutes),
    agenda,
    attendance,
    counts: countsOf(people, statuses),
    actionItems: listActionItems(ctx.db, call.forumId, id).map((r) =>
      toActionItem(r, names, redact),
    ),
  };
}

/** Saves a changed call, raising its SEQUENCE and its series' (their calendars change). */
function saveChangedCall(ctx: BackendContext, next: CallRecord): void {
  const now = ctx.now();
  upsertCall(ctx.db, { ...next, sequence: next.sequence + 1, updatedAt: now });
  if (next.seriesId) bumpSeriesSequence(ctx.db, next.seriesId, now);
}

export function updateCall(ctx: BackendContext, input: ParsedInput<'calls.update'>): CallDetails {
  return ctx.db.transaction(() => {
    const call = requireCall(ctx, input.id);
    const next = {
      ...call,
      title: input.title ?? call.title,
      minutes: input.minutes ?? call.minutes,
    };
    // Minutes are not part of the calendar: only a new title raises the SEQUENCE.
    if (next.title !== call.title) saveChangedCall(ctx, next);
    else upsertCall(ctx.db, { ...next, updatedAt: ctx.now() });
    return getCallDetails(ctx, input.id);
  })();
}

export function moveCall(ctx: BackendContext, input: ParsedInput<'calls.move'>): CallDetails {
  return ctx.db.transaction(() => {
    const call = requireCall(ctx, input.id);
    requireWithinForumYears(ctx, call.forumId, [
      { field: 'date', label: 'The new date of the call', date: input.date },
    ]);
    if (call.status === 'cancelled')
      throw new DomainError(
        'conflict',
        'This call is cancelled; reinstate it before moving it',
        'id',
      );
    const startAt = chosenInstant(input.zone, input.date, input.time, input.fold, '');
    saveChangedCall(ctx, {
      ...call,
      startAt,
      zone: input.zone,
      moved: call.seriesId ? 1 : 0,
      originalStartAt: call.originalStartAt ?? call.startAt,
    });
    recordAudit(ctx, {
      forumId: call.forumId,
      action: 'call.move',
      subjectType: 'call',
      subjectId: call.id,
      detail: { from: call.startAt, to: startAt },
    });
    return getCallDetails(ctx, input.id);
  })();
}

function setCallStatus(ctx: BackendContext, id: string, status: CallStatus): CallDetails {
  return ctx.db.transaction(() => {
    const call = requireCall(ctx, id);
    if (call.status !== status) {
      saveChangedCall(ctx, { ...call, status });
      recordAudit(ctx, {
        forumId: call.forumId,
        action: status === 'cancelled' ? 'call.cancel' : 'call.reinstate',
        subjectType: 'call',
        subjectId: id,
      });
    }
    return getCallDetails(ctx, id);
  })();
}

export const cancelCall = (ctx: BackendContext, id: string) => setCallStatus(ctx, id, 'cancelled');
export const reinstateCall = (ctx: BackendContext, id: string) =>
  setCallStatus(ctx, id, 'scheduled');

function requireMemberOf(
  ctx: BackendContext,
  forumId: string,
  participantId: string,
  field: string,
) {
  const p = getParticipant(ctx.db, participantId);
  if (!p || p.forumId !== forumId || p.removedAt !== null)
    throw new DomainError('not_found', 'No participant of this forum with this id', field);
  return p;
}

export function saveAgenda(
  ctx: BackendContext,
  input: ParsedInput<'calls.saveAgenda'>,
): CallDetails {
  return ctx.db.transaction(() => {
    const call = requireCall(ctx, input.id);
    input.items.forEach((item, i) => {
      if (item.ownerId) requireMemberOf(ctx, call.forumId, item.ownerId, `items.${i}.ownerId`);
    });
    const now = ctx.now();
    replaceAgenda(
      ctx.db,
      call.id,
      input.items.map((item, position) => ({
        id: newId(now),
        callId: call.id,
        position,
        title: item.title,
        ownerId: item.ownerId,
        minutes: item.minutes,
      })),
    );
    return getCallDetails(ctx, call.id);
  })();
}

export function setCallAttendance(
  ctx: BackendContext,
  input: ParsedInput<'calls.setAttendance'>,
): CallDetails {
  return ctx.db.transaction(() => {
    const call = requireCall(ctx, input.id);
    requireMemberOf(ctx, call.forumId, input.participantId, 'participantId');
    setAttendance(ctx.db, call.id, input.participantId, input.status);
    return getCallDetails(ctx, call.id);
  })();
}

export function inviteMembers(ctx: BackendContext, id: string): CallDetails {
  return ctx.db.transaction(() => {
    const call = requireCall(ctx, id);
    const recorded = new Set(listAttendance(ctx.db, id).map((a) => a.participantId));
    for (const p of listAllParticipants(ctx.db, call.forumId))
      if (!recorded.has(p.id)) setAttendance(ctx.db, id, p.id, 'invited');
    return getCallDetails(ctx, id);
  })();
}

/** Past calls with neither attendance nor minutes: the Overview's "Calls that need minutes". */
export function callsNeedingMinutes(ctx: BackendContext, forumId: string): CallSummary[] {
  requireForum(ctx, forumId, 'forumId');
  const recorded = recordedCallIds(ctx, forumId);
  const now = ctx.now();
  return listForumCalls(ctx.db, forumId)
    .map((c) => toCallSummary(c, recorded.has(c.id), now))
    .filter((c) => c.phase === 'needs_minutes');
}

/* ---- action items ---- */

function forumNames(ctx: BackendContext, forumId: string): Map<string, string> {
  return new Map(listAllParticipants(ctx.db, forumId).map((p) => [p.id, p.fullName]));
}

export function listForumActionItems(
  ctx: BackendContext,
  input: ParsedInput<'actionItems.list'>,
  audience: Audience = 'coordinators',
): ActionItem[] {
  requireForum(ctx, input.forumId, 'forumId');
  const names =
    audience === 'coordinators'
      ? forumNames(ctx, input.forumId)
      : new Map(
          peopleFor(ctx, input.forumId, audience, protectionFor(ctx, input.forumId).redactor).map(
            (p) => [p.id, p.fullName],
          ),
        );
  const redact = textFor(ctx, input.forumId, audience);
  return listActionItems(ctx.db, input.forumId, input.callId).map((r) =>
    toActionItem(r, names, redact),
  );
}

export function createActionItem(
  ctx: BackendContext,
  input: ParsedInput<'actionItems.create'>,
): ActionItem {
  return ctx.db.transaction(() => {
    requireForum(ctx, input.forumId, 'forumId');
    if (input.callId) {
      const call = requireCall(ctx, input.callId, 'callId');
      if (call.forumId !== input.forumId)
        throw new DomainError('not_found', 'No call of this forum with this id', 'callId');
    }
    if (input.ownerId) requireMemberOf(ctx, input.forumId, input.ownerId, 'ownerId');
    const now = ctx.now();
    const r: ActionItemRecord = {
      id: newId(now),
      forumId: input.forumId,
      callId: input.callId,
      title: input.title,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      status: input.status,
      createdAt: now,
      updatedAt: now,
    };
    upsertActionItem(ctx.db, r);
    return toActionItem(r, forumNames(ctx, input.forumId), (s) => s);
  })();
}

export function updateActionItem(
  ctx: BackendContext,
  input: ParsedInput<'actionItems.update'>,
): ActionItem {
  return ctx.db.transaction(() => {
    const existing = getActionItem(ctx.db, input.id);
    if (!existing) throw new DomainError('not_found', 'No action item with this id', 'id');
    if (input.ownerId) requireMemberOf(ctx, existing.forumId, input.ownerId, 'ownerId');
    const r: ActionItemRecord = {
      ...existing,
      title: input.title ?? existing.title,
      ownerId: input.ownerId === undefined ? existing.ownerId : input.ownerId,
      dueDate: input.dueDate === undefined ? existing.dueDate : input.dueDate,
      status: input.status ?? existing.status,
      updatedAt: ctx.now(),
    };
    upsertActionItem(ctx.db, r);
    return toActionItem(r, forumNames(ctx, existing.forumId), (s) => s);
  })();
}

/* ---- timeline ---- */

/** The forum's calls as timeline entries (the timeline module puts them next to the sessions). */
export function callTimeline(ctx: BackendContext, forumId: string): TimelineEntry[] {
  return listForumCalls(ctx.db, forumId).map((c) => ({
    kind: 'call' as const,
    id: c.id,
    title: c.title,
    startAt: c.startAt,
    durationMinutes: c.durationMinutes,
    zone: c.zone,
    status: c.status,
    seriesId: c.seriesId,
  }));
}
