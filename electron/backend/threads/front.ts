// `session.open` answered where the callers' connections are (serve's HTTP thread, Electron's
// main process): it changes nothing stored, and the token table must be where tokens are
// resolved. Imports nothing from db/, so the Electron main process may use it.
import { createDispatch, type Dispatch, type Handlers } from '../dispatch';
import type { SessionTokens } from '../sessions';

export function createSessionFront(sessions: SessionTokens): Dispatch {
  // Validation and audience checks are the same dispatch as everywhere; only session.open is
  // ever routed here, which the cast states.
  return createDispatch({
    'session.open': ({ audience }, { session }) => sessions.open(session, audience),
  } as Partial<Handlers> as Handlers);
}
