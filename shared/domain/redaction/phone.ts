/**
 * Phone numbers are matched on their digits: spaces, dots, dashes, parentheses and a leading "+"
 * are ignored, in the stored number and in the text. A stored "+41 22 917 1234" matches
 * "+41 (22) 917-12-34", "41.22.917.12.34" and "0041 22 917 1234" (the "00" international prefix
 * is accepted for numbers stored with "+" or "00"). Numbers with fewer than 6 digits are ignored
 * (too many false positives). A national form without the country code does not match a number
 * stored in international form: store both if both are used.
 *
 * Scanning is linear: the normaliser records where runs of digits start; from each run, runs
 * separated by at most 3 separator characters are concatenated up to the longest stored number.
 */

import { originalEnd, originalStart, type Normalized } from './normalize';

export const MIN_PHONE_DIGITS = 6;
const MAX_PHONE_DIGITS = 20;

/** Digit keys for a stored phone number (empty if it is too short to be matched). */
export function phoneKeys(phone: string): string[] {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/gu, '');
  if (digits.length < MIN_PHONE_DIGITS || digits.length > MAX_PHONE_DIGITS) return [];
  const keys = [digits];
  if (trimmed.startsWith('+')) keys.push(`00${digits}`);
  else if (digits.startsWith('00') && digits.length - 2 >= MIN_PHONE_DIGITS)
    keys.push(digits.slice(2));
  return keys;
}

export interface PhoneSpan {
  start: number;
  end: number;
  person: number;
}

const SEPARATORS = new Set([0x20, 0x2e, 0x28, 0x29, 0x2f, 0x2b]); // space . ( ) / +  (dashes fold to space)
const MAX_GAP = 3;
const WORDISH_RE = /[\p{L}\p{N}]/u;

const isDigit = (u: number): boolean => u >= 48 && u <= 57;

/**
 * Find stored phone numbers (digit keys → person index) from the digit runs the normaliser
 * recorded; spans are offsets in the ORIGINAL text.
 */
export function findPhones(
  nz: Normalized,
  text: string,
  keys: ReadonlyMap<string, number>,
  maxKeyLength: number,
): PhoneSpan[] {
  const spans: PhoneSpan[] = [];
  if (keys.size === 0 || nz.digitRunCount === 0) return spans;
  const u = nz.units;
  let coveredTo = -1;
  for (let r = 0; r < nz.digitRunCount; r++) {
    const first = nz.digitRuns[r];
    if (first < coveredTo) continue;
    if (first > 0 && WORDISH_RE.test(String.fromCharCode(u[first - 1]))) continue;
    let acc = '';
    let pos = first;
    let bestEnd = -1;
    let bestPerson = -1;
    for (;;) {
      const runStart = pos;
      while (pos < nz.length && isDigit(u[pos])) pos++;
      acc += String.fromCharCode(...u.subarray(runStart, pos));
      if (acc.length > maxKeyLength) break;
      const person = keys.get(acc);
      if (
        person !== undefined &&
        !(pos < nz.length && WORDISH_RE.test(String.fromCharCode(u[pos])))
      ) {
        bestEnd = pos;
        bestPerson = person;
      }
      let gap = pos;
      while (gap < nz.length && gap - pos < MAX_GAP && SEPARATORS.has(u[gap])) gap++;
      if (gap === pos || gap >= nz.length || !isDigit(u[gap])) break;
      pos = gap;
    }
    if (bestEnd < 0) continue;
    let start = originalStart(nz, first);
    while (start > 0 && (text[start - 1] === '+' || text[start - 1] === '(')) start--;
    spans.push({ start, end: originalEnd(nz, bestEnd, text), person: bestPerson });
    coveredTo = bestEnd;
  }
  return spans;
}
