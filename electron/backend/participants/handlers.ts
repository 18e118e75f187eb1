import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import {
  createParticipant,
  getParticipantFor,
  listParticipantPage,
  removeParticipant,
  restoreParticipant,
  updateParticipant,
} from './service';
import { protectMany, setRoleMany } from './bulk';

export function createParticipantHandlers(
  ctx: BackendContext,
): Pick<
  Handlers,
  | 'participants.list'
  | 'participants.get'
  | 'participants.create'
  | 'participants.update'
  | 'participants.remove'
  | 'participants.restore'
  | 'participants.setRoleMany'
  | 'participants.protectMany'
> {
  return {
    'participants.list': (input, { session }) => listParticipantPage(ctx, input, session.audience),
    'participants.get': (input, { session }) => getParticipantFor(ctx, input, session.audience),
    'participants.create': (input) => createParticipant(ctx, input),
    'participants.update': (input) => updateParticipant(ctx, input),
    'participants.remove': ({ id }) => removeParticipant(ctx, id),
    'participants.restore': ({ id }) => restoreParticipant(ctx, id),
    'participants.setRoleMany': (input) => setRoleMany(ctx, input),
    'participants.protectMany': (input) => protectMany(ctx, input),
  };
}
