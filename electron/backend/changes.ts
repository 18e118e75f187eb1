/**
 * What a successful write tells open views (the ChangedEvent of the live-update channel): the
 * method's own area plus the areas whose reads obviously depend on it, so the renderer's query
 * cache refetches just those.
 */
import type { ChangedEvent } from '../../shared/events';

/** Writes whose only stored effect is an audit record (a reveal, an export's record). */
export const AUDIT_ONLY_WRITES: ReadonlySet<string> = new Set([
  'participants.get',
  'exports.render',
  'exports.printable',
]);

/** Areas that read what another area writes (counts, generated sections, the timeline). */
const ALSO_TOUCHES: Record<string, readonly string[]> = {
  participants: ['representation', 'audit'],
  calls: ['representation', 'timeline', 'actionItems'],
  callSeries: ['calls', 'timeline', 'representation'],
  sessions: ['representation', 'timeline'],
  contributions: ['report'],
  themes: ['contributions', 'report'],
  actors: ['participants', 'audit'],
  incidents: ['audit'],
  forums: ['timeline'],
};

/** Everything, for the sample forum (it fills every area at once). */
const EVERY_AREA = [
  'forums',
  'participants',
  'calls',
  'callSeries',
  'actionItems',
  'timeline',
  'themes',
  'contributions',
  'nris',
  'sessions',
  'representation',
  'report',
  'incidents',
  'actors',
  'audit',
];

const forumIdOf = (v: unknown): string | undefined => {
  if (typeof v !== 'object' || v === null) return undefined;
  const id = (v as { forumId?: unknown }).forumId;
  return typeof id === 'string' ? id : undefined;
};

const idOf = (v: unknown): string | undefined => {
  if (typeof v !== 'object' || v === null) return undefined;
  const id = (v as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
};

export function changedEvent(method: string, input: unknown, output: unknown): ChangedEvent {
  const area = method.slice(0, method.indexOf('.'));
  const areas = AUDIT_ONLY_WRITES.has(method)
    ? ['audit']
    : method === 'forums.loadSample'
      ? EVERY_AREA
      : [area, ...(ALSO_TOUCHES[area] ?? [])];
  // A forum's own methods name it by `id`.
  const forumId =
    forumIdOf(input) ??
    forumIdOf(output) ??
    (area === 'forums' ? (idOf(input) ?? idOf(output)) : undefined);
  return forumId === undefined
    ? { kind: 'changed', method, areas }
    : { kind: 'changed', method, areas, forumId };
}
