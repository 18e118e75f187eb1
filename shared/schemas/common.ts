import { z } from 'zod';
import { UUID_PATTERN } from '../domain/ids';
import { hasVisibleCharacter, stripBidiControls } from '../domain/names';

/* Building blocks for input schemas: every string has a length cap and no stray control characters. */

// eslint-disable-next-line no-control-regex -- the point of this pattern is to find control characters
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- as above, but tab, LF and CR are allowed in multi-line text
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A single-line text field (names, titles, e-mail): trimmed, capped, no control characters. */
export const line = (max = 200) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL_SINGLE_LINE.test(s), 'must not contain control characters')
    .transform((s) => s.trim());

/** A required single-line field: not empty after trimming. */
export const requiredLine = (max = 200) => line(max).refine((s) => s.length > 0, 'is required');

/** Multi-line text (notes, mandate, minutes). */
export const text = (max = 20_000) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL_MULTI_LINE.test(s), 'must not contain control characters');

/**
 * A name (of a person, an alias, an organisation): a single line with bidirectional controls
 * removed, which must then contain a visible character. `label` starts the error sentence.
 */
export const nameLine = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} must be at most ${max} characters long.`)
    .refine((s) => !CONTROL_SINGLE_LINE.test(s), `${label} must not contain control characters.`)
    .transform((s) => stripBidiControls(s).trim())
    .refine((s) => s.length > 0, { message: 'is required', abort: true })
    .refine(
      hasVisibleCharacter,
      `${label} must contain a visible character, not only spaces or invisible characters.`,
    );

/** An optional name: empty means none, but invisible characters alone are refused. */
export const optionalNameLine = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} must be at most ${max} characters long.`)
    .refine((s) => !CONTROL_SINGLE_LINE.test(s), `${label} must not contain control characters.`)
    .transform((s) => stripBidiControls(s).trim())
    .refine(
      (s) => s === '' || hasVisibleCharacter(s),
      `${label} must contain a visible character, not only spaces or invisible characters.`,
    )
    .nullish()
    .transform((s) => (s ? s : null));

/** An optional single-line field where an empty string means "none". */
export const optionalLine = (max = 200) =>
  line(max)
    .nullish()
    .transform((s) => (s ? s : null));

export const id = z.string().regex(UUID_PATTERN, 'must be an id');

/** Years any date of the app can have; a forum's own dates are narrower (forumDates.ts). */
export const DATE_YEARS = { min: 1900, max: 2200 } as const;

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'must be a real calendar date')
  .refine((s) => {
    const year = Number(s.slice(0, 4));
    return year >= DATE_YEARS.min && year <= DATE_YEARS.max;
  }, `must be a date between the years ${DATE_YEARS.min} and ${DATE_YEARS.max}.`);

let zones: Set<string> | undefined;
/** True if the runtime's ICU knows this IANA zone. */
export function isTimeZone(tz: string): boolean {
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  if (zones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    zones.add(tz); // e.g. a current name ICU lists under its older alias (Europe/Kyiv)
    return true;
  } catch {
    return false;
  }
}

export const timeZone = line(64).refine(isTimeZone, 'must be an IANA time zone');

export const list = <T extends z.ZodType>(item: T, max = 50) =>
  z.array(item).max(max, `must have at most ${max} items`);
