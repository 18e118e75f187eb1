/**
 * A rough strength hint for a new passphrase, shown under the field while it is typed.
 *
 * Hand-written rather than zxcvbn: that package brings megabytes of dictionaries for one hint,
 * while the protection itself comes from the minimum length and scrypt. This estimates bits of
 * entropy from length and character classes, and takes off for repeats and runs.
 */
export type Strength = 'too short' | 'weak' | 'fair' | 'good' | 'strong';

export const MIN_PASSPHRASE_LENGTH = 10;

export function passphraseStrength(passphrase: string): { strength: Strength; bits: number } {
  const chars = [...passphrase];
  if (chars.length < MIN_PASSPHRASE_LENGTH) return { strength: 'too short', bits: 0 };
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(passphrase)) pool += 33;
  // Characters that repeat the previous one, or continue a run (abc, 123), add little.
  let effective = 0;
  for (let i = 0; i < chars.length; i++) {
    const prev = i > 0 ? chars[i - 1].codePointAt(0)! : -10;
    const cur = chars[i].codePointAt(0)!;
    effective += Math.abs(cur - prev) <= 1 ? 0.25 : 1;
  }
  const distinct = new Set(chars).size;
  const bits = Math.round(effective * Math.log2(Math.max(pool, 2)) * Math.min(1, distinct / 6));
  const strength: Strength =
    bits < 40 ? 'weak' : bits < 60 ? 'fair' : bits < 80 ? 'good' : 'strong';
  return { strength, bits };
}
