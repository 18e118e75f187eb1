/**
 * Phone numbers are matched on their digits: spaces, dots, dashes, parentheses and a leading "+"
 * are ignored, in the stored number and in the text. A stored "+41 22 917 1234" matches
 * "+41 (22) 917-12-34", "41.22.917.12.34" and "0041 22 917 1234" (the "00" international prefix
 * is accepted for numbers stored with "+" or "00"). Numbers with fewer than 6 digits are ignored
 * (too many false positives). A national form without the country code does not match a number
 * stored in international form: store both if both are used.
 *
 * Scanning is linear: runs of digits and separators are found with one regex; inside a run, digit
 * groups are concatenated from each group start up to the longest stored number.
 */

export const MIN_PHONE_DIGITS = 6;
const MAX_PHONE_DIGITS = 20;

/** Digit keys for a stored phone number (empty if it is too short to be matched). */
export function phoneKeys(phone: string): string[] {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/gu, '');
  if (digits.length < MIN_PHONE_DIGITS || digits.length > MAX_PHONE_DIGITS) return [];
  const keys = [digits];
  if (trimmed.startsWith('+')) keys.push(`00${digits}`);
  else if (digits.startsWith('00') && digits.length - 2 >= MIN_PHONE_DIGITS) keys.push(digits.slice(2));
  return keys;
}

export interface PhoneSpan {
  start: number;
  end: number;
  person: number;
}

const RUN_RE = /\d(?:[\d \u00a0.()\-\u2010-\u2013\u2212/]*\d)?/gu;
const WORDISH_RE = /[\p{L}\p{N}]/u;

/** Find stored phone numbers (keys → person index) in the ORIGINAL text. */
export function findPhones(text: string, keys: ReadonlyMap<string, number>, maxKeyLength: number): PhoneSpan[] {
  const spans: PhoneSpan[] = [];
  if (keys.size === 0) return spans;
  RUN_RE.lastIndex = 0;
  const groupStart: number[] = [];
  const groupEnd: number[] = [];
  const groupDigits: string[] = [];
  for (let m = RUN_RE.exec(text); m !== null; m = RUN_RE.exec(text)) {
    const run = m[0];
    const base = m.index;
    groupStart.length = 0;
    groupEnd.length = 0;
    groupDigits.length = 0;
    for (let i = 0; i < run.length; ) {
      const c = run.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        let j = i + 1;
        while (j < run.length && run.charCodeAt(j) >= 48 && run.charCodeAt(j) <= 57) j++;
        groupStart.push(base + i);
        groupEnd.push(base + j);
        groupDigits.push(run.slice(i, j));
        i = j;
      } else i++;
    }
    let coveredTo = -1;
    for (let g = 0; g < groupDigits.length; g++) {
      if (groupStart[g] < coveredTo) continue;
      let acc = '';
      let best = -1;
      let bestPerson = -1;
      for (let h = g; h < groupDigits.length; h++) {
        acc += groupDigits[h];
        if (acc.length > maxKeyLength) break;
        const person = keys.get(acc);
        if (person !== undefined) {
          best = h;
          bestPerson = person;
        }
      }
      if (best < 0) continue;
      let start = groupStart[g];
      const end = groupEnd[best];
      if (start > 0 && WORDISH_RE.test(text[start - 1]) && g === 0) continue;
      if (end < text.length && WORDISH_RE.test(text[end]) && best === groupDigits.length - 1) continue;
      while (start > 0 && (text[start - 1] === '+' || text[start - 1] === '(')) start--;
      spans.push({ start, end, person: bestPerson });
      coveredTo = end;
    }
  }
  return spans;
}
