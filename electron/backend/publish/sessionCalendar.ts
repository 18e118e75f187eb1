/**
 * One onsite session at an NRI event as an .ics file, through the redaction policy:
 * - the event is written in the venue's zone (DTSTART;TZID=...) with its VTIMEZONE (./calendar.ts);
 * - for every audience but coordinators, all free text (title, venue, local hosts) goes through the
 *   free-text redactor, so a protected participant's name never leaves in a shared calendar;
 * - internal notes go to coordinators only; outcomes and attendance never go into a calendar;
 * - no ATTENDEE lines.
 */
import { getNri } from '../../../db/queries/nris';
import { SESSION_FORMAT_LABELS, type SessionFormat } from '../../../shared/domain/nris';
import type { Audience } from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { requireSession } from '../nris/sessions';
import { protectionFor } from '../privacy/redactors';
import { buildCalendar } from './calendar';
import type { RedactionTally } from './policy';

export interface SessionCalendarRequest {
  forumId: string;
  format: string;
  audience: Audience;
  subjectId?: string;
}

export interface SessionCalendar {
  text: string;
  itemCount: number;
  mimeType: string;
}

/** The session's UID: stable across exports, so calendars update the event instead of adding one. */
export const sessionUid = (id: string) => `${id}@intersession`;

export function sessionCalendar(
  ctx: BackendContext,
  req: SessionCalendarRequest,
  tally: RedactionTally,
): SessionCalendar {
  if (req.format !== 'ics')
    throw new DomainError('validation', 'format: this export is a .ics file', 'format');
  if (!req.subjectId)
    throw new DomainError(
      'validation',
      'subjectId: This export needs the subject it is about (subjectId).',
      'subjectId',
    );
  const forum = requireForum(ctx, req.forumId, 'forumId');
  const s = requireSession(ctx, req.subjectId, 'subjectId');
  if (s.forumId !== req.forumId)
    throw new DomainError('not_found', 'No onsite session of this forum with this id', 'subjectId');
  const redactor = req.audience === 'coordinators' ? null : protectionFor(ctx, s.forumId).redactor;
  const text = (v: string) => (redactor ? tally.text(redactor, v) : v);
  const nri = s.nriId ? getNri(ctx.db, s.nriId) : undefined;

  const title = text(s.title);
  const description = [
    `Onsite session of ${text(forum.title)}${nri ? ` at ${nri.name}` : ''}.`,
    `Format: ${SESSION_FORMAT_LABELS[s.format as SessionFormat] ?? s.format}`,
    s.localHosts ? `Local hosts: ${text(s.localHosts)}` : '',
    req.audience === 'coordinators' && s.notes ? `Notes:\n${s.notes}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const location = [text(s.venue), nri?.name ?? ''].filter(Boolean).join(', ');

  const ics = buildCalendar({
    name: title,
    method: 'publish',
    stamp: ctx.now(),
    events: [
      {
        uid: sessionUid(s.id),
        sequence: s.sequence,
        summary: title,
        description,
        location: location || undefined,
        url: nri?.website || undefined,
        start: s.startAt,
        durationMinutes: s.durationMinutes,
        zone: s.zone,
        status: s.status === 'cancelled' ? 'cancelled' : 'confirmed',
      },
    ],
  });
  return { text: ics, itemCount: 1, mimeType: 'text/calendar; charset=utf-8' };
}
