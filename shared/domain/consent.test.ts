import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contributionUse, effectiveAttribution } from './consent';
import { ANONYMOUS_CREDIT, creditLine, creditOfContributor as creditOf } from './credit';

const ana = { name: 'Ana Lima', organisation: 'Conecta', isProtected: false, pseudonym: null };
const hidden = {
  name: 'Ana Lima',
  organisation: 'Conecta',
  isProtected: true,
  pseudonym: 'Participant K7',
};

describe('consent rules', () => {
  it('excludes a contribution whose publication was withdrawn from every audience', () => {
    for (const audience of ['public', 'participants', 'coordinators'] as const)
      expect(
        contributionUse(
          { attribution: 'named', mayPublish: true, withdrawn: 'publication' },
          audience,
        ),
      ).toEqual({ included: false, reason: 'publication_withdrawn' });
  });

  it('keeps unpublishable contributions to coordinators', () => {
    const c = { attribution: 'named' as const, mayPublish: false, withdrawn: null };
    expect(contributionUse(c, 'public').included).toBe(false);
    expect(contributionUse(c, 'participants').included).toBe(false);
    expect(contributionUse(c, 'coordinators')).toEqual({ included: true, attribution: 'named' });
  });

  it('credits anonymously once attribution is withdrawn', () => {
    const c = {
      attribution: 'named' as const,
      mayPublish: true,
      withdrawn: 'attribution' as const,
    };
    expect(effectiveAttribution(c)).toBe('anonymous');
    expect(contributionUse(c, 'public')).toEqual({ included: true, attribution: 'anonymous' });
    expect(creditOf('anonymous', ana, 'public').text).toBe(ANONYMOUS_CREDIT);
  });

  it('credits by name, organisation only or anonymously as recorded', () => {
    expect(creditOf('named', ana, 'public')).toEqual({ kind: 'named', text: 'Ana Lima (Conecta)' });
    expect(creditOf('organisation', ana, 'public')).toEqual({
      kind: 'organisation',
      text: 'Conecta',
    });
    expect(creditOf('organisation', { ...ana, organisation: '' }, 'public').kind).toBe('anonymous');
    expect(creditOf('named', null, 'public').kind).toBe('anonymous');
  });

  it('never names a protected contributor, whatever the recorded choice', () => {
    expect(creditOf('named', hidden, 'public')).toEqual({
      kind: 'pseudonym',
      text: 'Participant K7',
    });
    expect(creditOf('organisation', hidden, 'public')).toEqual({
      kind: 'pseudonym',
      text: 'Participant K7',
    });
    expect(creditOf('anonymous', hidden, 'public').kind).toBe('anonymous');
    expect(creditOf('named', { ...hidden, pseudonym: null }, 'public').kind).toBe('anonymous');
  });
});

describe('creditLine (property)', () => {
  it('never attaches an organisation or name to a protected person, for any audience', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.option(fc.string()),
        fc.constantFrom('named' as const, 'organisation' as const, 'anonymous' as const),
        fc.option(fc.string({ minLength: 1 })),
        fc.constantFrom('public' as const, 'participants' as const, 'coordinators' as const),
        (name, organisation, attribution, pseudonym, audience) => {
          const c = creditLine({
            contributor: { name, organisation },
            attribution,
            protection: { isProtected: true, pseudonym },
            audience,
          });
          expect(c.kind === 'pseudonym' || c.kind === 'anonymous').toBe(true);
          if (c.kind === 'pseudonym') expect(c.text).toBe(pseudonym);
        },
      ),
    );
  });
});
