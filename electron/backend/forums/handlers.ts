import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { loadSampleForum } from './sample';
import {
  createForum,
  currentForum,
  getForumDetails,
  listForumSummaries,
  openForum,
  updateForum,
} from './service';

export function createForumHandlers(
  ctx: BackendContext,
): Pick<
  Handlers,
  | 'forums.list'
  | 'forums.get'
  | 'forums.create'
  | 'forums.update'
  | 'forums.open'
  | 'forums.current'
  | 'forums.loadSample'
> {
  return {
    'forums.list': () => listForumSummaries(ctx),
    'forums.get': ({ id }) => getForumDetails(ctx, id),
    'forums.create': (input) => createForum(ctx, input),
    'forums.update': (input) => updateForum(ctx, input),
    'forums.open': ({ id }) => openForum(ctx, id),
    'forums.current': () => currentForum(ctx),
    'forums.loadSample': () => loadSampleForum(ctx),
  };
}
