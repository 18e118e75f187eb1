/**
 * Attendance in bulk: one status for many members, and the import of a meeting platform's
 * participant report. Attendees are matched by e-mail, then by name with the same folding as
 * search (an ambiguous name matches no one); an attendee matching a disruptive actor is flagged
 * with the incident it was logged in, before anything is recorded.
 */
import { listAttendance, setAttendance, setAttendanceWithMinutes } from '../../../db/queries/calls';
import { listAllParticipants } from '../../../db/queries/participants';
import type {
  AttendanceReportPreview,
  AttendanceReportRow,
  CallDetails,
} from '../../../shared/api';
import {
  ATTENDANCE_FORMAT_LABELS,
  AttendanceReportError,
  nameVariants,
  readAttendanceReport,
} from '../../../shared/domain/attendanceReport';
import { fold } from '../../../shared/domain/fold';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { actorMatcher } from '../safeguards/actors';
import { getCallDetails, requireCall } from './service';

function requireMembers(ctx: BackendContext, forumId: string, ids: string[], field: string) {
  const members = new Set(listAllParticipants(ctx.db, forumId).map((p) => p.id));
  ids.forEach((id, i) => {
    if (!members.has(id))
      throw new DomainError(
        'not_found',
        `${field}.${i}: No participant of this forum has this id.`,
        `${field}.${i}`,
      );
  });
}

export function setAttendanceMany(
  ctx: BackendContext,
  input: ParsedInput<'calls.setAttendanceMany'>,
): CallDetails {
  return ctx.db.transaction(() => {
    const call = requireCall(ctx, input.id);
    requireMembers(ctx, call.forumId, input.participantIds, 'participantIds');
    for (const pid of new Set(input.participantIds))
      setAttendance(ctx.db, call.id, pid, input.status);
    return getCallDetails(ctx, call.id);
  })();
}

function latestIncidentOfActor(ctx: BackendContext, actorId: string): string | null {
  return (
    (ctx.db
      .prepare(
        `SELECT i.id FROM incident_actors ia JOIN incidents i ON i.id = ia.incident_id
         WHERE ia.actor_id = ? ORDER BY i.occurred_at DESC LIMIT 1`,
      )
      .pluck()
      .get(actorId) as string | undefined) ?? null
  );
}

export function previewAttendanceReport(
  ctx: BackendContext,
  input: ParsedInput<'calls.attendancePreview'>,
): AttendanceReportPreview {
  const call = requireCall(ctx, input.id);
  let report;
  try {
    report = readAttendanceReport(input.csv);
  } catch (e) {
    if (e instanceof AttendanceReportError) throw new DomainError('validation', e.message, 'csv');
    throw e;
  }
  const people = listAllParticipants(ctx.db, call.forumId);
  const byEmail = new Map<string, (typeof people)[number]>();
  const byName = new Map<string, (typeof people)[number] | null>();
  const addName = (n: string | null, p: (typeof people)[number]) => {
    if (!n) return;
    const k = fold(n);
    if (!k) return;
    // Two members with one folded name: the name alone identifies neither.
    byName.set(k, byName.has(k) && byName.get(k)?.id !== p.id ? null : p);
  };
  for (const p of people) {
    if (p.email) byEmail.set(p.email.trim().toLowerCase(), p);
    addName(p.fullName, p);
    addName(p.preferredName, p);
    for (const a of JSON.parse(p.aliases) as string[]) addName(a, p);
  }
  const actors = actorMatcher(ctx, call.forumId);
  const incidents = new Map<string, string | null>();
  const rows: AttendanceReportRow[] = report.attendees.map((a) => {
    let match: AttendanceReportRow['match'] = null;
    const p = a.email ? byEmail.get(a.email.toLowerCase()) : undefined;
    if (p) match = { participantId: p.id, fullName: p.fullName, by: 'email' };
    else
      for (const n of nameVariants(a.name)) {
        const q = byName.get(fold(n));
        if (q) {
          match = { participantId: q.id, fullName: q.fullName, by: 'name' };
          break;
        }
      }
    const hits = nameVariants(a.name).flatMap((n) =>
      actors({ fullName: n, email: a.email ?? undefined }),
    );
    const hit = hits.find((h) => h.excluded) ?? hits[0];
    let actor: AttendanceReportRow['actor'] = null;
    if (hit) {
      if (!incidents.has(hit.actorId))
        incidents.set(hit.actorId, latestIncidentOfActor(ctx, hit.actorId));
      actor = {
        actorId: hit.actorId,
        actorName: hit.actorName,
        excluded: hit.excluded,
        incidentId: incidents.get(hit.actorId) ?? null,
      };
    }
    return { key: a.key, name: a.name, email: a.email, minutes: a.minutes, match, actor };
  });
  return {
    format: report.format,
    formatLabel: ATTENDANCE_FORMAT_LABELS[report.format],
    callMinutes: call.durationMinutes,
    rows,
  };
}

/**
 * Records a reviewed report in one transaction: present for at least `minMinutes` is attended,
 * less is absent; an entry without a duration counts as attended. Members not in the report keep
 * what they had, except "invited", which becomes absent (the call was held without them).
 */
export function applyAttendanceReport(
  ctx: BackendContext,
  input: ParsedInput<'calls.attendanceApply'>,
): CallDetails {
  return ctx.db.transaction(() => {
    const call = requireCall(ctx, input.id);
    requireMembers(
      ctx,
      call.forumId,
      input.entries.map((e) => e.participantId),
      'entries',
    );
    // A member matched twice (two report rows): their minutes add up.
    const minutes = new Map<string, number | null>();
    for (const e of input.entries) {
      const had = minutes.get(e.participantId);
      minutes.set(
        e.participantId,
        had === undefined
          ? e.minutes
          : had === null && e.minutes === null
            ? null
            : (had ?? 0) + (e.minutes ?? 0),
      );
    }
    let attended = 0;
    for (const [pid, m] of minutes) {
      const status = m === null || m >= input.minMinutes ? 'attended' : 'absent';
      if (status === 'attended') attended += 1;
      setAttendanceWithMinutes(ctx.db, call.id, pid, status, m === null ? null : Math.round(m));
    }
    for (const a of listAttendance(ctx.db, call.id))
      if (a.status === 'invited' && !minutes.has(a.participantId))
        setAttendance(ctx.db, call.id, a.participantId, 'absent');
    recordAudit(ctx, {
      forumId: call.forumId,
      action: 'call.attendance_import',
      subjectType: 'call',
      subjectId: call.id,
      detail: { entries: minutes.size, attended, minMinutes: input.minMinutes },
    });
    return getCallDetails(ctx, call.id);
  })();
}
