import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { redactedFor } from '../privacy/redactors';
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
> {
  return {
    'forums.list': (_input, { session }) =>
      listForumSummaries(ctx).map((f) => redactedFor(ctx, f.id, session.audience, f)),
    'forums.get': ({ id }, { session }) =>
      redactedFor(ctx, id, session.audience, getForumDetails(ctx, id)),
    'forums.create': (input) => createForum(ctx, input),
    'forums.update': (input) => updateForum(ctx, input),
    'forums.open': ({ id }) => openForum(ctx, id),
    'forums.current': (_input, { session }) => {
      const forum = currentForum(ctx);
      return forum && redactedFor(ctx, forum.id, session.audience, forum);
    },
  };
}
