/**
 * THE ONLY WAY OUT. Every file, copy or printout the app produces is rendered here, for one
 * audience, through the redaction policy (./policy.ts); `renderExport` writes the export's audit
 * record. Shells only save the bytes they get back.
 */
import { listAllParticipants } from '../../../db/queries/participants';
import type { ExportFile, ExportPreview } from '../../../shared/api';
import { countryByCode, REGION_LABELS } from '../../../shared/domain/countries';
import {
  INCIDENT_ACTION_LABELS,
  INCIDENT_CHANNEL_LABELS,
  INCIDENT_SEVERITY_LABELS,
  INCIDENT_STATUS_LABELS,
  type ExportFormat,
} from '../../../shared/domain/safeguards';
import {
  AUDIENCE_LABELS,
  FORUM_ROLE_LABELS,
  GENDER_LABELS,
  STAKEHOLDER_GROUP_LABELS,
  type Audience,
} from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { toParticipant } from '../participants/service';
import { listForumIncidents } from '../safeguards/incidents';
import { protectionFor } from '../privacy/redactors';
import { isCallExportKind, publishCallExport } from './callExports';
import { sessionCalendar } from './sessionCalendar';
import { contributionTable, isContributionExportKind } from './contributions';
import { renderTable, type Table } from './documents';
import { redactFilename } from '../privacy/redactTree';
import { redactMarkdown } from '../privacy/markdown';
import { forumForAudience, participantForAudience, RedactionTally } from './policy';
import { isReportExportKind, reportPreviewText } from './report';
import { representationTable } from './representation';

export type ExportRequest = ParsedInput<'exports.render'>;

export interface Publication {
  preview: ExportPreview;
  bytes: Uint8Array;
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  eml: 'message/rfc822',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'forum';

/** A file name as the audience may see it (a forum titled after a protected person...). */
const publicName = (
  ctx: BackendContext,
  forumId: string,
  audience: Audience,
  name: string,
  tally: RedactionTally,
) =>
  audience === 'coordinators'
    ? name
    : redactFilename(protectionFor(ctx, forumId).redactor, name, tally);

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

function participantDirectory(
  ctx: BackendContext,
  forumId: string,
  audience: Audience,
  tally: RedactionTally,
  /** Only these people (a selection of the list); every one of them must be in the forum. */
  participantIds?: readonly string[],
): Table {
  const forum = forumForAudience(ctx, forumId, audience);
  const { redactor } = protectionFor(ctx, forumId);
  const all = listAllParticipants(ctx.db, forumId);
  const selected = participantIds && new Set(participantIds);
  if (selected && all.filter((p) => selected.has(p.id)).length !== selected.size)
    throw new DomainError(
      'not_found',
      'participantIds: a selected participant is not in this forum (removed meanwhile?).',
      'participantIds',
    );
  // Outside coordinators the directory lists only those who consented to be listed.
  const people = all
    .filter((p) => !selected || selected.has(p.id))
    .map(toParticipant)
    .filter((p) => audience === 'coordinators' || p.consentListed)
    .map((p) => participantForAudience(p, audience, redactor, tally));
  const base = ['Name', 'Organisation', 'Stakeholder group', 'Country', 'Region', 'Role'];
  const columns =
    audience === 'public'
      ? base
      : audience === 'participants'
        ? [...base, 'Email', 'Languages', 'Time zone']
        : [
            ...base,
            'Email',
            'Languages',
            'Time zone',
            'Preferred name',
            'Gender',
            'Online handles',
            'Aliases',
            'May be listed',
            'May receive invitations',
            'Protected',
            'Pseudonym',
            'Notes',
          ];
  const rows = people.map((p) => {
    const row = [
      p.fullName,
      p.organisation ?? '',
      STAKEHOLDER_GROUP_LABELS[p.stakeholderGroup],
      p.country ? (countryByCode(p.country)?.name ?? p.country) : '',
      p.region ? REGION_LABELS[p.region] : '',
      FORUM_ROLE_LABELS[p.role],
    ];
    if (audience === 'public') return row;
    row.push(p.email ?? '', p.languages.join(', '), p.timeZone ?? '');
    if (audience === 'participants') return row;
    row.push(
      p.preferredName ?? '',
      p.gender
        ? p.gender === 'self_described' && p.genderSelfDescribed
          ? p.genderSelfDescribed
          : GENDER_LABELS[p.gender]
        : '',
      p.handles.join(', '),
      p.aliases.join(', '),
      yesNo(p.consentListed),
      yesNo(p.consentInvitations),
      yesNo(p.isProtected),
      p.pseudonym ?? '',
      p.notes ?? '',
    );
    return row;
  });
  return {
    title: `Participants of ${forum.title}`,
    meta: [
      `Forum: ${forum.title} (${forum.year})`,
      `Audience: ${AUDIENCE_LABELS[audience]}`,
      `Exported: ${isoDay(ctx.now())}`,
      `Participants: ${rows.length}`,
    ],
    columns,
    rows,
    empty: 'This forum has no participants yet.',
  };
}

function incidentReport(ctx: BackendContext, forumId: string, audience: Audience): Table {
  if (audience !== 'coordinators')
    throw new DomainError(
      'validation',
      'audience: incident reports are for coordinators only',
      'audience',
    );
  const forum = requireForum(ctx, forumId, 'forumId');
  const incidents = listForumIncidents(ctx, forumId);
  return {
    title: `Incident report: ${forum.title}`,
    meta: [
      `Forum: ${forum.title} (${forum.year})`,
      'Audience: Coordinators only. Do not forward.',
      `Exported: ${isoDay(ctx.now())}`,
      `Incidents: ${incidents.length}`,
    ],
    columns: [
      'When (UTC)',
      'Where',
      'Severity',
      'Status',
      'Description',
      'Participants targeted',
      'Disruptive actors',
      'Actions taken',
      'Support offered',
    ],
    rows: incidents.map((i) => [
      new Date(i.occurredAt).toISOString().slice(0, 16).replace('T', ' '),
      INCIDENT_CHANNEL_LABELS[i.channel],
      INCIDENT_SEVERITY_LABELS[i.severity],
      INCIDENT_STATUS_LABELS[i.status],
      i.description,
      i.targets
        .map((t) => (t.isProtected ? `${t.fullName} (${t.pseudonym})` : t.fullName))
        .join('; '),
      i.actors
        .map(
          (a) =>
            [a.name, ...a.emails, ...a.handles].join(' / ') + (a.excluded ? ' [excluded]' : ''),
        )
        .join('; '),
      i.actions.map((a) => INCIDENT_ACTION_LABELS[a]).join('; '),
      i.supportOffered,
    ]),
    empty: 'No incidents have been logged.',
  };
}

/** Renders an export for its audience; nothing is recorded (see `renderExport`). */
export function publish(ctx: BackendContext, req: ExportRequest): Publication {
  const tally = new RedactionTally();
  const stored = requireForum(ctx, req.forumId, 'forumId');
  if (req.participantIds && req.kind !== 'participant-directory')
    throw new DomainError(
      'validation',
      'participantIds: only the participant directory can be exported for a selection.',
      'participantIds',
    );
  // The file name carries the forum's title: redacted like the contents (not counted twice).
  const forum =
    req.audience === 'coordinators'
      ? stored
      : {
          ...stored,
          title: redactMarkdown(stored.title, protectionFor(ctx, req.forumId).redactor).text,
        };
  if (req.kind === 'session-calendar') {
    const out = sessionCalendar(ctx, req, tally);
    return {
      preview: {
        filename: publicName(
          ctx,
          forum.id,
          req.audience,
          `${slug(forum.title)}-${req.kind}-${req.audience}-${isoDay(ctx.now())}.ics`,
          tally,
        ),
        mimeType: out.mimeType,
        audience: req.audience,
        itemCount: out.itemCount,
        redactionCount: tally.count,
        pseudonyms: [...tally.pseudonyms].sort(),
      },
      bytes: new TextEncoder().encode(out.text),
    };
  }
  if (isReportExportKind(req.kind)) {
    // The report's bytes are made by `renderReportExport` (DOCX is built asynchronously).
    const out = reportPreviewText(ctx, req, tally);
    return {
      preview: {
        filename: out.filename,
        mimeType: out.mimeType,
        audience: req.audience,
        itemCount: out.itemCount,
        redactionCount: tally.count,
        pseudonyms: [...tally.pseudonyms].sort(),
      },
      bytes: new TextEncoder().encode(out.text),
    };
  }
  if (isCallExportKind(req.kind)) {
    const out = publishCallExport(ctx, { ...req, kind: req.kind }, tally);
    return {
      preview: {
        filename: publicName(
          ctx,
          forum.id,
          req.audience,
          `${slug(forum.title)}-${req.kind}-${req.audience}-${isoDay(ctx.now())}.${req.format}`,
          tally,
        ),
        mimeType: out.mimeType,
        audience: req.audience,
        itemCount: out.itemCount,
        redactionCount: tally.count,
        pseudonyms: [...tally.pseudonyms].sort(),
      },
      bytes: new TextEncoder().encode(out.text),
    };
  }
  // Tables (directory, incident report) come as CSV, Markdown or HTML only.
  if (
    (req.kind === 'participant-directory' || req.kind === 'incident-report') &&
    (req.format === 'ics' || req.format === 'eml')
  )
    throw new DomainError(
      'validation',
      'format: this export is a table (CSV, Markdown or HTML)',
      'format',
    );
  const table =
    req.kind === 'participant-directory'
      ? participantDirectory(ctx, req.forumId, req.audience, tally, req.participantIds)
      : isContributionExportKind(req.kind)
        ? contributionTable(ctx, { ...req, kind: req.kind }, tally)
        : req.kind === 'representation'
          ? representationTable(ctx, req)
          : incidentReport(ctx, req.forumId, req.audience);
  if (req.format !== 'csv' && req.format !== 'md' && req.format !== 'html')
    throw new DomainError(
      'validation',
      'format: this export is a table (CSV, Markdown or HTML)',
      'format',
    );
  // The whole document (title, metadata lines, cells, file name) is redacted as one tree.
  const { text, filename } = renderTable(
    table,
    req.format,
    `${slug(forum.title)}-${req.kind}-${req.audience}-${isoDay(ctx.now())}.${req.format}`,
    protectionFor(ctx, forum.id).redactor,
    req.audience,
    tally,
  );
  return {
    preview: {
      filename,
      mimeType: MIME[req.format],
      audience: req.audience,
      itemCount: table.rows.length,
      redactionCount: tally.count,
      pseudonyms: [...tally.pseudonyms].sort(),
    },
    bytes: new TextEncoder().encode(text),
  };
}

export function previewExport(ctx: BackendContext, req: ExportRequest): ExportPreview {
  return publish(ctx, req).preview;
}

/** The export's bytes for the shell to save, with its audit record (what, when, audience, counts). */
export function renderExport(ctx: BackendContext, req: ExportRequest): ExportFile {
  const { preview, bytes } = publish(ctx, req);
  recordAudit(ctx, {
    forumId: req.forumId,
    action: 'export',
    subjectType: req.kind,
    subjectId: req.subjectId,
    detail: {
      kind: req.kind,
      format: req.format,
      audience: req.audience,
      filename: preview.filename,
      items: preview.itemCount,
      ...(req.participantIds ? { selected: req.participantIds.length } : {}),
      redactions: preview.redactionCount,
      pseudonyms: preview.pseudonyms.length,
      bytes: bytes.byteLength,
    },
  });
  return { ...preview, base64: Buffer.from(bytes).toString('base64') };
}
