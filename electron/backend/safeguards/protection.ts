import { getForum } from '../../../db/queries/forums';
import { setProtection, takenPseudonyms } from '../../../db/queries/safeguards';
import type { Participant } from '../../../shared/api';
import { assignPseudonym } from '../../../shared/domain/pseudonym';
import { DomainError } from '../../../shared/result';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireParticipant, toParticipant } from '../participants/service';

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

/** The redactor cache moved to the privacy layer; re-exported for the safeguards area's callers. */
export { protectionFor, redactedFor, type ProtectionView } from '../privacy/redactors';
