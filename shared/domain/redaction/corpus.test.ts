// The adversarial corpus against the redactor: every plain-text and URL form of every corpus
// person is redacted, namesakes are not, and the corpus helpers themselves can fail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adversarialMentions,
  adversarialPeople,
  containsIdentifier,
  measureOverRedaction,
  mentionsOf,
  namesakeMentions,
  personMentionArbitrary,
} from './corpus';
import { buildRedactor } from './index';

const people = adversarialPeople();
const r = buildRedactor(people);

describe('corpus helpers', () => {
  it('containsIdentifier finds every text and url form before redaction', () => {
    for (const p of people) {
      for (const m of mentionsOf(p).filter((x) => x.kind !== 'markdown')) {
        // titles and initials have no full-name needle; the proclitic is attached to the word
        if (
          m.form.startsWith('title-') ||
          m.form === 'initial-family' ||
          m.form === 'arabic-with-proclitic'
        )
          continue;
        expect(containsIdentifier(m.text, p), `${p.fullName} ${m.form}: ${m.text}`).toBe(true);
      }
    }
  });
  it('containsIdentifier does not flag namesakes or pseudonyms', () => {
    for (const p of people) {
      for (const t of namesakeMentions(p)) expect(containsIdentifier(t, p), t).toBe(false);
      expect(containsIdentifier(`${p.pseudonym} spoke`, p)).toBe(false);
    }
  });
  it('adversarialMentions is deterministic and covers every form', () => {
    const p = people[0];
    expect(adversarialMentions(p, 7)).toEqual(adversarialMentions(p, 7));
    expect(adversarialMentions(p, 7)).not.toEqual(adversarialMentions(p, 8));
    expect(adversarialMentions(p, 7).length).toBeGreaterThanOrEqual(
      mentionsOf(p).filter((m) => m.kind !== 'markdown').length,
    );
  });
});

describe('redact() on the corpus', () => {
  for (const p of people) {
    it(`every text/url form of ${p.fullName}`, () => {
      for (const m of mentionsOf(p).filter((x) => x.kind !== 'markdown')) {
        const out = r.redact(m.text);
        expect(containsIdentifier(out.text, p), `${m.form}: ${m.text} → ${out.text}`).toBe(false);
        expect(out.pseudonyms, `${m.form}: ${m.text}`).toContain(p.pseudonym);
      }
    });
    it(`every url form of ${p.fullName} through redactUrl`, () => {
      for (const m of mentionsOf(p).filter((x) => x.kind === 'url')) {
        const out = r.redactUrl(m.text);
        expect(containsIdentifier(out.text, p), `${m.form}: ${m.text} → ${out.text}`).toBe(false);
        expect(out.text).not.toMatch(/\s/u);
      }
    });
    it(`adversarialMentions(${p.fullName}, seed) are all redacted`, () => {
      for (const t of adversarialMentions(p, 42)) {
        expect(containsIdentifier(r.redact(t).text, p), t).toBe(false);
      }
    });
  }
});

describe('over-redaction', () => {
  it('0 namesake mentions changed', () => {
    const m = measureOverRedaction((t) => r.redact(t).text);
    expect(m.total).toBeGreaterThan(20);
    expect(m.examples).toEqual([]);
    expect(m.changed).toBe(0);
  });
});

describe('properties', () => {
  it('any corpus mention in any context, with invisible characters sprinkled in, is redacted', () => {
    const invisible = fc.constantFrom(
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\ufeff',
      '\u00ad',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    );
    fc.assert(
      fc.property(
        personMentionArbitrary(),
        fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 6 }),
        fc.string({ maxLength: 12 }).filter((s) => !/[\p{L}\p{N}&%]/u.test(s)),
        ({ person, text }, inserts, pad) => {
          let t = text;
          for (const [at, ch] of inserts) {
            const k = at % (t.length + 1);
            // only between two letters, so the name stays a name
            if (/\p{L}/u.test(t[k - 1] ?? '') && /\p{L}/u.test(t[k] ?? '')) {
              t = t.slice(0, k) + ch + t.slice(k);
            }
          }
          const out = r.redact(pad + t + pad).text;
          return !containsIdentifier(out, person);
        },
      ),
      { numRuns: 300, seed: 1010 },
    );
  });
  it('redactUrl never leaves whitespace and keeps identifier-free URLs byte for byte', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (u) => {
        const out = r.redactUrl(u);
        return out.count > 0 ? !/\s/u.test(out.text) : out.text === u;
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
