import { z } from 'zod';
import { UUID_PATTERN } from '../domain/ids';

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

/** An optional single-line field where an empty string means "none". */
export const optionalLine = (max = 200) =>
  line(max)
    .nullish()
    .transform((s) => (s ? s : null));

export const id = z.string().regex(UUID_PATTERN, 'must be an id');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'must be a real calendar date');

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
