/**
 * Onsite sessions at NRI events: planned in the venue's wall-clock time and zone, stored as a UTC
 * instant plus that zone; with attendance per participant (counted later as NRI participation).
 */
import {
  clearSessionAttendance,
  deleteSession,
  getSession,
  listSessionAttendance,
  listSessions,
  setSessionAttendance,
  upsertSession,
  type SessionListRow,
  type SessionRecord,
} from '../../../db/queries/nris';
import type {
  OnsiteSession,
  OnsiteSessionSummary,
  SessionAttendanceEntry,
  TimelineEntry,
} from '../../../shared/api';
import { newId } from '../../../shared/domain/ids';
import {
  instantToVenueTime,
  venueTimeExists,
  venueTimeToInstant,
  type SessionAttendanceStatus,
  type SessionFormat,
  type SessionStatus,
} from '../../../shared/domain/nris';
import type { Redactor } from '../../../shared/domain/redaction';
import type { Audience, StakeholderGroup } from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import { recordAudit } from '../audit/service';
import { rowsWhere } from '../../../db/queries/trash';
import type { Deleted } from '../../../shared/api';
import { keepForUndo } from '../trash/service';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { requireParticipant } from '../participants/service';
import { RedactionTally } from '../privacy/views';
import { protectionFor } from '../privacy/redactors';
import { requireNri } from './service';

type SessionFields = Omit<ParsedInput<'sessions.create'>, 'forumId'>;

/** Free text as `audience` may see it: protected people's identifiers become pseudonyms. */
function textFor(audience: Audience, redactor: Redactor | null) {
  const tally = new RedactionTally();
  return (s: string): string =>
    audience === 'coordinators' || !redactor ? s : tally.text(redactor, s);
}

export function toSessionSummary(
  r: SessionListRow,
  audience: Audience = 'coordinators',
  redactor: Redactor | null = null,
): OnsiteSessionSummary {
  const t = textFor(audience, redactor);
  const local = instantToVenueTime(r.startAt, r.zone);
  return {
    id: r.id,
    forumId: r.forumId,
    nriId: r.nriId,
    nriName: r.nriName,
    title: t(r.title),
    startAt: r.startAt,
    durationMinutes: r.durationMinutes,
    zone: r.zone,
    localDate: local.date,
    localTime: local.time,
    venue: t(r.venue),
    format: r.format as SessionFormat,
    status: r.status as SessionStatus,
    attendedCount: r.attendedCount,
  };
}

export function requireSession(ctx: BackendContext, id: string, field = 'id'): SessionListRow {
  const r = getSession(ctx.db, id);
  if (!r) throw new DomainError('not_found', 'No onsite session with this id', field);
  return r;
}

/** A session with its attendance, as `audience` may see it. */
export function sessionDetails(
  ctx: BackendContext,
  id: string,
  audience: Audience = 'coordinators',
): OnsiteSession {
  const r = requireSession(ctx, id);
  const redactor = audience === 'coordinators' ? null : protectionFor(ctx, r.forumId).redactor;
  const t = textFor(audience, redactor);
  const coordinators = audience === 'coordinators';
  // Outside coordinators: only people who consented to be listed are named, and a pseudonym
  // reads as a name (nothing marks who is protected).
  const attendance: SessionAttendanceEntry[] = listSessionAttendance(ctx.db, id)
    .filter((a) => coordinators || a.consentListed === 1)
    .map((a) => {
      const isProtected = a.isProtected === 1;
      const hidden = isProtected && !coordinators;
      return {
        participantId: a.participantId,
        fullName: hidden ? (a.pseudonym ?? 'Protected participant') : t(a.fullName),
        stakeholderGroup: a.stakeholderGroup as StakeholderGroup,
        isProtected: coordinators && isProtected,
        pseudonym: coordinators ? a.pseudonym : null,
        status: a.status as SessionAttendanceStatus,
      };
    });
  return {
    ...toSessionSummary(r, audience, redactor),
    localHosts: t(r.localHosts),
    notes: t(r.notes),
    outcomes: t(r.outcomes),
    sequence: r.sequence,
    attendance,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function listForumSessions(
  ctx: BackendContext,
  forumId: string,
  audience: Audience = 'coordinators',
): OnsiteSessionSummary[] {
  requireForum(ctx, forumId, 'forumId');
  const redactor = audience === 'coordinators' ? null : protectionFor(ctx, forumId).redactor;
  return listSessions(ctx.db, forumId).map((r) => toSessionSummary(r, audience, redactor));
}

/** The UTC instant of the venue's wall-clock start; refuses a time the venue's clock skips. */
function startInstant(fields: SessionFields): number {
  if (!venueTimeExists(fields.date, fields.startTime, fields.zone))
    throw new DomainError(
      'validation',
      `startTime: ${fields.startTime} does not exist in ${fields.zone} on ${fields.date} (the clocks go forward); choose another time`,
      'startTime',
    );
  return venueTimeToInstant(fields.date, fields.startTime, fields.zone);
}

function toRecord(
  fields: SessionFields,
  meta: Pick<SessionRecord, 'id' | 'forumId' | 'sequence' | 'createdAt' | 'updatedAt'>,
): SessionRecord {
  return {
    ...meta,
    nriId: fields.nriId,
    title: fields.title,
    startAt: startInstant(fields),
    durationMinutes: fields.durationMinutes,
    zone: fields.zone,
    venue: fields.venue,
    format: fields.format,
    localHosts: fields.localHosts,
    notes: fields.notes,
    outcomes: fields.outcomes,
    status: fields.status,
  };
}

export function createSession(
  ctx: BackendContext,
  input: ParsedInput<'sessions.create'>,
): OnsiteSession {
  const { forumId, ...fields } = input;
  return ctx.db.transaction(() => {
    requireForum(ctx, forumId, 'forumId');
    if (fields.nriId) requireNri(ctx, fields.nriId, 'nriId');
    const now = ctx.now();
    const record = toRecord(fields, {
      id: newId(now),
      forumId,
      sequence: 0,
      createdAt: now,
      updatedAt: now,
    });
    upsertSession(ctx.db, record);
    recordAudit(ctx, {
      forumId,
      action: 'session.create',
      subjectType: 'session',
      subjectId: record.id,
    });
    return sessionDetails(ctx, record.id);
  })();
}

export function updateSession(
  ctx: BackendContext,
  input: ParsedInput<'sessions.update'>,
): OnsiteSession {
  const { id, ...fields } = input;
  return ctx.db.transaction(() => {
    const existing = requireSession(ctx, id);
    if (fields.nriId) requireNri(ctx, fields.nriId, 'nriId');
    const record = toRecord(fields, {
      id,
      forumId: existing.forumId,
      // Every change raises the iCalendar SEQUENCE, so calendars replace the old version.
      sequence: existing.sequence + 1,
      createdAt: existing.createdAt,
      updatedAt: ctx.now(),
    });
    upsertSession(ctx.db, record);
    recordAudit(ctx, {
      forumId: existing.forumId,
      action: 'session.update',
      subjectType: 'session',
      subjectId: id,
      detail: { status: fields.status },
    });
    return sessionDetails(ctx, id);
  })();
}

export function removeSession(ctx: BackendContext, id: string): { id: string } & Deleted {
  return ctx.db.transaction(() => {
    const existing = requireSession(ctx, id);
    const payload = {
      rows: {
        onsite_sessions: rowsWhere(ctx.db, 'onsite_sessions', 'id', [id]),
        session_attendance: rowsWhere(ctx.db, 'session_attendance', 'session_id', [id]),
      },
      nulled: [],
    };
    deleteSession(ctx.db, id);
    // keepForUndo records the deletion in the audit log ("session.remove").
    const deleted = keepForUndo(
      ctx,
      { forumId: existing.forumId, kind: 'session', subjectId: id, label: existing.title },
      payload,
    );
    return { id, ...deleted };
  })();
}

export function recordSessionAttendance(
  ctx: BackendContext,
  input: ParsedInput<'sessions.setAttendance'>,
): OnsiteSession {
  return ctx.db.transaction(() => {
    const session = requireSession(ctx, input.sessionId, 'sessionId');
    const person = requireParticipantOf(ctx, input.participantId, session.forumId);
    if (input.status === null) clearSessionAttendance(ctx.db, session.id, person);
    else setSessionAttendance(ctx.db, session.id, person, input.status);
    return sessionDetails(ctx, session.id);
  })();
}

function requireParticipantOf(ctx: BackendContext, participantId: string, forumId: string) {
  let row;
  try {
    row = requireParticipant(ctx, participantId);
  } catch {
    row = undefined;
  }
  if (!row || row.forumId !== forumId)
    throw new DomainError(
      'not_found',
      'participantId: no participant of this forum with this id',
      'participantId',
    );
  return row.id;
}

/** Onsite sessions in the forum's timeline, next to the calls (`timeline.list`). */
export function sessionTimeline(ctx: BackendContext, forumId: string): TimelineEntry[] {
  return listSessions(ctx.db, forumId).map((s) => ({
    kind: 'session' as const,
    id: s.id,
    title: s.nriName ? `${s.title} · ${s.nriName}` : s.title,
    startAt: s.startAt,
    durationMinutes: s.durationMinutes,
    zone: s.zone,
    status: s.status,
    seriesId: null,
  }));
}
