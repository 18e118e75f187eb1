/* Where an audit entry's item lives in the app: a deep link through the router's area paths. */
import { areaPath } from '../../app/routes';

export interface AuditLink {
  to: string;
  /** What the link opens, said in words ("Open the participant"). */
  label: string;
}

/** The deep link to the item an entry concerns, or null when it has none (or was deleted). */
export function auditLink(e: {
  action: string;
  subjectType: string | null;
  subjectId: string | null;
}): AuditLink | null {
  const id = e.subjectId;
  if (!id || !e.subjectType) return null;
  // A deleted item has nothing left to open.
  if (/\.(remove|delete)$/.test(e.action)) return null;
  switch (e.subjectType) {
    case 'participant':
      return { to: areaPath('participants', { participantId: id }), label: 'Open the participant' };
    case 'incident':
      return {
        to: areaPath('safeguards', { tab: 'incidents', incidentId: id }),
        label: 'Open the incident',
      };
    case 'actor':
      return { to: areaPath('safeguards', { tab: 'actors' }), label: 'Open the actors' };
    case 'call':
      return { to: areaPath('calls', { view: 'call', id }), label: 'Open the call' };
    case 'callSeries':
      return { to: areaPath('calls', { view: 'series', id }), label: 'Open the call series' };
    case 'contribution':
      return {
        to: areaPath('contributions', { contributionId: id }),
        label: 'Open the contribution',
      };
    case 'session':
      return {
        to: areaPath('nris', { tab: 'sessions', sessionId: id }),
        label: 'Open the session',
      };
    case 'nri':
      return { to: areaPath('nris', { tab: 'directory' }), label: 'Open the NRI directory' };
    case 'report':
      return { to: areaPath('report', { reportId: id }), label: 'Open the report' };
    case 'theme':
      return { to: areaPath('contributions'), label: 'Open the contributions' };
    case 'forum':
      return { to: areaPath('overview'), label: 'Open the forum' };
    default:
      return null;
  }
}
