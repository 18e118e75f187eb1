import { z } from 'zod';
import { countryByCode, REGIONS } from '../domain/countries';
import {
  NRI_KINDS,
  SESSION_ATTENDANCE_STATUSES,
  SESSION_FORMATS,
  SESSION_STATUSES,
  TIME_OF_DAY,
} from '../domain/nris';
import { id, isoDate, line, requiredLine, text, timeZone } from './common';

const country = line(2)
  .nullish()
  .transform((s) => (s ? s.toUpperCase() : null))
  .refine(
    (s) => s === null || countryByCode(s) !== undefined,
    'must be an ISO 3166-1 country code',
  );

const website = line(500).refine((s) => {
  if (s === '') return true;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}, 'must be a web address starting with https:// or http://');

const email = line(254).refine(
  (s) => s === '' || z.email().safeParse(s).success,
  'must be an e-mail address',
);

/** An NRI's fields. The region is derived from the country when there is one. */
const nriFields = {
  name: requiredLine(200),
  kind: z.enum(NRI_KINDS),
  country,
  region: z
    .enum(REGIONS)
    .nullish()
    .transform((r) => r ?? null),
  website: website.default(''),
  contactName: line(200).default(''),
  contactEmail: email.default(''),
  notes: text(20_000).default(''),
};

export const nriInput = z.strictObject(nriFields);

/**
 * A session's fields. The start is given as the venue's wall clock (date, 'HH:mm', IANA zone) and
 * stored as a UTC instant plus the zone.
 */
const sessionFields = {
  nriId: id.nullish().transform((s) => s ?? null),
  title: requiredLine(200),
  date: isoDate,
  startTime: line(5).refine((s) => TIME_OF_DAY.test(s), 'must be a time of day (HH:mm)'),
  zone: timeZone,
  durationMinutes: z
    .number()
    .int('must be a whole number of minutes')
    .min(5, 'must be at least 5 minutes')
    .max(24 * 60, 'must be at most 24 hours')
    .default(90),
  venue: line(300).default(''),
  format: z.enum(SESSION_FORMATS).default('workshop'),
  localHosts: line(1000).default(''),
  notes: text(50_000).default(''),
  outcomes: text(50_000).default(''),
  status: z.enum(SESSION_STATUSES).default('scheduled'),
};

export const nrisSchemas = {
  'nris.list': z.strictObject({}),
  'nris.create': nriInput,
  'nris.update': z.strictObject({ id, ...nriFields }),
  /** Removes an NRI from the directory; its sessions stay, unlinked. */
  'nris.remove': z.strictObject({ id }),
  'sessions.list': z.strictObject({ forumId: id }),
  'sessions.get': z.strictObject({ id }),
  'sessions.create': z.strictObject({ forumId: id, ...sessionFields }),
  'sessions.update': z.strictObject({ id, ...sessionFields }),
  'sessions.remove': z.strictObject({ id }),
  /** Records (or, with null, clears) one participant's attendance at a session. */
  'sessions.setAttendance': z.strictObject({
    sessionId: id,
    participantId: id,
    status: z.enum(SESSION_ATTENDANCE_STATUSES).nullable(),
  }),
};

export type NriInput = z.input<typeof nriInput>;
export type SessionInput = z.input<(typeof nrisSchemas)['sessions.create']>;
