/**
 * The redactor cache of the low privacy layer: each forum's protected people and the redactor
 * built from them, rebuilt only when protection changes. Areas ask it; it asks only queries.
 */
import { listProtectedParticipants } from '../../../db/queries/participants';
import { protectionStamp } from '../../../db/queries/safeguards';
import {
  buildRedactor,
  type ProtectedPerson,
  type Redactor,
} from '../../../shared/domain/redaction';
import type { Audience } from '../../../shared/domain/vocabulary';
import type { BackendContext } from '../context';
import { redactStrings, textRedactor } from './views';

export interface ProtectionView {
  redactor: Redactor;
  people: ProtectedPerson[];
}

const cache = new WeakMap<BackendContext, Map<string, { stamp: string; view: ProtectionView }>>();

/** The redactor for a forum's protected people, rebuilt only when protection changes. */
export function protectionFor(ctx: BackendContext, forumId: string): ProtectionView {
  let perForum = cache.get(ctx);
  if (!perForum) {
    perForum = new Map();
    cache.set(ctx, perForum);
  }
  const stamp = protectionStamp(ctx.db, forumId);
  const hit = perForum.get(forumId);
  if (hit && hit.stamp === stamp) return hit.view;
  const people: ProtectedPerson[] = listProtectedParticipants(ctx.db, forumId).map((r) => ({
    id: r.id,
    pseudonym: r.pseudonym ?? 'Participant',
    fullName: r.fullName,
    preferredName: r.preferredName,
    email: r.email,
    aliases: JSON.parse(r.aliases) as string[],
    handles: JSON.parse(r.handles) as string[],
  }));
  const view = { redactor: buildRedactor(people), people };
  perForum.set(forumId, { stamp, view });
  return view;
}

/**
 * A DTO as `audience` may read it: every free-text string (not ids, codes or dates) through the
 * forum's redactor. Coordinators get it as it is.
 */
export function redactedFor<T>(
  ctx: BackendContext,
  forumId: string,
  audience: Audience,
  value: T,
): T {
  if (audience === 'coordinators') return value;
  return redactStrings(value, textRedactor(audience, protectionFor(ctx, forumId).redactor));
}
