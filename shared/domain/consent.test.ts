import { describe, expect, it } from 'vitest';
import { ANONYMOUS_CREDIT, contributionUse, creditFor, effectiveAttribution } from './consent';

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
    expect(creditFor('anonymous', ana).text).toBe(ANONYMOUS_CREDIT);
  });

  it('credits by name, organisation only or anonymously as recorded', () => {
    expect(creditFor('named', ana)).toEqual({ kind: 'named', text: 'Ana Lima (Conecta)' });
    expect(creditFor('organisation', ana)).toEqual({ kind: 'organisation', text: 'Conecta' });
    expect(creditFor('organisation', { ...ana, organisation: '' }).kind).toBe('anonymous');
    expect(creditFor('named', null).kind).toBe('anonymous');
  });

  it('never names a protected contributor, whatever the recorded choice', () => {
    expect(creditFor('named', hidden)).toEqual({ kind: 'pseudonym', text: 'Participant K7' });
    expect(creditFor('organisation', hidden)).toEqual({
      kind: 'pseudonym',
      text: 'Participant K7',
    });
    expect(creditFor('anonymous', hidden).kind).toBe('anonymous');
    expect(creditFor('named', { ...hidden, pseudonym: null }).kind).toBe('anonymous');
  });
});
