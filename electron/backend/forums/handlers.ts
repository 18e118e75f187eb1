import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { redactedFor } from '../privacy/redactors';
import {
  createForum,
  currentForum,
  getForumDetails,
  listForumSummaries,
  openForum,
  removeForum,
  setArchived,
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
  | 'forums.archive'
  | 'forums.unarchive'
  | 'forums.remove'
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
    'forums.archive': ({ id }) => setArchived(ctx, id, true),
    'forums.unarchive': ({ id }) => setArchived(ctx, id, false),
    'forums.remove': ({ id, confirmTitle }) => removeForum(ctx, id, confirmTitle),
  };
}
