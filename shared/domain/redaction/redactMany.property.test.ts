// redactMany / redactUrls scan many texts joined by NUL in one pass: the results must be those of
// one call per text, whatever the texts hold (mentions, fragments of markup, escapes, NULs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adversarialPeople, mentionsOf, personMentionArbitrary } from './corpus';
import { buildRedactor } from './index';

const people = adversarialPeople();
const r = buildRedactor(people);
const urls = people.flatMap((p) =>
  mentionsOf(p)
    .filter((m) => m.kind === 'url')
    .map((m) => m.text),
);

// Pieces that sit at a text's edge and could interact with a neighbour if the join leaked:
// a title before a surname, an open entity or percent escape, a "+", combining marks, spaces.
const edge = fc.constantFrom(
  '',
  ' ',
  'Dr.',
  'Dr. ',
  '&',
  '&amp',
  '%C3',
  '+',
  '\u0301',
  '\u200b',
  '\u0000',
  ',',
  '-',
);
const text = fc.oneof(
  personMentionArbitrary().map((m) => m.text),
  fc.tuple(edge, personMentionArbitrary(), edge).map(([a, m, b]) => a + m.text + b),
  fc.string({ maxLength: 12 }),
  edge,
);

describe('batched redaction equals one call per text', () => {
  it('redactMany', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (texts) => {
        expect(r.redactMany(texts)).toEqual(texts.map((t) => r.redact(t)));
      }),
      { numRuns: 300 },
    );
  });

  it('redactUrls', () => {
    const url = fc.oneof(fc.constantFrom(...urls), fc.webUrl(), fc.string({ maxLength: 16 }));
    fc.assert(
      fc.property(fc.array(url, { maxLength: 8 }), (us) => {
        expect(r.redactUrls(us)).toEqual(us.map((u) => r.redactUrl(u)));
      }),
      { numRuns: 200 },
    );
  });

  it('a surname at the start of one text is not titled by a title ending the previous one', () => {
    const surname = people[0].fullName.split(' ').at(-1) ?? '';
    const texts = ['Dr.', `${surname} said`];
    expect(r.redactMany(texts)).toEqual(texts.map((t) => r.redact(t)));
  });
});
