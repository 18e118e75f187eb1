import {
  countSavedFilters,
  deleteSavedFilter,
  findSavedFilterByName,
  getSavedFilter,
  insertSavedFilter,
  listSavedFilters,
  updateSavedFilterParams,
  type SavedFilterRecord,
} from '../../../db/queries/savedFilters';
import type { SavedFilter } from '../../../shared/api';
import { newId } from '../../../shared/domain/ids';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import { MAX_SAVED_FILTERS } from '../../../shared/schemas/savedFilters';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';

/** Names in the user's alphabet: SQLite's NOCASE put "Ålesund" after "Members" (after Z). */
const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function toSavedFilter(r: SavedFilterRecord): SavedFilter {
  return {
    id: r.id,
    forumId: r.forumId,
    list: r.list as SavedFilter['list'],
    name: r.name,
    params: JSON.parse(r.params) as SavedFilter['params'],
    createdAt: r.createdAt,
  };
}

export function listForumSavedFilters(
  ctx: BackendContext,
  input: ParsedInput<'savedFilters.list'>,
): SavedFilter[] {
  requireForum(ctx, input.forumId, 'forumId');
  return listSavedFilters(ctx.db, input.forumId, input.list)
    .map(toSavedFilter)
    .sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

/** Saves a filter set; saving under a name the list already has replaces that one's fields. */
export function saveFilter(
  ctx: BackendContext,
  input: ParsedInput<'savedFilters.save'>,
): SavedFilter {
  return ctx.db.transaction(() => {
    requireForum(ctx, input.forumId, 'forumId');
    const params = JSON.stringify(input.params);
    const existing = findSavedFilterByName(ctx.db, input.forumId, input.list, input.name);
    if (existing) {
      updateSavedFilterParams(ctx.db, existing.id, params);
      return toSavedFilter({ ...existing, params });
    }
    if (countSavedFilters(ctx.db, input.forumId, input.list) >= MAX_SAVED_FILTERS)
      throw new DomainError(
        'validation',
        `This list already has ${MAX_SAVED_FILTERS} saved filters: delete one before saving another.`,
        'name',
      );
    const now = ctx.now();
    const row: SavedFilterRecord = {
      id: newId(now),
      forumId: input.forumId,
      list: input.list,
      name: input.name,
      params,
      createdAt: now,
    };
    insertSavedFilter(ctx.db, row);
    return toSavedFilter(row);
  })();
}

export function removeFilter(ctx: BackendContext, id: string): { id: string; forumId: string } {
  return ctx.db.transaction(() => {
    const row = getSavedFilter(ctx.db, id);
    if (!row) throw new DomainError('not_found', 'No saved filter with this id', 'id');
    deleteSavedFilter(ctx.db, id);
    return { id, forumId: row.forumId };
  })();
}
