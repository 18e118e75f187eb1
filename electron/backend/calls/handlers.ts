import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { restoreDeleted } from '../trash/service';
import { applyAttendanceReport, previewAttendanceReport, setAttendanceMany } from './attendance';
import { burdenReport, suggestTimes } from './burden';
import { carryOverActionItem, removeActionItem, removeCall, removeSeries } from './removal';
import {
  callsNeedingMinutes,
  cancelCall,
  createActionItem,
  createSeries,
  getCallDetails,
  getSeriesDetails,
  inviteMembers,
  listForumActionItems,
  listForumSeries,
  moveCall,
  reinstateCall,
  saveAgenda,
  setCallAttendance,
  updateActionItem,
  updateCall,
  updateSeries,
} from './service';

export function createCallHandlers(
  ctx: BackendContext,
): Pick<
  Handlers,
  | 'callSeries.list'
  | 'callSeries.get'
  | 'callSeries.create'
  | 'callSeries.update'
  | 'calls.burden'
  | 'calls.suggestTimes'
  | 'calls.get'
  | 'calls.update'
  | 'calls.move'
  | 'calls.cancel'
  | 'calls.reinstate'
  | 'calls.saveAgenda'
  | 'calls.setAttendance'
  | 'calls.inviteMembers'
  | 'actionItems.list'
  | 'actionItems.create'
  | 'actionItems.update'
  | 'calls.setAttendanceMany'
  | 'calls.attendancePreview'
  | 'calls.attendanceApply'
  | 'calls.needingMinutes'
  | 'calls.remove'
  | 'callSeries.remove'
  | 'actionItems.remove'
  | 'actionItems.carryOver'
  | 'trash.restore'
> {
  return {
    'callSeries.list': ({ forumId }, { session }) =>
      listForumSeries(ctx, forumId, session.audience),
    'callSeries.get': ({ id }, { session }) => getSeriesDetails(ctx, id, session.audience),
    'callSeries.create': (input) => createSeries(ctx, input),
    'callSeries.update': (input) => updateSeries(ctx, input),
    'calls.burden': (input) => burdenReport(ctx, input),
    'calls.suggestTimes': (input) => suggestTimes(ctx, input),
    'calls.get': ({ id }, { session }) => getCallDetails(ctx, id, session.audience),
    'calls.update': (input) => updateCall(ctx, input),
    'calls.move': (input) => moveCall(ctx, input),
    'calls.cancel': ({ id }) => cancelCall(ctx, id),
    'calls.reinstate': ({ id }) => reinstateCall(ctx, id),
    'calls.saveAgenda': (input) => saveAgenda(ctx, input),
    'calls.setAttendance': (input) => setCallAttendance(ctx, input),
    'calls.inviteMembers': ({ id }) => inviteMembers(ctx, id),
    'actionItems.list': (input, { session }) => listForumActionItems(ctx, input, session.audience),
    'actionItems.create': (input) => createActionItem(ctx, input),
    'actionItems.update': (input) => updateActionItem(ctx, input),
    'calls.setAttendanceMany': (input) => setAttendanceMany(ctx, input),
    'calls.attendancePreview': (input) => previewAttendanceReport(ctx, input),
    'calls.attendanceApply': (input) => applyAttendanceReport(ctx, input),
    'calls.needingMinutes': ({ forumId }) => callsNeedingMinutes(ctx, forumId),
    'calls.remove': ({ id }) => removeCall(ctx, id),
    'callSeries.remove': ({ id }) => removeSeries(ctx, id),
    'actionItems.remove': ({ id }) => removeActionItem(ctx, id),
    'actionItems.carryOver': ({ id }) => carryOverActionItem(ctx, id),
    'trash.restore': ({ id }) => restoreDeleted(ctx, id),
  };
}
