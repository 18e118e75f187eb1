import { describe, expect, it } from 'vitest';
import { similarity, trigrams, words } from './similarity';
import { ftsAnyQuery, ftsQuery, highlightSegments, HIT_END, HIT_START } from './search';

describe('duplicate flagging', () => {
  it('flags near-identical titles, ignoring case, accents and punctuation', () => {
    const s = similarity(
      { title: 'Community networks in São Paulo', text: '' },
      { title: 'community networks in Sao Paulo!', text: '' },
    );
    expect(s.duplicate).toBe(true);
    expect(s.reason).toBe('title');
  });

  it('flags the same text under a different title', () => {
    const text =
      'Women-led community networks train local technicians and keep the network running with a cooperative model';
    const s = similarity(
      { title: 'Rural connectivity', text },
      { title: 'A cooperative for internet access', text: `${text}.` },
    );
    expect(s.reason).toBe('text');
  });

  it('does not flag unrelated contributions', () => {
    const s = similarity(
      {
        title: 'Digital literacy for older women',
        text: 'Workshops in public libraries teach safe browsing and online banking skills to seniors',
      },
      {
        title: 'Online harassment helpline',
        text: 'A helpline answers calls from journalists targeted online and escalates threats to platforms',
      },
    );
    expect(s.duplicate).toBe(false);
  });

  it('normalises words and trigrams', () => {
    expect(words("São-Paulo's NETWORKS")).toEqual(['sao', 'paulo', 's', 'networks']);
    expect(trigrams('ab').has(' ab')).toBe(true);
  });
});

describe('search queries', () => {
  it('quotes every word and makes the last a prefix', () => {
    expect(ftsQuery('community  net')).toBe('"community" "net"*');
    expect(ftsQuery('"OR" NOT (x)')).toBe('"OR" "NOT" "x"*');
    expect(ftsQuery('  ')).toBeNull();
    expect(ftsAnyQuery('a big network')).toBe('"big" OR "network"');
  });

  it('splits marked snippets into highlighted segments', () => {
    expect(highlightSegments(`the ${HIT_START}mesh${HIT_END} network`)).toEqual([
      { text: 'the ', hit: false },
      { text: 'mesh', hit: true },
      { text: ' network', hit: false },
    ]);
  });
});
