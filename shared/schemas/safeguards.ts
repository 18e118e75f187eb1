import { z } from 'zod';
import {
  EXPORT_FORMATS,
  EXPORT_KINDS,
  INCIDENT_ACTIONS,
  INCIDENT_CHANNELS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
} from '../domain/safeguards';
import { AUDIENCES } from '../domain/vocabulary';
import { id, line, list, requiredLine, text } from './common';

const reason = requiredLine(1000);
const instant = z
  .number()
  .int('must be a whole number of milliseconds')
  .min(946_684_800_000, 'must be after 2000')
  .max(4_102_444_800_000, 'must be before 2100');

const actorFields = {
  name: requiredLine(200),
  names: list(requiredLine(200), 30).default([]),
  emails: list(requiredLine(254), 30).default([]),
  handles: list(requiredLine(200), 30).default([]),
  excluded: z.boolean().default(false),
  notes: text(20_000).default(''),
};

const incidentFields = {
  occurredAt: instant,
  channel: z.enum(INCIDENT_CHANNELS),
  severity: z.enum(INCIDENT_SEVERITIES).default('medium'),
  status: z.enum(INCIDENT_STATUSES).default('open'),
  description: text(20_000).refine((s) => s.trim().length > 0, 'is required'),
  targetIds: list(id, 500).default([]),
  actorIds: list(id, 100).default([]),
  /** Actors not on file yet: created with the incident. */
  newActors: list(z.strictObject(actorFields), 20).default([]),
  actions: list(z.enum(INCIDENT_ACTIONS), 10).default([]),
  supportOffered: text(20_000).default(''),
};

const exportRequest = z.strictObject({
  forumId: id,
  kind: z.enum(EXPORT_KINDS),
  format: z.enum(EXPORT_FORMATS),
  audience: z.enum(AUDIENCES),
  /** What the export is about, for kinds about one thing (a call series, a call, a session). */
  subjectId: id.optional(),
  /** The participant directory of only these people (a selection of the list). */
  participantIds: list(id, 500)
    .refine((ids) => ids.length > 0, 'must name at least one participant')
    .optional(),
});

export const safeguardsSchemas = {
  /** Protects a participant everywhere at once; the reason goes to the audit log. */
  'participants.protect': z.strictObject({ id, reason }),
  'participants.unprotect': z.strictObject({ id, reason }),
  'audit.list': z.strictObject({
    forumId: id,
    action: line(60).optional(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  'incidents.list': z.strictObject({ forumId: id }),
  'incidents.get': z.strictObject({ id }),
  'incidents.create': z.strictObject({
    forumId: id,
    ...incidentFields,
    /** Protect the targeted participants in the same step. */
    protectTargets: z.boolean().default(false),
    protectReason: line(1000).optional(),
  }),
  'incidents.update': z.strictObject({ id, ...incidentFields }),
  'actors.list': z.strictObject({ forumId: id }),
  'actors.create': z.strictObject({ forumId: id, ...actorFields }),
  'actors.update': z.strictObject({ id, ...actorFields }),
  /** Which disruptive actors' identifiers a would-be participant matches. */
  'actors.check': z.strictObject({
    forumId: id,
    fullName: line(200).optional(),
    preferredName: line(200).optional(),
    email: line(254).optional(),
    aliases: list(line(200), 30).optional(),
    handles: list(line(200), 30).optional(),
  }),
  /** What an export would contain: counts and pseudonyms, before saving. */
  'exports.preview': exportRequest,
  /** The bytes of an export, for the shell to save; writes the export audit record. */
  'exports.render': exportRequest,
};
