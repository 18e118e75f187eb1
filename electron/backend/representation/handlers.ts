import type { BackendContext } from '../context';
import { redactedFor } from '../privacy/redactors';
import type { Handlers } from '../dispatch';
import {
  getStakeholderMap,
  representationDashboard,
  saveRepresentationSettings,
  saveStakeholderMap,
} from './service';

type RepresentationMethods = Extract<keyof Handlers, `representation.${string}`>;

/** The representation slice of the contract: stakeholder map, thresholds, dashboard. */
export function createRepresentationHandlers(
  ctx: BackendContext,
): Pick<Handlers, RepresentationMethods> {
  return {
    'representation.map': ({ forumId }, { session }) =>
      redactedFor(ctx, forumId, session.audience, getStakeholderMap(ctx, forumId)),
    'representation.saveMap': (input) => saveStakeholderMap(ctx, input),
    'representation.saveSettings': (input) => saveRepresentationSettings(ctx, input),
    'representation.dashboard': ({ forumId }, { session }) =>
      redactedFor(
        ctx,
        forumId,
        session.audience,
        representationDashboard(ctx, forumId, session.audience),
      ),
  };
}
