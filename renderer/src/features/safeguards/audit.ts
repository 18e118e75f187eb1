/* How audit-log entries read to a coordinator: action labels and a readable detail line. */
import {
  INCIDENT_SEVERITY_LABELS,
  INCIDENT_STATUS_LABELS,
  type ExportFormat,
  type ExportKind,
  type IncidentSeverity,
  type IncidentStatus,
} from '../../../../shared/domain/safeguards';
import { AUDIENCE_LABELS, type Audience } from '../../../../shared/domain/vocabulary';

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'participant.protect': 'Protected a participant',
  'participant.unprotect': 'Removed protection',
  'participant.reveal': "Viewed a protected participant's details",
  'participant.actor_match_acknowledged': 'Saved despite a disruptive-actor match',
  export: 'Export',
  'incident.create': 'Logged an incident',
  'incident.update': 'Updated an incident',
  'actor.create': 'Added a disruptive actor',
  'actor.update': 'Updated a disruptive actor',
  'callSeries.create': 'Planned a call series',
  'callSeries.update': 'Changed a call series',
  'call.move': 'Moved a call',
  'call.cancel': 'Cancelled a call',
  'call.reinstate': 'Reinstated a call',
  'contribution.create': 'Recorded a contribution',
  'contribution.review': 'Reviewed a contribution',
  'contribution.consent': "Changed a contribution's consent",
  'contribution.consent_withdrawn': 'Recorded a withdrawal of consent',
  'contribution.import': 'Imported contributions from a survey',
  'theme.remove': 'Removed a theme',
  'session.create': 'Planned an onsite session',
  'session.update': 'Updated an onsite session',
  'session.remove': 'Removed an onsite session',
  'session.restore': 'Restored an onsite session',
  'call.remove': 'Deleted a call',
  'call.restore': 'Restored a deleted call',
  'callSeries.remove': 'Deleted a call series',
  'callSeries.restore': 'Restored a deleted call series',
  'actionItem.remove': 'Deleted an action item',
  'actionItem.restore': 'Restored a deleted action item',
  'call.attendance_import': 'Imported attendance from a meeting report',
  stakeholder_map_saved: 'Saved the stakeholder map',
  'forum.archive': 'Archived the forum',
  'forum.unarchive': 'Unarchived the forum',
};

export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;

const EXPORT_KIND_LABELS: Record<ExportKind, string> = {
  'participant-directory': 'Participant directory',
  'incident-report': 'Incident report',
  'series-calendar': 'Call series calendar',
  'call-calendar': 'Call calendar',
  'invitation-email': 'Invitation e-mail',
  'call-minutes': 'Call minutes',
  'minutes-email': 'Minutes e-mail',
  'contribution-coverage': 'Contribution coverage',
  contributions: 'Accepted contributions',
  'session-calendar': 'Onsite session calendar',
  representation: 'Representation figures',
  report: 'Outcome report',
  'report-round': 'Report for a comment round',
};

const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'CSV',
  md: 'Markdown',
  html: 'HTML',
  ics: 'iCalendar',
  eml: 'E-mail draft',
  pdf: 'PDF',
  docx: 'Word',
};

const MATCH_FIELD_LABELS: Record<string, string> = {
  fullName: 'full name',
  preferredName: 'preferred name',
  email: 'e-mail',
  aliases: 'aliases',
  handles: 'handles',
};

const lookup = <K extends string>(labels: Record<K, string>, v: unknown) =>
  typeof v === 'string' && v in labels ? labels[v as K] : String(v);

const count = (v: unknown) => (Array.isArray(v) ? v.length : Number(v));

function bytes(v: unknown): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return String(v);
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Known detail keys, in the order they read best, with how to say them. */
const KNOWN: [string, (v: unknown) => string | null][] = [
  ['reason', (v) => `Reason: ${String(v)}`],
  ['kind', (v) => `Kind: ${lookup<ExportKind>(EXPORT_KIND_LABELS, v)}`],
  ['audience', (v) => `Audience: ${lookup<Audience>(AUDIENCE_LABELS, v)}`],
  ['format', (v) => `Format: ${lookup<ExportFormat>(EXPORT_FORMAT_LABELS, v)}`],
  ['items', (v) => `Entries: ${count(v)}`],
  ['redactions', (v) => `Redactions: ${count(v)}`],
  [
    'pseudonyms',
    (v) =>
      Array.isArray(v)
        ? `Pseudonyms: ${v.map(String).join(', ') || 'none'}`
        : `Pseudonyms: ${count(v)}`,
  ],
  ['pseudonym', (v) => (v ? `Pseudonym: ${String(v)}` : null)],
  ['alreadyProtected', (v) => (v === true ? 'Was already protected' : null)],
  ['severity', (v) => `Severity: ${lookup<IncidentSeverity>(INCIDENT_SEVERITY_LABELS, v)}`],
  ['status', (v) => `Status: ${lookup<IncidentStatus>(INCIDENT_STATUS_LABELS, v)}`],
  ['targets', (v) => `Participants targeted: ${count(v)}`],
  ['excluded', (v) => `Excluded from the forum: ${v ? 'yes' : 'no'}`],
  ['actorIds', (v) => `Actors matched: ${count(v)}`],
  [
    'fields',
    (v) =>
      Array.isArray(v)
        ? `Matched on: ${[...new Set(v.map((f) => MATCH_FIELD_LABELS[String(f)] ?? String(f)))].join(', ')}`
        : null,
  ],
  ['filename', (v) => `File: ${String(v)}`],
  ['bytes', (v) => `Size: ${bytes(v)}`],
];
const KNOWN_KEYS = new Set(KNOWN.map(([k]) => k));

function plain(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The detail object of an audit entry as short readable phrases; unknown keys are kept as `key: value`. */
export function describeAuditDetail(detail: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, say] of KNOWN) {
    const v = detail[key];
    if (v === undefined || v === null) continue;
    const text = say(v);
    if (text) out.push(text);
  }
  for (const [key, v] of Object.entries(detail)) {
    if (KNOWN_KEYS.has(key) || v === undefined || v === null) continue;
    out.push(`${key}: ${plain(v)}`);
  }
  return out;
}

/** The fields of an audit entry the sentence reads (the contract's AuditEntry fits). */
export interface AuditSentenceInput {
  action: string;
  subjectType: string | null;
  subjectLabel?: string | null;
  detail: Record<string, unknown>;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * One audit entry as a plain sentence naming the item it concerns ("Imported 240 participants
 * from registrations.csv", "Revealed the details of Participant K"). Unknown actions fall back to
 * their label, with the subject when there is one.
 */
export function auditSentence(e: AuditSentenceInput): string {
  const d = e.detail;
  const who = e.subjectLabel ?? (e.subjectType === 'participant' ? 'a participant' : null);
  const file =
    typeof d.fileName === 'string'
      ? d.fileName
      : typeof d.filename === 'string'
        ? d.filename
        : null;
  switch (e.action) {
    case 'participant.import': {
      const added = num(d.added);
      const merged = num(d.merged);
      const skipped = num(d.skipped);
      let s = `Imported ${added === null ? 'participants' : plural(added, 'participant')}`;
      if (file) s += ` from ${file}`;
      const more = [
        merged ? `merged ${plural(merged, 'duplicate')}` : '',
        skipped ? `skipped ${plural(skipped, 'duplicate')}` : '',
      ].filter(Boolean);
      return more.length ? `${s} (${more.join(', ')})` : s;
    }
    case 'participant.reveal':
      return `Revealed the details of ${who ?? 'a protected participant'}`;
    case 'participant.protect':
      return `Protected ${who ?? 'a participant'}`;
    case 'participant.unprotect':
      return `Removed the protection of ${who ?? 'a participant'}`;
    case 'participant.actor_match_acknowledged':
      return `Saved ${who ?? 'a participant'} despite a disruptive-actor match`;
    case 'export': {
      const kind = d.kind === undefined ? 'a file' : lookup<ExportKind>(EXPORT_KIND_LABELS, d.kind);
      const audience =
        d.audience === undefined
          ? null
          : lookup<Audience>(AUDIENCE_LABELS, d.audience).toLowerCase();
      const format =
        d.format === undefined ? null : lookup<ExportFormat>(EXPORT_FORMAT_LABELS, d.format);
      return [
        `Exported ${kind === 'a file' ? kind : `the ${kind.toLowerCase()}`}`,
        audience ? ` for ${audience === 'public' ? 'the public' : audience}` : '',
        format ? ` as ${format}` : '',
        file ? ` (${file})` : '',
      ].join('');
    }
    case 'incident.create': {
      const targets = Array.isArray(d.targets) ? d.targets.length : num(d.targets);
      return targets
        ? `Logged an incident targeting ${plural(targets, 'participant')}`
        : 'Logged an incident';
    }
    default: {
      const label = auditActionLabel(e.action);
      return who ? `${label}: ${who}` : label;
    }
  }
}
