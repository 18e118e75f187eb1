import type { BackendContext } from '../context';
import { redactedFor } from '../privacy/redactors';
import type { Handlers } from '../dispatch';
import { createNri, nriDirectoryFor, removeNri, updateNri } from './service';
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
    // The directory is shared by every forum; a contact protected in any forum is redacted.
    'nris.list': (_input, { session }) => nriDirectoryFor(ctx, session.audience),
    'nris.create': (input) => createNri(ctx, input),
    'nris.update': (input) => updateNri(ctx, input),
    'nris.remove': ({ id }) => removeNri(ctx, id),
    // The NRI's name comes from the shared directory: redacted with the rest of the record.
    'sessions.list': ({ forumId }, { session }) =>
      redactedFor(
        ctx,
        forumId,
        session.audience,
        listForumSessions(ctx, forumId, session.audience),
      ),
    'sessions.get': ({ id }, { session }) => {
      const s = sessionDetails(ctx, id, session.audience);
      return redactedFor(ctx, s.forumId, session.audience, s);
    },
    'sessions.create': (input) => createSession(ctx, input),
    'sessions.update': (input) => updateSession(ctx, input),
    'sessions.remove': ({ id }) => removeSession(ctx, id),
    'sessions.setAttendance': (input) => recordSessionAttendance(ctx, input),
  };
}
