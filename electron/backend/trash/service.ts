/**
 * Delete with Undo for calls, call series, action items and onsite sessions. Deleting removes the
 * rows for real (so no other area's query needs a `deleted_at` filter) and keeps them, with the
 * references the delete nulled, in `trash` for the restore window; `trash.restore` puts them back
 * in one transaction. The backend purges older entries at start, as it does removed participants.
 */
import {
  deleteTrash,
  getTrash,
  idsReferencing,
  insertRows,
  insertTrash,
  restoreReference,
  rowsWhere,
  TRASHABLE_TABLES,
  type NulledReference,
  type TrashPayload,
} from '../../../db/queries/trash';
import type { Deleted, Restored } from '../../../shared/api';
import { newId } from '../../../shared/domain/ids';
import { DomainError } from '../../../shared/result';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { RESTORE_WINDOW_MS } from '../participants/service';

/** What deleting these calls removes with them and nulls elsewhere. */
export function callRows(ctx: BackendContext, callIds: string[]): TrashPayload {
  const nulled: NulledReference[] = [
    ...idsReferencing(ctx.db, 'action_items', 'call_id', callIds).map((r) => ({
      table: 'action_items' as const,
      column: 'call_id' as const,
      ...r,
    })),
    ...idsReferencing(ctx.db, 'contributions', 'source_call_id', callIds).map((r) => ({
      table: 'contributions' as const,
      column: 'source_call_id' as const,
      ...r,
    })),
  ];
  return {
    rows: {
      calls: rowsWhere(ctx.db, 'calls', 'id', callIds),
      agenda_items: rowsWhere(ctx.db, 'agenda_items', 'call_id', callIds),
      attendance: rowsWhere(ctx.db, 'attendance', 'call_id', callIds),
    },
    nulled,
  };
}

/** Keeps `payload` for Undo and records the deletion; call inside the deleting transaction. */
export function keepForUndo(
  ctx: BackendContext,
  entry: { forumId: string; kind: Deleted['kind']; subjectId: string; label: string },
  payload: TrashPayload,
): Deleted {
  const now = ctx.now();
  const trashId = newId(now);
  insertTrash(ctx.db, { id: trashId, ...entry, payload: JSON.stringify(payload), deletedAt: now });
  recordAudit(ctx, {
    forumId: entry.forumId,
    action: `${entry.kind}.remove`,
    subjectType: entry.kind,
    subjectId: entry.subjectId,
    detail: { title: entry.label },
  });
  return {
    trashId,
    kind: entry.kind,
    label: entry.label,
    restorableUntil: now + RESTORE_WINDOW_MS,
  };
}

export function restoreDeleted(ctx: BackendContext, id: string): Restored {
  return ctx.db.transaction(() => {
    const entry = getTrash(ctx.db, id);
    if (!entry)
      throw new DomainError('not_found', 'Nothing deleted with this id can be restored.', 'id');
    if (entry.deletedAt + RESTORE_WINDOW_MS < ctx.now())
      throw new DomainError(
        'conflict',
        'The restore window has passed: this was deleted more than a day ago.',
        'id',
      );
    const payload = JSON.parse(entry.payload) as TrashPayload;
    try {
      // Parents before children, in the order the tables are listed.
      for (const table of TRASHABLE_TABLES) insertRows(ctx.db, table, payload.rows[table] ?? []);
    } catch (e) {
      if (e instanceof Error && /constraint/i.test(e.message))
        throw new DomainError(
          'conflict',
          'This cannot be restored: something it belongs to (its series, forum or a participant) is gone.',
          'id',
        );
      throw e;
    }
    for (const ref of payload.nulled) restoreReference(ctx.db, ref);
    deleteTrash(ctx.db, id);
    recordAudit(ctx, {
      forumId: entry.forumId,
      action: `${entry.kind}.restore`,
      subjectType: entry.kind,
      subjectId: entry.subjectId,
      detail: { title: entry.label },
    });
    return {
      kind: entry.kind as Deleted['kind'],
      subjectId: entry.subjectId,
      forumId: entry.forumId,
    };
  })();
}
