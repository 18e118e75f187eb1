import type { BackendContext } from '../context';
import type { RepresentationDashboard } from '../../../shared/api';
import type { Audience } from '../../../shared/domain/vocabulary';
import { protectionFor, redactedFor } from '../privacy/redactors';
import { textRedactor } from '../privacy/views';
import type { Handlers } from '../dispatch';
import {
  getStakeholderMap,
  dashboardForAudience,
  representationDashboard,
  saveRepresentationSettings,
  saveStakeholderMap,
} from './service';

/**
 * The dashboard as `audience` reads it: outside coordinators, its free text redacted
 * (dashboardForAudience: a few dozen titles and labels, so no cache is needed).
 */
function dashboardFor(
  ctx: BackendContext,
  forumId: string,
  audience: Audience,
): RepresentationDashboard {
  const dashboard = representationDashboard(ctx, forumId, audience);
  if (audience === 'coordinators') return dashboard;
  return dashboardForAudience(
    dashboard,
    textRedactor(audience, protectionFor(ctx, forumId).redactor),
  );
}

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
      dashboardFor(ctx, forumId, session.audience),
  };
}
