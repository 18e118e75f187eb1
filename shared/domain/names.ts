/**
 * Rules for people's and organisations' names, written by hand because they are two regular
 * expressions over Unicode properties (no library adds anything):
 * - bidirectional controls (RLO, LRI, ...) are removed: they can make a name display reversed
 *   or hide part of it, and they defeat matching a protected person's name;
 * - a name needs a visible character: a name of only zero-width or format characters, spaces or
 *   combining marks would show as nothing.
 */

/** ALM, LRM, RLM, LRE..RLO (embeddings and overrides) and LRI..PDI (isolates). */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const stripBidiControls = (s: string): string => s.replace(BIDI_CONTROLS, '');

/**
 * Characters that show nothing on their own: white space, default-ignorable code points (zero
 * width space and joiners, soft hyphen, variation selectors, Hangul fillers...), other format
 * and control characters, combining marks without a base, and the blank Braille pattern.
 */
const INVISIBLE =
  /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Cs}\u2800]/u;

export function hasVisibleCharacter(s: string): boolean {
  for (const ch of s) if (!INVISIBLE.test(ch)) return true;
  return false;
}
