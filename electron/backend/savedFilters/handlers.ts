import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { listForumSavedFilters, removeFilter, saveFilter } from './service';

export function createSavedFilterHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'savedFilters.list' | 'savedFilters.save' | 'savedFilters.remove'> {
  return {
    'savedFilters.list': (input) => listForumSavedFilters(ctx, input),
    'savedFilters.save': (input) => saveFilter(ctx, input),
    'savedFilters.remove': ({ id }) => removeFilter(ctx, id),
  };
}
