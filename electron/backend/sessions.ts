import { randomBytes } from 'node:crypto';
import type { OpenedSession } from '../../shared/api';
import { narrows, type Session } from '../../shared/methods';
import type { Audience } from '../../shared/domain/vocabulary';
import { DomainError } from '../../shared/result';

/** Tokens of the narrower sessions opened on this backend; kept in memory, gone on restart. */
export interface SessionTokens {
  /** A fresh random token bound to `audience`, which may not be wider than `parent`'s. */
  open(parent: Session, audience: Audience): OpenedSession;
  /** The session a token stands for, if it was opened here. */
  resolve(token: string): Session | undefined;
  /** Forgets every session opened by `actor` (a window closing). */
  forget(actor: string): void;
}

/** At most this many live narrower sessions; the oldest is forgotten first. */
const MAX_SESSIONS = 1000;

export function createSessionTokens(): SessionTokens {
  const sessions = new Map<string, Session>();
  return {
    open(parent, audience) {
      if (!narrows(parent, audience))
        throw new DomainError(
          'forbidden',
          `A ${parent.audience} session cannot open a ${audience} session; it may only narrow.`,
          'audience',
        );
      // 32 random bytes as base64url: 43 characters, unguessable.
      const token = randomBytes(32).toString('base64url');
      sessions.set(token, Object.freeze({ audience, actor: parent.actor }));
      if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
      return { token, audience };
    },
    resolve: (token) => sessions.get(token),
    forget(actor) {
      for (const [token, s] of sessions) if (s.actor === actor) sessions.delete(token);
    },
  };
}
