/**
 * Bulk actions on a selection of the participant list: change the role of, or protect, many
 * people at once. Each is one transaction (all or none) with one audit record per person, and a
 * selection naming anyone outside the forum (or removed meanwhile) changes nobody.
 */
import {
  getParticipant,
  updateParticipant as updateParticipantRow,
} from '../../../db/queries/participants';
import type { BulkParticipantsResult } from '../../../shared/api';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { protectParticipant } from '../safeguards/protection';
import type { ParticipantRecord } from '../../../db/queries/participants';

/** The selected participants, each an active member of `forumId`, in the order given. */
function requireSelection(
  ctx: BackendContext,
  forumId: string,
  ids: readonly string[],
): ParticipantRecord[] {
  requireForum(ctx, forumId, 'forumId');
  return ids.map((id, i) => {
    const row = getParticipant(ctx.db, id);
    if (!row || row.removedAt !== null || row.forumId !== forumId)
      throw new DomainError(
        'not_found',
        `Selected participant ${i + 1} of ${ids.length} is not a participant of this forum (removed meanwhile?); nobody was changed.`,
        'ids',
      );
    return row;
  });
}

export function setRoleMany(
  ctx: BackendContext,
  input: ParsedInput<'participants.setRoleMany'>,
): BulkParticipantsResult {
  return ctx.db.transaction(() => {
    const people = requireSelection(ctx, input.forumId, input.ids);
    const now = ctx.now();
    let changed = 0;
    for (const p of people) {
      if (p.role === input.role) continue;
      updateParticipantRow(ctx.db, { ...p, role: input.role, updatedAt: now });
      recordAudit(ctx, {
        forumId: p.forumId,
        action: 'participant.role',
        subjectType: 'participant',
        subjectId: p.id,
        detail: { from: p.role, to: input.role, bulk: people.length },
      });
      changed++;
    }
    return { count: people.length, changed };
  })();
}

export function protectMany(
  ctx: BackendContext,
  input: ParsedInput<'participants.protectMany'>,
): BulkParticipantsResult {
  return ctx.db.transaction(() => {
    const people = requireSelection(ctx, input.forumId, input.ids);
    let changed = 0;
    for (const p of people) {
      // The same audited step as protecting one person (a savepoint inside this transaction).
      protectParticipant(ctx, p.id, input.reason);
      if (p.isProtected !== 1) changed++;
    }
    return { count: people.length, changed };
  })();
}
