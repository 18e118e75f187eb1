import { describe, expect, it } from 'vitest';
import { auditLink } from './auditLink';

const entry = (action: string, subjectType: string | null, subjectId: string | null = 'X1') => ({
  action,
  subjectType,
  subjectId,
});

describe('audit entries link to the item they concern', () => {
  it('opens a participant, an incident, a call, a series and a report by their deep links', () => {
    expect(auditLink(entry('participant.protect', 'participant'))).toEqual({
      to: '/participants/X1',
      label: 'Open the participant',
    });
    expect(auditLink(entry('incident.create', 'incident'))?.to).toBe('/safeguards/incidents/X1');
    expect(auditLink(entry('call.move', 'call'))?.to).toBe('/calls/call/X1');
    expect(auditLink(entry('callSeries.update', 'callSeries'))?.to).toBe('/calls/series/X1');
    expect(auditLink(entry('report.create', 'report'))?.to).toBe('/report/X1');
    expect(auditLink(entry('session.update', 'session'))?.to).toBe('/nris/sessions/X1');
    expect(auditLink(entry('forum.archive', 'forum'))?.to).toBe('/overview');
  });

  it('has no link for a deleted item, an entry without a subject, or an unknown kind', () => {
    expect(auditLink(entry('callSeries.remove', 'callSeries'))).toBeNull();
    expect(auditLink(entry('forum.delete', 'forum'))).toBeNull();
    expect(auditLink(entry('export', null, null))).toBeNull();
    expect(auditLink(entry('something', 'mystery'))).toBeNull();
  });
});
