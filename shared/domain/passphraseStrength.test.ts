import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from './passphraseStrength';

const ORDER = ['too short', 'weak', 'fair', 'good', 'strong'];

describe('passphraseStrength', () => {
  it('is "too short" below the minimum in code points (emoji count once)', () => {
    expect(passphraseStrength('a'.repeat(MIN_PASSPHRASE_LENGTH - 1)).strength).toBe('too short');
    expect(passphraseStrength('🙂'.repeat(MIN_PASSPHRASE_LENGTH - 1)).strength).toBe('too short');
    expect(passphraseStrength('🙂'.repeat(MIN_PASSPHRASE_LENGTH)).strength).not.toBe('too short');
  });

  it('rates repeats and runs weak, and unrelated words strong', () => {
    expect(passphraseStrength('aaaaaaaaaaaaaaaa').strength).toBe('weak');
    expect(passphraseStrength('abcdefghijklmnop').strength).toBe('weak');
    expect(passphraseStrength('1234567890').strength).toBe('weak');
    expect(passphraseStrength('purple elephant marmalade 42').strength).toBe('strong');
  });

  it('never gets weaker when an unrelated character is appended (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: MIN_PASSPHRASE_LENGTH, maxLength: 60 }), (s) => {
        const before = ORDER.indexOf(passphraseStrength(s).strength);
        // A character far from the last one (not a repeat or a run step).
        const last = s.codePointAt(s.length - 1) ?? 0;
        const extra = last === 0x51 || last === 0x50 || last === 0x52 ? 'x' : 'Q';
        const after = ORDER.indexOf(passphraseStrength(s + extra).strength);
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
