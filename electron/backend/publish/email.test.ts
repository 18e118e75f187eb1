// Invitation drafts' Subject: folded per RFC 2047 (encoded-words of at most 75 characters, lines of
// at most 76) and read back by Python's email package, an independent parser.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEmailDraft, encodeHeader } from './email';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const hasPython = spawnSync(PYTHON, ['-c', 'import email'], { encoding: 'utf8' }).status === 0;

/** Subjects of whole .eml drafts as Python's email package decodes them. */
function pythonSubjects(emls: string[]): string[] {
  const script = [
    'import sys, json, email, email.policy',
    'out = []',
    'for raw in json.load(sys.stdin):',
    '    m = email.message_from_string(raw, policy=email.policy.default)',
    '    out.append(str(m["subject"]))',
    'json.dump(out, sys.stdout)',
  ].join('\n');
  const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(emls), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[];
}

const draft = (subject: string) =>
  buildEmailDraft({
    subject,
    text: 'Hello',
    bcc: ['a@example.org'],
    attachment: { filename: 'invitation.ics', content: 'BEGIN:VCALENDAR\r\n', method: 'PUBLISH' },
    date: Date.UTC(2027, 2, 28, 12),
    messageId: 'm1',
  });

function subjectLines(eml: string): string[] {
  const lines = eml.split('\r\n');
  const i = lines.findIndex((l) => l.startsWith('Subject: '));
  const out = [lines[i]];
  for (let j = i + 1; lines[j].startsWith(' '); j++) out.push(lines[j]);
  return out;
}

function expectRfc2047(eml: string) {
  for (const line of subjectLines(eml)) {
    expect(line.length, line).toBeLessThanOrEqual(76);
    for (const w of line.match(/=\?[^?]+\?[BbQq]\?[^?]*\?=/g) ?? [])
      expect(w.length, w).toBeLessThanOrEqual(75);
  }
}

const SUBJECTS = [
  'Invitation: Best Practice Forum on Gender and Digital Rights – fortnightly call',
  'Invitation: Llamada sobre género y acceso — 性别与接入 — Convocação 👩🏽‍💻 et réunion',
  'Invitation: short',
  `Invitation: ${'x'.repeat(200)}`,
  'Invitation: =?UTF-8?B?not-an-encoded-word?= and a line\r\nBcc: injected@example.org',
];

describe('invitation Subject', () => {
  it('keeps every line within 76 characters and every encoded-word within 75', () => {
    for (const s of SUBJECTS) expectRfc2047(draft(s));
    // The 81-character first line testers found: now split.
    expect(subjectLines(draft(SUBJECTS[1]))[0].length).toBeLessThanOrEqual(76);
  });

  it('is read back unchanged by Python email', () => {
    if (!hasPython) return expect(hasPython).toBe(false); // python3 absent: only the local checks ran
    const want = SUBJECTS.map((s) => s.replace(/[\r\n]+/g, ' '));
    expect(pythonSubjects(SUBJECTS.map(draft))).toEqual(want);
  });

  it('round-trips adversarial subjects (astral, combining, long ASCII) through Python', () => {
    const subjects = fc.sample(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.string({
          unit: fc.constantFrom('a', ' ', 'é', '性', '👩🏽‍💻', '\u0301', '?', '='),
          maxLength: 150,
        }),
      ),
      { numRuns: 300, seed: 2047 },
    );
    // Lone surrogates cannot be UTF-8; control characters other than line ends are not text.
    const clean = subjects
      .map((s) =>
        s
          .replace(/[\uD800-\uDFFF]/g, '')
          .replace(/\p{Cc}/gu, ' ')
          .trim(),
      )
      .filter((s) => s.length > 0);
    for (const s of clean) expectRfc2047(draft(s));
    if (!hasPython) return; // python3 absent: the line and word lengths were still checked above
    const got = pythonSubjects(clean.map(draft));
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(got.map(norm)).toEqual(clean.map(norm));
  });

  it('leaves a short ASCII subject as it is', () => {
    expect(encodeHeader('Invitation: short')).toBe('Invitation: short');
  });
});
