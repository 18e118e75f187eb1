import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { createNri, listNriDirectory, removeNri, updateNri } from './service';
import {
  createSession,
  listForumSessions,
  recordSessionAttendance,
  removeSession,
  sessionDetails,
  updateSession,
} from './sessions';

export function createNriHandlers(
  ctx: BackendContext,
): Pick<
  Handlers,
  | 'nris.list'
  | 'nris.create'
  | 'nris.update'
  | 'nris.remove'
  | 'sessions.list'
  | 'sessions.get'
  | 'sessions.create'
  | 'sessions.update'
  | 'sessions.remove'
  | 'sessions.setAttendance'
> {
  return {
    'nris.list': () => listNriDirectory(ctx),
    'nris.create': (input) => createNri(ctx, input),
    'nris.update': (input) => updateNri(ctx, input),
    'nris.remove': ({ id }) => removeNri(ctx, id),
    'sessions.list': ({ forumId, audience }) => listForumSessions(ctx, forumId, audience),
    'sessions.get': ({ id, audience }) => sessionDetails(ctx, id, audience),
    'sessions.create': (input) => createSession(ctx, input),
    'sessions.update': (input) => updateSession(ctx, input),
    'sessions.remove': ({ id }) => removeSession(ctx, id),
    'sessions.setAttendance': (input) => recordSessionAttendance(ctx, input),
  };
}
