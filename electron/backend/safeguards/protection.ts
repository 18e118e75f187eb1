import { getForum } from '../../../db/queries/forums';
import { listProtectedParticipants } from '../../../db/queries/participants';
import { protectionStamp, setProtection, takenPseudonyms } from '../../../db/queries/safeguards';
import type { Participant } from '../../../shared/api';
import { assignPseudonym } from '../../../shared/domain/pseudonym';
import {
  buildRedactor,
  type ProtectedPerson,
  type Redactor,
} from '../../../shared/domain/redaction';
import type { Audience } from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireParticipant, toParticipant } from '../participants/service';
import { redactStrings, textRedactor } from '../privacy/views';

/** Protects a participant: from now on every output shows their pseudonym instead. */
export function protectParticipant(ctx: BackendContext, id: string, reason: string): Participant {
  return ctx.db.transaction(() => {
    const p = requireParticipant(ctx, id);
    const forum = getForum(ctx.db, p.forumId);
    if (!forum) throw new DomainError('not_found', 'No forum for this participant', 'id');
    const pseudonym =
      p.pseudonym ?? assignPseudonym(forum.secret, p.id, takenPseudonyms(ctx.db, p.forumId));
    const now = ctx.now();
    setProtection(ctx.db, { id, isProtected: true, pseudonym, updatedAt: now });
    recordAudit(ctx, {
      forumId: p.forumId,
      action: 'participant.protect',
      subjectType: 'participant',
      subjectId: id,
      detail: { reason, pseudonym, alreadyProtected: p.isProtected === 1 },
    });
    return toParticipant({ ...p, isProtected: 1, pseudonym, updatedAt: now });
  })();
}

/** Lifts protection; the pseudonym is kept so it stays the same if protection comes back. */
export function unprotectParticipant(ctx: BackendContext, id: string, reason: string): Participant {
  return ctx.db.transaction(() => {
    const p = requireParticipant(ctx, id);
    if (p.isProtected !== 1)
      throw new DomainError('conflict', 'This participant is not protected', 'id');
    const now = ctx.now();
    setProtection(ctx.db, { id, isProtected: false, pseudonym: p.pseudonym, updatedAt: now });
    recordAudit(ctx, {
      forumId: p.forumId,
      action: 'participant.unprotect',
      subjectType: 'participant',
      subjectId: id,
      detail: { reason, pseudonym: p.pseudonym },
    });
    return toParticipant({ ...p, isProtected: 0, updatedAt: now });
  })();
}

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
