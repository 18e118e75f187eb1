import { describe, expect, it } from 'vitest';
import { auditActionLabel, describeAuditDetail } from './audit';
import { fromLocalInput, splitIdentifiers, toLocalInput } from './format';

describe('audit entries read as plain language', () => {
  it('labels the known actions and keeps unknown ones as they are', () => {
    expect(auditActionLabel('participant.protect')).toBe('Protected a participant');
    expect(auditActionLabel('participant.unprotect')).toBe('Removed protection');
    expect(auditActionLabel('participant.reveal')).toBe("Viewed a protected participant's details");
    expect(auditActionLabel('participant.actor_match_acknowledged')).toBe(
      'Saved despite a disruptive-actor match',
    );
    expect(auditActionLabel('export')).toBe('Export');
    expect(auditActionLabel('something.new')).toBe('something.new');
  });

  it('describes an export with its audience, format and counts', () => {
    expect(
      describeAuditDetail({
        kind: 'incident-report',
        format: 'md',
        audience: 'public',
        filename: 'report.md',
        items: 3,
        redactions: 7,
        pseudonyms: 2,
        bytes: 2048,
      }),
    ).toEqual([
      'Kind: Incident report',
      'Audience: Public',
      'Format: Markdown',
      'Entries: 3',
      'Redactions: 7',
      'Pseudonyms: 2',
      'File: report.md',
      'Size: 2.0 kB',
    ]);
  });

  it('describes protection, matches and unknown keys', () => {
    expect(
      describeAuditDetail({
        reason: 'Targeted',
        pseudonym: 'Participant K7',
        alreadyProtected: false,
      }),
    ).toEqual(['Reason: Targeted', 'Pseudonym: Participant K7']);
    expect(
      describeAuditDetail({ actorIds: ['a', 'b'], fields: ['email', 'handles', 'email'] }),
    ).toEqual(['Actors matched: 2', 'Matched on: e-mail, handles']);
    expect(describeAuditDetail({ severity: 'critical', status: 'open', targets: 4 })).toEqual([
      'Severity: Critical',
      'Status: Open',
      'Participants targeted: 4',
    ]);
    expect(describeAuditDetail({ extra: { a: 1 }, empty: null })).toEqual(['extra: {"a":1}']);
  });
});

describe('form helpers', () => {
  it('round-trips a datetime-local value in the local zone', () => {
    const ms = fromLocalInput('2026-03-10T14:30');
    expect(ms).toBe(new Date(2026, 2, 10, 14, 30).getTime());
    expect(toLocalInput(ms!)).toBe('2026-03-10T14:30');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a date')).toBeNull();
  });

  it('splits identifiers on commas and new lines', () => {
    expect(splitIdentifiers(' a@x.org, b@x.org\n\n@handle ,a@x.org')).toEqual([
      'a@x.org',
      'b@x.org',
      '@handle',
    ]);
  });
});
