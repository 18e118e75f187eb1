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

/** Is a normalised unit a letter or digit? Cached per BMP unit (0 = unknown, 1 = no, 2 = yes). */
const wordishTable = new Uint8Array(0x10000);
function isWordishUnit(u: number): boolean {
  let v = wordishTable[u];
  if (v === 0) {
    v = WORDISH_RE.test(String.fromCharCode(u)) ? 2 : 1;
    wordishTable[u] = v;
  }
  return v === 2;
}

/** Shortest stored key length: shorter digit strings are not looked up. */
function minKeyLength(keys: ReadonlyMap<string, number>): number {
  let m = Infinity;
  for (const k of keys.keys()) if (k.length < m) m = k.length;
  return m;
}
const minKeyCache = new WeakMap<ReadonlyMap<string, number>, number>();

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
  let minKey = minKeyCache.get(keys);
  if (minKey === undefined) {
    minKey = minKeyLength(keys);
    minKeyCache.set(keys, minKey);
  }
  let coveredTo = -1;
  for (let r = 0; r < nz.digitRunCount; r++) {
    const first = nz.digitRuns[r];
    if (first < coveredTo) continue;
    if (first > 0 && isWordishUnit(u[first - 1])) continue;
    // The digits are collected as a string only once there are enough of them for a key (most
    // digit runs are dates, counts and footnote numbers, far shorter than any stored number).
    let acc = '';
    let digits = 0;
    let pos = first;
    let bestEnd = -1;
    let bestPerson = -1;
    for (;;) {
      const runStart = pos;
      while (pos < nz.length && isDigit(u[pos])) pos++;
      digits += pos - runStart;
      if (digits > maxKeyLength) break;
      if (digits >= minKey) {
        if (acc.length + (pos - runStart) < digits) {
          // catch up with the runs before this one (collected lazily)
          acc = collectDigits(u, first, pos);
        } else {
          for (let k = runStart; k < pos; k++) acc += String.fromCharCode(u[k]);
        }
      }
      const person = digits >= minKey ? keys.get(acc) : undefined;
      if (person !== undefined && !(pos < nz.length && isWordishUnit(u[pos]))) {
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

/** The digits of units[from..to) (separators skipped). */
function collectDigits(u: Uint16Array, from: number, to: number): string {
  let acc = '';
  for (let k = from; k < to; k++) if (isDigit(u[k])) acc += String.fromCharCode(u[k]);
  return acc;
}
