import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRedactor } from '../../../shared/domain/redaction';
import { bodyToMarkdown, parseBody, type PublicationDocument } from './document';
import { redactDocument, redactMarkdown } from './redactTree';
import { adversarialPeople, containsIdentifier, mentionsOf } from './testCorpus';
import { RedactionTally } from './policy';

const people = adversarialPeople();
const redactor = buildRedactor(people);

describe('redactMarkdown', () => {
  for (const p of people)
    for (const m of mentionsOf(p))
      it(`redacts ${JSON.stringify(m)}`, () => {
        const out = redactMarkdown(`Minutes: ${m} spoke.`, redactor);
        expect(out.count).toBeGreaterThan(0);
        expect(containsIdentifier(out.text, p), out.text).toBe(false);
        // Whatever a Markdown reader makes of the output, no identifier comes back.
        expect(containsIdentifier(JSON.stringify(parseBody(out.text)), p), out.text).toBe(false);
      });

  it('puts the pseudonym where the name was and drops emptied marks', () => {
    const out = redactMarkdown('Thanks to **Amira** Haddad and _x_.', redactor).text;
    expect(out.trim()).toBe('Thanks to **Participant Q1** and _x_.');
  });

  it('keeps marks the span only starts in', () => {
    const out = redactMarkdown('**Thanks Amira** Haddad', redactor).text;
    expect(out.trim()).toBe('**Thanks Participant Q1**');
  });

  it('returns text without matches as written', () => {
    const md = '* one\n* two   \n\n<b>raw</b>';
    expect(redactMarkdown(md, redactor)).toEqual({ text: md, count: 0 });
  });

  it('escapes raw HTML and a leading @ once it rewrites', () => {
    const out = redactMarkdown('@cite Amira Haddad <script>alert(1)</script>', redactor).text;
    // Escaped: a Markdown reader sees text, no HTML node.
    expect(JSON.stringify(parseBody(out))).not.toContain('"type":"html"');
    expect(out).toMatch(/^\\@cite/);
  });

  it('redacts link titles, image alt and src, footnotes and table cells', () => {
    const md = [
      `See [here](https://example.org "by Amira Haddad") and ![Amira Haddad](https://img.example/${people[0].handle}.png).`,
      '',
      '| who | what |',
      '| --- | --- |',
      '| **José** Muñoz | talk |',
      '',
      'A note.[^1]',
      '',
      '[^1]: Said by Kwame *Mensah*.',
    ].join('\n');
    const out = redactMarkdown(md, redactor).text;
    for (const p of [people[0], people[1], people[3]])
      expect(containsIdentifier(out, p), out).toBe(false);
    expect(out).toContain('Participant Q2');
  });
});

describe('redactDocument', () => {
  const doc = (): PublicationDocument => ({
    meta: {
      title: 'Notes on José Muñoz',
      filename: 'notes-on-jose-munoz-public.md',
      subject: 'With Kwame Mensah',
      properties: { author: 'Thảo Nguyễn' },
    },
    body: parseBody('**Amira** Haddad'),
  });

  it('redacts meta, file name and body, leaving the input as it was', () => {
    const before = doc();
    const tally = new RedactionTally();
    const out = redactDocument(before, redactor, 'public', tally);
    expect(out.meta.title).toBe('Notes on Participant Q2');
    expect(out.meta.filename).toBe('notes-on-participant-q2-public.md');
    expect(out.meta.subject).toBe('With Participant Q4');
    expect(out.meta.properties.author).toBe('Participant Q5');
    expect(bodyToMarkdown(out.body).trim()).toBe('**Participant Q1**');
    expect(tally.count).toBe(5);
    expect(before.meta.title).toBe('Notes on José Muñoz');
  });

  it('leaves the coordinators their document', () => {
    const d = doc();
    expect(redactDocument(d, redactor, 'coordinators')).toBe(d);
  });
});

describe('property: no mention survives, whatever surrounds it', () => {
  const filler = fc.constantFrom(
    '',
    ' ',
    '**x** ',
    'see ',
    '\n\n',
    '> ',
    '- ',
    '1. ',
    '| a |\n|---|\n| ',
  );
  it('holds for mixtures of every mention form', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(filler, fc.integer({ min: 0, max: people.length - 1 }), fc.nat(), filler),
          { minLength: 1, maxLength: 6 },
        ),
        (parts) => {
          const used = new Set<number>();
          const md = parts
            .map(([a, pi, mi, b]) => {
              used.add(pi);
              const ms = mentionsOf(people[pi]);
              return `${a}${ms[mi % ms.length]} ${b}`;
            })
            .join(' ');
          const out = redactMarkdown(md, redactor).text;
          for (const pi of used)
            expect(containsIdentifier(out, people[pi]), `${md}\n=>\n${out}`).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
