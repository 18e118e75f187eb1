import type { BackendContext } from '../context';
import type { RepresentationDashboard } from '../../../shared/api';
import type { Redactor } from '../../../shared/domain/redaction';
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

/** Dashboards as redacted by one redactor, by their unredacted JSON (a few per redactor). */
const redactedDashboards = new WeakMap<Redactor, Map<string, RepresentationDashboard>>();
const MAX_REDACTED_DASHBOARDS = 8;

/**
 * The dashboard as `audience` reads it: its free text (dashboardForAudience) redacted. That gives
 * the same result for the same figures and redactor (rebuilt when protection changes): done once
 * per state of the figures.
 */
function dashboardFor(
  ctx: BackendContext,
  forumId: string,
  audience: Audience,
): RepresentationDashboard {
  const dashboard = representationDashboard(ctx, forumId, audience);
  if (audience === 'coordinators') return dashboard;
  const { redactor } = protectionFor(ctx, forumId);
  let cache = redactedDashboards.get(redactor);
  if (!cache) redactedDashboards.set(redactor, (cache = new Map()));
  const key = `${audience}\u0000${JSON.stringify(dashboard)}`;
  let out = cache.get(key);
  if (!out) {
    out = dashboardForAudience(dashboard, textRedactor(audience, redactor));
    if (cache.size >= MAX_REDACTED_DASHBOARDS) cache.delete(cache.keys().next().value!);
    cache.set(key, out);
  }
  return out;
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
