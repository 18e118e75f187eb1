import { describe, expect, it } from 'vitest';
import {
  PSEUDONYM_ALPHABET,
  assignPseudonym,
  isPseudonym,
  pseudonymCode,
  pseudonymFor,
} from './pseudonym';

const ids = Array.from({ length: 200 }, (_, i) => `01J${String(i).padStart(6, '0')}PARTICIPANT`);

describe('pseudonymFor', () => {
  it('is stable: same inputs give the same output', () => {
    const a = pseudonymFor('forum-secret-A', 'p-1');
    expect(a).toBe(pseudonymFor('forum-secret-A', 'p-1'));
    expect(a).toMatch(/^Participant [A-Z][A-Z2-9]$/);
    expect(isPseudonym(a)).toBe(true);
  });

  it('uses only unambiguous symbols, the first being a letter', () => {
    expect(PSEUDONYM_ALPHABET).not.toMatch(/[01IO]/);
    for (const id of ids) {
      const code = pseudonymCode('s', id, 6);
      expect(code).toMatch(/^[A-HJ-NP-Z][A-HJ-NP-Z2-9]{5}$/);
    }
  });

  it('longer codes extend shorter ones', () => {
    for (const id of ids.slice(0, 20)) {
      const long = pseudonymCode('secret', id, 40);
      for (let n = 1; n < 40; n++)
        expect(long.startsWith(pseudonymCode('secret', id, n))).toBe(true);
    }
  });

  it('depends on the participant (codes spread over the space)', () => {
    const codes = new Set(ids.map((id) => pseudonymCode('secret', id, 4)));
    expect(codes.size).toBeGreaterThan(195);
  });

  it('is unlinkable across forums: under 5% equal for 200 ids', () => {
    let equal = 0;
    for (const id of ids) {
      if (pseudonymFor('forum-A-secret', id) === pseudonymFor('forum-B-secret', id)) equal++;
    }
    expect(equal / ids.length).toBeLessThan(0.05);
  });

  it('rejects bad lengths and an empty secret', () => {
    expect(() => pseudonymFor('s', 'p', 0)).toThrow(RangeError);
    expect(() => pseudonymFor('s', 'p', 1.5)).toThrow(RangeError);
    expect(() => pseudonymFor('', 'p')).toThrow(RangeError);
  });
});

describe('assignPseudonym', () => {
  it('gives the length-2 pseudonym when it is free', () => {
    expect(assignPseudonym('s', 'p-1', new Set())).toBe(pseudonymFor('s', 'p-1', 2));
  });

  it('grows the code until it is not taken', () => {
    const two = pseudonymFor('s', 'p-1', 2);
    const three = pseudonymFor('s', 'p-1', 3);
    expect(assignPseudonym('s', 'p-1', new Set([two]))).toBe(three);
    expect(assignPseudonym('s', 'p-1', new Set([two, three]))).toBe(pseudonymFor('s', 'p-1', 4));
  });

  it('gives 2000 participants of one forum distinct pseudonyms, deterministically', () => {
    const assign = (): string[] => {
      const taken = new Set<string>();
      const out: string[] = [];
      for (let i = 0; i < 2000; i++) {
        const p = assignPseudonym('forum-secret', `participant-${i}`, taken);
        taken.add(p);
        out.push(p);
      }
      return out;
    };
    const first = assign();
    expect(new Set(first).size).toBe(2000);
    // 768 two-symbol codes cannot hold 2000 people: collisions happened and were resolved.
    expect(first.some((p) => p.length > 'Participant XX'.length)).toBe(true);
    expect(assign()).toEqual(first);
  });
});

describe('known vectors (computed with the hand-written SHA-256 before the switch to @noble/hashes)', () => {
  it.each([
    ['forum-secret-A', 'p-1', 'Participant JD', 'JDQJMPKPDJUG', 'Participant JDQ'],
    ['s', '01J000000PARTICIPANT', 'Participant YE', 'YEAQPK9TEHL9', 'Participant YEA'],
    ['clé forum ✓', '参加者-42', 'Participant GE', 'GEJPTWB93XPY', 'Participant GEJ'],
    ['x', '', 'Participant JZ', 'JZ49TWC8LZ2Q', 'Participant JZ4'],
  ])('secret %j, id %j', (secret, id, two, code12, next) => {
    expect(pseudonymFor(secret, id)).toBe(two);
    expect(pseudonymCode(secret, id, 12)).toBe(code12);
    expect(assignPseudonym(secret, id, new Set([two]))).toBe(next);
  });
});
