import { describe, expect, it } from 'vitest';
import { auditSentence } from './audit';

const entry = (action: string, detail: Record<string, unknown> = {}, subjectLabel?: string) => ({
  action,
  subjectType: subjectLabel === undefined ? null : 'participant',
  subjectLabel,
  detail,
});

describe('audit entries as plain sentences', () => {
  it('says how many participants an import added, from which file, and what it merged', () => {
    expect(
      auditSentence(entry('participant.import', { added: 240, fileName: 'registrations.csv' })),
    ).toBe('Imported 240 participants from registrations.csv');
    expect(auditSentence(entry('participant.import', { added: 1, merged: 2, skipped: 0 }))).toBe(
      'Imported 1 participant (merged 2 duplicates)',
    );
  });

  it('names the participant a reveal, protection or unprotection concerns', () => {
    expect(auditSentence(entry('participant.reveal', {}, 'Participant K'))).toBe(
      'Revealed the details of Participant K',
    );
    expect(auditSentence(entry('participant.protect', { reason: 'x' }, 'Participant K'))).toBe(
      'Protected Participant K',
    );
    expect(auditSentence(entry('participant.unprotect', {}, 'Ana Diaz'))).toBe(
      'Removed the protection of Ana Diaz',
    );
    // No label known (an old entry, a removed participant): still a sentence, never an id.
    expect(auditSentence({ ...entry('participant.reveal'), subjectType: 'participant' })).toBe(
      'Revealed the details of a participant',
    );
  });

  it('says what was exported, for whom and in which format', () => {
    expect(
      auditSentence(entry('export', { kind: 'report', audience: 'public', format: 'html' })),
    ).toBe('Exported the outcome report for the public as HTML');
    expect(
      auditSentence(
        entry('export', { kind: 'participant-directory', audience: 'participants', format: 'csv' }),
      ),
    ).toBe('Exported the participant directory for participants as CSV');
  });

  it('falls back to the action label, with the subject when there is one', () => {
    expect(auditSentence(entry('theme.remove'))).toBe('Removed a theme');
    expect(auditSentence(entry('something.new', {}, 'Ana Diaz'))).toBe('something.new: Ana Diaz');
  });
});
