import { z } from 'zod';
import { REGIONS } from '../domain/countries';
import { INVOLVEMENT_LEVELS, MAX_MAP_CELLS, PHASES } from '../domain/stakeholderMap';
import { STAKEHOLDER_GROUPS } from '../domain/vocabulary';
import { id, list, optionalLine } from './common';

const share = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1');

export const stakeholderMapCellInput = z.strictObject({
  stakeholderGroup: z.enum(STAKEHOLDER_GROUPS).nullable().default(null),
  region: z.enum(REGIONS).nullable().default(null),
  organisation: optionalLine(200),
  level: z.enum(INVOLVEMENT_LEVELS),
  phases: list(z.enum(PHASES), PHASES.length).default([]),
  targetMin: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(100_000, 'must be at most 100000')
    .nullable()
    .default(null),
  targetShare: share.nullable().default(null),
});

export const representationSettingsInput = z.strictObject({
  forumId: id,
  dominanceShare: z.number().min(0.05, 'must be at least 0.05').max(1, 'must be at most 1'),
  genderThreshold: z.number().min(0.5, 'must be at least 0.5').max(1, 'must be at most 1'),
  recentCalls: z.number().int('must be a whole number').min(1).max(50),
  minSample: z.number().int('must be a whole number').min(1).max(10_000),
});

export const representationSchemas = {
  /** The forum's stakeholder map and alert thresholds. */
  'representation.map': z.strictObject({ forumId: id }),
  /** Replaces the stakeholder map (cells in order). */
  'representation.saveMap': z.strictObject({
    forumId: id,
    cells: list(stakeholderMapCellInput, MAX_MAP_CELLS),
  }),
  'representation.saveSettings': representationSettingsInput,
  /** Plan versus actual per phase, breakdowns, trend over the calls, alerts (coordinators). */
  'representation.dashboard': z.strictObject({ forumId: id }),
};
