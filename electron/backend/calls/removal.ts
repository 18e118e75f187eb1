/** Deleting calls, series and action items (with Undo), and carrying an action item over. */
import {
  deleteActionItem,
  deleteCall,
  deleteSeries,
  getActionItem,
  getCall,
  listForumCalls,
  listSeriesCalls,
  upsertActionItem,
} from '../../../db/queries/calls';
import { rowsWhere } from '../../../db/queries/trash';
import type { ActionItem, Deleted } from '../../../shared/api';
import { DomainError } from '../../../shared/result';
import type { BackendContext } from '../context';
import { callRows, keepForUndo } from '../trash/service';
import { listForumActionItems, requireCall, requireSeries } from './service';

export function removeCall(ctx: BackendContext, id: string): Deleted {
  return ctx.db.transaction(() => {
    const call = requireCall(ctx, id);
    if (call.seriesId)
      throw new DomainError(
        'conflict',
        'This call belongs to a series, which would plan it again: cancel the call, or delete the whole series.',
        'id',
      );
    const payload = callRows(ctx, [id]);
    deleteCall(ctx.db, id);
    return keepForUndo(
      ctx,
      { forumId: call.forumId, kind: 'call', subjectId: id, label: call.title },
      payload,
    );
  })();
}

export function removeSeries(ctx: BackendContext, id: string): Deleted {
  return ctx.db.transaction(() => {
    const series = requireSeries(ctx, id);
    const callIds = listSeriesCalls(ctx.db, id).map((c) => c.id);
    const payload = callRows(ctx, callIds);
    payload.rows.call_series = rowsWhere(ctx.db, 'call_series', 'id', [id]);
    deleteSeries(ctx.db, id); // its calls go with it (ON DELETE CASCADE)
    return keepForUndo(
      ctx,
      { forumId: series.forumId, kind: 'callSeries', subjectId: id, label: series.title },
      payload,
    );
  })();
}

function requireActionItem(ctx: BackendContext, id: string) {
  const r = getActionItem(ctx.db, id);
  if (!r) throw new DomainError('not_found', 'No action item with this id', 'id');
  return r;
}

export function removeActionItem(ctx: BackendContext, id: string): Deleted {
  return ctx.db.transaction(() => {
    const item = requireActionItem(ctx, id);
    const payload = {
      rows: { action_items: rowsWhere(ctx.db, 'action_items', 'id', [id]) },
      nulled: [],
    };
    deleteActionItem(ctx.db, id);
    return keepForUndo(
      ctx,
      { forumId: item.forumId, kind: 'actionItem', subjectId: id, label: item.title },
      payload,
    );
  })();
}

/** Moves an action item to the next call that is not cancelled, after its own call and now. */
export function carryOverActionItem(ctx: BackendContext, id: string): ActionItem {
  return ctx.db.transaction(() => {
    const item = requireActionItem(ctx, id);
    if (item.status === 'done')
      throw new DomainError(
        'conflict',
        'This action item is done: there is nothing to carry over.',
        'id',
      );
    const own = item.callId ? getCall(ctx.db, item.callId) : undefined;
    const after = Math.max(ctx.now(), own?.startAt ?? 0);
    const next = listForumCalls(ctx.db, item.forumId).find(
      (c) => c.status !== 'cancelled' && c.startAt > after && c.id !== item.callId,
    );
    if (!next)
      throw new DomainError(
        'conflict',
        'There is no later call to carry this action item over to: schedule one first.',
        'id',
      );
    upsertActionItem(ctx.db, { ...item, callId: next.id, updatedAt: ctx.now() });
    return listForumActionItems(ctx, { forumId: item.forumId }).find((a) => a.id === id)!;
  })();
}
