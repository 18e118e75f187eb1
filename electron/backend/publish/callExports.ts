/**
 * Calendars and invitations for calls, through the redaction policy:
 * - titles and descriptions go through the free-text redactor for every audience but coordinators,
 *   so a protected participant's name never appears in a public or participants' calendar;
 * - the meeting link appears only for participants and coordinators, never in a public calendar;
 * - no ATTENDEE lines: people are addressed in the e-mail's Bcc;
 * - invitations go only to members who consented to invitations, never to anyone matching an
 *   excluded disruptive actor; everyone (protected participants included) is in Bcc only.
 */
import {
  getCall,
  getSeries,
  listActionItems,
  listAgenda,
  listSeriesCalls,
  type CallRecord,
} from '../../../db/queries/calls';
import { listAllParticipants } from '../../../db/queries/participants';
import { planOccurrences } from '../../../shared/domain/schedule';
import { formatInZone, localToUtc, resolveLocal, zoneLabel } from '../../../shared/domain/zones';
import type { Audience } from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import type { BackendContext } from '../context';
import { planOf } from '../calls/service';
import { actorMatcher } from '../safeguards/actors';
import { protectionFor } from '../privacy/redactors';
import { buildCalendar, type CalendarEvent } from './calendar';
import { buildEmailDraft } from './email';
import type { RedactionTally } from '../privacy/views';
import { parseBody } from '../privacy/document';
import { redactDocument } from '../privacy/redactTree';
import { documentToHtml, documentToMarkdown } from './serialise';

export const CALL_EXPORT_KINDS = [
  'series-calendar',
  'call-calendar',
  'invitation-email',
  'call-minutes',
  'minutes-email',
] as const;
export type CallExportKind = (typeof CALL_EXPORT_KINDS)[number];
export const isCallExportKind = (k: string): k is CallExportKind =>
  (CALL_EXPORT_KINDS as readonly string[]).includes(k);

export interface CallExportRequest {
  forumId: string;
  kind: CallExportKind;
  format: string;
  audience: Audience;
  subjectId?: string;
}

export interface CallExport {
  text: string;
  /** Used in the file name. */
  name: string;
  itemCount: number;
  mimeType: string;
}

const uidOfSeries = (id: string) => `${id}@intersession`;
const uidOfCall = (id: string) => `${id}@intersession`;
/** With one slot the series' UID is the series id; each slot of a rotation has its own. */
const uidOfSlot = (seriesId: string, slots: number, slotIndex: number) =>
  slots === 1 ? uidOfSeries(seriesId) : uidOfSeries(`${seriesId}-slot${slotIndex + 1}`);

function requireSubject(req: CallExportRequest): string {
  if (!req.subjectId)
    throw new DomainError(
      'validation',
      'subjectId: This export needs the subject it is about (subjectId).',
      'subjectId',
    );
  return req.subjectId;
}

function requireFormat(req: CallExportRequest, format: string): void {
  if (req.format !== format)
    throw new DomainError('validation', `format: this export is a .${format} file`, 'format');
}

function seriesOfForum(ctx: BackendContext, req: CallExportRequest, id: string) {
  const s = getSeries(ctx.db, id);
  if (!s || s.forumId !== req.forumId)
    throw new DomainError('not_found', 'No call series of this forum with this id', 'subjectId');
  return s;
}

function callOfForum(ctx: BackendContext, req: CallExportRequest, id: string) {
  const c = getCall(ctx.db, id);
  if (!c || c.forumId !== req.forumId)
    throw new DomainError('not_found', 'No call of this forum with this id', 'subjectId');
  return c;
}

/** Free text through the redactor; `url` for links (the redactor's URL form when it has one). */
interface Text {
  (s: string): string;
  url(u: string): string;
}

type UrlRedactor = {
  redactUrl(u: string): { text: string; count: number; pseudonyms: Iterable<string> };
};

function textFor(
  ctx: BackendContext,
  forumId: string,
  audience: Audience,
  tally: RedactionTally,
): Text {
  if (audience === 'coordinators')
    return Object.assign((s: string) => s, { url: (u: string) => u });
  const { redactor } = protectionFor(ctx, forumId);
  const url = (u: string) => {
    if (!u || !('redactUrl' in redactor)) return tally.text(redactor, u);
    const r = (redactor as unknown as UrlRedactor).redactUrl(u);
    for (const p of r.pseudonyms) tally.withheld(0, p);
    tally.count += r.count;
    return r.text;
  };
  return Object.assign((s: string) => tally.text(redactor, s), { url });
}

const linkFor = (audience: Audience, link: string, text: Text) =>
  audience === 'public' ? '' : text.url(link);

function describe(description: string, link: string, agenda = ''): string {
  return [description, agenda, link ? `Join: ${link}` : ''].filter(Boolean).join('\n\n');
}

const remindersOf = (s: { reminders: string } | undefined): number[] =>
  s ? (JSON.parse(s.reminders) as number[]) : [];

/** The call's agenda as text lines ("1. Title (owner)"), through the redactor. */
function agendaText(ctx: BackendContext, call: CallRecord, text: Text): string {
  const items = listAgenda(ctx.db, call.id);
  if (items.length === 0) return '';
  const names = new Map(listAllParticipants(ctx.db, call.forumId).map((p) => [p.id, p.fullName]));
  return [
    'Agenda:',
    ...items.map((a, i) => {
      const owner = a.ownerId ? names.get(a.ownerId) : undefined;
      return `${i + 1}. ${text(a.title)}${owner ? ` (${text(owner)})` : ''}`;
    }),
  ].join('\n');
}

/** The events of a series: one recurring VEVENT per slot, EXDATEs, and overrides for moved calls. */
function seriesEvents(
  ctx: BackendContext,
  seriesId: string,
  audience: Audience,
  text: Text,
): { events: CalendarEvent[]; title: string; count: number } {
  const s = getSeries(ctx.db, seriesId)!;
  const plan = planOf(s);
  const planned = planOccurrences(plan);
  const calls = new Map(listSeriesCalls(ctx.db, seriesId).map((c) => [c.occurrenceIndex, c]));
  const title = text(s.title);
  const link = linkFor(audience, s.meetingLink, text);
  const description = describe(text(s.description), link);
  const k = plan.slots.length;
  const events: CalendarEvent[] = [];
  plan.slots.forEach((slot, slotIndex) => {
    const mine = planned.filter((o) => o.slotIndex === slotIndex);
    if (mine.length === 0) return;
    const uid = uidOfSlot(s.id, k, slotIndex);
    const base = {
      uid,
      sequence: s.sequence,
      summary: title,
      description,
      location: link || undefined,
      url: link || undefined,
      durationMinutes: s.durationMinutes,
      zone: slot.zone,
      alarms: remindersOf(s),
    };
    const exdates: CalendarEvent['recurrenceId'][] = [];
    const overrides: CalendarEvent[] = [];
    for (const occ of mine) {
      const call = calls.get(occ.index);
      if (!call) continue;
      // What a calendar's RRULE makes of this occurrence (RFC 5545): the override is needed
      // whenever the app's instant is another one (moved, or the later of two repeated times).
      const asRead = localToUtc(slot.zone, occ.date, slot.time);
      if (call.status === 'cancelled') exdates.push(occ.wall);
      else if (
        call.moved === 1 ||
        call.startAt !== asRead ||
        // Readers disagree on a wall time in a gap or a repeated hour (ical.js takes the later
        // of two), so such an occurrence is written explicitly, in UTC.
        resolveLocal(slot.zone, occ.wall).kind !== 'exact' ||
        call.durationMinutes !== s.durationMinutes ||
        call.title !== s.title
      )
        overrides.push({
          ...base,
          summary: text(call.title),
          start: call.startAt,
          durationMinutes: call.durationMinutes,
          // A moved call is written in its own zone; the occurrence it replaces in the series'.
          zone: call.zone,
          recurrenceId: occ.wall,
          recurrenceIdZone: slot.zone,
        });
    }
    const last = mine[mine.length - 1];
    events.push({
      ...base,
      start: mine[0].startAt,
      startWall: mine[0].wall,
      recurrence: {
        intervalWeeks: plan.cadenceWeeks * k,
        ...(plan.occurrenceCount !== null
          ? { count: mine.length }
          : { until: localToUtc(slot.zone, last.date, slot.time) }),
        exdates: exdates.filter((x) => x !== undefined),
      },
    });
    events.push(...overrides);
  });
  return {
    events,
    title,
    count: planned.filter((o) => calls.get(o.index)?.status !== 'cancelled').length,
  };
}

/**
 * One call's event. A call of a series is written as that occurrence of the series (same UID,
 * RECURRENCE-ID, the series' SEQUENCE, STATUS:CANCELLED when cancelled), so a calendar holding the
 * series file too shows it once, and a cancellation removes the series' occurrence.
 */
function callEvent(
  ctx: BackendContext,
  callId: string,
  audience: Audience,
  text: Text,
): { event: CalendarEvent; title: string } {
  const c = getCall(ctx.db, callId)!;
  const s = c.seriesId ? getSeries(ctx.db, c.seriesId) : undefined;
  const link = linkFor(audience, s?.meetingLink ?? '', text);
  const title = text(c.title);
  const event: CalendarEvent = {
    uid: uidOfCall(c.id),
    sequence: c.sequence + (s?.sequence ?? 0),
    summary: title,
    description: describe(text(s?.description ?? ''), link, agendaText(ctx, c, text)),
    location: link || undefined,
    url: link || undefined,
    alarms: remindersOf(s),
    start: c.startAt,
    durationMinutes: c.durationMinutes,
    zone: c.zone,
    status: c.status === 'cancelled' ? 'cancelled' : 'confirmed',
  };
  if (s && c.occurrenceIndex !== null) {
    const plan = planOf(s);
    const occ = planOccurrences(plan).find((o) => o.index === c.occurrenceIndex);
    if (occ) {
      event.uid = uidOfSlot(s.id, plan.slots.length, occ.slotIndex);
      event.sequence = s.sequence;
      event.recurrenceId = occ.wall;
      event.recurrenceIdZone = occ.zone;
    }
  }
  return { title, event };
}

/** Members an invitation may go to: consented, with an e-mail, not an excluded disruptive actor. */
export function invitationRecipients(ctx: BackendContext, forumId: string): string[] {
  const matches = actorMatcher(ctx, forumId);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of listAllParticipants(ctx.db, forumId)) {
    if (r.consentInvitations !== 1 || !r.email) continue;
    const identity = {
      fullName: r.fullName,
      preferredName: r.preferredName,
      email: r.email,
      aliases: JSON.parse(r.aliases) as string[],
      handles: JSON.parse(r.handles) as string[],
    };
    if (matches(identity).some((m) => m.excluded)) continue;
    const key = r.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r.email);
  }
  return out;
}

function invitationText(
  title: string,
  link: string,
  description: string,
  calls: { startAt: number; zone: string; cancelled: boolean }[],
): string {
  const lines = [
    'Dear colleagues,',
    '',
    `You are invited to "${title}".`,
    '',
    calls.length === 1 ? 'When:' : 'Dates:',
    ...calls.map(
      (c) =>
        `- ${formatInZone('UTC', c.startAt)} UTC` +
        (c.zone !== 'UTC'
          ? ` (${formatInZone(c.zone, c.startAt)} ${zoneLabel(c.zone, c.startAt)})`
          : '') +
        (c.cancelled ? ' - CANCELLED' : ''),
    ),
    '',
  ];
  if (link) lines.push(`Join: ${link}`, '');
  if (description) lines.push(description, '');
  lines.push(
    'The attached calendar file adds the call(s) to your calendar, in your own time zone.',
    '',
    'You receive this because you agreed to receive invitations from this Best Practice Forum.',
    'Recipients are in Bcc: your address is not shown to the others.',
    '',
  );
  return lines.join('\n');
}

export function publishCallExport(
  ctx: BackendContext,
  req: CallExportRequest,
  tally: RedactionTally,
): CallExport {
  const subjectId = requireSubject(req);
  const text = textFor(ctx, req.forumId, req.audience, tally);
  const stamp = ctx.now();
  if (req.kind === 'series-calendar') {
    requireFormat(req, 'ics');
    seriesOfForum(ctx, req, subjectId);
    const { events, title, count } = seriesEvents(ctx, subjectId, req.audience, text);
    return {
      text: buildCalendar({ name: title, stamp, events }),
      name: title,
      itemCount: count,
      mimeType: 'text/calendar; charset=utf-8',
    };
  }
  if (req.kind === 'call-calendar') {
    requireFormat(req, 'ics');
    callOfForum(ctx, req, subjectId);
    const { event, title } = callEvent(ctx, subjectId, req.audience, text);
    return {
      text: buildCalendar({ name: title, stamp, events: [event] }),
      name: title,
      itemCount: 1,
      mimeType: 'text/calendar; charset=utf-8',
    };
  }
  if (req.kind === 'call-minutes' || req.kind === 'minutes-email')
    return minutesExport(ctx, req, subjectId, tally, stamp);
  // invitation-email
  requireFormat(req, 'eml');
  if (req.audience !== 'participants')
    throw new DomainError(
      'validation',
      'audience: invitations are written for participants',
      'audience',
    );
  const series = getSeries(ctx.db, subjectId);
  let ics: string;
  let title: string;
  let link: string;
  let description: string;
  let calls: { startAt: number; zone: string; cancelled: boolean }[];
  if (series && series.forumId === req.forumId) {
    const built = seriesEvents(ctx, subjectId, req.audience, text);
    ics = buildCalendar({ name: built.title, stamp, events: built.events });
    title = built.title;
    link = linkFor(req.audience, series.meetingLink, text);
    description = text(series.description);
    calls = listSeriesCalls(ctx.db, subjectId).map((c) => ({
      startAt: c.startAt,
      zone: c.zone,
      cancelled: c.status === 'cancelled',
    }));
  } else {
    const call = callOfForum(ctx, req, subjectId);
    const built = callEvent(ctx, subjectId, req.audience, text);
    ics = buildCalendar({ name: built.title, stamp, events: [built.event] });
    title = built.title;
    const s = call.seriesId ? getSeries(ctx.db, call.seriesId) : undefined;
    link = linkFor(req.audience, s?.meetingLink ?? '', text);
    description = [text(s?.description ?? ''), agendaText(ctx, call, text)]
      .filter(Boolean)
      .join('\n\n');
    calls = [{ startAt: call.startAt, zone: call.zone, cancelled: call.status === 'cancelled' }];
  }
  const bcc = invitationRecipients(ctx, req.forumId);
  const eml = buildEmailDraft({
    subject: `Invitation: ${title}`,
    text: invitationText(title, link, description, calls),
    bcc,
    attachment: { filename: 'invitation.ics', content: ics, method: 'PUBLISH' },
    date: stamp,
    messageId: `${subjectId}.${stamp}`,
  });
  return { text: eml, name: title, itemCount: bcc.length, mimeType: 'message/rfc822' };
}

/** The minutes of a call as Markdown: what was discussed, decided and who does what by when. */
function minutesMarkdown(ctx: BackendContext, call: CallRecord): string {
  const names = new Map(listAllParticipants(ctx.db, call.forumId).map((p) => [p.id, p.fullName]));
  const md: string[] = [
    `# Minutes: ${call.title}`,
    '',
    `${formatInZone('UTC', call.startAt)} UTC, ${call.durationMinutes} minutes`,
    '',
  ];
  const agenda = listAgenda(ctx.db, call.id);
  if (agenda.length > 0) {
    md.push('## Agenda', '');
    agenda.forEach((a, i) => {
      const owner = a.ownerId ? names.get(a.ownerId) : undefined;
      md.push(`### ${i + 1}. ${a.title}${owner ? ` (${owner})` : ''}`, '');
      if (a.minutes.trim()) md.push(a.minutes.trim(), '');
    });
  }
  if (call.minutes.trim()) md.push('## Minutes', '', call.minutes.trim(), '');
  const items = listActionItems(ctx.db, call.forumId, call.id).filter((a) => a.status !== 'done');
  if (items.length > 0) {
    md.push('## Action items', '');
    for (const a of items) {
      const owner = a.ownerId ? names.get(a.ownerId) : undefined;
      md.push(`- ${a.title}${owner ? ` (${owner})` : ''}${a.dueDate ? `, due ${a.dueDate}` : ''}`);
    }
    md.push('');
  }
  return md.join('\n');
}

/**
 * "Send minutes": the minutes as a document tree, redacted for the audience (protected people's
 * names become pseudonyms, in free text too), then Markdown, HTML, or an e-mail draft to the
 * members with the minutes in the body and as an HTML attachment.
 */
function minutesExport(
  ctx: BackendContext,
  req: CallExportRequest,
  subjectId: string,
  tally: RedactionTally,
  stamp: number,
): CallExport {
  const call = callOfForum(ctx, req, subjectId);
  const { redactor } = protectionFor(ctx, req.forumId);
  const doc = redactDocument(
    {
      meta: { title: `Minutes: ${call.title}`, filename: 'minutes', properties: {} },
      body: parseBody(minutesMarkdown(ctx, call)),
    },
    redactor,
    req.audience,
    tally,
  );
  const markdown = documentToMarkdown(doc);
  if (req.kind === 'call-minutes') {
    if (req.format !== 'md' && req.format !== 'html')
      throw new DomainError('validation', 'format: minutes are a .md or .html file', 'format');
    return req.format === 'md'
      ? {
          text: markdown,
          name: doc.meta.title,
          itemCount: 1,
          mimeType: 'text/markdown; charset=utf-8',
        }
      : {
          text: documentToHtml(doc),
          name: doc.meta.title,
          itemCount: 1,
          mimeType: 'text/html; charset=utf-8',
        };
  }
  requireFormat(req, 'eml');
  if (req.audience === 'coordinators')
    throw new DomainError(
      'validation',
      'audience: minutes are sent to participants, so they are written for participants',
      'audience',
    );
  const bcc = invitationRecipients(ctx, req.forumId);
  const eml = buildEmailDraft({
    subject: doc.meta.title,
    text: `Dear colleagues,\n\nThe minutes of the call follow, and are attached as a web page.\n\n${markdown}`,
    bcc,
    attachment: {
      filename: 'minutes.html',
      content: documentToHtml(doc),
      contentType: 'text/html',
    },
    date: stamp,
    messageId: `${subjectId}.minutes.${stamp}`,
  });
  return { text: eml, name: doc.meta.title, itemCount: bcc.length, mimeType: 'message/rfc822' };
}
