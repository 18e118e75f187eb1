/**
 * The forum's timeline: calls and onsite sessions in time order. It sits above the areas (it reads
 * both the calls and the NRIs area), so neither area imports the other for it.
 */
import type { TimelineEntry } from '../../shared/api';
import type { BackendContext } from './context';
import { callTimeline } from './calls/service';
import type { Handlers } from './dispatch';
import { requireForum } from './forums/service';
import { sessionTimeline } from './nris/sessions';
import { redactedFor } from './privacy/redactors';

export function listTimeline(ctx: BackendContext, forumId: string): TimelineEntry[] {
  requireForum(ctx, forumId, 'forumId');
  return [...callTimeline(ctx, forumId), ...sessionTimeline(ctx, forumId)].sort(
    (a, b) => a.startAt - b.startAt || a.id.localeCompare(b.id),
  );
}

export function createTimelineHandlers(ctx: BackendContext): Pick<Handlers, 'timeline.list'> {
  return {
    'timeline.list': ({ forumId }, { session }) =>
      redactedFor(ctx, forumId, session.audience, listTimeline(ctx, forumId)),
  };
}
