import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { participantInput } from '../schemas/participants';
import { hasVisibleCharacter, stripBidiControls } from './names';

/** Characters that display nothing: zero-width, joiners, format, bidi, variation selectors... */
const INVISIBLES = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u034f',
  '\u180e',
  '\u2061',
  '\u2062',
  '\u2063',
  '\u2064',
  '\ufe0f',
  '\ufe00',
  '\u3164',
  '\u115f',
  '\u1160',
  '\uffa0',
  '\u2800',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u061c',
  ' ',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\u0301',
  '\u{e0041}',
];
const BIDI = [
  '\u202e',
  '\u202d',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];
const invisibleString = fc
  .array(fc.constantFrom(...INVISIBLES), { minLength: 1, maxLength: 40 })
  .map((cs) => cs.join(''));
/** Real names with letters from several scripts. */
const visibleName = fc.constantFrom(
  'Amira Haddad',
  'José Pérez',
  'Nguyễn Thị Minh',
  'محمد علي',
  'עדי כהן',
  '李小龙',
  'Ólafur Ö.',
  'X',
);

const parseName = (fullName: string) =>
  participantInput.safeParse({ fullName, stakeholderGroup: 'academia' });

describe('names need a visible character', () => {
  it('refuses a full name of only zero-width, format and space characters', () => {
    fc.assert(
      fc.property(invisibleString, (name) => {
        expect(hasVisibleCharacter(stripBidiControls(name))).toBe(false);
        const r = parseName(name);
        expect(r.success).toBe(false);
        if (!r.success) {
          expect(r.error.issues[0].path).toEqual(['fullName']);
          expect(r.error.issues[0].message).toMatch(
            /^(The full name must contain a visible character|is required)/,
          );
        }
      }),
    );
  });

  it('refuses invisible-only aliases, preferred names and organisations, naming the field', () => {
    fc.assert(
      fc.property(
        invisibleString,
        fc.constantFrom('preferredName', 'organisation', 'aliases'),
        (junk, field) => {
          // Spaces alone are "empty" for optional fields; mix in a zero-width space so it is not.
          const value = `${junk}\u200b`;
          const r = participantInput.safeParse({
            fullName: 'Amira Haddad',
            stakeholderGroup: 'academia',
            [field]: field === 'aliases' ? [value] : value,
          });
          expect(r.success).toBe(false);
          if (!r.success) expect(r.error.issues[0].path[0]).toBe(field);
        },
      ),
    );
  });

  it('keeps a real name with invisible characters around it', () => {
    fc.assert(
      fc.property(visibleName, invisibleString, (name, junk) => {
        expect(parseName(`${junk}${name}`).success).toBe(true);
      }),
    );
  });
});

describe('bidi controls are stripped from names', () => {
  it('stores a name with RLO (and any other bidi control) without it', () => {
    fc.assert(
      fc.property(
        visibleName,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BIDI)), { minLength: 1, maxLength: 8 }),
        (name, inserts) => {
          let dirty = name;
          for (const [at, ch] of inserts) {
            const i = at % (dirty.length + 1);
            dirty = dirty.slice(0, i) + ch + dirty.slice(i);
          }
          const r = participantInput.safeParse({
            fullName: dirty,
            preferredName: dirty,
            organisation: `${dirty} Foundation`,
            aliases: [dirty],
            stakeholderGroup: 'academia',
          });
          expect(r.success).toBe(true);
          if (!r.success) return;
          expect(r.data.fullName).toBe(name);
          expect(r.data.preferredName).toBe(name);
          expect(r.data.organisation).toBe(`${name} Foundation`);
          expect(r.data.aliases).toEqual([name]);
        },
      ),
    );
  });

  it('the classic spoof: "Amira\u202eahdaH" is stored as "AmiraahdaH"', () => {
    const r = parseName('Amira\u202eahdaH');
    expect(r.success && r.data.fullName).toBe('AmiraahdaH');
  });
});
