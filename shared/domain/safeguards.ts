/** Vocabulary of incidents and the response to them (DOMAIN.md: the 2015 BPF Gender campaign). */

export const INCIDENT_CHANNELS = [
  'call',
  'mailing_list',
  'social_media',
  'onsite',
  'review_platform',
  'other',
] as const;
export type IncidentChannel = (typeof INCIDENT_CHANNELS)[number];
export const INCIDENT_CHANNEL_LABELS: Record<IncidentChannel, string> = {
  call: 'Virtual call',
  mailing_list: 'Mailing list',
  social_media: 'Social media',
  onsite: 'Onsite',
  review_platform: 'Review platform',
  other: 'Other',
};

export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const INCIDENT_SEVERITY_LABELS: Record<IncidentSeverity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const INCIDENT_STATUSES = ['open', 'monitoring', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  open: 'Open',
  monitoring: 'Monitoring',
  closed: 'Closed',
};

export const INCIDENT_ACTIONS = [
  'warned',
  'muted',
  'removed_from_call',
  'excluded_from_forum',
  'reported_to_secretariat',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];
export const INCIDENT_ACTION_LABELS: Record<IncidentAction, string> = {
  warned: 'Warned',
  muted: 'Muted',
  removed_from_call: 'Removed from a call',
  excluded_from_forum: 'Excluded from the forum',
  reported_to_secretariat: 'Reported to the IGF Secretariat',
};

export const EXPORT_FORMATS = ['csv', 'md', 'html', 'ics', 'eml', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_KINDS = [
  'participant-directory',
  'incident-report',
  /** A call series as one .ics (subjectId: the series). */
  'series-calendar',
  /** One call as .ics (subjectId: the call). */
  'call-calendar',
  /** One onsite session at an NRI event as .ics (subjectId: the session). */
  'session-calendar',
  /** An e-mail draft (.eml) inviting members to a series or a call (subjectId: either). */
  'invitation-email',
  /** A call's minutes for an audience, .md or .html (subjectId: the call). */
  'call-minutes',
  /** An e-mail draft (.eml) sending a call's minutes to the members (subjectId: the call). */
  'minutes-email',
  /** Accepted contributions by region, theme, kind and group; small cells suppressed. */
  'contribution-coverage',
  /** The accepted contributions an audience may see, credited as consent allows. */
  'contributions',
  /** Who took part per phase and against the stakeholder map; small cells suppressed. */
  'representation',
  /** The outcome report (subjectId: the report = current text, or one of its saved versions). */
  'report',
  /** A comment round's document with numbered paragraphs (subjectId: the round). */
  'report-round',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
