import { z } from 'zod';
import { id, line, nameLine } from './common';

/** The lists that can keep saved filters. */
export const SAVED_FILTER_LISTS = ['participants', 'contributions'] as const;
export type SavedFilterList = (typeof SAVED_FILTER_LISTS)[number];

/** At most this many saved filters per list of a forum. */
export const MAX_SAVED_FILTERS = 50;

/**
 * A list's query fields (search, filters, sort): short scalar values by field name. The list
 * checks them again when a saved filter is picked, so an old one cannot break a newer list.
 */
const params = z
  .record(
    z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, 'must be field names'),
    z.union([line(200), z.number().finite(), z.boolean(), z.null()]),
  )
  .refine((p) => Object.keys(p).length <= 20, 'must have at most 20 fields');

export const savedFiltersSchemas = {
  'savedFilters.list': z.strictObject({ forumId: id, list: z.enum(SAVED_FILTER_LISTS) }),
  /** Saves the list's current search, filters and sort under a name (replacing one so named). */
  'savedFilters.save': z.strictObject({
    forumId: id,
    list: z.enum(SAVED_FILTER_LISTS),
    name: nameLine(100, 'The filter name'),
    params,
  }),
  'savedFilters.remove': z.strictObject({ id }),
};
