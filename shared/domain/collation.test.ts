// Sort keys in Intl.Collator's order (issue 12: "Names sort with Intl.Collator"): compared as
// bytes, two keys order their texts as the collator (root locale, base strength, numeric) does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortKey } from './collation';

const collator = new Intl.Collator('und', { sensitivity: 'base', numeric: true });
const byKey = (a: string, b: string) => {
  const x = sortKey(a);
  const y = sortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
/** UTF-8 byte order, which is SQLite's BINARY comparison of TEXT. */
const bytes = (s: string) => Buffer.from(s, 'utf8');

/** What people write names in, and what an adversary puts in them. */
const LETTERS = [
  ...'aAbBeEoOszZ øØłŁđĐðÐþÞßẞæÆǽœŒıİşŞñÑçÇåÅéÉèëźż',
  ...'ёЁеЕжЖяЯіІйЙи', // Cyrillic
  ...'αΑωΩσςΣ', // Greek
  ...'محمدأإآةى', // Arabic
  ...'שאבת', // Hebrew
  ...'कखगािं', // Devanagari with vowel signs
  ...'กขเแไำ่ั', // Thai, prevowels and tone marks
  ...'김박가ㄱㅏ', // Hangul syllables and jamo
  ...'やヤまマー山田李娜', // kana and Han
  ...'ⅡⅻﬁＡａ０１٣۳½', // compatibility forms and other digits
  ...'0123456789',
  ..." -'.,_*`#[]()<>!|~", // Markdown and punctuation
  '😀',
  '𝐀',
  '𐐀',
  '𠀀', // an extension B ideograph
  '\u0301', // a combining acute accent (on its own, or composing with the letter before)
  '\u0306', // a combining breve: и + breve is й
  '\u0653', // Arabic madda above: ا + madda is آ
  '\u200b', // zero-width space
];
const text = fc.array(fc.constantFrom(...LETTERS), { maxLength: 8 }).map((chars) => chars.join(''));

describe('sortKey', () => {
  it('orders any two texts as Intl.Collator does, compared as UTF-8 bytes', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const expected = Math.sign(collator.compare(a, b));
        expect(byKey(a, b), JSON.stringify([a, b])).toBe(expected);
        expect(Math.sign(Buffer.compare(bytes(sortKey(a)), bytes(sortKey(b))))).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
  });

  it('sorts names of many scripts as a reader expects, not in code-point order', () => {
    const names = [
      'Zoë Zhang',
      '李娜',
      'Øyvind Berg',
      'Ёлка Иванова',
      'Oscar Lind',
      'محمد علي',
      'Елена Петрова',
      'Łukasz Nowak',
      '김민수',
      'Lucas Moore',
      'Pia Paz',
      'Straße',
      'Strauss',
      'Call 10',
      'Call 2',
    ];
    expect([...names].sort(byKey)).toEqual([
      'Call 2',
      'Call 10',
      'Lucas Moore',
      'Łukasz Nowak',
      'Oscar Lind',
      'Øyvind Berg',
      'Pia Paz',
      'Straße',
      'Strauss',
      'Zoë Zhang',
      'Елена Петрова',
      'Ёлка Иванова',
      'محمد علي',
      '김민수',
      '李娜',
    ]);
  });

  it('gives accents and case no weight, and ignores what the collator ignores', () => {
    expect(sortKey('José Núñez')).toBe(sortKey('JOSE NUNEZ'));
    expect(sortKey('Ana\u200bLima')).toBe(sortKey('AnaLima'));
    expect(sortKey('007')).toBe(sortKey('7'));
    expect(sortKey('Ana')).not.toBe(sortKey('Anna'));
  });
});
